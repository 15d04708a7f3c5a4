// Uptime from status periods, per calendar day in the page's time zone. Pure.
import type { ComponentStatus } from "./constants";
import { lastDays, type DayRange } from "./time";

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

/** A day's bar: "none" without data, else 0-4 by its share of downtime (see dayLevel). */
export type DayLevel = "none" | 0 | 1 | 2 | 3 | 4;

/** A partial outage counts as this fraction of downtime (Statuspage weighs it at 30%). */
export const PARTIAL_WEIGHT = 0.3;

/** Overlaps flattened: each period runs until the next one starts at the latest, and not past `now`. */
function flatten(periods: readonly StatusPeriod[], now: number, startedFrom = -Infinity) {
  const sorted = [...periods].sort((a, b) => a.startedAt - b.startedAt);
  return sorted.map((p, i) => {
    const next = sorted[i + 1]?.startedAt ?? Infinity;
    return { status: p.status, start: Math.max(p.startedAt, startedFrom), end: Math.min(p.endedAt ?? now, next, now) };
  });
}

/**
 * Time spent in each status on each of the last `days` days. Periods may overlap (the later-starting
 * one wins where they do), start before the window, or still be open; time before `startedFrom` and
 * after `now` is not counted.
 */
export function dailyUptime(
  periods: readonly StatusPeriod[],
  opts: { now: number; days: number; timeZone: string; startedFrom?: number; ranges?: readonly DayRange[] },
): DayUptime[] {
  const flat = flatten(periods, opts.now, opts.startedFrom);
  // Zone-aware day ranges cost about 5 ms per 90 days: a snapshot computes them once, not per component.
  return (opts.ranges ?? lastDays(opts.now, opts.days, opts.timeZone)).map((day) => {
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

/** Downtime as a share of the day's known time (a partial outage weighs PARTIAL_WEIGHT); null without data. */
export function downtimeShare(d: DayUptime): number | null {
  if (d.known === 0) return null;
  return (d.majorOutage + PARTIAL_WEIGHT * d.partialOutage) / d.known;
}

/** Upper bounds (exclusive) of downtime levels 1-3; level 4 is anything above the last. */
export const DOWNTIME_LEVEL_BOUNDS = [0.01, 0.05, 0.3] as const;

/**
 * One day's bar level by its share of downtime: 0 none, 1 under 1%, 2 under 5%, 3 under 30%,
 * 4 more; "none" when nothing is known. A one-minute blip is level 1, not a red day.
 */
export function dayLevel(d: DayUptime): DayLevel {
  const share = downtimeShare(d);
  if (share === null) return "none";
  if (share <= 0) return 0;
  const bound = DOWNTIME_LEVEL_BOUNDS.findIndex((b) => share < b);
  return (bound === -1 ? 4 : bound + 1) as DayLevel;
}

/** Periods of a day other than operational, clipped to it (for the day's detail). */
export function dayEvents(
  periods: readonly StatusPeriod[],
  day: { start: number; end: number },
  now: number,
): StatusPeriod[] {
  return flatten(periods, now)
    .filter((p) => p.status !== "operational" && p.start < day.end && p.end > day.start && p.end > p.start)
    .map((p) => ({
      status: p.status,
      startedAt: Math.max(p.start, day.start),
      endedAt: p.end >= now && p.end <= day.end ? null : Math.min(p.end, day.end),
    }));
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
