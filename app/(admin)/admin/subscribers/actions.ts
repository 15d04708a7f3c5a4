"use server";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { config } from "@/lib/config";
import { addSubscriber, removeSubscriber } from "@/lib/syndication/subscribers";

const revalidate = ["/admin/subscribers", "/admin/channels"];

/** Adds a webhook or chat channel (Slack, Discord, Teams); a webhook's secret is shown once. */
export async function addSubscriberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  const componentIds =
    form instanceof FormData ? form.getAll("component").filter((v): v is string => typeof v === "string") : [];
  return runAction(
    "admin",
    (staff, db) => {
      const { subscriber, secret } = addSubscriber(
        db,
        staff,
        { kind: values.kind as never, url: values.url ?? "", label: values.label ?? "", componentIds },
        { allowPrivate: config().allowPrivateTargets },
      );
      return secret
        ? { ok: true, message: `Webhook added. Copy its signing secret now: it is shown once.`, secret }
        : { ok: true, message: `${subscriber.kind} channel added.` };
    },
    { echo: values, revalidate },
  );
}

export async function removeSubscriberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction(
    "admin",
    (staff, db) => {
      removeSubscriber(db, staff, id);
      return { ok: true, message: "Removed. Nothing more is sent there." };
    },
    { revalidate },
  );
}
