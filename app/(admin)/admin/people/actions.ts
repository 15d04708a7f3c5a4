"use server";
import { createUser, disableTotp, disableUser, enableUser, resetPassword, setRole } from "@/lib/accounts";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import type { Role } from "@/lib/constants";
import { staffT } from "@/lib/i18n/staff";

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
        message: staffT("staff.people.added", { email: user.email }),
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
      if (intent === "role")
        return {
          ok: true,
          message: staffT("staff.people.roleNow", { role: setRole(db, staff, id, role as Role).role }),
        };
      if (intent === "disable")
        return {
          ok: true,
          message: staffT("staff.people.disabledMessage", { email: disableUser(db, staff, id).email }),
        };
      if (intent === "enable")
        return { ok: true, message: staffT("staff.people.enabledMessage", { email: enableUser(db, staff, id).email }) };
      if (intent === "reset") {
        const { user, password } = await resetPassword(db, staff, id);
        return {
          ok: true,
          message: staffT("staff.people.newPassword", { email: user.email }),
          secret: password,
        };
      }
      if (intent === "totp_off")
        return {
          ok: true,
          message: staffT("staff.people.twoFactorOffMessage", { email: disableTotp(db, staff, id).email }),
        };
      return { ok: false, message: staffT("staff.people.unknownChange") };
    },
    { revalidate: ["/admin/people"] },
  );
}
