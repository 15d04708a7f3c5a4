"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { templateInputFromForm } from "@/lib/incident-form";
import { createTemplate, deleteTemplate, updateTemplate } from "@/lib/templates";

export async function saveTemplateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const result = await runAction("editor", (staff) => {
    const db = getDb();
    const input = templateInputFromForm(values);
    if (values.id) updateTemplate(db, staff, values.id, input);
    else createTemplate(db, staff, input);
    revalidatePath("/admin/templates");
    return { ok: true, message: values.id ? "Template saved." : "Template created." };
  });
  return result.ok ? result : { ...result, values };
}

export async function deleteTemplateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction("editor", (staff) => {
    deleteTemplate(getDb(), staff, id);
    revalidatePath("/admin/templates");
    return { ok: true, message: "Template deleted." };
  });
}
