// Webhook subscribers: Statuspage's webhook body ({meta, page, incident}) POSTed as JSON, signed
// with the subscriber's secret: X-Outpost-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body">.
// X-Outpost-Delivery names the delivery, so a receiver can drop a resend it has already seen.
import { createHmac } from "node:crypto";
import { incidentJson } from "../statuspage";
import { unsubscribeUrl } from "./links";
import { postJson } from "./net";
import type { Channel, Job } from "./channel";

export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** The incident as it stood when this update was posted (a delayed delivery still tells its own step). */
function incidentAsOf(job: Job) {
  const updates = job.incident.updates.filter((u) => u.seq <= job.update.seq);
  return { ...job.incident, status: job.update.status, updates };
}

export function webhookBody(job: Job): string {
  return JSON.stringify({
    meta: {
      unsubscribe: job.subscriber ? unsubscribeUrl(job.page.url, job.subscriber.token) : null,
      documentation: `${job.page.url}/api/v2/summary.json`,
      generated_at: new Date().toISOString(),
    },
    page: { id: job.page.id, status_indicator: job.page.indicator, status_description: job.page.description },
    incident: incidentJson({ componentsById: job.components }, incidentAsOf(job)),
  });
}

export function webhookChannel(opts: { allowPrivate: boolean; allowMetadata?: boolean; now?: () => number }): Channel {
  return {
    name: "webhook",
    idempotent: true,
    async send(job) {
      const sub = job.subscriber!;
      const body = webhookBody(job);
      const timestamp = String(Math.floor((opts.now?.() ?? Date.now()) / 1000));
      const headers = {
        "x-outpost-timestamp": timestamp,
        "x-outpost-signature": signature(sub.secret ?? "", timestamp, body),
        "x-outpost-delivery": job.delivery.id,
      };
      const res = await postJson(sub.address, body, headers, {
        allowPrivate: opts.allowPrivate,
        allowMetadata: opts.allowMetadata,
        what: "The webhook",
      });
      return { remoteId: `HTTP ${res.status}` };
    },
  };
}
