// The demo page a first start shows: every public feature has something to show, the monitors
// probe nothing, and the roll-ups are what the snapshot reads for the charts and uptime figures.
import { beforeAll, describe, expect, it } from "vitest";
import { listMonitors, listRollupsSince } from "@/db/queries/monitors";
import { DAY, HOUR } from "@/lib/monitors/rollups";
import { browserProbeUrlProblem } from "@/lib/probe-url";
import { buildSnapshot } from "@/lib/snapshot";
import type { Snapshot } from "@/lib/snapshot-types";
import { must } from "@/lib/testing";
import type { Db } from "./client";
import { DEMO_MONITORS } from "./seed-monitoring";
import { seedDemo } from "./seed";
import { testDatabase } from "./testing";

const NOW = Date.parse("2026-11-24T12:34:00Z");
const URL = "http://127.0.0.1:4321";
let db: Db;
let snapshot: Snapshot;

beforeAll(() => {
  db = testDatabase();
  seedDemo(db, { name: "Seed Demo", timeZone: "Etc/UTC", now: NOW, publicUrl: URL });
  snapshot = buildSnapshot(db, { publicUrl: URL, now: NOW });
});

const named = (name: string) =>
  must(
    snapshot.components.find((c) => c.name === name),
    name,
  );

describe("the demo seed", () => {
  it("writes 8 showcased components in 3 groups, 5 past incidents, an open one and a maintenance", () => {
    expect(snapshot.components).toHaveLength(8);
    expect(snapshot.layout.filter((i) => i.kind === "group")).toHaveLength(3);
    expect(snapshot.components.every((c) => c.showcase)).toBe(true);
    expect(snapshot.incidents.recent.filter((i) => i.status === "resolved")).toHaveLength(5);
    expect(snapshot.incidents.unresolved.map((i) => i.name)).toEqual(["Payouts delayed for some accounts"]);
    expect(snapshot.maintenances.upcoming).toHaveLength(1);
  });

  it("gives one component a browser probe at the page's own health, valid for the page's CSP", () => {
    const probed = snapshot.components.filter((c) => c.browserProbeUrl);
    expect(probed.map((c) => c.name)).toEqual(["Website"]);
    expect(named("Website").browserProbeUrl).toBe(`${URL}/api/health`);
    expect(browserProbeUrlProblem(named("Website").browserProbeUrl!)).toBeNull();
  });

  it("leaves the probe out when the page's address could not carry one", () => {
    const other = testDatabase();
    seedDemo(other, { name: "Plain http", timeZone: "Etc/UTC", now: NOW, publicUrl: "http://status.example.com" });
    const components = buildSnapshot(other, { publicUrl: "http://status.example.com", now: NOW }).components;
    expect(components).toHaveLength(8);
    expect(components.filter((c) => c.browserProbeUrl)).toEqual([]);
  });

  it("adds paused monitors that point at the page's own address only", () => {
    const monitors = listMonitors(db);
    expect(monitors.map((m) => m.name).sort()).toEqual(DEMO_MONITORS.map((m) => m.name).sort());
    for (const m of monitors) {
      expect(m.paused).toBe(true);
      expect(m.kind).toBe("http");
      expect((m.settings as { url: string }).url.startsWith(`${URL}/`)).toBe(true);
    }
  });

  it("writes hourly roll-ups for the charts (10 days) and daily ones for 90-day uptime", () => {
    const monitors = listMonitors(db);
    const hourly = listRollupsSince(db, "hour", 0);
    const daily = listRollupsSince(db, "day", 0);
    expect(hourly).toHaveLength(monitors.length * 10 * 24);
    expect(daily).toHaveLength(monitors.length * 91);
    for (const r of [...hourly, ...daily]) {
      expect(r.count).toBeGreaterThan(0);
      expect(r.failures).toBeLessThanOrEqual(r.count);
      expect(r.p50Ms!).toBeGreaterThan(20);
      expect(r.p95Ms!).toBeGreaterThanOrEqual(r.p50Ms!);
      expect(r.maxMs!).toBeGreaterThanOrEqual(r.p95Ms!);
    }
    // The current hour counts only the minutes so far (one check a minute).
    const current = hourly.filter((r) => r.bucketStart === Math.floor(NOW / HOUR) * HOUR);
    expect(current.map((r) => r.count)).toEqual(monitors.map(() => 34));
  });

  it("gives each monitored component the snapshot's response-time series and uptime figures", () => {
    for (const name of DEMO_MONITORS.map((m) => m.component)) {
      const m = must(named(name).monitoring, `${name}'s monitoring`);
      expect(m.day).toHaveLength(24);
      expect(m.week).toHaveLength(168);
      expect(m.day.every((p) => p.p50 !== null && p.p95 !== null)).toBe(true);
      expect(m.week.every((p) => p.p50 !== null)).toBe(true);
      for (const u of [m.uptime.h24, m.uptime.d7, m.uptime.d30, m.uptime.d90]) {
        expect(u).not.toBeNull();
        expect(u!).toBeGreaterThan(99);
        expect(u!).toBeLessThanOrEqual(100);
      }
    }
    expect(named("Checkout").monitoring).toBeNull();
  });

  it("bumps response times and failures in the hours of a seeded incident", () => {
    const webhooks = must(named("Webhooks").monitoring, "Webhooks' monitoring");
    // "Webhook deliveries delayed": 3 days ago, 50 minutes from six hours before this time.
    const start = Math.floor((NOW - 3 * DAY) / 60_000) * 60_000 - 6 * HOUR;
    const during = must(
      webhooks.week.find((p) => p.at === Math.floor(start / HOUR) * HOUR),
      "the incident's hour",
    );
    const others = webhooks.week.filter((p) => Math.abs(p.at - start) > 3 * HOUR).map((p) => p.p95!);
    expect(during.p95!).toBeGreaterThan(Math.max(...others));
    expect(webhooks.uptime.d7!).toBeLessThan(named("Website").monitoring!.uptime.d7!);
  });
});
