// Heartbeat: the watched job calls /api/heartbeat/{token}; silence longer than the expected
// period plus the grace is a failure. A new monitor gets one period before silence counts.
import type { HeartbeatSettings } from "../kinds/heartbeat";
import type { ProbeContext, ProbeResult } from "./types";

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
