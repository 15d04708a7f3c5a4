"use server";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { recurrenceInputFromForm } from "@/lib/incident-form";
import { createRecurrence, stopRecurrence } from "@/lib/maintenance";
import { staffT } from "@/lib/i18n/staff";

const revalidate = ["/admin/maintenance"];

export async function createRecurrenceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      createRecurrence(db, staff, recurrenceInputFromForm(values));
      return {
        ok: true,
        message: staffT("staff.maintenance.scheduleSaved"),
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
      return { ok: true, message: staffT("staff.maintenance.stoppedMessage") };
    },
    { revalidate },
  );
}
