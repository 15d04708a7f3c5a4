"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { config } from "@/lib/config";
import { addSubscriber, removeSubscriber } from "@/lib/syndication/subscribers";

/** Adds a webhook or chat channel (Slack, Discord, Teams); a webhook's secret is shown once. */
export async function addSubscriberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const componentIds = form instanceof FormData ? form.getAll("component").filter((v): v is string => typeof v === "string") : [];
  const result = await runAction("admin", (staff) => {
    const { subscriber, secret } = addSubscriber(getDb(), staff, { kind: values.kind as never, url: values.url ?? "", label: values.label ?? "", componentIds }, { allowPrivate: config().allowPrivateTargets });
    revalidatePath("/admin/subscribers");
    revalidatePath("/admin/channels");
    return secret
      ? { ok: true, message: `Webhook added. Copy its signing secret now: it is shown once.`, secret }
      : { ok: true, message: `${subscriber.kind} channel added.` };
  });
  return result.ok ? result : { ...result, values };
}

export async function removeSubscriberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction("admin", (staff) => {
    removeSubscriber(getDb(), staff, id);
    revalidatePath("/admin/subscribers");
    revalidatePath("/admin/channels");
    return { ok: true, message: "Removed. Nothing more is sent there." };
  });
}
