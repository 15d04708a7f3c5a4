// Subscriber verbs: the public double opt-in (email, webhook, chat), confirm and unsubscribe by token,
// and staff adding or removing webhooks and chat channels. Sending the confirmation is the
// caller's (it is I/O); these verbs only write, each in one transaction.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { inTransaction, type Db } from "@/db/client";
import { getComponent } from "@/db/queries/components";
import {
  bumpThrottle,
  deleteSpentSubscribeThrottles,
  deleteSubscriber,
  getSubscriber,
  insertSubscriber,
  patchSubscriber,
  subscriberByAddress,
  subscriberByToken,
  type SubscriberRow,
} from "@/db/queries/subscribers";
import { SUBSCRIBER_KINDS } from "@/db/syndication-schema";
import { recordAudit, type Actor } from "../audit";
import { AppError } from "../errors";
import { DEFAULT_LOCALE, LOCALES } from "../i18n/locales";
import { newId } from "../ids";
import { email, parse } from "../validation";
import { targetUrlProblem } from "./net";

export type PublicSubscriber = Omit<SubscriberRow, "secret" | "token">;

const token = () => randomBytes(24).toString("base64url");
const newSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;

const componentIds = z.array(z.string().min(1).max(40)).max(200).default([]);
/** The page's locale the visitor subscribed on. */
const locale = z.enum(LOCALES).default(DEFAULT_LOCALE);

function webhookUrl(allowPrivate: boolean, missing = "Enter the webhook URL") {
  return z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .superRefine((u, ctx) => {
      if (!u) return; // "Enter the URL" says it already
      const problem = targetUrlProblem(u, allowPrivate);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/** The chat products whose incoming webhooks a visitor may subscribe (each its own subscriber kind). */
export const CHAT_PRODUCTS = ["slack", "discord", "teams"] as const;
export type ChatProduct = (typeof CHAT_PRODUCTS)[number];
/** The products' own names, the same in every language. */
export const CHAT_PRODUCT_NAMES: Record<ChatProduct, string> = {
  slack: "Slack",
  discord: "Discord",
  teams: "Microsoft Teams",
};
const CHOOSE_PRODUCT = "Choose Slack, Discord or Microsoft Teams";

/**
 * The product an incoming-webhook URL belongs to when its host says so, else null. Only a hint:
 * Slack's format is also taken by Mattermost, Rocket.Chat and Discord's `/slack` endpoint on
 * their own hosts, and Teams' Workflows URLs live on Azure hosts shared with anything, so the
 * visitor says which product; a known host fills in a choice left empty and catches a mix-up.
 */
export function chatProductOf(raw: string): ChatProduct | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  if (host === "hooks.slack.com" || host === "hooks.slack-gov.com") return "slack";
  if (/^(?:(?:ptb|canary)\.)?discord(?:app)?\.com$/.test(host) && url.pathname.startsWith("/api/webhooks/"))
    return /\/(?:slack|github)\/?$/.test(url.pathname) ? null : "discord";
  if (host.endsWith(".webhook.office.com")) return "teams";
  return null;
}

const chatProduct = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.enum(CHAT_PRODUCTS, { error: CHOOSE_PRODUCT }).optional(),
);

/** The channel's product: the visitor's choice, or what the URL's host says when none was made. */
export const productOf = (input: { product?: ChatProduct; url: string }): ChatProduct | null =>
  input.product ?? chatProductOf(input.url);

export function publicSubscribeSchema(allowPrivate: boolean) {
  return z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("email"), email, componentIds, locale }),
    z.object({ kind: z.literal("webhook"), url: webhookUrl(allowPrivate), componentIds, locale }),
    z
      .object({
        kind: z.literal("chat"),
        product: chatProduct,
        url: webhookUrl(allowPrivate, "Enter the channel's incoming webhook URL"),
        componentIds,
        locale,
      })
      .superRefine((v, ctx) => {
        const detected = chatProductOf(v.url);
        if (!v.product && !detected) ctx.addIssue({ code: "custom", path: ["product"], message: CHOOSE_PRODUCT });
        else if (v.product && detected && detected !== v.product)
          ctx.addIssue({
            code: "custom",
            path: ["product"],
            message: `This is a ${CHAT_PRODUCT_NAMES[detected]} webhook URL: choose ${CHAT_PRODUCT_NAMES[detected]}`,
          });
      }),
  ]);
}
export type PublicSubscribeInput = z.input<ReturnType<typeof publicSubscribeSchema>>;

function checkComponents(db: Db, ids: readonly string[]) {
  for (const id of ids)
    if (!getComponent(db, id))
      throw new AppError("validation", `Unknown component ${id}`, { componentIds: [`unknown component ${id}`] });
}

/** Public subscribe attempts allowed per client (hashed address) per hour. */
export const SUBSCRIBE_LIMIT = 5;
const SUBSCRIBE_WINDOW_MS = 60 * 60_000;

/** Counts a subscribe attempt of a client; refuses past the limit. The address is stored hashed only. */
export function throttleSubscribe(db: Db, clientAddress: string, now = Date.now()): void {
  const key = `subscribe:${createHash("sha256").update(clientAddress).digest("base64url").slice(0, 32)}`;
  if (bumpThrottle(db, key, now, SUBSCRIBE_WINDOW_MS) > SUBSCRIBE_LIMIT) {
    throw new AppError("forbidden", "Too many subscription requests from your network. Please try again in an hour.");
  }
}

/** Forgets subscribe counts whose window has passed (hourly, from the background loop). */
export function pruneSubscribeThrottles(db: Db, now: number): number {
  return deleteSpentSubscribeThrottles(db, now - SUBSCRIBE_WINDOW_MS);
}

export type SubscribeOutcome = {
  subscriber: SubscriberRow;
  /** Send a confirmation (new, or still unconfirmed); false when already confirmed. */
  needsConfirmation: boolean;
  /** A new webhook's signing secret, shown once. */
  secret: string | null;
};

/**
 * Records a public subscription, unconfirmed until its link is followed. Subscribing an address
 * again re-sends the confirmation (unconfirmed) or changes nothing (confirmed); the answer shown
 * is the same either way, so the form does not reveal who is subscribed.
 */
export function subscribe(
  db: Db,
  raw: PublicSubscribeInput,
  opts: { allowPrivate: boolean; now?: number },
): SubscribeOutcome {
  const input = parse(publicSubscribeSchema(opts.allowPrivate), raw);
  const now = opts.now ?? Date.now();
  // The schema made sure a chat channel's product is known (chosen, or told by its host).
  const kind = input.kind === "chat" ? productOf(input)! : input.kind;
  return inTransaction(db, () => {
    checkComponents(db, input.componentIds);
    const address = input.kind === "email" ? input.email : input.url;
    const existing = subscriberByAddress(db, kind, address);
    if (existing) {
      if (existing.confirmedAt) return { subscriber: existing, needsConfirmation: false, secret: null };
      // Still unconfirmed: a webhook gets a fresh secret, as the first one may never have been seen.
      const secret = kind === "webhook" ? newSecret() : null;
      const again = patchSubscriber(db, existing.id, {
        componentIds: input.componentIds,
        locale: input.locale,
        confirmationSentAt: now,
        updatedAt: now,
        ...(secret ? { secret } : {}),
      });
      return { subscriber: again, needsConfirmation: true, secret };
    }
    const secret = kind === "webhook" ? newSecret() : null;
    const subscriber = insertSubscriber(db, {
      id: newId(),
      kind,
      address,
      secret,
      componentIds: input.componentIds,
      locale: input.locale,
      token: token(),
      confirmationSentAt: now,
      createdAt: now,
      updatedAt: now,
    });
    return { subscriber, needsConfirmation: true, secret };
  });
}

export function confirmSubscription(db: Db, tokenValue: string, now = Date.now()): SubscriberRow {
  return inTransaction(db, () => {
    const s = subscriberByToken(db, tokenValue);
    if (!s) throw new AppError("not_found", "This link is not valid (any more). Subscribe again from the status page.");
    return s.confirmedAt ? s : patchSubscriber(db, s.id, { confirmedAt: now, updatedAt: now });
  });
}

/** One-click unsubscribe: the subscription is deleted with its pending deliveries. */
export function unsubscribe(db: Db, tokenValue: string): SubscriberRow | null {
  return inTransaction(db, () => {
    const s = subscriberByToken(db, tokenValue);
    if (s) deleteSubscriber(db, s.id);
    return s ?? null;
  });
}

export const staffSubscriberSchema = (allowPrivate: boolean) =>
  z.object({
    kind: z.enum(SUBSCRIBER_KINDS.filter((k) => k !== "email") as ["webhook", "slack", "discord", "teams"], {
      error: "Choose webhook, Slack, Discord or Teams",
    }),
    url: webhookUrl(allowPrivate),
    label: z.string().trim().max(80, "At most 80 characters").default(""),
    componentIds,
  });
export type StaffSubscriberInput = z.input<ReturnType<typeof staffSubscriberSchema>>;

/** A subscriber staff vouch for: confirmed at once, with its audit row. Inside a transaction. */
function insertConfirmed(
  db: Db,
  actor: Actor,
  fields: Pick<Parameters<typeof insertSubscriber>[1], "kind" | "address" | "secret" | "label" | "componentIds">,
  now: number,
): SubscriberRow {
  const subscriber = insertSubscriber(db, {
    id: newId(),
    ...fields,
    token: token(),
    confirmedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  recordAudit(
    db,
    actor,
    "subscriber.create",
    { type: "subscriber", id: subscriber.id },
    undefined,
    publicView(subscriber),
    now,
  );
  return subscriber;
}

/** Staff add a webhook or chat channel: confirmed at once. Returns the webhook's secret (shown once). */
export function addSubscriber(
  db: Db,
  actor: Actor,
  raw: StaffSubscriberInput,
  opts: { allowPrivate: boolean; now?: number },
) {
  const input = parse(staffSubscriberSchema(opts.allowPrivate), raw);
  const now = opts.now ?? Date.now();
  return inTransaction(db, () => {
    checkComponents(db, input.componentIds);
    if (subscriberByAddress(db, input.kind, input.url))
      throw new AppError("conflict", "This URL is already registered", { url: ["already registered"] });
    const secret = input.kind === "webhook" ? newSecret() : null;
    const subscriber = insertConfirmed(
      db,
      actor,
      { kind: input.kind, address: input.url, secret, label: input.label, componentIds: input.componentIds },
      now,
    );
    return { subscriber, secret };
  });
}

/** Staff add an email address they vouch for: confirmed at once, no confirmation mail. */
export function addConfirmedEmail(
  db: Db,
  actor: Actor,
  raw: { email: string; componentIds?: string[] },
  now = Date.now(),
) {
  const input = parse(z.object({ email, componentIds }), raw);
  return inTransaction(db, () => {
    checkComponents(db, input.componentIds);
    if (subscriberByAddress(db, "email", input.email))
      throw new AppError("conflict", "This address is already subscribed", { email: ["already subscribed"] });
    return insertConfirmed(db, actor, { kind: "email", address: input.email, componentIds: input.componentIds }, now);
  });
}

export function removeSubscriber(db: Db, actor: Actor, id: string, now = Date.now()): void {
  inTransaction(db, () => {
    const s = getSubscriber(db, id);
    if (!s) throw new AppError("not_found", "There is no such subscriber");
    deleteSubscriber(db, id);
    recordAudit(db, actor, "subscriber.delete", { type: "subscriber", id }, publicView(s), null, now);
  });
}

/** A subscriber without its secret and token (lists, audit, API). */
export function publicView(s: SubscriberRow): PublicSubscriber {
  const rest: Partial<SubscriberRow> = { ...s };
  delete rest.secret;
  delete rest.token;
  return rest as PublicSubscriber;
}
