// The public subscribe flow, answered by the front server: POST /subscribe (a plain form, no
// JavaScript needed), and the confirm and unsubscribe pages. Confirm and unsubscribe links show a
// button that POSTs, so mail scanners that prefetch links change nothing; the unsubscribe URL
// also takes RFC 8058's one-click POST. Every answer is per request (no-store).
import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "@/db/client";
import { addressOf } from "@/lib/auth/client-address";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { Snapshot } from "@/lib/snapshot-types";
import { requestSubscription, type SubscriptionRequest } from "@/lib/syndication/request-subscription";
import { confirmSubscription, unsubscribe } from "@/lib/syndication/subscribers";
import { SubscriptionPage, type SubscriptionView } from "@/components/pages/SubscriptionPage";
import type { SubscribeFormState } from "@/components/pages/SubscribeForm";
import type { LoadedAssets } from "./assets";
import { readForm } from "./body";
import { NO_STORE, sendPayload } from "./payload";
import { html } from "./render";

function respond(
  req: IncomingMessage,
  res: ServerResponse,
  s: Snapshot,
  assets: LoadedAssets,
  status: number,
  title: string,
  view: SubscriptionView,
) {
  const payload = html(status, s, assets, `${title} · ${s.page.name} status`, title, <SubscriptionPage view={view} />);
  payload.headers["cache-control"] = NO_STORE;
  sendPayload(req, res, payload);
}

const formView = (s: Snapshot, state: SubscribeFormState): SubscriptionView => ({
  kind: "form",
  state,
  components: s.components,
  emailEnabled: s.emailSubscriptions,
});

async function postSubscribe(
  req: IncomingMessage,
  res: ServerResponse,
  s: Snapshot,
  assets: LoadedAssets,
  trustProxy: boolean,
) {
  const form = await readForm(req, res);
  const values = { email: form.get("email") ?? "", url: form.get("url") ?? "", componentIds: form.getAll("component") };
  const input: SubscriptionRequest =
    form.get("kind") === "webhook"
      ? { kind: "webhook", url: values.url, componentIds: values.componentIds }
      : { kind: "email", email: values.email, componentIds: values.componentIds };
  const clientAddress = addressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustProxy);
  const result = await requestSubscription(getDb(), s, input, {
    clientAddress,
    allowPrivate: config().allowPrivateTargets,
  });
  if (!result.ok)
    return respond(
      req,
      res,
      s,
      assets,
      result.status,
      "Subscribe",
      formView(s, { values, errors: result.fieldErrors, message: result.message }),
    );
  if (result.kind === "email") {
    // The same answer whether or not the address was already subscribed.
    return respond(req, res, s, assets, 200, "Check your inbox", {
      kind: "message",
      title: "Check your inbox",
      lines: [`We sent a confirmation link to ${result.address}. Updates start once you follow it.`],
    });
  }
  if (result.alreadySubscribed) {
    return respond(req, res, s, assets, 200, "Already subscribed", {
      kind: "message",
      title: "Already subscribed",
      lines: ["This webhook URL already receives updates."],
    });
  }
  return respond(req, res, s, assets, 200, "Confirm your webhook", {
    kind: "message",
    title: "Confirm your webhook",
    lines: [
      "We POSTed a subscription_confirmation message to your URL. Updates start once the confirm link in it (meta.confirm) is opened.",
      'Every delivery carries X-Outpost-Timestamp and X-Outpost-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body"> with this secret.',
    ],
    secret: result.secret ?? undefined,
  });
}

async function tokenAction(
  req: IncomingMessage,
  res: ServerResponse,
  s: Snapshot,
  assets: LoadedAssets,
  path: string,
  query: URLSearchParams,
) {
  const confirming = path === "/subscriptions/confirm";
  if (req.method === "GET" || req.method === "HEAD") {
    const token = query.get("token") ?? "";
    return respond(req, res, s, assets, 200, confirming ? "Confirm your subscription" : "Unsubscribe", {
      kind: "confirm",
      title: confirming ? "Confirm your subscription" : "Unsubscribe",
      text: confirming
        ? `Start receiving ${s.page.name} status updates?`
        : `Stop receiving ${s.page.name} status updates?`,
      action: path,
      token,
      button: confirming ? "Confirm subscription" : "Unsubscribe",
    });
  }
  const form = await readForm(req, res);
  const token = form.get("token") ?? query.get("token") ?? "";
  const db = getDb();
  if (!confirming) {
    unsubscribe(db, token);
    return respond(req, res, s, assets, 200, "Unsubscribed", {
      kind: "message",
      title: "Unsubscribed",
      lines: ["You will not receive further updates. You can subscribe again at any time."],
    });
  }
  try {
    confirmSubscription(db, token);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return respond(req, res, s, assets, 404, "Link not valid", {
      kind: "message",
      title: "This link is not valid",
      lines: [err.message],
    });
  }
  return respond(req, res, s, assets, 200, "Subscribed", {
    kind: "message",
    title: "You are subscribed",
    lines: ["Updates about incidents and maintenance will reach you from now on."],
  });
}

/** Answers the subscription paths (GET, HEAD and POST; the route table refuses other methods). */
export async function handleSubscription(
  req: IncomingMessage,
  res: ServerResponse,
  opts: { snapshot: Snapshot; assets: LoadedAssets; trustProxy: boolean; path: string; query: URLSearchParams },
) {
  const { snapshot: s, assets, path, query } = opts;
  if (path === "/subscribe") {
    if (req.method === "POST") return postSubscribe(req, res, s, assets, opts.trustProxy);
    return respond(req, res, s, assets, 200, "Subscribe", formView(s, {}));
  }
  return tokenAction(req, res, s, assets, path, query);
}
