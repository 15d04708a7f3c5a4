"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createUser, disableTotp, disableUser, enableUser, resetPassword, setRole } from "@/lib/accounts";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import type { Role } from "@/lib/constants";

export async function createPersonAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const result = await runAction("admin", async (staff) => {
    const { user, password } = await createUser(getDb(), staff, { email: values.email ?? "", name: values.name ?? "", role: (values.role ?? "") as Role });
    revalidatePath("/admin/people");
    return { ok: true, message: `Added ${user.email}. Give them this password (shown once); they can change it under Account.`, secret: password };
  });
  return result.ok ? result : { ...result, values };
}

/** One form per person row: the button pressed names the change. */
export async function changePersonAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "", intent = "", role = "" } = formValues(form);
  return runAction("admin", async (staff) => {
    const db = getDb();
    let state: ActionState = { ok: true };
    if (intent === "role") state = { ok: true, message: `Role is now ${setRole(db, staff, id, role as Role).role}.` };
    else if (intent === "disable") state = { ok: true, message: `${disableUser(db, staff, id).email} is disabled and signed out.` };
    else if (intent === "enable") state = { ok: true, message: `${enableUser(db, staff, id).email} can sign in again.` };
    else if (intent === "reset") {
      const { user, password } = await resetPassword(db, staff, id);
      state = { ok: true, message: `New password for ${user.email} (shown once); their sessions have ended.`, secret: password };
    } else if (intent === "totp_off") state = { ok: true, message: `Two-factor sign-in is off for ${disableTotp(db, staff, id).email}.` };
    else return { ok: false, message: "Unknown change" };
    revalidatePath("/admin/people");
    return state;
  });
}
