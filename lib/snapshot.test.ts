import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { ensurePage, seedDemo } from "@/db/seed";
import { insertComponent } from "@/db/queries/components";
import { readDataVersion } from "@/db/queries/version";
import { addIncidentUpdate, createIncident } from "./incidents";
import { must, setComponentStatus } from "./testing";
import { buildSnapshot } from "./snapshot";
import { updateSettings } from "./settings";
import { STATUSPAGE_DOCUMENTS } from "./statuspage";
import { AppError } from "./errors";
import { SYSTEM_ACTOR } from "./audit";

const URL = "http://status.test";
const NOW = Date.parse("2026-11-24T12:00:00Z");

function seeded() {
  const db = testDatabase();
  seedDemo(db, { name: "Demo", timeZone: "Etc/UTC", now: NOW });
  return db;
}

function summaryOf(db: ReturnType<typeof testDatabase>) {
  // A round trip through JSON, as a consumer sees it.
  return JSON.parse(
    JSON.stringify(
      must(
        STATUSPAGE_DOCUMENTS["summary.json"],
        "the summary.json document",
      )(buildSnapshot(db, { publicUrl: URL, now: NOW })),
    ),
  );
}

describe("the demo seed", () => {
  it("has 8 components in 3 groups, an open incident with 3 updates and an upcoming maintenance", () => {
    const s = buildSnapshot(seeded(), { publicUrl: URL, now: NOW });
    expect(s.layout.filter((l) => l.kind === "group")).toHaveLength(3);
    expect(s.components).toHaveLength(8);
    expect(s.incidents.unresolved).toHaveLength(1);
    expect(s.incidents.unresolved[0]?.updates.map((u) => u.status)).toEqual([
      "monitoring",
      "identified",
      "investigating",
    ]);
    expect(s.maintenances.upcoming).toHaveLength(1);
    expect(s.incidents.recent.length).toBeGreaterThanOrEqual(5);
    expect(s.status).toEqual({ indicator: "minor", description: "Partially Degraded Service" });
    // 90 days of history: the database outage 83 days ago shows on its bar.
    const dbc = s.components.find((c) => c.name === "Database cluster")!;
    expect(dbc.uptimeDays).toHaveLength(90);
    expect(dbc.uptimeDays.some((d) => d.majorOutage > 0)).toBe(true);
    expect(dbc.uptimePercent).toBeLessThan(100);
  });
});

describe("summary.json", () => {
  it("has Statuspage's keys and nesting", () => {
    const summary = summaryOf(seeded());
    expect(Object.keys(summary)).toEqual(["page", "components", "incidents", "scheduled_maintenances", "status"]);
    expect(Object.keys(summary.page)).toEqual(["id", "name", "url", "time_zone", "updated_at"]);
    const group = summary.components.find((c: { group: boolean }) => c.group);
    expect(group.components).toHaveLength(3);
    const incident = summary.incidents[0];
    expect(incident.shortlink).toBe(`${URL}/incidents/${incident.id}`);
    expect(incident.incident_updates[2].affected_components[0]).toMatchObject({
      old_status: "operational",
      new_status: "partial_outage",
    });
    expect(incident.components[0].name).toBe("Payouts");
    expect(summary.scheduled_maintenances[0].scheduled_for).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(summary.scheduled_maintenances[0].impact).toBe("maintenance");
  });
});

describe("incident verbs", () => {
  it("records monitoring_at and resolved_at, clears resolved_at on reopening", () => {
    const db = seeded();
    const c = must(buildSnapshot(db, { publicUrl: URL, now: NOW }).components[0], "a component");
    const incident = createIncident(
      db,
      SYSTEM_ACTOR,
      { name: "Down", status: "investigating", impact: "major", components: { [c.id]: "major_outage" } },
      NOW,
    );
    addIncidentUpdate(db, SYSTEM_ACTOR, incident.id, { status: "monitoring" }, NOW + 1000);
    addIncidentUpdate(
      db,
      SYSTEM_ACTOR,
      incident.id,
      { status: "resolved", components: { [c.id]: "operational" } },
      NOW + 2000,
    );
    let s = buildSnapshot(db, { publicUrl: URL, now: NOW + 3000 });
    let i = s.incidentsById.get(incident.id)!;
    expect([i.monitoringAt, i.resolvedAt]).toEqual([NOW + 1000, NOW + 2000]);
    addIncidentUpdate(db, SYSTEM_ACTOR, incident.id, { status: "investigating" }, NOW + 4000);
    s = buildSnapshot(db, { publicUrl: URL, now: NOW + 5000 });
    i = s.incidentsById.get(incident.id)!;
    expect(i.resolvedAt).toBeNull();
    expect(i.updates.map((u) => u.seq)).toEqual([...i.updates.map((u) => u.seq)].sort((a, b) => b - a));
  });

  it("rejects bad input with field errors and writes nothing", () => {
    const db = seeded();
    const before = readDataVersion(db);
    expect(() => createIncident(db, SYSTEM_ACTOR, { name: " ", status: "investigating" })).toThrow(AppError);
    expect(() => createIncident(db, SYSTEM_ACTOR, { name: "x", status: "scheduled" })).toThrow(
      /not valid for a incident/,
    );
    expect(() =>
      createIncident(db, SYSTEM_ACTOR, { name: "x", status: "investigating", components: { nope: "major_outage" } }),
    ).toThrow(/Unknown component/);
    expect(readDataVersion(db)).toBe(before);
  });
});

describe("the data version", () => {
  it("moves on writes from another connection to the same file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-"));
    const file = path.join(dir, "v.db");
    const a = testDatabase(file);
    const pageId = ensurePage(a, { name: "P", timeZone: "Etc/UTC", now: NOW });
    const b = testDatabase(file);
    const v0 = readDataVersion(a);
    insertComponent(b, { id: "c1", pageId, slug: "c1", name: "C1", createdAt: NOW, updatedAt: NOW });
    setComponentStatus(b, "c1", "major_outage", NOW + 1);
    expect(readDataVersion(a)).toBeGreaterThan(v0);
    expect(buildSnapshot(a, { publicUrl: URL, now: NOW + 2 }).status.indicator).toBe("critical");
    a.$client.close();
    b.$client.close();
    fs.rmSync(dir, { recursive: true });
  });
});

describe("the page's settings in the snapshot", () => {
  it("carries the logo, brand colour and footer links; the v2 page object stays Statuspage's", () => {
    const db = seeded();
    const logo = "data:image/png;base64,iVBORw0KGgo=";
    updateSettings(db, SYSTEM_ACTOR, {
      name: "Acme",
      timeZone: "Europe/Berlin",
      logo,
      brandColor: "#AA3300",
      footerLinks: [{ label: "Support", url: "https://acme.test/help" }],
      infrastructureMd: "",
      updateCadenceMinutes: 30,
    });
    const s = buildSnapshot(db, { publicUrl: URL, now: NOW });
    expect(s.page).toMatchObject({
      name: "Acme",
      timeZone: "Europe/Berlin",
      logo,
      brandColor: "#aa3300",
      footerLinks: [{ label: "Support", url: "https://acme.test/help" }],
    });
    expect(Object.keys(summaryOf(db).page).sort()).toEqual(["id", "name", "time_zone", "updated_at", "url"]);
  });
});
