import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { testDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "./audit";
import { historyDays, historyHref, loadHistory, parseHistoryQuery, HISTORY_PAGE_SIZE } from "./history";
import { createIncident } from "./incidents";
import { buildSnapshot } from "./snapshot";
import { acmePage } from "./testing";
import { shiftDate } from "./past-days";
import { monthRange, shiftMonth } from "./time";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const q = (s: string) => parseHistoryQuery(new URLSearchParams(s), NOW, "Etc/UTC");

describe("parseHistoryQuery", () => {
  it("reads a month and page", () => {
    expect(q("month=2026-09&page=2")).toEqual({ month: "2026-09", page: 2, component: null });
  });
  it("falls back on anything malformed or in the future", () => {
    for (const s of ["month=2026-13", "month=26-1", "month=2027-01", "page=0", "page=-3", "page=1.5", "page=x", ""]) {
      const r = q(s);
      expect(r.page).toBeGreaterThanOrEqual(1);
      expect(r.month <= "2026-11").toBe(true);
    }
    expect(q("month=2027-01").month).toBe("2026-11");
  });
  it("reads a component beside a month only: alone it asks for the component's days", () => {
    expect(q("month=2026-10&component=api").component).toBe("api");
    expect(q("month=&component=api")).toEqual({ month: "2026-11", page: 1, component: "api" });
    expect(q("component=api").component).toBeNull();
    expect(q("month=2026-10&component=").component).toBeNull();
    expect(q("month=2026-10&component=a%20b").component).toBeNull();
    expect(q(`month=2026-10&component=${"x".repeat(81)}`).component).toBeNull();
  });
  it("writes addresses that it reads back", () => {
    expect(historyHref("2026-10")).toBe("/history?month=2026-10");
    expect(historyHref("2026-10", 2, "api")).toBe("/history?month=2026-10&page=2&component=api");
    expect(q(historyHref("2026-10", 2, "api").split("?")[1]!)).toEqual({ month: "2026-10", page: 2, component: "api" });
  });
});

describe("months", () => {
  it("shifts across years", () => {
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
  });
  it("spans a month in the page's zone", () => {
    const r = monthRange("2026-11", "America/New_York");
    expect(new Date(r.start).toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(new Date(r.end).toISOString()).toBe("2026-12-01T05:00:00.000Z");
  });
});

describe("historyDays", () => {
  const at = (iso: string) => ({ startedAt: Date.parse(iso) });
  const dates = (d: { date: string; incidents: unknown[] }[]) => d.map((x) => `${x.date}:${x.incidents.length}`);

  it("covers the current month up to today, newest first", () => {
    const days = historyDays({
      month: "2026-11",
      timeZone: "Etc/UTC",
      now: NOW,
      incidents: [at("2026-11-20T10:00:00Z"), at("2026-11-20T08:00:00Z")],
      newer: null,
      lastPage: true,
    });
    expect(days).toHaveLength(24);
    expect(days[0]!.date).toBe("2026-11-24");
    expect(days.at(-1)!.date).toBe("2026-11-01");
    expect(days.find((d) => d.date === "2026-11-20")!.incidents).toHaveLength(2);
  });

  it("covers a past month whole, in the page's zone", () => {
    const days = historyDays({
      month: "2026-10",
      timeZone: "America/New_York",
      now: NOW,
      // 02:00 UTC on Nov 1 is still Oct 31 in New York.
      incidents: [at("2026-11-01T02:00:00Z")],
      newer: null,
      lastPage: true,
    });
    expect(days).toHaveLength(31);
    expect(dates(days)[0]).toBe("2026-10-31:1");
  });

  it("splits pages so that the quiet days between them are told once", () => {
    const common = { month: "2026-11", timeZone: "Etc/UTC", now: NOW };
    const first = historyDays({ ...common, incidents: [at("2026-11-22T09:00:00Z")], newer: null, lastPage: false });
    expect(dates(first)).toEqual(["2026-11-24:0", "2026-11-23:0", "2026-11-22:1"]);
    const second = historyDays({
      ...common,
      incidents: [at("2026-11-10T09:00:00Z")],
      newer: Date.parse("2026-11-22T09:00:00Z"),
      lastPage: true,
    });
    expect(second[0]!.date).toBe("2026-11-21");
    expect(second.at(-1)!.date).toBe("2026-11-01");
    // A day split between two pages is on both, each with its own incidents.
    const sameDay = historyDays({
      ...common,
      incidents: [at("2026-11-22T07:00:00Z")],
      newer: Date.parse("2026-11-22T09:00:00Z"),
      lastPage: true,
    });
    expect(dates(sameDay)[0]).toBe("2026-11-22:1");
  });
});

describe("loadHistory", () => {
  let db: Db;
  let ids: { api: string; web: string };
  const DAY = 86_400_000;
  const snapshot = () => buildSnapshot(db, { publicUrl: "https://status.example.com", now: NOW });
  const load = (query: { month?: string; page?: number; component?: string | null }) =>
    loadHistory(db, snapshot(), { month: "2026-11", page: 1, component: null, ...query });
  const names = (v: ReturnType<typeof load>) => v.incidents.map((i) => i.name);

  beforeAll(() => {
    db = testDatabase();
    const { api, web } = acmePage(db, NOW - 60 * DAY);
    ids = { api: api.id, web: web.id };
    const past = (name: string, component: string, daysAgo: number) =>
      createIncident(
        db,
        SYSTEM_ACTOR,
        {
          name,
          status: "resolved",
          impact: "minor",
          body: "Over.",
          components: { [component]: "operational" },
          startedAt: NOW - daysAgo * DAY,
          resolvedAt: NOW - daysAgo * DAY + 3600_000,
          deliverNotifications: false,
        },
        NOW - daysAgo * DAY + 3600_000,
      );
    past("API slow", ids.api, 10);
    past("Website down", ids.web, 4);
    const maintenance = (name: string, from: number, status?: "completed") => {
      const m = createIncident(
        db,
        SYSTEM_ACTOR,
        {
          kind: "maintenance",
          name,
          status: "scheduled",
          body: "Planned.",
          componentIds: [ids.api],
          scheduledFor: from,
          scheduledUntil: from + 3600_000,
          deliverNotifications: false,
        },
        NOW - 20 * DAY,
      );
      if (status)
        db.$client
          .prepare("update incidents set status = ?, resolved_at = ? where id = ?")
          .run(status, from + 3600_000, m.id);
      return m;
    };
    maintenance("Upgrade next week", NOW + 3 * DAY);
    maintenance("Upgrade done", NOW - 6 * DAY, "completed");
  });

  it("lists the month's incidents and past maintenances, not a maintenance that has not begun", () => {
    const v = load({});
    expect(names(v)).toEqual(["Website down", "Upgrade done", "API slow"]);
    expect(v.total).toBe(3);
    expect(v.component).toBeNull();
  });

  it("filters to one component by id or slug", () => {
    const byId = load({ component: ids.api });
    expect(names(byId)).toEqual(["Upgrade done", "API slow"]);
    expect(byId.component).toEqual({ id: ids.api, name: "API" });
    expect(names(load({ component: "website" }))).toEqual(["Website down"]);
  });

  it("ignores an unknown component instead of showing nothing", () => {
    const v = load({ component: "nope" });
    expect(v.component).toBeNull();
    expect(v.total).toBe(3);
  });

  it("lays the month out by day, today first, with each incident on its day", () => {
    const v = load({});
    expect(v.days[0]!.date).toBe("2026-11-24");
    expect(v.days.at(-1)!.date).toBe("2026-11-01");
    const busy = v.days.filter((d) => d.incidents.length).map((d) => d.date);
    expect(busy).toEqual(["2026-11-20", "2026-11-18", "2026-11-14"]);
  });

  it("pages a busy month, each page reading where the last one stopped", () => {
    const other = testDatabase();
    const { api } = acmePage(other, NOW - 60 * DAY);
    for (let i = 0; i < HISTORY_PAGE_SIZE + 2; i++)
      createIncident(
        other,
        SYSTEM_ACTOR,
        {
          name: `Blip ${i}`,
          status: "resolved",
          body: "Gone.",
          components: { [api.id]: "operational" },
          startedAt: NOW - (i + 1) * 18 * 3600_000,
          deliverNotifications: false,
        },
        NOW,
      );
    const s = buildSnapshot(other, { publicUrl: "https://status.example.com", now: NOW });
    const one = loadHistory(other, s, { month: "2026-11", page: 1, component: null });
    const two = loadHistory(other, s, { month: "2026-11", page: 2, component: null });
    expect([one.pages, one.incidents.length, two.incidents.length]).toEqual([2, HISTORY_PAGE_SIZE, 2]);
    expect(two.incidents[0]!.name).toBe(`Blip ${HISTORY_PAGE_SIZE}`);
    // The days of the two pages meet without a gap (a day they share is on both).
    const end = one.days.at(-1)!.date;
    expect([end, shiftDate(end, -1)]).toContain(two.days[0]!.date);
    expect(two.days.at(-1)!.date).toBe("2026-11-01");
  });
});
