// Heartbeat: the watched job calls /api/heartbeat/{token}; silence longer than the expected
// period plus the grace is a failure. A new monitor gets one period before silence counts.
import { z } from "zod";
import { MIN_INTERVAL_SECONDS } from "../../constants";
import { defineKind } from "../kind";
import type { ProbeContext, ProbeResult } from "../probes/types";

const settings = z.object({
  periodSeconds: z.coerce
    .number({ error: "Enter seconds" })
    .int("Whole seconds")
    .min(MIN_INTERVAL_SECONDS, `At least ${MIN_INTERVAL_SECONDS} seconds`)
    .max(31 * 86_400, "At most 31 days"),
  graceSeconds: z.coerce
    .number({ error: "Enter seconds" })
    .int("Whole seconds")
    .min(0, "Not negative")
    .max(86_400, "At most a day")
    .default(60),
});
export type HeartbeatSettings = z.output<typeof settings>;

export function probeHeartbeat(s: HeartbeatSettings, ctx: ProbeContext): Promise<ProbeResult> {
  const allowed = (s.periodSeconds + s.graceSeconds) * 1000;
  const since = ctx.lastBeatAt ?? ctx.createdAt ?? ctx.now;
  const silent = ctx.now - since;
  if (silent <= allowed) return Promise.resolve({ ok: true, latencyMs: null, error: null });
  const what = ctx.lastBeatAt ? `No heartbeat for ${Math.round(silent / 1000)} s` : "No heartbeat received yet";
  return Promise.resolve({
    ok: false,
    latencyMs: null,
    error: `${what} (expected every ${s.periodSeconds} s, grace ${s.graceSeconds} s)`,
  });
}

export const heartbeat = defineKind({
  id: "heartbeat",
  label: "Heartbeat",
  settings,
  apiSettings: "period_seconds, grace_seconds",
  example: { periodSeconds: 3600, graceSeconds: 0 },
  fields: [
    { key: "periodSeconds", label: "Expected every (seconds)", type: "number", required: true, placeholder: "3600" },
    { key: "graceSeconds", label: "Grace (seconds)", type: "number", placeholder: "60" },
  ],
  formNote: "The secret URL to call appears on the monitor's page once it is created.",
  probe: probeHeartbeat,
  host: () => null,
  // A beat's arrival time says nothing about the job's speed.
  measuresLatency: false,
  heartbeatUrl: true,
});
