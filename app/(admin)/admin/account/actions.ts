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

export async function saveProfileAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { name = "" } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      updateProfile(db, staff, staff.id, name);
      return { ok: true, message: "Saved." };
    },
    { revalidate: [ALL_STAFF_PAGES] },
  );
}

export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { current = "", next = "" } = formValues(form);
  return runAction("editor", async (staff, db) => {
    await changeOwnPassword(db, staff, { current, next });
    return { ok: true, message: "Password changed. Other sessions stay signed in until you sign them out below." };
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
      message:
        "Two-factor sign-in is on. Save these recovery codes somewhere safe: each works once, and they are shown only now.",
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
        throw new AppError("validation", "Your password is not right", { password: ["is not right"] });
      }
      disableTotp(db, staff, staff.id);
      return { ok: true, message: "Two-factor sign-in is off." };
    },
    { revalidate: ["/admin/account"] },
  );
}

export async function signOutEverywhereAction(): Promise<ActionState> {
  return runAction("editor", (staff, db) => {
    signOutEverywhere(db, staff, staff.id);
    return { ok: true, message: "Every session of this account has ended, this one included. Sign in again." };
  });
}
