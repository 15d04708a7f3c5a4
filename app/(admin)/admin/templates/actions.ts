"use server";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { templateInputFromForm } from "@/lib/incident-form";
import { createTemplate, deleteTemplate, updateTemplate } from "@/lib/templates";
import { staffT } from "@/lib/i18n/staff";

const revalidate = ["/admin/templates"];

export async function saveTemplateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      const input = templateInputFromForm(values);
      if (values.id) updateTemplate(db, staff, values.id, input);
      else createTemplate(db, staff, input);
      return { ok: true, message: values.id ? staffT("staff.templates.saved") : staffT("staff.templates.created") };
    },
    { echo: values, revalidate },
  );
}

export async function deleteTemplateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      deleteTemplate(db, staff, id);
      return { ok: true, message: staffT("staff.templates.deleted") };
    },
    { revalidate },
  );
}
