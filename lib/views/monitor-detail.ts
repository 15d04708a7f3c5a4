// One monitor's page: its component and the component's monitor state, its recent checks and the
// latency figures over them.
import { getDb, type Db } from "@/db/client";
import { listComponents } from "@/db/queries/components";
import { getComponentState, getMonitor, listRecentChecks } from "@/db/queries/monitors";
import { getPage } from "@/db/queries/page";
import { listLocations } from "@/db/queries/probes";
import { locationVerdict } from "../monitors/locations";
import { locationNames } from "../monitors/monitors";
import { percentile } from "../monitors/rollups";

const RECENT_CHECKS = 50;

export type LatencySummary = { p50: number | null; p95: number | null; max: number };

/** Percentiles over the successful checks that measured a latency; null when none did. */
export function latencySummary(checks: readonly { ok: boolean; latencyMs: number | null }[]): LatencySummary | null {
  const latencies = checks.flatMap((c) => (c.ok && c.latencyMs !== null ? [c.latencyMs] : [])).sort((a, b) => a - b);
  const max = latencies.at(-1);
  if (max === undefined) return null;
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max };
}

/** Everything the page shows, or null when there is no such monitor. */
export function monitorDetailView(id: string, db: Db = getDb(), now = Date.now()) {
  const monitor = getMonitor(db, id);
  if (!monitor) return null;
  const components = listComponents(db, getPage(db)?.id ?? "");
  const checks = listRecentChecks(db, monitor.id, RECENT_CHECKS);
  return {
    monitor,
    components,
    component: components.find((c) => c.id === monitor.componentId),
    state: getComponentState(db, monitor.componentId),
    checks,
    failures: checks.filter((c) => !c.ok).length,
    latency: latencySummary(checks),
    locations: locationNames(db, monitor),
    /** Each place's own verdict, for a monitor checked from several places; null for the server alone. */
    places: listLocations(db, [monitor.id]).length ? locationVerdict(db, monitor, now) : null,
  };
}
