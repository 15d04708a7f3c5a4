"use server";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { createToken, revokeToken } from "@/lib/tokens";

const revalidate = ["/admin/tokens"];

export async function createTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return runAction(
    "admin",
    (staff, db) => {
      const { token, row } = createToken(db, staff, { name: values.name ?? "", scope: values.scope ?? "" });
      return { ok: true, message: `Token "${row.name}" created. Copy it now: it is shown once.`, secret: token };
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
      return { ok: true, message: "Revoked. Requests with this token now get 401." };
    },
    { revalidate },
  );
}
