// Uptime from status periods, per calendar day in the page's time zone. Pure.
import type { ComponentStatus } from "./constants";
import { lastDays } from "./time";

export type StatusPeriod = { status: ComponentStatus; startedAt: number; endedAt: number | null };

export type DayUptime = {
  date: string;
  /** Milliseconds of the day covered by known status (0: no data that day). */
  known: number;
  majorOutage: number;
  partialOutage: number;
  degraded: number;
  maintenance: number;
};

export type DayLevel = "none" | "operational" | "maintenance" | "degraded" | "partial" | "major";

/** A partial outage counts as this fraction of downtime (Statuspage weighs it at 30%). */
export const PARTIAL_WEIGHT = 0.3;

/**
 * Time spent in each status on each of the last `days` days. Periods may overlap (the later-starting
 * one wins where they do), start before the window, or still be open; time before `startedFrom` and
 * after `now` is not counted.
 */
export function dailyUptime(
  periods: readonly StatusPeriod[],
  opts: { now: number; days: number; timeZone: string; startedFrom?: number },
): DayUptime[] {
  const sorted = [...periods].sort((a, b) => a.startedAt - b.startedAt);
  // Flatten overlaps: each period runs until the next one starts at the latest.
  const flat = sorted.map((p, i) => {
    const next = sorted[i + 1]?.startedAt ?? Infinity;
    const end = Math.min(p.endedAt ?? opts.now, next, opts.now);
    return { status: p.status, start: Math.max(p.startedAt, opts.startedFrom ?? -Infinity), end };
  });
  return lastDays(opts.now, opts.days, opts.timeZone).map((day) => {
    const out: DayUptime = { date: day.date, known: 0, majorOutage: 0, partialOutage: 0, degraded: 0, maintenance: 0 };
    for (const p of flat) {
      const overlap = Math.min(p.end, day.end) - Math.max(p.start, day.start);
      if (overlap <= 0) continue;
      out.known += overlap;
      if (p.status === "major_outage") out.majorOutage += overlap;
      else if (p.status === "partial_outage") out.partialOutage += overlap;
      else if (p.status === "degraded_performance") out.degraded += overlap;
      else if (p.status === "under_maintenance") out.maintenance += overlap;
    }
    return out;
  });
}

/** Uptime percentage over the days, or null when nothing is known. Two decimals, never rounded up to 100. */
export function uptimePercent(days: readonly DayUptime[]): number | null {
  let known = 0;
  let down = 0;
  for (const d of days) {
    known += d.known;
    down += d.majorOutage + PARTIAL_WEIGHT * d.partialOutage;
  }
  if (known === 0) return null;
  return Math.floor(((known - down) / known) * 10000) / 100;
}

/** The colour class of one day's bar: its worst status. */
export function dayLevel(d: DayUptime): DayLevel {
  if (d.known === 0) return "none";
  if (d.majorOutage > 0) return "major";
  if (d.partialOutage > 0) return "partial";
  if (d.degraded > 0) return "degraded";
  if (d.maintenance > 0) return "maintenance";
  return "operational";
}

/** Uptime percentage over [start, end) from status periods (a rolling window such as the last 24 hours). */
export function uptimeBetween(periods: readonly StatusPeriod[], start: number, end: number): number | null {
  const sorted = [...periods].sort((a, b) => a.startedAt - b.startedAt);
  let known = 0;
  let down = 0;
  sorted.forEach((p, i) => {
    const until = Math.min(p.endedAt ?? end, sorted[i + 1]?.startedAt ?? Infinity, end);
    const overlap = until - Math.max(p.startedAt, start);
    if (overlap <= 0) return;
    known += overlap;
    if (p.status === "major_outage") down += overlap;
    else if (p.status === "partial_outage") down += PARTIAL_WEIGHT * overlap;
  });
  if (known === 0) return null;
  return Math.floor(((known - down) / known) * 10000) / 100;
}
