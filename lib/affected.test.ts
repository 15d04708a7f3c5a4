import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { seedDemo } from "@/db/seed";
import { countWindowReports } from "@/db/queries/reach";
import {
  CLIENT_HOURLY_LIMIT,
  clientHash,
  isSpike,
  pruneAffectedReports,
  recentCounts,
  reportAffected,
  reportSeries,
  staffReportSeries,
  WINDOW_MS,
  windowOf,
} from "./affected";
import { must, setComponentStatus } from "./testing";
import { buildSnapshot } from "./snapshot";

const NOW = Date.parse("2026-11-24T12:01:00Z");

function seeded() {
  const db = testDatabase();
  seedDemo(db, { name: "Demo", timeZone: "Etc/UTC", now: NOW });
  const s = buildSnapshot(db, { publicUrl: "http://status.test", now: NOW });
  return { db, s };
}

describe("client pseudonyms", () => {
  it("are stable for a day, differ across days and addresses, and never contain the address", () => {
    const a = clientHash("secret", "203.0.113.7", NOW);
    expect(clientHash("secret", "203.0.113.7", NOW + 60_000)).toBe(a);
    expect(clientHash("secret", "203.0.113.7", NOW + 86_400_000)).not.toBe(a);
    expect(clientHash("secret", "203.0.113.8", NOW)).not.toBe(a);
    expect(clientHash("other", "203.0.113.7", NOW)).not.toBe(a);
    expect(a).not.toContain("203");
  });
});

describe("reportAffected", () => {
  it("counts one report per client, component and 5-minute window", () => {
    const { db, s } = seeded();
    const c = must(s.components[0], "a component");
    expect(reportAffected(db, c.id, "client-a", NOW)).toEqual({ counted: true, reason: "counted" });
    expect(reportAffected(db, c.id, "client-a", NOW + 1000)).toEqual({ counted: false, reason: "already" });
    expect(reportAffected(db, c.id, "client-b", NOW + 2000).counted).toBe(true);
    expect(countWindowReports(db, c.id, windowOf(NOW))).toBe(2);
    // The next window counts again.
    expect(reportAffected(db, c.id, "client-a", NOW + WINDOW_MS).counted).toBe(true);
    expect(recentCounts(db, NOW + WINDOW_MS, 3).get(c.id)).toBe(3);
    expect(recentCounts(db, NOW + WINDOW_MS, 1).get(c.id)).toBe(1);
  });

  it("limits a client's reports per hour, so spam cannot grow the table", () => {
    const { db, s } = seeded();
    let counted = 0;
    for (let i = 0; i < CLIENT_HOURLY_LIMIT + 10; i++) {
      const c = must(s.components[i % s.components.length], "a component");
      if (reportAffected(db, c.id, "spammer", NOW + (i * WINDOW_MS) / 10).counted) counted++;
    }
    expect(counted).toBe(CLIENT_HOURLY_LIMIT);
    expect(reportAffected(db, must(s.components[0], "a component").id, "spammer", NOW + 3 * WINDOW_MS).reason).toBe(
      "limited",
    );
    const rows = db.$client.prepare("select count(*) as n from affected_reports").get() as { n: number };
    expect(rows.n).toBe(CLIENT_HOURLY_LIMIT);
  });

  it("prunes reports older than a week", () => {
    const { db, s } = seeded();
    const c = must(s.components[0], "a component");
    reportAffected(db, c.id, "old", NOW - 8 * 86_400_000);
    reportAffected(db, c.id, "new", NOW);
    expect(pruneAffectedReports(db, NOW)).toBe(1);
  });
});

describe("public counts", () => {
  it("show only while a monitor or an open incident corroborates them", () => {
    const { db, s } = seeded();
    const quiet = s.components.find(
      (c) => c.status === "operational" && !s.incidents.unresolved.some((i) => i.componentIds.includes(c.id)),
    )!;
    for (const who of ["a", "b", "c"]) reportAffected(db, quiet.id, who, NOW);
    expect(buildSnapshot(db, { publicUrl: "http://status.test", now: NOW }).affectedCounts.has(quiet.id)).toBe(false);
    setComponentStatus(db, quiet.id, "partial_outage", NOW);
    expect(buildSnapshot(db, { publicUrl: "http://status.test", now: NOW }).affectedCounts.get(quiet.id)).toBe(3);
  });
});

describe("spikes", () => {
  it("flag a window well above the previous hour", () => {
    expect(isSpike([0, 0, 0, 0, 5])).toBe(true);
    expect(isSpike([0, 0, 0, 0, 4])).toBe(false);
    expect(isSpike([10, 10, 10, 10, 20])).toBe(false);
    expect(isSpike([2, 2, 2, 2, 8])).toBe(true);
  });

  it("are computed per component over the staff window", () => {
    const { db, s } = seeded();
    const c = must(s.components[1], "a second component");
    for (let i = 0; i < 6; i++) reportAffected(db, c.id, `client-${i}`, NOW);
    const series = staffReportSeries(db, NOW);
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ componentId: c.id, spike: true });
    expect(series[0]?.windows).toHaveLength(13);
    expect(series[0]?.windows.at(-1)).toEqual({ start: windowOf(NOW), count: 6 });
    expect(reportSeries([], NOW)).toEqual([]);
  });
});
