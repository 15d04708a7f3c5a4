// "I am affected": anonymous reports per component, counted per 5-minute window. A client is an
// HMAC of its address keyed by a salt that changes every day, so no address is stored and
// reports cannot be linked across days. Bounded: one report per client, component and window,
// a per-client hourly cap, a per-window cap, and rows older than a week pruned.
import { createHmac } from "node:crypto";
import type { Db } from "@/db/client";
import {
  countClientReportsSince,
  countWindowReports,
  deleteReportsBefore,
  insertAffectedReport,
  listWindowCounts,
} from "@/db/queries/reach";
import type { SnapComponent, Snapshot } from "./snapshot-types";

export const WINDOW_MS = 5 * 60_000;
/** The public count covers this many recent windows (15 minutes). */
export const PUBLIC_WINDOWS = 3;
export const CLIENT_HOURLY_LIMIT = 20;
export const WINDOW_CAP = 10_000;
export const KEEP_MS = 7 * 86_400_000;
/** A spike: at least this many reports in a window, and three times the previous hour's average. */
export const SPIKE_MIN = 5;
export const SPIKE_FACTOR = 3;

export const windowOf = (at: number) => Math.floor(at / WINDOW_MS) * WINDOW_MS;

/** The client's pseudonym for today: HMAC(HMAC(secret, day), address). */
export function clientHash(secret: string, address: string, at: number): string {
  const day = new Date(at).toISOString().slice(0, 10);
  const salt = createHmac("sha256", secret).update(`affected-salt:${day}`).digest();
  return createHmac("sha256", salt).update(address).digest("base64url").slice(0, 32);
}

export type ReportResult = { counted: boolean; reason: "counted" | "already" | "limited" | "full" };

export function reportAffected(db: Db, componentId: string, client: string, now = Date.now()): ReportResult {
  const windowStart = windowOf(now);
  if (countClientReportsSince(db, client, now - 3_600_000) >= CLIENT_HOURLY_LIMIT)
    return { counted: false, reason: "limited" };
  if (countWindowReports(db, componentId, windowStart) >= WINDOW_CAP) return { counted: false, reason: "full" };
  const inserted = insertAffectedReport(db, { componentId, windowStart, clientHash: client, createdAt: now });
  return { counted: inserted, reason: inserted ? "counted" : "already" };
}

export function pruneAffectedReports(db: Db, now = Date.now()): number {
  return deleteReportsBefore(db, windowOf(now - KEEP_MS));
}

/** Reports of the last `windows` windows (the current one included), per component. */
export function recentCounts(db: Db, now: number, windows: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of listWindowCounts(db, windowOf(now) - (windows - 1) * WINDOW_MS))
    out.set(r.componentId, (out.get(r.componentId) ?? 0) + Number(r.count));
  return out;
}

/** A monitor or an open incident backs the reports up: only then does the public see counts. */
export function isCorroborated(s: Pick<Snapshot, "incidents">, c: Pick<SnapComponent, "id" | "status">): boolean {
  return c.status !== "operational" || s.incidents.unresolved.some((i) => i.componentIds.includes(c.id));
}

export type WindowSeries = { componentId: string; windows: { start: number; count: number }[]; spike: boolean };

/** Per component, the counts of the last `windows` windows (oldest first) and whether the latest is a spike. */
export function reportSeries(
  rows: readonly { componentId: string; windowStart: number; count: number }[],
  now: number,
  windows = 13,
): WindowSeries[] {
  const current = windowOf(now);
  const starts = Array.from({ length: windows }, (_, i) => current - (windows - 1 - i) * WINDOW_MS);
  const by = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const m = by.get(r.componentId) ?? new Map<number, number>();
    m.set(r.windowStart, Number(r.count));
    by.set(r.componentId, m);
  }
  return [...by].map(([componentId, m]) => {
    const series = starts.map((start) => ({ start, count: m.get(start) ?? 0 }));
    return { componentId, windows: series, spike: isSpike(series.map((w) => w.count)) };
  });
}

/** The last count against the ones before it. */
export function isSpike(counts: readonly number[]): boolean {
  const latest = counts.at(-1) ?? 0;
  const before = counts.slice(0, -1);
  const mean = before.length ? before.reduce((a, b) => a + b, 0) / before.length : 0;
  return latest >= SPIKE_MIN && latest >= SPIKE_FACTOR * mean;
}

/** What staff see: the last hour of windows per component, with spikes flagged. */
export function staffReportSeries(db: Db, now = Date.now(), windows = 13): WindowSeries[] {
  return reportSeries(listWindowCounts(db, windowOf(now) - (windows - 1) * WINDOW_MS), now, windows);
}
