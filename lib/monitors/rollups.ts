// Roll-ups: per monitor and hour (and UTC day), the number of checks, failures and the p50/p95/
// max latency, computed from raw results; raw results older than the retention are pruned.
// The public page reads roll-ups only, so its cost does not grow with raw data.
import { inTransaction, type Db } from "@/db/client";
import {
  deleteChecksBefore,
  deleteLocationRollupsBefore,
  deleteRollupsBefore,
  listChecksBetween,
  upsertLocationRollups,
  upsertRollups,
} from "@/db/queries/monitors";

export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const HOURLY_KEEP_DAYS = 35;
export const DAILY_KEEP_DAYS = 400;

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

type Agg = { count: number; failures: number; latencies: number[] };

function add(map: Map<string, Agg>, key: string, c: { ok: boolean; latencyMs: number | null }) {
  let agg = map.get(key);
  if (!agg) map.set(key, (agg = { count: 0, failures: 0, latencies: [] }));
  agg.count++;
  if (!c.ok) agg.failures++;
  else if (c.latencyMs !== null) agg.latencies.push(c.latencyMs);
}

function figures(a: Agg) {
  const sorted = a.latencies.sort((x, y) => x - y);
  return {
    count: a.count,
    failures: a.failures,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted.at(-1) ?? null,
  };
}

/**
 * One bucket's figures per monitor and, by the hour, per monitor and place for monitors with a
 * check from a probe agent in it (the chart's split by place).
 */
export function rollUpBucket(db: Db, size: "hour" | "day", start: number): number {
  const end = start + (size === "hour" ? HOUR : DAY);
  const byMonitor = new Map<string, Agg>();
  const byPlace = new Map<string, Agg>();
  const placed = new Set<string>();
  for (const c of listChecksBetween(db, start, end)) {
    add(byMonitor, c.monitorId, c);
    if (size !== "hour") continue;
    add(byPlace, `${c.monitorId}\u0000${c.location}`, c);
    if (c.location !== "local") placed.add(c.monitorId);
  }
  const rows = [...byMonitor].map(([monitorId, a]) => ({ monitorId, size, bucketStart: start, ...figures(a) }));
  const placeRows = [...byPlace].flatMap(([key, a]) => {
    const [monitorId = "", location = ""] = key.split("\u0000");
    if (!placed.has(monitorId)) return [];
    const { maxMs: _max, ...f } = figures(a);
    void _max;
    return [{ monitorId, location, bucketStart: start, ...f }];
  });
  inTransaction(db, () => {
    upsertRollups(db, rows);
    upsertLocationRollups(db, placeRows);
  });
  return rows.length;
}

/**
 * Rolls up what changed since the last run: the current hour and day, plus those the last run
 * was in when they have since ended (so each finished bucket gets its final figures).
 */
export function rollUp(db: Db, now: number, lastRun: number | null): void {
  const hours = new Set([Math.floor(now / HOUR) * HOUR]);
  // A day is re-read once an hour, not every run: it is 24 times the rows of an hour.
  const newHour = lastRun === null || Math.floor(lastRun / HOUR) !== Math.floor(now / HOUR);
  const days = new Set(newHour ? [Math.floor(now / DAY) * DAY] : []);
  if (lastRun !== null) {
    for (let h = Math.floor(lastRun / HOUR) * HOUR; h < now && hours.size < 48; h += HOUR) hours.add(h);
    if (newHour) for (let d = Math.floor(lastRun / DAY) * DAY; d < now && days.size < 3; d += DAY) days.add(d);
  }
  for (const h of hours) rollUpBucket(db, "hour", h);
  for (const d of days) rollUpBucket(db, "day", d);
}

export function prune(db: Db, now: number, retentionDays: number): { checks: number; rollups: number } {
  const checks = deleteChecksBefore(db, now - retentionDays * DAY);
  const rollups =
    deleteRollupsBefore(db, "hour", now - HOURLY_KEEP_DAYS * DAY) +
    deleteRollupsBefore(db, "day", now - DAILY_KEEP_DAYS * DAY) +
    deleteLocationRollupsBefore(db, now - HOURLY_KEEP_DAYS * DAY);
  return { checks, rollups };
}
