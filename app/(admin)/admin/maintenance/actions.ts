"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { recurrenceInputFromForm } from "@/lib/incident-form";
import { createRecurrence, stopRecurrence } from "@/lib/maintenance";

export async function createRecurrenceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const result = await runAction("editor", (staff) => {
    createRecurrence(getDb(), staff, recurrenceInputFromForm(values));
    revalidatePath("/admin/maintenance");
    return { ok: true, message: "Schedule saved. Its occurrences for the next five weeks are listed as upcoming maintenance." };
  });
  return result.ok ? result : { ...result, values };
}

export async function stopRecurrenceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction("editor", (staff) => {
    stopRecurrence(getDb(), staff, id);
    revalidatePath("/admin/maintenance");
    return { ok: true, message: "Stopped. No new occurrences will be created." };
  });
}
