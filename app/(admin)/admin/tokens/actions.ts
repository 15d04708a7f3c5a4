"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { createToken, revokeToken } from "@/lib/tokens";

export async function createTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const result = await runAction("admin", (staff) => {
    const { token, row } = createToken(getDb(), staff, { name: values.name ?? "", scope: values.scope ?? "" });
    revalidatePath("/admin/tokens");
    return { ok: true, message: `Token "${row.name}" created. Copy it now: it is shown once.`, secret: token };
  });
  return result.ok ? result : { ...result, values };
}

export async function revokeTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction("admin", (staff) => {
    revokeToken(getDb(), staff, id);
    revalidatePath("/admin/tokens");
    return { ok: true, message: "Revoked. Requests with this token now get 401." };
  });
}
