"use server";
import {
  beginTotp,
  changeOwnPassword,
  confirmTotp,
  disableTotp,
  signOutEverywhere,
  updateProfile,
} from "@/lib/accounts";
import { ALL_STAFF_PAGES, formValues, runAction, type ActionState } from "@/lib/auth/action";
import { verifyPassword } from "@/lib/auth/passwords";
import { AppError } from "@/lib/errors";
import { staffT } from "@/lib/i18n/staff";

export async function saveProfileAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { name = "" } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      updateProfile(db, staff, staff.id, name);
      return { ok: true, message: staffT("staff.common.saved") };
    },
    { revalidate: [ALL_STAFF_PAGES] },
  );
}

export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { current = "", next = "" } = formValues(form);
  return runAction("editor", async (staff, db) => {
    await changeOwnPassword(db, staff, { current, next });
    return { ok: true, message: staffT("staff.account.passwordChanged") };
  });
}

export async function beginTotpAction(): Promise<ActionState> {
  return runAction("editor", (staff, db) => void beginTotp(db, staff), { revalidate: ["/admin/account"] });
}

export async function confirmTotpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { code = "" } = formValues(form);
  return runAction("editor", (staff, db) => {
    const codes = confirmTotp(db, staff, code);
    return {
      ok: true,
      message: staffT("staff.account.twoFactorEnabled"),
      secret: codes.join("\n"),
    };
  });
}

export async function disableTotpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { password = "" } = formValues(form);
  return runAction(
    "editor",
    async (staff, db) => {
      // Turning a safeguard off asks for the password again: a session left open is not enough.
      if (!staff.user.passwordHash || !(await verifyPassword(staff.user.passwordHash, password))) {
        throw new AppError("validation", staffT("staff.account.wrongPassword"), {
          password: [staffT("staff.account.notRight")],
        });
      }
      disableTotp(db, staff, staff.id);
      return { ok: true, message: staffT("staff.account.twoFactorDisabled") };
    },
    { revalidate: ["/admin/account"] },
  );
}

export async function signOutEverywhereAction(): Promise<ActionState> {
  return runAction("editor", (staff, db) => {
    signOutEverywhere(db, staff, staff.id);
    return { ok: true, message: staffT("staff.account.signedOutEverywhere") };
  });
}
