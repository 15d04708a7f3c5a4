// The dashboard's read model: which monitors disagree with the page and why, which channels
// failed, what the banner says, and the whole view on a migrated database.
import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { ensurePage } from "@/db/seed";
import { SYSTEM_ACTOR, type Actor } from "../audit";
import { createComponent, setComponentStatus } from "../components";
import { createIncident } from "../incidents";
import { recordCheck } from "../monitors/engine";
import { createMonitor } from "../monitors/monitors";
import { buildSnapshot } from "../snapshot";
import type { ComponentStatus } from "../constants";
import { dashboardView, failingChannels, monitorDisagreements, publicBanner } from "./dashboard";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const ed: Actor = { type: "user", id: "u", label: "ed@example.com", role: "editor" };
const nobody = { maintenance: () => false, incident: () => false };

describe("monitors that disagree with the page", () => {
  const components = [
    { id: "a", name: "API", status: "operational" as const },
    { id: "b", name: "Web", status: "major_outage" as const },
    { id: "c", name: "CDN", status: "operational" as const },
    { id: "d", name: "DNS", status: "partial_outage" as const },
  ];
  const monitor = (componentId: string, health: "up" | "down" | "unknown", paused = false) => ({
    id: `m-${componentId}`,
    name: `probe ${componentId}`,
    componentId,
    health,
    paused,
  });

  it("lists a component whose monitors say other than the page, in page order, with each running monitor's verdict", () => {
    const found = monitorDisagreements(
      components,
      [
        { componentId: "b", desired: "operational", manual: false },
        { componentId: "a", desired: "major_outage", manual: false },
        { componentId: "d", desired: "partial_outage", manual: false },
      ],
      [monitor("a", "down"), monitor("b", "up"), monitor("d", "down")],
      nobody,
    );
    expect(found.map((d) => [d.name, d.page, d.monitors, d.reason])).toEqual([
      ["API", "operational", "major_outage", "staff"],
      ["Web", "major_outage", "operational", "staff"],
    ]);
    expect(found[0]!.checks).toEqual([{ id: "m-a", name: "probe a", health: "down" }]);
  });

  it("says why: held by hand, a maintenance, an open incident", () => {
    const states = [
      { componentId: "a", desired: "major_outage" as const, manual: true },
      { componentId: "b", desired: "operational" as const, manual: false },
      { componentId: "c", desired: "major_outage" as const, manual: false },
    ];
    const found = monitorDisagreements(
      components,
      states,
      [monitor("a", "down"), monitor("b", "up"), monitor("c", "down")],
      {
        maintenance: (id) => id === "c",
        incident: (id) => id === "b",
      },
    );
    expect(found.map((d) => [d.name, d.reason])).toEqual([
      ["API", "manual"],
      ["Web", "incident"],
      ["CDN", "maintenance"],
    ]);
  });

  it("says whose opinion it is: a trusted alert's, the monitors', or both; a stale note is not shown", () => {
    const alerts: Record<string, ComponentStatus> = { a: "major_outage", b: "operational", d: "major_outage" };
    const found = monitorDisagreements(
      components,
      [
        { componentId: "a", desired: "major_outage", manual: false }, // monitors see it up, an alert fires
        { componentId: "b", desired: "operational", manual: false }, // no monitors, its alerts resolved
        { componentId: "c", desired: "major_outage", manual: false }, // no monitors, no alerts any more
        { componentId: "d", desired: "major_outage", manual: false }, // monitors and alerts see it down
      ],
      [monitor("a", "up"), monitor("d", "down")],
      { ...nobody, alerts: (id) => alerts[id] ?? null },
    );
    expect(found.map((d) => [d.name, d.page, d.monitors, d.by])).toEqual([
      ["API", "operational", "major_outage", "alerts"],
      ["Web", "major_outage", "operational", "alerts"],
      ["DNS", "partial_outage", "major_outage", "both"],
    ]);
    expect(found[1]!.checks).toEqual([]);
  });

  it("ignores components with no verdict, or only paused or undecided monitors", () => {
    const found = monitorDisagreements(
      components,
      [
        { componentId: "a", desired: null, manual: false },
        { componentId: "b", desired: "operational", manual: false },
        { componentId: "c", desired: "major_outage", manual: false },
      ],
      [monitor("a", "down"), monitor("b", "up", true), monitor("c", "unknown")],
      nobody,
    );
    expect(found).toEqual([]);
  });
});

describe("channels with failed deliveries", () => {
  const p = (channel: string, state: "failed" | "unknown", updatedAt: number, incidentId: string | null, err = "") => ({
    channel,
    state,
    lastError: err || null,
    updatedAt,
    incidentId,
  });

  it("counts per channel, keeps the latest error, newest problem first, and links to where to act", () => {
    const rows = failingChannels([
      p("x", "failed", 10, "i1", "HTTP 401"),
      p("x", "failed", 30, "i1", "HTTP 429 rate limited"),
      p("webhook", "unknown", 20, null),
      p("webhook", "failed", 5, "i2", "connection refused"),
      p("x", "unknown", 25, "i1"),
    ]);
    expect(rows).toEqual([
      {
        channel: "x",
        failed: 2,
        unknown: 1,
        lastError: "HTTP 429 rate limited",
        lastAt: 30,
        href: "/admin/deliveries?incident=i1",
      },
      {
        channel: "webhook",
        failed: 1,
        unknown: 1,
        lastError: "connection refused",
        lastAt: 20,
        href: "/admin/deliveries",
      },
    ]);
    expect(failingChannels([])).toEqual([]);
  });
});

describe("the dashboard on a database", () => {
  it("shows the public banner, overdue incidents first, and a monitor that disagrees", async () => {
    const db = testDatabase();
    ensurePage(db, { name: "Test", timeZone: "Etc/UTC" });
    const now = Date.now();
    const api = createComponent(db, ed, { name: "API" }, now - 3_600_000);
    const web = createComponent(db, ed, { name: "Web", onlyShowIfDegraded: true }, now - 3_600_000);
    const calm = createIncident(
      db,
      ed,
      {
        name: "Slow search",
        status: "identified",
        body: "Found it.",
        components: { [api.id]: "degraded_performance" },
      },
      now - 60_000,
    );
    const late = createIncident(
      db,
      ed,
      { name: "Login errors", status: "investigating", body: "Looking." },
      now - 40 * 60_000,
    );
    const monitor = createMonitor(
      db,
      SYSTEM_ACTOR,
      { componentId: web.id, name: "Web probe", kind: "http", settings: { url: "https://example.com/" } },
      now - 600_000,
    );
    for (const at of [now - 120_000, now - 60_000])
      recordCheck(
        db,
        monitor,
        { ok: false, latencyMs: null, error: "HTTP 503" },
        { now: at, lateMs: 0, nextCheckAt: now + 600_000 },
      );
    // The monitors took Web down; a person sets it back while they still see it down.
    setComponentStatus(db, ed, { id: web.id, status: "operational" }, now - 30_000);

    const view = dashboardView(db, () => buildSnapshot(db, { publicUrl: "http://x", now }));
    expect(view.open.map((i) => i.id)).toEqual([late.id, calm.id]);
    expect(view.banner.affected).toEqual([{ id: api.id, name: "API", status: "degraded_performance" }]);
    expect(view.banner.incidents.map((i) => i.name)).toEqual(["Slow search", "Login errors"]);
    expect(view.banner.status.indicator).toBe("minor");
    expect(view.disagreements).toMatchObject([
      {
        name: "Web",
        page: "operational",
        monitors: "major_outage",
        reason: "staff",
        checks: [{ name: "Web probe", health: "down" }],
      },
    ]);
    // Every component, hidden ones too, in page order.
    expect(view.sections.flatMap((s) => s.components.map((c) => c.name))).toEqual(["API", "Web"]);
    expect(view.spikes).toEqual([]);
    expect(view.channels).toEqual([]);
  });

  it("names in the banner only components the public page shows", () => {
    const db = testDatabase();
    ensurePage(db, { name: "Test", timeZone: "Etc/UTC" });
    const hidden = createComponent(db, ed, { name: "Hidden", onlyShowIfDegraded: true }, NOW);
    createComponent(db, ed, { name: "Shown" }, NOW);
    expect(publicBanner(buildSnapshot(db, { publicUrl: "http://x", now: NOW })).affected).toEqual([]);
    setComponentStatus(db, ed, { id: hidden.id, status: "partial_outage" }, NOW);
    const banner = publicBanner(buildSnapshot(db, { publicUrl: "http://x", now: NOW + 1 }));
    expect(banner.affected.map((c) => c.name)).toEqual(["Hidden"]);
    expect(banner.locale).toBe("en");
  });
});
