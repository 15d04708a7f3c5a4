"use server";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { recurrenceInputFromForm } from "@/lib/incident-form";
import { createRecurrence, stopRecurrence } from "@/lib/maintenance";

const revalidate = ["/admin/maintenance"];

export async function createRecurrenceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      createRecurrence(db, staff, recurrenceInputFromForm(values));
      return {
        ok: true,
        message: "Schedule saved. Its occurrences for the next five weeks are listed as upcoming maintenance.",
      };
    },
    { echo: values, revalidate },
  );
}

export async function stopRecurrenceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      stopRecurrence(db, staff, id);
      return { ok: true, message: "Stopped. No new occurrences will be created." };
    },
    { revalidate },
  );
}
