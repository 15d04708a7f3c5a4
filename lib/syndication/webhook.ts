// Webhook subscribers: Statuspage's webhook bodies POSTed as JSON, {meta, page, incident} for an
// incident update and {meta, page, component_update, component} for a component's status change,
// signed with the subscriber's secret: X-Outpost-Signature: sha256=<hex HMAC-SHA256 of
// "timestamp.body">. X-Outpost-Delivery names the delivery, so a receiver can drop a resend it has
// already seen. `meta` holds exactly Statuspage's keys; what is ours travels in headers (the
// signed X-Outpost-Timestamp says when the message was made).
import { createHmac } from "node:crypto";
import { componentJson, incidentJson } from "../statuspage";
import { isoTime } from "../time";
import { unsubscribeUrl } from "./links";
import { postJson } from "./net";
import { SendError, type Channel, type ComponentJob, type Job, type JobContext, type Sent } from "./channel";

export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** The incident as it stood when this update was posted (a delayed delivery still tells its own step). */
function incidentAsOf(job: Job) {
  const updates = job.incident.updates.filter((u) => u.seq <= job.update.seq);
  return { ...job.incident, status: job.update.status, updates };
}

function envelope(job: JobContext) {
  return {
    meta: {
      unsubscribe: job.subscriber ? unsubscribeUrl(job.page.url, job.subscriber.token) : null,
      documentation: `${job.page.url}/api/v2/summary.json`,
    },
    page: { id: job.page.id, status_indicator: job.page.indicator, status_description: job.page.description },
  };
}

export function webhookBody(job: Job): string {
  return JSON.stringify({
    ...envelope(job),
    incident: incidentJson({ componentsById: job.components }, incidentAsOf(job)),
  });
}

/** The component carries the status it changed to, as the incident body tells its own step. */
export function componentUpdateBody(job: ComponentJob): string {
  const { change } = job;
  return JSON.stringify({
    ...envelope(job),
    component_update: {
      id: change.id,
      created_at: isoTime(change.createdAt),
      old_status: change.oldStatus,
      new_status: change.newStatus,
      component_id: change.componentId,
    },
    component: componentJson({ ...job.component, status: change.newStatus }),
  });
}

export function webhookChannel(opts: { allowPrivate: boolean; allowMetadata?: boolean; now?: () => number }): Channel {
  async function post(job: JobContext, body: string): Promise<Sent> {
    const sub = job.subscriber;
    if (!sub) throw new SendError("a webhook delivery without its subscriber", { permanent: true });
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
  }
  return {
    name: "webhook",
    idempotent: true,
    send: (job) => post(job, webhookBody(job)),
    sendComponentUpdate: (job) => post(job, componentUpdateBody(job)),
  };
}
