// What the public page shows per monitored component: response times (p50/p95 per hour, last
// 24 hours and 7 days) and uptime % over 24 h / 7 d / 30 d / 90 d. Read from roll-ups only, in
// three queries whatever the amount of raw data.
import type { Db } from "@/db/client";
import { listMonitors, listRollupsSince, type RollupRow } from "@/db/queries/monitors";
import { DAY, HOUR } from "./rollups";

export type LatencyPoint = { at: number; p50: number | null; p95: number | null };
export type UptimeFigures = { h24: number | null; d7: number | null; d30: number | null; d90: number | null };
export type ComponentMonitoring = { monitorName: string | null; day: LatencyPoint[]; week: LatencyPoint[]; uptime: UptimeFigures };

const LATENCY_KINDS = new Set(["http", "tcp", "dns", "tls", "upstream"]);

function percent(rows: readonly RollupRow[]): number | null {
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
  const hourly = listRollupsSince(db, "hour", weekFrom);
  const daily = listRollupsSince(db, "day", Math.floor(now / DAY) * DAY - 89 * DAY);
  const byComponent = new Map<string, typeof monitors>();
  for (const m of monitors) byComponent.set(m.componentId, [...(byComponent.get(m.componentId) ?? []), m]);
  for (const [componentId, list] of byComponent) {
    const ids = new Set(list.map((m) => m.id));
    const hours = hourly.filter((r) => ids.has(r.monitorId));
    const days = daily.filter((r) => ids.has(r.monitorId));
    const since = (ms: number) => hours.filter((r) => r.bucketStart > now - ms - HOUR);
    const primary = list.find((m) => LATENCY_KINDS.has(m.kind)) ?? null;
    const primaryHours = primary ? hours.filter((r) => r.monitorId === primary.id) : [];
    out.set(componentId, {
      monitorName: primary?.name ?? null,
      day: primary ? series(primaryHours, thisHour - 23 * HOUR, 24) : [],
      week: primary ? series(primaryHours, weekFrom, 168) : [],
      uptime: {
        h24: percent(since(DAY)),
        d7: percent(since(7 * DAY)),
        d30: percent(days.filter((r) => r.bucketStart > now - 31 * DAY)),
        d90: percent(days),
      },
    });
  }
  return out;
}
