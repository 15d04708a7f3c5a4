// The demo's monitors and their history: a few components carry response times and uptime from
// the first start, so the page shows its charts at once. The history is roll-ups only (what the
// public page reads), made up to look like a real service: a daily rhythm, a little noise, a
// rare failed check, and a bump in the hours of each seeded incident on that component.
//
// The monitors are paused and point at this page's own address. Paused, because a demo must not
// probe anything by itself (a first start may be offline, behind a firewall, or a test run), and
// a running monitor would also overrule the seeded statuses with what it really sees; the charts
// then stay as seeded, which is what a demo needs. The page's own address, so that staff who
// resume one reach nothing but Outpost itself (flagged as an internal target, since on a first
// start that address is usually localhost).
import { SYSTEM_ACTOR } from "@/lib/audit";
import type { ComponentStatus } from "@/lib/constants";
import { createMonitor } from "@/lib/monitors/monitors";
import { DAY, HOUR, percentile } from "@/lib/monitors/rollups";
import { inTransaction, type Db } from "./client";
import type { checkRollups } from "./monitors-schema";
import { insertRollups } from "./queries/monitors";

const MIN = 60_000;
/** Days of hourly roll-ups (the charts show 7; hourly ones are kept 35). */
const HOURLY_DAYS = 10;
/** Days of daily roll-ups: the 90-day uptime figure. */
const DAILY_DAYS = 91;

export type DemoMonitor = {
  component: string;
  name: string;
  /** Path on the page's own address. */
  path: string;
  /** Typical (p50) and slow (p95) response times in ms. */
  p50: number;
  p95: number;
};

export const DEMO_MONITORS: readonly DemoMonitor[] = [
  { component: "Website", name: "Home page", path: "/api/health", p50: 118, p95: 262 },
  { component: "Public API", name: "API status endpoint", path: "/api/v2/status.json", p50: 84, p95: 190 },
  { component: "Webhooks", name: "Delivery queue", path: "/api/health", p50: 146, p95: 338 },
];

/** A seeded incident on a monitored component: its window and how bad it was. */
export type DemoWindow = { start: number; end: number; status: ComponentStatus };

/** How much slower (× p50) and how many checks failing during an incident of each status. */
const EFFECT: Partial<Record<ComponentStatus, { slower: number; failing: number }>> = {
  degraded_performance: { slower: 2.2, failing: 0 },
  partial_outage: { slower: 2.8, failing: 0.3 },
  major_outage: { slower: 3.5, failing: 1 },
};

/** A small seeded generator, so the demo (and its tests) look the same on every start. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rollup = typeof checkRollups.$inferInsert;

/** One monitor's hourly figures over the daily window, then the hours kept and the days summed. */
export function demoRollups(
  monitorId: string,
  m: DemoMonitor,
  windows: readonly DemoWindow[],
  now: number,
  seed: number,
): Rollup[] {
  const rand = random(seed);
  const thisHour = Math.floor(now / HOUR) * HOUR;
  const firstDay = Math.floor(now / DAY) * DAY - (DAILY_DAYS - 1) * DAY;
  const hours: Rollup[] = [];
  for (let at = firstDay; at <= thisHour; at += HOUR) {
    // One check a minute; the current hour so far.
    const count = at === thisHour ? Math.max(1, Math.floor((now - at) / MIN)) : 60;
    const hourOfDay = (at / HOUR) % 24;
    const rhythm = 1 + 0.14 * Math.sin((2 * Math.PI * (hourOfDay - 9)) / 24); // busiest mid-afternoon (UTC)
    let p50 = m.p50 * rhythm * (0.92 + 0.16 * rand());
    let p95 = p50 * (m.p95 / m.p50) * (0.9 + 0.25 * rand());
    let failures = rand() < 0.015 ? 1 : 0;
    for (const w of windows) {
      const overlap = Math.min(at + HOUR, w.end) - Math.max(at, w.start);
      const effect = EFFECT[w.status];
      if (overlap <= 0 || !effect) continue;
      const share = overlap / HOUR;
      p50 *= 1 + (effect.slower - 1) * share;
      p95 *= 1 + (effect.slower * 1.6 - 1) * share;
      failures += Math.round(count * share * effect.failing);
    }
    hours.push({
      monitorId,
      size: "hour",
      bucketStart: at,
      count,
      failures: Math.min(count, failures),
      p50Ms: Math.round(p50),
      p95Ms: Math.round(p95),
      maxMs: Math.round(p95 * (1.3 + 0.4 * rand())),
    });
  }
  const days = new Map<number, Rollup[]>();
  for (const h of hours) {
    const day = Math.floor(h.bucketStart / DAY) * DAY;
    days.set(day, [...(days.get(day) ?? []), h]);
  }
  const daily = [...days].map(([day, list]): Rollup => {
    const sorted = (key: "p50Ms" | "p95Ms" | "maxMs") => list.map((h) => h[key] ?? 0).sort((a, b) => a - b);
    return {
      monitorId,
      size: "day",
      bucketStart: day,
      count: list.reduce((n, h) => n + h.count, 0),
      failures: list.reduce((n, h) => n + h.failures, 0),
      p50Ms: percentile(sorted("p50Ms"), 50),
      p95Ms: percentile(sorted("p95Ms"), 95),
      maxMs: sorted("maxMs").at(-1) ?? null,
    };
  });
  return [...hours.filter((h) => h.bucketStart > thisHour - HOURLY_DAYS * DAY), ...daily];
}

/**
 * Adds the demo monitors (paused, at the page's own address) and their roll-ups, in one
 * transaction. `ids`: the demo components by name; `windows`: their seeded incidents.
 */
export function seedDemoMonitoring(
  db: Db,
  opts: {
    ids: ReadonlyMap<string, string>;
    windows: ReadonlyMap<string, DemoWindow[]>;
    publicUrl: string;
    now: number;
  },
): void {
  inTransaction(db, () => {
    DEMO_MONITORS.forEach((m, i) => {
      const componentId = opts.ids.get(m.component);
      if (!componentId) return;
      const monitor = createMonitor(
        db,
        SYSTEM_ACTOR,
        {
          componentId,
          name: m.name,
          kind: "http",
          paused: true,
          internalTarget: true,
          intervalSeconds: 60,
          settings: { url: `${opts.publicUrl}${m.path}` },
        },
        opts.now,
      );
      insertRollups(db, demoRollups(monitor.id, m, opts.windows.get(m.component) ?? [], opts.now, i + 1));
    });
  });
}
