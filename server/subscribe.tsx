// The public subscribe flow, answered by the front server: GET /subscribe (the hub: email,
// webhook, chat, feeds and badge; `?incident=<id>` focuses it on one incident), POST /subscribe
// (a plain form, no JavaScript needed), and the confirm and unsubscribe pages, in the locale of
// their address (/de/subscribe). Confirm and unsubscribe links show a button that POSTs, so mail
// scanners and chat link previews that fetch links change nothing; the unsubscribe URL also takes
// RFC 8058's one-click POST. Every answer is per request (no-store).
import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "@/db/client";
import { getIncident } from "@/db/queries/incidents";
import { addressOf } from "@/lib/auth/client-address";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { Translator } from "@/lib/i18n/messages";
import { hydrateIncident } from "@/lib/snapshot";
import type { Snapshot } from "@/lib/snapshot-types";
import {
  requestSubscription,
  type SubscriptionRequest,
  type SubscriptionResult,
} from "@/lib/syndication/request-subscription";
import {
  CHAT_PRODUCT_NAMES,
  CHAT_PRODUCTS,
  confirmSubscription,
  unsubscribe,
  type ChatProduct,
} from "@/lib/syndication/subscribers";
import { SubscriptionPage, type SubscriptionView } from "@/components/pages/SubscriptionPage";
import type { SubscribeFormState } from "@/components/pages/SubscribeForm";
import type { HubView } from "@/components/pages/SubscribeHub";
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

type Focus = HubView["incident"];

/** The incident of `/subscribe?incident=<id>` (open, recent or older), or null when there is none. */
function incidentFocus(s: Snapshot, id: string | null | undefined): { focus: Focus; componentIds: string[] } | null {
  if (!id || !/^[a-z0-9]{1,40}$/.test(id)) return null;
  let incident = s.incidentsById.get(id);
  if (!incident) {
    const row = getIncident(getDb(), id);
    if (!row) return null;
    incident = hydrateIncident(getDb(), row, s.page.url);
  }
  // Components deleted since are left out: the form can only choose existing ones.
  const components = incident.componentIds.flatMap((c) => s.componentsById.get(c) ?? []);
  return {
    focus: { id: incident.id, name: incident.name, componentNames: components.map((c) => c.name) },
    componentIds: components.map((c) => c.id),
  };
}

const formView = (s: Snapshot, state: SubscribeFormState, incident: Focus = null): SubscriptionView => {
  const cfg = config();
  return {
    kind: "form",
    state,
    components: s.components,
    emailEnabled: s.emailSubscriptions,
    pageName: s.page.name,
    publicUrl: s.page.url,
    scriptBase: cfg.mirror.publicUrl ?? s.page.url,
    incident,
  };
};

type Way = SubscriptionRequest["kind"];
const WAYS: readonly Way[] = ["email", "webhook", "chat"];

/**
 * The way a visitor chose: the button pressed, unless that way's field is empty while exactly one
 * other way's field is filled. Enter in a field submits with the form's first button (email's),
 * so a chat URL typed and entered must not be read as an empty email address.
 */
export function chosenWay(
  pressed: string | null | undefined,
  filled: Record<Way, string>,
  offered: readonly Way[] = WAYS,
): Way {
  const button = offered.find((w) => w === pressed) ?? offered[0] ?? "webhook";
  if (filled[button].trim()) return button;
  const others = offered.filter((w) => w !== button && filled[w].trim());
  return others.length === 1 ? others[0]! : button;
}

type Refused = Extract<SubscriptionResult, { ok: false }>;

/** The radio's value, when it is one of the products (else none: the URL's host may tell). */
const chatProductValue = (v: string): ChatProduct | "" =>
  (CHAT_PRODUCTS as readonly string[]).includes(v) ? (v as ChatProduct) : "";

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
  chatUrl: "subscribe.chatUrlInvalid",
  chatProduct: "subscribe.chatProductInvalid",
  componentIds: "subscribe.componentsInvalid",
} as const;

/** A chat channel's problems are shown beside the chat section's own fields. */
const CHAT_FIELDS: Record<string, string> = { url: "chatUrl", product: "chatProduct" };

/**
 * A refusal in the page's words. English shows the checks' own precise wording; other locales say
 * in their language which field to correct (the checks' messages are English only).
 */
function refusalState(
  tr: Translator,
  result: Refused,
  values: SubscribeFormState["values"],
  way: Way,
): SubscribeFormState {
  const message = tr.t(REFUSALS[result.reason]);
  const fieldErrors =
    result.fieldErrors && way === "chat"
      ? Object.fromEntries(Object.entries(result.fieldErrors).map(([f, m]) => [CHAT_FIELDS[f] ?? f, m]))
      : result.fieldErrors;
  if (tr.locale === "en") return { values, errors: fieldErrors, message: result.message };
  const errors = fieldErrors
    ? Object.fromEntries(
        Object.keys(fieldErrors).map((field) => [
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
  const values = {
    email: form.get("email") ?? "",
    url: form.get("url") ?? "",
    chatUrl: form.get("chatUrl") ?? "",
    chatProduct: form.get("chatProduct") ?? "",
    componentIds: form.getAll("component"),
  };
  const offered = WAYS.filter((w) => w !== "email" || s.emailSubscriptions);
  const way = chosenWay(form.get("kind"), { email: values.email, webhook: values.url, chat: values.chatUrl }, offered);
  const common = { componentIds: values.componentIds, locale: tr.locale };
  const input: SubscriptionRequest =
    way === "chat"
      ? { kind: "chat", url: values.chatUrl, product: chatProductValue(values.chatProduct), ...common }
      : way === "webhook"
        ? { kind: "webhook", url: values.url, ...common }
        : { kind: "email", email: values.email, ...common };
  const clientAddress = addressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustProxy);
  const result = await requestSubscription(getDb(), s, input, {
    clientAddress,
    allowPrivate: config().allowPrivateTargets,
  });
  if (!result.ok) {
    // A refused form keeps its incident focus (a hidden field), with the visitor's own choices.
    const focus = incidentFocus(s, form.get("incident"))?.focus ?? null;
    const state = refusalState(tr, result, values, way);
    return respond(ctx, result.status, tr.t("page.subscribe"), formView(s, state, focus));
  }
  if (result.kind === "email") {
    // The same answer whether or not the address was already subscribed.
    const title = tr.t("subscribe.checkInbox");
    return respond(ctx, 200, title, {
      kind: "message",
      title,
      lines: [tr.t("subscribe.sent", { address: result.address })],
    });
  }
  if (result.kind === "chat") {
    const title = tr.t(result.alreadySubscribed ? "subscribe.already" : "subscribe.checkChannel");
    const lines = result.alreadySubscribed
      ? [tr.t("subscribe.alreadyChat")]
      : [tr.t("subscribe.chatSent", { product: CHAT_PRODUCT_NAMES[result.product] }), tr.t("subscribe.chatNext")];
    return respond(ctx, 200, title, { kind: "message", title, lines });
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
  return respond(ctx, 200, title, {
    kind: "message",
    title,
    lines: [tr.t("subscribe.subscribedText"), tr.t("subscribe.stopAnyTime")],
  });
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
    // `?incident=<id>`: that incident's components chosen; an unknown id shows the hub as it is.
    const focused = incidentFocus(opts.snapshot, opts.query.get("incident"));
    const title = focused?.focus
      ? opts.tr.t("subscribe.incidentHeading", { incident: focused.focus.name })
      : opts.tr.t("page.subscribe");
    const state = focused ? { values: { componentIds: focused.componentIds } } : {};
    return respond(ctx, 200, title, formView(opts.snapshot, state, focused?.focus ?? null));
  }
  return tokenAction(ctx, opts.path, opts.query);
}
