// Opsgenie's outgoing Webhook integration: one alert action per delivery. Closing or deleting an
// alert ends it; every other action (acknowledge, add note, snooze, ...) repeats that it fires.
import { z } from "zod";
import type { AlertKindDescriptor, NormalizedAlert } from "../kind";
import { cleanLabels, epochTime, fingerprint, jsonObject, read, summaryOf } from "./common";
import { sharedSecret } from "./shared-secret";

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const payload = jsonObject({
  action: z.string({ error: "Expected the alert action" }).trim().min(1, "Expected the alert action"),
  alert: jsonObject(
    {
      alertId: fingerprint,
      message: z.unknown(),
      tags: z.array(z.unknown(), { error: "Expected a list of tags" }).optional(),
      entity: z.unknown(),
      alias: z.unknown(),
      source: z.unknown(),
      priority: z.unknown(),
      createdAt: epochTime.optional(),
      updatedAt: epochTime.optional(),
      details: z.record(z.string(), scalar, { error: "Expected an object of names and values" }).optional(),
    },
    "an alert object",
  ),
});

const ENDING_ACTIONS = new Set(["close", "delete"]);

function parse(body: unknown, receivedAt: number): NormalizedAlert[] {
  const { action, alert } = read(payload, body);
  const ends = ENDING_ACTIONS.has(action.toLowerCase());
  // Later actions carry the alert's creation time too; only updatedAt says when this one happened.
  const at = (action.toLowerCase() === "create" ? alert.createdAt : alert.updatedAt) ?? receivedAt;
  const tags = (alert.tags ?? []).filter((t): t is string => typeof t === "string" && t.trim() !== "");
  return [
    {
      fingerprint: alert.alertId,
      state: ends ? "resolved" : "firing",
      at,
      startedAt: alert.createdAt ?? null,
      summary: summaryOf(alert.message) ?? `Opsgenie alert ${alert.alertId}`,
      // The webhook carries no link to the alert.
      url: null,
      labels: cleanLabels([
        ["priority", alert.priority],
        ["entity", alert.entity],
        ["source", alert.source],
        ["alias", alert.alias],
        ["action", action],
        ...tags.map((t): [string, string] => [`tag:${t.trim()}`, "true"]),
        ...Object.entries(alert.details ?? {}).map(([k, v]): [string, unknown] => [`details.${k}`, v]),
      ]),
    },
  ];
}

export const opsgenie: AlertKindDescriptor<"opsgenie"> = {
  id: "opsgenie",
  label: "Opsgenie",
  parse,
  signing: sharedSecret,
  commonLabels: ["priority", "entity", "source", "alias", "action"],
};
