// Outpost's own format, for any tool that can POST JSON: one alert object, or `{ "alerts": [...] }`.
//   { "status": "firing" | "resolved", "summary": "Disk almost full on db-1",
//     "fingerprint"?: "...", "labels"?: { "service": "db" }, "url"?: "https://...",
//     "at"?: ISO time or ms since the epoch, "startedAt"?: same }
// Being Outpost's own, it is read strictly: a link that is not http(s) is an error, not dropped.
import { z } from "zod";
import type { AlertKindDescriptor, NormalizedAlert } from "../kind";
import {
  alertList,
  alertState,
  anyTime,
  cleanLabels,
  fingerprint,
  httpUrl,
  labelValues,
  jsonObject,
  read,
  readEach,
  stableHash,
  summaryOf,
} from "./common";
import { sharedSecret } from "./shared-secret";

const genericAlert = jsonObject(
  {
    fingerprint: fingerprint.optional(),
    status: alertState,
    summary: z.string({ error: "Expected a one-line summary" }).refine((s) => s.trim() !== "", "Must not be empty"),
    labels: labelValues.optional(),
    url: z
      .string({ error: "Expected an http:// or https:// URL" })
      .refine((u) => httpUrl(u) !== null, "Expected an http:// or https:// URL")
      .optional(),
    at: anyTime.optional(),
    startedAt: anyTime.optional(),
  },
  "an alert object",
);
type GenericAlert = z.output<typeof genericAlert>;

const list = jsonObject({ alerts: alertList });

function normalize(a: GenericAlert, receivedAt: number): NormalizedAlert {
  const labels = cleanLabels(Object.entries(a.labels ?? {}));
  const summary = summaryOf(a.summary)!;
  return {
    // The labels identify the alert across deliveries (a resolved alert's summary often differs
    // from the firing one's); the summary stands in only when there are none.
    fingerprint: a.fingerprint ?? stableHash(Object.keys(labels).length > 0 ? labels : summary),
    state: a.status,
    at: a.at ?? receivedAt,
    startedAt: a.startedAt ?? null,
    summary,
    url: a.url ? httpUrl(a.url) : null,
    labels,
  };
}

function parse(body: unknown, receivedAt: number): NormalizedAlert[] {
  const isList = body !== null && typeof body === "object" && !Array.isArray(body) && "alerts" in body;
  const alerts = isList ? readEach(genericAlert, read(list, body).alerts) : [read(genericAlert, body)];
  return alerts.map((a) => normalize(a, receivedAt));
}

export const generic: AlertKindDescriptor<"generic"> = {
  id: "generic",
  label: "Any tool (Outpost JSON)",
  parse,
  signing: sharedSecret,
  commonLabels: ["service", "severity", "environment"],
};
