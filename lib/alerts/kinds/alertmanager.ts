// Prometheus Alertmanager's webhook receiver (payload version 4). One delivery is one notification
// group, and each alert carries its own status, so one delivery may fire some alerts and resolve
// others. Grafana's contact point sends the same shape, and reads its alerts through here.
import { z } from "zod";
import type { AlertKindDescriptor, NormalizedAlert } from "../kind";
import {
  alertList,
  alertState,
  cleanLabels,
  firstHttpUrl,
  isoTime,
  labelValues,
  MAX_LABEL_LENGTH,
  jsonObject,
  read,
  readEach,
  setTime,
  stableHash,
  summaryOf,
} from "./common";
import { sharedSecret } from "./shared-secret";

/** One alert as Alertmanager sends it; Grafana's alerts add fields to this. */
export const alertmanagerAlert = jsonObject(
  {
    status: alertState,
    labels: labelValues.default({}),
    annotations: labelValues.default({}),
    startsAt: isoTime.optional(),
    endsAt: isoTime.optional(),
    generatorURL: z.unknown(),
    // Empty is treated as absent: the labels' hash stands in.
    fingerprint: z.string().trim().max(MAX_LABEL_LENGTH, `At most ${MAX_LABEL_LENGTH} characters`).optional(),
  },
  "an alert object",
);
export type AlertmanagerAlert = z.output<typeof alertmanagerAlert>;

const envelope = jsonObject({ alerts: alertList });

/** Reads an Alertmanager-shaped delivery with `item` as each alert's schema and `link` choosing its URL. */
export function readAlertmanagerShaped<A extends AlertmanagerAlert>(
  body: unknown,
  receivedAt: number,
  item: z.ZodType<A>,
  link: (alert: A) => string | null,
): NormalizedAlert[] {
  const { alerts } = read(envelope, body);
  return readEach(item, alerts).map((a) => normalizeAlertmanagerAlert(a, receivedAt, link(a)));
}

/** The per-alert reading Alertmanager and Grafana share. */
export function normalizeAlertmanagerAlert(a: AlertmanagerAlert, receivedAt: number, url: string | null) {
  const labels = cleanLabels(Object.entries(a.labels));
  const fingerprint = a.fingerprint || stableHash(labels);
  const startedAt = setTime(a.startsAt);
  // A firing alert's state began when it started; a resolved one's when it ended.
  const at = (a.status === "firing" ? startedAt : setTime(a.endsAt)) ?? receivedAt;
  return {
    fingerprint,
    state: a.status,
    at,
    startedAt,
    summary: summaryOf(a.annotations.summary, a.annotations.description, a.labels.alertname) ?? `Alert ${fingerprint}`,
    url,
    labels,
  } satisfies NormalizedAlert;
}

export const alertmanager: AlertKindDescriptor<"alertmanager"> = {
  id: "alertmanager",
  label: "Prometheus Alertmanager",
  parse: (body, receivedAt) =>
    readAlertmanagerShaped(body, receivedAt, alertmanagerAlert, (a) => firstHttpUrl(a.generatorURL)),
  signing: sharedSecret,
  commonLabels: ["alertname", "severity", "job", "instance", "namespace", "service"],
};
