import { describe, expect, it } from "vitest";
import { insertCheck, listRollupsSince } from "@/db/queries/monitors";
import { ensurePage } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import type { Actor } from "../audit";
import { createComponent } from "../components";
import { buildSnapshot } from "../snapshot";
import { createMonitor } from "./monitors";
import { DAY, HOUR, percentile, prune, rollUp } from "./rollups";
import { monitoringView } from "./view";

const ed: Actor = { type: "user", id: "u", label: "ed@example.com", role: "editor" };
const NOW = Date.parse("2026-11-24T12:30:00Z");
const HOUR_START = Date.parse("2026-11-24T12:00:00Z");

function setup() {
  const db = testDatabase();
  ensurePage(db, { name: "Test", timeZone: "Etc/UTC", now: NOW - 100 * DAY });
  const api = createComponent(db, ed, { name: "API" }, NOW - 100 * DAY);
  const m = createMonitor(
    db,
    ed,
    { componentId: api.id, name: "API health", kind: "http", settings: { url: "https://api.example.com/" } },
    NOW - 100 * DAY,
  );
  return { db, api, m };
}

describe("percentile", () => {
  it("uses the nearest rank", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});

describe("roll-ups and pruning", () => {
  it("rolls an hour up into count, failures and p50/p95/max of successful checks", () => {
    const { db, m } = setup();
    for (let i = 0; i < 20; i++)
      insertCheck(db, { monitorId: m.id, at: HOUR_START + i * 60_000, ok: i !== 3, latencyMs: (i + 1) * 10 });
    insertCheck(db, { monitorId: m.id, at: HOUR_START - 1, ok: true, latencyMs: 5000 }); // the hour before
    rollUp(db, NOW, null);
    const [hour] = listRollupsSince(db, "hour", HOUR_START);
    expect(hour).toMatchObject({
      monitorId: m.id,
      bucketStart: HOUR_START,
      count: 20,
      failures: 1,
      p50Ms: 110,
      p95Ms: 200,
      maxMs: 200,
    });
    const day = listRollupsSince(db, "day", HOUR_START - 12 * HOUR);
    expect(day).toEqual([expect.objectContaining({ count: 21, failures: 1, maxMs: 5000 })]);
  });

  it("finishes the buckets the last run was in", () => {
    const { db, m } = setup();
    insertCheck(db, { monitorId: m.id, at: HOUR_START - 30 * 60_000, ok: true, latencyMs: 10 });
    rollUp(db, HOUR_START - 20 * 60_000, null);
    insertCheck(db, { monitorId: m.id, at: HOUR_START - 10 * 60_000, ok: false, latencyMs: null });
    rollUp(db, NOW, HOUR_START - 20 * 60_000);
    expect(listRollupsSince(db, "hour", HOUR_START - HOUR)[0]).toMatchObject({ count: 2, failures: 1 });
  });

  it("prunes raw results past the retention; the public view keeps its figures from roll-ups", () => {
    const { db, m, api } = setup();
    for (let d = 0; d < 40; d++) {
      for (let h = 0; h < 2; h++)
        insertCheck(db, {
          monitorId: m.id,
          at: NOW - d * DAY - h * HOUR,
          ok: !(d === 20 && h === 0),
          latencyMs: 100 + h,
        });
    }
    // Roll every bucket up, as the scheduler does over time.
    for (let d = 40; d >= 0; d--) rollUp(db, NOW - d * DAY + HOUR, NOW - d * DAY - 2 * HOUR);
    const before = monitoringView(db, NOW).get(api.id)!;
    expect(before.uptime.h24).toBe(100);
    expect(before.uptime.d30).toBeCloseTo(98.38, 1);
    expect(before.day.some((p) => p.p50 === 100)).toBe(true);
    const pruned = prune(db, NOW, 14);
    expect(pruned.checks).toBe(2 * 26 - 1); // days 15..40 (the boundary day keeps its later check)
    const count = (db.$client.prepare("select count(*) as n from check_results").get() as { n: number }).n;
    expect(count).toBe(80 - pruned.checks);
    expect(monitoringView(db, NOW).get(api.id)).toEqual(before);
    // The snapshot carries it to the public page.
    const snap = buildSnapshot(db, { publicUrl: "http://status.test", now: NOW });
    expect(snap.componentsById.get(api.id)!.monitoring).toEqual(before);
  });

  it("no monitors: nothing extra in the snapshot", () => {
    const db = testDatabase();
    ensurePage(db, { name: "Test", timeZone: "Etc/UTC" });
    const c = createComponent(db, ed, { name: "Web" });
    expect(buildSnapshot(db, { publicUrl: "http://status.test" }).componentsById.get(c.id)!.monitoring).toBeNull();
  });
});
