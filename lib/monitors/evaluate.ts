// The anti-flap rules, pure. A monitor goes down only after failThreshold consecutive failures
// and comes back after recoverThreshold consecutive successes; slow successes (over the latency
// threshold, or a degraded result) for failThreshold checks make it degraded.
import type { ComponentStatus } from "../constants";
import type { MonitorHealth } from "../constants";

export type Streaks = {
  health: MonitorHealth;
  failStreak: number;
  okStreak: number;
  slowStreak: number;
  fastStreak: number;
};
export type Thresholds = { failThreshold: number; recoverThreshold: number };
export type Outcome = { ok: boolean; slow: boolean };

export function nextHealth(prev: Streaks, t: Thresholds, o: Outcome): Streaks {
  if (!o.ok) {
    const failStreak = prev.failStreak + 1;
    const health = failStreak >= t.failThreshold ? "down" : prev.health;
    return { health, failStreak, okStreak: 0, slowStreak: 0, fastStreak: 0 };
  }
  const s: Streaks = {
    health: prev.health,
    failStreak: 0,
    okStreak: prev.okStreak + 1,
    slowStreak: o.slow ? prev.slowStreak + 1 : 0,
    fastStreak: o.slow ? 0 : prev.fastStreak + 1,
  };
  const slowEnough = s.slowStreak >= t.failThreshold;
  if (prev.health === "down") {
    // Back from down while still slow: degraded rather than up.
    if (s.okStreak >= t.recoverThreshold) s.health = s.slowStreak > 0 ? "degraded" : "up";
  } else if (prev.health === "degraded") {
    if (s.fastStreak >= t.recoverThreshold) s.health = "up";
  } else {
    // up or unknown
    if (slowEnough) s.health = "degraded";
    else if (prev.health === "unknown" && !o.slow && s.okStreak >= 1) s.health = "up";
  }
  return s;
}

/**
 * What a component's monitors say together: all down → major_outage, some down → partial_outage,
 * any degraded → degraded_performance, else operational. null when no monitor has a verdict.
 */
export function combineHealth(healths: readonly MonitorHealth[]): ComponentStatus | null {
  const known = healths.filter((h) => h !== "unknown");
  if (known.length === 0) return null;
  const down = known.filter((h) => h === "down").length;
  if (down === known.length) return "major_outage";
  if (down > 0) return "partial_outage";
  if (known.includes("degraded")) return "degraded_performance";
  return "operational";
}

export const OUTAGES: readonly ComponentStatus[] = ["partial_outage", "major_outage"];
