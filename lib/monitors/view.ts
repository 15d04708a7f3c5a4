// What the public page shows per monitored component: response times (p50/p95 per hour, last
// 24 hours and 7 days) and uptime % over 24 h / 7 d / 30 d / 90 d. Read from roll-ups only, in
// six small queries whatever the amount of raw data (sums are computed in SQL).
import type { Db } from "@/db/client";
import { listMonitors, listRollupsSince, sumRollupsSince, type RollupRow } from "@/db/queries/monitors";
import { MONITOR_KIND_LIST } from "./registry";
import { DAY, HOUR } from "./rollups";

export type LatencyPoint = { at: number; p50: number | null; p95: number | null };
export type UptimeFigures = { h24: number | null; d7: number | null; d30: number | null; d90: number | null };
export type ComponentMonitoring = {
  monitorName: string | null;
  day: LatencyPoint[];
  week: LatencyPoint[];
  uptime: UptimeFigures;
};

const LATENCY_KINDS = new Set<string>(MONITOR_KIND_LIST.filter((k) => k.measuresLatency).map((k) => k.id));

function percent(rows: readonly Pick<RollupRow, "count" | "failures">[]): number | null {
  const count = rows.reduce((n, r) => n + r.count, 0);
  if (count === 0) return null;
  const failures = rows.reduce((n, r) => n + r.failures, 0);
  return Math.floor(((count - failures) / count) * 10_000) / 100;
}

function series(rows: readonly RollupRow[], from: number, hours: number): LatencyPoint[] {
  const byStart = new Map(rows.map((r) => [r.bucketStart, r]));
  return Array.from({ length: hours }, (_, i) => {
    const at = from + i * HOUR;
    const r = byStart.get(at);
    return { at, p50: r?.p50Ms ?? null, p95: r?.p95Ms ?? null };
  });
}

export function monitoringView(db: Db, now: number): Map<string, ComponentMonitoring> {
  const monitors = listMonitors(db);
  const out = new Map<string, ComponentMonitoring>();
  if (monitors.length === 0) return out;
  const thisHour = Math.floor(now / HOUR) * HOUR;
  const weekFrom = thisHour - 167 * HOUR;
  const byComponent = new Map<string, typeof monitors>();
  for (const m of monitors) byComponent.set(m.componentId, [...(byComponent.get(m.componentId) ?? []), m]);
  const primaries = new Map(
    [...byComponent].map(([componentId, list]) => [componentId, list.find((m) => LATENCY_KINDS.has(m.kind)) ?? null]),
  );
  // Charts: only each component's primary monitor, hourly. Uptime: sums per monitor, in SQL.
  const chartRows = listRollupsSince(
    db,
    "hour",
    weekFrom,
    [...primaries.values()].flatMap((m) => (m ? [m.id] : [])),
  );
  const sums = {
    h24: sumRollupsSince(db, "hour", now - DAY - HOUR),
    d7: sumRollupsSince(db, "hour", now - 7 * DAY - HOUR),
    d30: sumRollupsSince(db, "day", now - 31 * DAY),
    d90: sumRollupsSince(db, "day", Math.floor(now / DAY) * DAY - 90 * DAY),
  };
  for (const [componentId, list] of byComponent) {
    const ids = new Set(list.map((m) => m.id));
    const uptime = (rows: typeof sums.h24) => percent(rows.filter((r) => ids.has(r.monitorId)));
    const primary = primaries.get(componentId) ?? null;
    const primaryHours = primary ? chartRows.filter((r) => r.monitorId === primary.id) : [];
    out.set(componentId, {
      monitorName: primary?.name ?? null,
      day: primary ? series(primaryHours, thisHour - 23 * HOUR, 24) : [],
      week: primary ? series(primaryHours, weekFrom, 168) : [],
      uptime: { h24: uptime(sums.h24), d7: uptime(sums.d7), d30: uptime(sums.d30), d90: uptime(sums.d90) },
    });
  }
  return out;
}
