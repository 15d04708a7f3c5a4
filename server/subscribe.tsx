// The public subscribe flow, answered by the front server: POST /subscribe (a plain form, no
// JavaScript needed), and the confirm and unsubscribe pages, in the locale of their address
// (/de/subscribe). Confirm and unsubscribe links show a button that POSTs, so mail scanners that
// prefetch links change nothing; the unsubscribe URL also takes RFC 8058's one-click POST. Every
// answer is per request (no-store).
import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "@/db/client";
import { addressOf } from "@/lib/auth/client-address";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { Translator } from "@/lib/i18n/messages";
import type { Snapshot } from "@/lib/snapshot-types";
import {
  requestSubscription,
  type SubscriptionRequest,
  type SubscriptionResult,
} from "@/lib/syndication/request-subscription";
import { confirmSubscription, unsubscribe } from "@/lib/syndication/subscribers";
import { SubscriptionPage, type SubscriptionView } from "@/components/pages/SubscriptionPage";
import type { SubscribeFormState } from "@/components/pages/SubscribeForm";
import type { LoadedAssets } from "./assets";
import { readForm } from "./body";
import { NO_STORE, sendPayload } from "./payload";
import { html } from "./render";

type Ctx = { req: IncomingMessage; res: ServerResponse; s: Snapshot; assets: LoadedAssets; tr: Translator };

function respond({ req, res, s, assets, tr }: Ctx, status: number, title: string, view: SubscriptionView) {
  const payload = html(
    status,
    s,
    assets,
    tr.t("title.of", { title, page: s.page.name }),
    title,
    <SubscriptionPage view={view} />,
    { tr },
  );
  payload.headers["cache-control"] = NO_STORE;
  sendPayload(req, res, payload);
}

const formView = (s: Snapshot, state: SubscribeFormState): SubscriptionView => ({
  kind: "form",
  state,
  components: s.components,
  emailEnabled: s.emailSubscriptions,
});

type Refused = Extract<SubscriptionResult, { ok: false }>;

const REFUSALS = {
  noEmail: "subscribe.noEmail",
  throttled: "subscribe.throttled",
  storage: "subscribe.unavailable",
  mail: "subscribe.mailFailed",
  form: "subscribe.checkForm",
} as const satisfies Record<Refused["reason"], string>;

const FIELD_PROBLEMS = {
  email: "subscribe.emailInvalid",
  url: "subscribe.urlInvalid",
  componentIds: "subscribe.componentsInvalid",
} as const;

/**
 * A refusal in the page's words. English shows the checks' own precise wording; other locales say
 * in their language which field to correct (the checks' messages are English only).
 */
function refusalState(tr: Translator, result: Refused, values: SubscribeFormState["values"]): SubscribeFormState {
  const message = tr.t(REFUSALS[result.reason]);
  if (tr.locale === "en") return { values, errors: result.fieldErrors, message: result.message };
  const errors = result.fieldErrors
    ? Object.fromEntries(
        Object.keys(result.fieldErrors).map((field) => [
          field,
          [tr.t(FIELD_PROBLEMS[field as keyof typeof FIELD_PROBLEMS] ?? "subscribe.checkForm")],
        ]),
      )
    : undefined;
  return { values, errors, message };
}

async function postSubscribe(ctx: Ctx, trustProxy: boolean) {
  const { req, res, s, tr } = ctx;
  const form = await readForm(req, res);
  const values = { email: form.get("email") ?? "", url: form.get("url") ?? "", componentIds: form.getAll("component") };
  const input: SubscriptionRequest =
    form.get("kind") === "webhook"
      ? { kind: "webhook", url: values.url, componentIds: values.componentIds, locale: tr.locale }
      : { kind: "email", email: values.email, componentIds: values.componentIds, locale: tr.locale };
  const clientAddress = addressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustProxy);
  const result = await requestSubscription(getDb(), s, input, {
    clientAddress,
    allowPrivate: config().allowPrivateTargets,
  });
  if (!result.ok)
    return respond(ctx, result.status, tr.t("page.subscribe"), formView(s, refusalState(tr, result, values)));
  if (result.kind === "email") {
    // The same answer whether or not the address was already subscribed.
    const title = tr.t("subscribe.checkInbox");
    return respond(ctx, 200, title, {
      kind: "message",
      title,
      lines: [tr.t("subscribe.sent", { address: result.address })],
    });
  }
  if (result.alreadySubscribed) {
    const title = tr.t("subscribe.already");
    return respond(ctx, 200, title, { kind: "message", title, lines: [tr.t("subscribe.alreadyText")] });
  }
  const title = tr.t("subscribe.confirmWebhook");
  return respond(ctx, 200, title, {
    kind: "message",
    title,
    lines: [
      tr.t("subscribe.webhookSent"),
      tr.t("subscribe.webhookSigned", { format: 'sha256=<hex HMAC-SHA256 of "timestamp.body">' }),
    ],
    secret: result.secret ?? undefined,
  });
}

async function tokenAction(ctx: Ctx, path: string, query: URLSearchParams) {
  const { req, res, s, tr } = ctx;
  const confirming = path === "/subscriptions/confirm";
  if (req.method === "GET" || req.method === "HEAD") {
    const token = query.get("token") ?? "";
    const title = tr.t(confirming ? "subscribe.confirmTitle" : "subscribe.unsubscribeTitle");
    return respond(ctx, 200, title, {
      kind: "confirm",
      title,
      text: tr.t(confirming ? "subscribe.start" : "subscribe.stop", { page: s.page.name }),
      action: tr.href(path),
      token,
      button: tr.t(confirming ? "subscribe.confirmButton" : "subscribe.unsubscribeButton"),
    });
  }
  const form = await readForm(req, res);
  const token = form.get("token") ?? query.get("token") ?? "";
  const db = getDb();
  if (!confirming) {
    unsubscribe(db, token);
    const title = tr.t("subscribe.unsubscribed");
    return respond(ctx, 200, title, { kind: "message", title, lines: [tr.t("subscribe.unsubscribedText")] });
  }
  try {
    confirmSubscription(db, token);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const title = tr.t("subscribe.invalidTitle");
    return respond(ctx, 404, title, { kind: "message", title, lines: [tr.t("subscribe.invalid")] });
  }
  const title = tr.t("subscribe.subscribedTitle");
  return respond(ctx, 200, title, { kind: "message", title, lines: [tr.t("subscribe.subscribedText")] });
}

/** Answers the subscription paths (GET, HEAD and POST; the route table refuses other methods). */
export async function handleSubscription(
  req: IncomingMessage,
  res: ServerResponse,
  opts: {
    snapshot: Snapshot;
    assets: LoadedAssets;
    trustProxy: boolean;
    path: string;
    query: URLSearchParams;
    tr: Translator;
  },
) {
  const ctx: Ctx = { req, res, s: opts.snapshot, assets: opts.assets, tr: opts.tr };
  if (opts.path === "/subscribe") {
    if (req.method === "POST") return postSubscribe(ctx, opts.trustProxy);
    const title = opts.tr.t("page.subscribe");
    return respond(ctx, 200, title, formView(opts.snapshot, {}));
  }
  return tokenAction(ctx, opts.path, opts.query);
}
