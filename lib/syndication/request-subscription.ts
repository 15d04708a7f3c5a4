// A visitor asks to subscribe from the public page: throttled per client, stored unconfirmed,
// then asked to confirm (a mail with the link, a signed POST to the webhook, or a message in the
// chat product's format posted to the channel). The HTTP adapter (server/subscribe.tsx) only
// parses the form, calls this and renders the outcome.
import type { Db } from "@/db/client";
import { chatPayload } from "../chat-format";
import type { Locale } from "../i18n/locales";
import { AppError, storageError } from "../errors";
import { sendMail } from "../mail";
import type { Snapshot } from "../snapshot-types";
import { chatConfirmation } from "./chat";
import { confirmationMail } from "./email";
import { confirmUrl, unsubscribeUrl } from "./links";
import { postJson } from "./net";
import { subscribe, throttleSubscribe, type ChatProduct, type SubscribeOutcome } from "./subscribers";
import { signature } from "./webhook";

/** `locale`: the page's locale the visitor subscribed on (their mail's fixed words). */
export type SubscriptionRequest =
  | { kind: "email"; email: string; componentIds: string[]; locale?: Locale }
  | { kind: "webhook"; url: string; componentIds: string[]; locale?: Locale }
  /** A chat channel's incoming webhook; `product` may be left out when the URL's host tells it. */
  | { kind: "chat"; product?: ChatProduct | ""; url: string; componentIds: string[]; locale?: Locale };

export type SubscriptionResult =
  | { ok: true; kind: "email"; address: string }
  | { ok: true; kind: "webhook"; alreadySubscribed: boolean; secret: string | null }
  | { ok: true; kind: "chat"; product: ChatProduct; alreadySubscribed: boolean }
  /**
   * status: 400 (the form), 429 (throttled), 503 (try later); `reason` names the refusal for
   * translation; `fieldErrors` are keyed by the request's fields (email, url, product, componentIds).
   */
  | {
      ok: false;
      status: 400 | 429 | 503;
      reason: "noEmail" | "throttled" | "storage" | "mail" | "form";
      message: string;
      fieldErrors?: Record<string, string[]>;
    };

type Page = Pick<Snapshot, "page" | "emailSubscriptions">;

/** Asks the webhook's owner to confirm: a signed POST carrying the confirm link. */
async function askWebhookToConfirm(s: Page, outcome: SubscribeOutcome, allowPrivate: boolean, now: number) {
  const sub = outcome.subscriber;
  const body = JSON.stringify({
    type: "subscription_confirmation",
    meta: { confirm: confirmUrl(s.page.url, sub.token), unsubscribe: unsubscribeUrl(s.page.url, sub.token) },
    page: { id: s.page.id, name: s.page.name, url: s.page.url },
  });
  const timestamp = String(Math.floor(now / 1000));
  const headers = {
    "x-outpost-timestamp": timestamp,
    "x-outpost-signature": signature(sub.secret ?? "", timestamp, body),
  };
  await postJson(sub.address, body, headers, { allowPrivate, what: "Your webhook" });
}

/** Asks the channel to confirm: a message in its product's format carrying the confirm link. */
async function askChatToConfirm(s: Page, outcome: SubscribeOutcome, allowPrivate: boolean) {
  const sub = outcome.subscriber;
  const message = chatConfirmation({
    pageName: s.page.name,
    publicUrl: s.page.url,
    token: sub.token,
    locale: sub.locale,
    defaultLocale: s.page.defaultLocale,
  });
  const body = JSON.stringify(chatPayload(sub.kind as ChatProduct, message));
  await postJson(sub.address, body, {}, { allowPrivate, what: "Your chat webhook" });
}

export async function requestSubscription(
  db: Db,
  s: Page,
  input: SubscriptionRequest,
  opts: { clientAddress: string; allowPrivate: boolean; now?: number },
): Promise<SubscriptionResult> {
  const now = opts.now ?? Date.now();
  if (input.kind === "email" && !s.emailSubscriptions)
    return {
      ok: false,
      status: 400,
      reason: "noEmail",
      message: "Email subscriptions are not available on this page.",
    };
  let outcome: SubscribeOutcome;
  try {
    throttleSubscribe(db, opts.clientAddress, now);
    outcome = subscribe(db, input, { allowPrivate: opts.allowPrivate, now });
  } catch (err) {
    // A read-only database or a full disk is the server's trouble, not the visitor's: 503, retry later.
    if (storageError(err))
      return {
        ok: false,
        status: 503,
        reason: "storage",
        message: "Subscriptions cannot be saved right now. Please try again in a few minutes.",
      };
    if (!(err instanceof AppError)) throw err;
    if (err.code === "forbidden") return { ok: false, status: 429, reason: "throttled", message: err.message };
    const field = input.kind === "email" ? "email" : "url";
    const errors = err.fieldErrors ?? {};
    // Each field's own problems; a chat channel's product and URL can both be wrong at once.
    const named = Object.fromEntries(
      [field, "product", "componentIds"].flatMap((f) => (errors[f] ? [[f, errors[f]]] : [])),
    ) as Record<string, string[]>;
    const fieldErrors = Object.keys(named).length ? named : { [field]: [err.message] };
    return { ok: false, status: 400, reason: "form", message: "Please check the form.", fieldErrors };
  }
  if (input.kind === "email") {
    if (outcome.needsConfirmation) {
      try {
        await sendMail(
          confirmationMail({
            pageName: s.page.name,
            publicUrl: s.page.url,
            address: outcome.subscriber.address,
            token: outcome.subscriber.token,
            locale: outcome.subscriber.locale,
            defaultLocale: s.page.defaultLocale,
          }),
        );
      } catch (err) {
        console.error(`outpost: confirmation mail failed: ${(err as Error).message}`);
        return {
          ok: false,
          status: 503,
          reason: "mail",
          message: "We could not send the confirmation email just now. Please try again in a few minutes.",
        };
      }
    }
    return { ok: true, kind: "email", address: outcome.subscriber.address };
  }
  if (input.kind === "chat") {
    const product = outcome.subscriber.kind as ChatProduct;
    if (!outcome.needsConfirmation) return { ok: true, kind: "chat", product, alreadySubscribed: true };
    try {
      await askChatToConfirm(s, outcome, opts.allowPrivate);
    } catch {
      return urlRefused("This address did not accept our message. Check the channel's incoming webhook URL.");
    }
    return { ok: true, kind: "chat", product, alreadySubscribed: false };
  }
  if (!outcome.needsConfirmation) return { ok: true, kind: "webhook", alreadySubscribed: true, secret: null };
  try {
    await askWebhookToConfirm(s, outcome, opts.allowPrivate, now);
  } catch {
    // Which address the name resolved to, or why the connection failed, is not the public's to see.
    return urlRefused("This address cannot receive webhooks.");
  }
  return { ok: true, kind: "webhook", alreadySubscribed: false, secret: outcome.secret };
}

/** The confirmation could not be delivered: the form's URL field says why, in public words. */
function urlRefused(why: string): SubscriptionResult {
  return {
    ok: false,
    status: 400,
    reason: "form",
    message: "Please check the form.",
    fieldErrors: { url: [why] },
  };
}
