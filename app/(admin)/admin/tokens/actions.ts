"use server";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { createToken, revokeToken } from "@/lib/tokens";
import { staffT } from "@/lib/i18n/staff";

const revalidate = ["/admin/tokens"];

export async function createTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return runAction(
    "admin",
    (staff, db) => {
      const { token, row } = createToken(db, staff, { name: values.name ?? "", scope: values.scope ?? "" });
      return { ok: true, message: staffT("staff.tokens.createdMessage", { name: row.name }), secret: token };
    },
    { echo: values, revalidate },
  );
}

export async function revokeTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction(
    "admin",
    (staff, db) => {
      revokeToken(db, staff, id);
      return { ok: true, message: staffT("staff.tokens.revokedMessage") };
    },
    { revalidate },
  );
}
