"use server";
import { createUser, disableTotp, disableUser, enableUser, resetPassword, setRole } from "@/lib/accounts";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import type { Role } from "@/lib/constants";

export async function createPersonAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return runAction(
    "admin",
    async (staff, db) => {
      const { user, password } = await createUser(db, staff, {
        email: values.email ?? "",
        name: values.name ?? "",
        role: (values.role ?? "") as Role,
      });
      return {
        ok: true,
        message: `Added ${user.email}. Give them this password (shown once); they can change it under Account.`,
        secret: password,
      };
    },
    { echo: values, revalidate: ["/admin/people"] },
  );
}

/** One form per person row: the button pressed names the change. */
export async function changePersonAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "", intent = "", role = "" } = formValues(form);
  return runAction(
    "admin",
    async (staff, db) => {
      if (intent === "role") return { ok: true, message: `Role is now ${setRole(db, staff, id, role as Role).role}.` };
      if (intent === "disable")
        return { ok: true, message: `${disableUser(db, staff, id).email} is disabled and signed out.` };
      if (intent === "enable") return { ok: true, message: `${enableUser(db, staff, id).email} can sign in again.` };
      if (intent === "reset") {
        const { user, password } = await resetPassword(db, staff, id);
        return {
          ok: true,
          message: `New password for ${user.email} (shown once); their sessions have ended.`,
          secret: password,
        };
      }
      if (intent === "totp_off")
        return { ok: true, message: `Two-factor sign-in is off for ${disableTotp(db, staff, id).email}.` };
      return { ok: false, message: "Unknown change" };
    },
    { revalidate: ["/admin/people"] },
  );
}
