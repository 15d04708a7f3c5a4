// The public subscribe flow, answered by the front server: POST /subscribe (a plain form, no
// JavaScript needed), and the confirm and unsubscribe pages. Confirm and unsubscribe links show a
// button that POSTs, so mail scanners that prefetch links change nothing; the unsubscribe URL
// also takes RFC 8058's one-click POST. Every answer is per request (no-store).
import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "@/db/client";
import { addressOf } from "@/lib/auth/client-address";
import { config } from "@/lib/config";
import { AppError, storageError } from "@/lib/errors";
import { sendMail } from "@/lib/mail";
import type { Snapshot } from "@/lib/snapshot";
import { confirmationMail } from "@/lib/syndication/email";
import { confirmUrl, unsubscribeUrl } from "@/lib/syndication/links";
import { postJson } from "@/lib/syndication/net";
import { confirmSubscription, subscribe, throttleSubscribe, unsubscribe, type SubscribeOutcome } from "@/lib/syndication/subscribers";
import { signature } from "@/lib/syndication/webhook";
import { SubscriptionPage, type SubscriptionView } from "@/components/pages/SubscriptionPage";
import type { SubscribeFormState } from "@/components/pages/SubscribeForm";
import type { LoadedAssets } from "./assets";
import { readForm } from "./body";
import { NO_STORE, sendPayload } from "./payload";
import { html } from "./render";



function respond(req: IncomingMessage, res: ServerResponse, s: Snapshot, assets: LoadedAssets, status: number, title: string, view: SubscriptionView) {
  const payload = html(status, s, assets, `${title} · ${s.page.name} status`, title, <SubscriptionPage view={view} />);
  payload.headers["cache-control"] = NO_STORE;
  sendPayload(req, res, payload);
}

const formView = (s: Snapshot, state: SubscribeFormState): SubscriptionView => ({ kind: "form", state, components: s.components, emailEnabled: s.emailSubscriptions });

/** Asks the webhook's owner to confirm: a signed POST carrying the confirm link. */
async function askWebhookToConfirm(s: Snapshot, outcome: SubscribeOutcome, allowPrivate: boolean) {
  const sub = outcome.subscriber;
  const body = JSON.stringify({
    type: "subscription_confirmation",
    meta: { confirm: confirmUrl(s.page.url, sub.token), unsubscribe: unsubscribeUrl(s.page.url, sub.token) },
    page: { id: s.page.id, name: s.page.name, url: s.page.url },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers = { "x-outpost-timestamp": timestamp, "x-outpost-signature": signature(sub.secret ?? "", timestamp, body) };
  await postJson(sub.address, body, headers, { allowPrivate, what: "Your webhook" });
}

async function postSubscribe(req: IncomingMessage, res: ServerResponse, s: Snapshot, assets: LoadedAssets, trustProxy: boolean) {
  const form = await readForm(req, res);
  const kind = form.get("kind") === "webhook" ? "webhook" : "email";
  const values = { email: form.get("email") ?? "", url: form.get("url") ?? "", componentIds: form.getAll("component") };
  const cfg = config();
  const db = getDb();
  if (kind === "email" && !s.emailSubscriptions) {
    return respond(req, res, s, assets, 400, "Subscribe", formView(s, { values, message: "Email subscriptions are not available on this page." }));
  }
  let outcome: SubscribeOutcome;
  try {
    throttleSubscribe(db, addressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustProxy));
    const input =
      kind === "email" ? { kind: "email" as const, email: values.email, componentIds: values.componentIds } : { kind: "webhook" as const, url: values.url, componentIds: values.componentIds };
    outcome = subscribe(db, input, { allowPrivate: cfg.allowPrivateTargets });
  } catch (err) {
    // A read-only database or a full disk is the server's trouble, not the visitor's: 503, retry later.
    if (storageError(err)) return respond(req, res, s, assets, 503, "Subscribe", formView(s, { values, message: "Subscriptions cannot be saved right now. Please try again in a few minutes." }));
    if (!(err instanceof AppError)) throw err;
    const field = kind === "email" ? "email" : "url";
    const errors = err.fieldErrors ?? {};
    if (err.code === "forbidden") return respond(req, res, s, assets, 429, "Subscribe", formView(s, { values, message: err.message }));
    const fieldErrors = errors[field] ? { [field]: errors[field] } : errors.componentIds ? { componentIds: errors.componentIds } : { [field]: [err.message] };
    return respond(req, res, s, assets, 400, "Subscribe", formView(s, { values, errors: fieldErrors, message: "Please check the form." }));
  }
  if (kind === "email") {
    if (outcome.needsConfirmation) {
      try {
        await sendMail(confirmationMail({ pageName: s.page.name, publicUrl: s.page.url, address: outcome.subscriber.address, token: outcome.subscriber.token }));
      } catch (err) {
        console.error(`outpost: confirmation mail failed: ${(err as Error).message}`);
        return respond(req, res, s, assets, 503, "Subscribe", formView(s, { values, message: "We could not send the confirmation email just now. Please try again in a few minutes." }));
      }
    }
    // The same answer whether or not the address was already subscribed.
    return respond(req, res, s, assets, 200, "Check your inbox", {
      kind: "message",
      title: "Check your inbox",
      lines: [`We sent a confirmation link to ${outcome.subscriber.address}. Updates start once you follow it.`],
    });
  }
  if (!outcome.needsConfirmation) {
    return respond(req, res, s, assets, 200, "Already subscribed", { kind: "message", title: "Already subscribed", lines: ["This webhook URL already receives updates."] });
  }
  try {
    await askWebhookToConfirm(s, outcome, cfg.allowPrivateTargets);
  } catch {
    // Which address the name resolved to, or why the connection failed, is not the public's to see.
    return respond(req, res, s, assets, 400, "Subscribe", formView(s, { values, errors: { url: ["This address cannot receive webhooks."] }, message: "Please check the form." }));
  }
  return respond(req, res, s, assets, 200, "Confirm your webhook", {
    kind: "message",
    title: "Confirm your webhook",
    lines: [
      "We POSTed a subscription_confirmation message to your URL. Updates start once the confirm link in it (meta.confirm) is opened.",
      "Every delivery carries X-Outpost-Timestamp and X-Outpost-Signature: sha256=<hex HMAC-SHA256 of \"timestamp.body\"> with this secret.",
    ],
    secret: outcome.secret ?? undefined,
  });
}

async function tokenAction(req: IncomingMessage, res: ServerResponse, s: Snapshot, assets: LoadedAssets, path: string, query: URLSearchParams) {
  const confirming = path === "/subscriptions/confirm";
  if (req.method === "GET" || req.method === "HEAD") {
    const token = query.get("token") ?? "";
    return respond(req, res, s, assets, 200, confirming ? "Confirm your subscription" : "Unsubscribe", {
      kind: "confirm",
      title: confirming ? "Confirm your subscription" : "Unsubscribe",
      text: confirming ? `Start receiving ${s.page.name} status updates?` : `Stop receiving ${s.page.name} status updates?`,
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
    return respond(req, res, s, assets, 200, "Unsubscribed", { kind: "message", title: "Unsubscribed", lines: ["You will not receive further updates. You can subscribe again at any time."] });
  }
  try {
    confirmSubscription(db, token);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return respond(req, res, s, assets, 404, "Link not valid", { kind: "message", title: "This link is not valid", lines: [err.message] });
  }
  return respond(req, res, s, assets, 200, "Subscribed", { kind: "message", title: "You are subscribed", lines: ["Updates about incidents and maintenance will reach you from now on."] });
}

/** Answers the subscription paths (GET and POST). */
export async function handleSubscription(req: IncomingMessage, res: ServerResponse, opts: { snapshot: Snapshot; assets: LoadedAssets; trustProxy: boolean; path: string; query: URLSearchParams }) {
  const { snapshot: s, assets, path, query } = opts;
  const method = req.method ?? "GET";
  if (!["GET", "HEAD", "POST"].includes(method)) {
    res.writeHead(405, { allow: "GET, HEAD, POST", "content-type": "text/plain; charset=utf-8" });
    return res.end("Method not allowed\n");
  }
  if (path === "/subscribe") {
    if (method === "POST") return postSubscribe(req, res, s, assets, opts.trustProxy);
    return respond(req, res, s, assets, 200, "Subscribe", formView(s, {}));
  }
  return tokenAction(req, res, s, assets, path, query);
}
