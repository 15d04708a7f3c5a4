"use server";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { config } from "@/lib/config";
import { addSubscriber, removeSubscriber } from "@/lib/syndication/subscribers";
import { staffT } from "@/lib/i18n/staff";

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
        ? { ok: true, message: staffT("staff.subscribers.webhookAdded"), secret }
        : { ok: true, message: staffT("staff.subscribers.channelAdded", { kind: subscriber.kind }) };
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
      return { ok: true, message: staffT("staff.subscribers.removed") };
    },
    { revalidate },
  );
}
