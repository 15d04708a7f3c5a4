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

/** A location's say in a monitor's verdict; a silent probe agent's location is not live and has none. */
export type LocationVote = { location: string; health: MonitorHealth; live: boolean };

/** How many locations must report down: the monitor's quorum, else a majority of its locations. */
export function requiredQuorum(locations: number, quorum: number | null): number {
  const wanted = quorum ?? Math.floor(locations / 2) + 1;
  return Math.max(1, Math.min(wanted, locations));
}

/**
 * A monitor's health from its locations, each after its own anti-flap confirmation: down when at
 * least the quorum of locations report down; "regional" when some do but fewer (staff confirm it,
 * the public status does not follow); degraded when the quorum report slow; up when any live
 * location has a verdict; unknown otherwise. Silent locations count neither way.
 */
export function quorumHealth(votes: readonly LocationVote[], quorum: number | null): MonitorHealth {
  const live = votes.filter((v) => v.live && v.health !== "unknown");
  if (live.length === 0) return "unknown";
  const need = requiredQuorum(votes.length, quorum);
  const down = live.filter((v) => v.health === "down").length;
  if (down >= need) return "down";
  if (down > 0) return "regional";
  if (live.filter((v) => v.health === "degraded").length >= need) return "degraded";
  return "up";
}

/**
 * What a component's monitors say together: all down → major_outage, some down → partial_outage,
 * any degraded → degraded_performance, else operational. null when no monitor has a verdict.
 */
export function combineHealth(healths: readonly MonitorHealth[]): ComponentStatus | null {
  // "regional" is known and not down: the public status stays as it is.
  const known = healths.filter((h) => h !== "unknown");
  if (known.length === 0) return null;
  const down = known.filter((h) => h === "down").length;
  if (down === known.length) return "major_outage";
  if (down > 0) return "partial_outage";
  if (known.includes("degraded")) return "degraded_performance";
  return "operational";
}

export const OUTAGES: readonly ComponentStatus[] = ["partial_outage", "major_outage"];
