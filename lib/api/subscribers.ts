// Subscribers over the admin API, in Statuspage's shape: POST {"subscriber": {"email" | "endpoint",
// "component_ids", "skip_confirmation_notification"}}. A webhook's signing secret is in the
// creation response only. Email addresses added here are taken as confirmed by staff, so they
// need skip_confirmation_notification: true; people confirm their own from the public page.
import { getSubscriber, listSubscribers as listRows, type SubscriberRow } from "@/db/queries/subscribers";
import { config } from "../config";
import { AppError } from "../errors";
import { addConfirmedEmail, addSubscriber, removeSubscriber } from "../syndication/subscribers";
import { pathParam, type ApiContext, type FieldNames } from "./route";
import type { ListQuery, SubscriberCreateBody } from "./schemas";
import { isoTime } from "../time";

export const SUBSCRIBER_FIELDS: FieldNames = {
  wrapper: "subscriber",
  rename: { url: "endpoint", componentIds: "component_ids" },
};

export function subscriberJson(s: SubscriberRow) {
  return {
    id: s.id,
    mode: s.kind,
    email: s.kind === "email" ? s.address : null,
    endpoint: s.kind === "email" ? null : s.address,
    component_ids: s.componentIds,
    confirmed_at: isoTime(s.confirmedAt),
    created_at: isoTime(s.createdAt)!,
    updated_at: isoTime(s.updatedAt)!,
  };
}

export function listSubscribers(ctx: ApiContext<undefined, ListQuery>) {
  const limit = ctx.query.limit ?? ctx.query.per_page ?? 100;
  return listRows(ctx.db, { limit, offset: (ctx.query.page - 1) * limit }).map(subscriberJson);
}

export function showSubscriber(ctx: ApiContext) {
  const id = pathParam(ctx, "subscriber_id");
  const s = getSubscriber(ctx.db, id);
  if (!s) throw new AppError("not_found", `No subscriber has the id ${id.slice(0, 40)}`);
  return subscriberJson(s);
}

export function postSubscriber(ctx: ApiContext<SubscriberCreateBody>) {
  const b = ctx.body.subscriber;
  const componentIds = b.component_ids ?? [];
  if (b.endpoint) {
    const { subscriber, secret } = addSubscriber(
      ctx.db,
      ctx.actor,
      { kind: b.type ?? "webhook", url: b.endpoint, componentIds },
      { allowPrivate: config().allowPrivateTargets, now: ctx.now },
    );
    return { ...subscriberJson(subscriber), secret };
  }
  if (!b.skip_confirmation_notification) {
    throw new AppError(
      "validation",
      "Email subscribers confirm from the public page; send skip_confirmation_notification: true to add an address you vouch for",
      {
        skipConfirmationNotification: ["must be true for an email added by staff"],
      },
    );
  }
  return {
    ...subscriberJson(addConfirmedEmail(ctx.db, ctx.actor, { email: b.email ?? "", componentIds }, ctx.now)),
    secret: null,
  };
}

export function deleteSubscriber(ctx: ApiContext) {
  const id = pathParam(ctx, "subscriber_id");
  const s = getSubscriber(ctx.db, id);
  if (!s) throw new AppError("not_found", `No subscriber has the id ${id.slice(0, 40)}`);
  removeSubscriber(ctx.db, ctx.actor, s.id, ctx.now);
  return subscriberJson(s);
}
