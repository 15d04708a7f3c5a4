// PagerDuty v3 webhooks: one event per delivery, about one incident. Acknowledging, escalating or
// reprioritising leave the incident firing; only resolving ends it. Events about anything other
// than an incident (the subscription's "pagey.ping", service changes, notes) carry no alert state.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { AlertKindDescriptor, AlertSigning, AlertState, NormalizedAlert } from "../kind";
import { cleanLabels, fingerprint, firstHttpUrl, isoTime, jsonObject, read, setTime, summaryOf } from "./common";

const envelope = jsonObject({
  event: jsonObject(
    {
      event_type: z.string({ error: "Expected the event's type" }),
      resource_type: z.string().optional(),
      data: z.unknown(),
    },
    "an event object",
  ),
});

const reference = jsonObject({ id: z.unknown(), summary: z.unknown() }, "a reference object");

const incidentEvent = jsonObject({
  event: jsonObject({
    event_type: z.string(),
    occurred_at: isoTime,
    data: jsonObject({
      id: fingerprint,
      status: z.string().optional(),
      title: z.unknown(),
      html_url: z.unknown(),
      number: z.unknown(),
      incident_key: z.unknown(),
      created_at: isoTime.optional().catch(undefined),
      urgency: z.unknown(),
      service: reference.nullish(),
      priority: reference.nullish(),
    }),
  }),
});

const FIRING_EVENTS = new Set([
  "incident.triggered",
  "incident.reopened",
  "incident.acknowledged",
  "incident.unacknowledged",
  "incident.escalated",
  "incident.priority_updated",
]);

/** The incident's state: its own status when sent, else what the event says happened to it. */
function stateOf(status: string | undefined, eventType: string): AlertState | null {
  if (status === "resolved") return "resolved";
  if (status === "triggered" || status === "acknowledged") return "firing";
  if (eventType === "incident.resolved") return "resolved";
  return FIRING_EVENTS.has(eventType) ? "firing" : null;
}

function parse(body: unknown): NormalizedAlert[] {
  const { event } = read(envelope, body);
  const resource = event.resource_type ?? event.event_type.split(".")[0];
  const dataType = event.data && typeof event.data === "object" ? (event.data as { type?: unknown }).type : undefined;
  // Notes, responders and status updates are incident events too, but their data is not the incident.
  if (resource !== "incident" || (dataType !== undefined && dataType !== "incident")) return [];

  const { data, occurred_at, event_type } = read(incidentEvent, body).event;
  const state = stateOf(data.status, event_type);
  // An event that says nothing about the incident's state changes nothing.
  if (!state) return [];
  return [
    {
      fingerprint: data.id,
      state,
      at: occurred_at,
      startedAt: setTime(data.created_at),
      summary: summaryOf(data.title) ?? `PagerDuty incident ${data.id}`,
      url: firstHttpUrl(data.html_url),
      labels: cleanLabels([
        ["service", data.service?.summary],
        ["service_id", data.service?.id],
        ["urgency", data.urgency],
        ["priority", data.priority?.summary],
        ["status", data.status],
        ["incident_key", data.incident_key],
        ["event_type", event_type],
        ["number", data.number],
      ]),
    },
  ];
}

const V1_SIGNATURE = /^v1=([0-9a-f]{64})$/i;

/**
 * PagerDuty signs the raw body with HMAC-SHA256 and sends `v1=<hex>`, several comma-separated
 * while a secret is being rotated; any one matching is enough.
 */
export const pagerdutySigning: AlertSigning = {
  header: "x-pagerduty-signature",
  refusal: "The X-PagerDuty-Signature signature does not match this source's signing secret",
  verify(rawBody, signature, secret) {
    if (!signature || !secret) return false;
    const expected = createHmac("sha256", secret).update(rawBody, "utf8").digest();
    return signature.split(",").some((part) => {
      const hex = V1_SIGNATURE.exec(part.trim())?.[1];
      return hex !== undefined && timingSafeEqual(Buffer.from(hex, "hex"), expected);
    });
  },
};

export const pagerduty: AlertKindDescriptor<"pagerduty"> = {
  id: "pagerduty",
  label: "PagerDuty",
  parse: (body) => parse(body),
  signing: pagerdutySigning,
  commonLabels: ["service", "service_id", "urgency", "priority", "status", "incident_key", "event_type", "number"],
};
