// What the public page shows per monitored component: response times (p50/p95 per hour, last
// 24 hours and 7 days) and uptime % over 24 h / 7 d / 30 d / 90 d. Read from roll-ups only, in
// six small queries whatever the amount of raw data (sums are computed in SQL).
import type { Db } from "@/db/client";
import {
  listLocationRollupsSince,
  listMonitors,
  listRollupsSince,
  sumRollupsSince,
  type RollupRow,
} from "@/db/queries/monitors";
import { listAgents } from "@/db/queries/probes";
import { MONITOR_KIND_LIST } from "./registry";
import { DAY, HOUR } from "./rollups";

export type LatencyPoint = { at: number; p50: number | null; p95: number | null };
export type UptimeFigures = { h24: number | null; d7: number | null; d30: number | null; d90: number | null };
/** The last 24 hours from one place (the chart's split by place); label null: the server, unnamed. */
export type PlaceSeries = { name: string; label: string | null; day: LatencyPoint[] };
export type ComponentMonitoring = {
  monitorName: string | null;
  day: LatencyPoint[];
  week: LatencyPoint[];
  uptime: UptimeFigures;
  /** When the charted monitor is checked from several places: each place's last 24 hours. */
  places?: PlaceSeries[];
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

/** Each place's hourly series for the charted monitors that have figures per place. */
function placeSeries(
  db: Db,
  monitorIds: readonly string[],
  from: number,
  localLabel: string | null,
): Map<string, PlaceSeries[]> {
  const rows = listLocationRollupsSince(db, monitorIds, from);
  const out = new Map<string, PlaceSeries[]>();
  if (rows.length === 0) return out;
  const labels = new Map(listAgents(db).map((a) => [a.name, a.label]));
  const byKey = new Map<string, { monitorId: string; location: string; rows: RollupRow[] }>();
  for (const r of rows) {
    const key = `${r.monitorId}\u0000${r.location}`;
    if (!byKey.has(key)) byKey.set(key, { monitorId: r.monitorId, location: r.location, rows: [] });
    byKey.get(key)!.rows.push({ ...r, size: "hour", maxMs: null });
  }
  for (const { monitorId, location, rows: own } of byKey.values()) {
    const label = location === "local" ? localLabel : (labels.get(location) ?? location);
    const list = out.get(monitorId) ?? [];
    list.push({ name: location, label, day: series(own, from, 24) });
    out.set(monitorId, list);
  }
  // The server first, then the places by name (as everywhere places are listed).
  for (const list of out.values())
    list.sort((a, b) => Number(b.name === "local") - Number(a.name === "local") || a.name.localeCompare(b.name));
  return out;
}

export function monitoringView(
  db: Db,
  now: number,
  localLabel: string | null = null,
): Map<string, ComponentMonitoring> {
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
  // The split by place: the component's first running monitor checked from several places.
  const placed = monitors.filter((m) => !m.paused && LATENCY_KINDS.has(m.kind)).map((m) => m.id);
  const places = placeSeries(db, placed, thisHour - 23 * HOUR, localLabel);
  const placedOf = (list: typeof monitors) => list.map((m) => places.get(m.id)).find(Boolean);
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
      ...(placedOf(list) ? { places: placedOf(list) } : {}),
    });
  }
  return out;
}
