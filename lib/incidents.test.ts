import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { seedDemo } from "@/db/seed";
import { listAudit } from "@/db/queries/audit";
import { getComponent } from "@/db/queries/components";
import { getIncident, listIncidentComponentIds, listUpdateComponents, listUpdates } from "@/db/queries/incidents";
import { readDataVersion } from "@/db/queries/version";
import { SYSTEM_ACTOR, type Actor } from "./audit";
import { AppError } from "./errors";
import {
  addIncidentUpdate,
  createIncident,
  deleteIncident,
  findIncidents,
  impactOfComponentStatuses,
  updateIncident,
} from "./incidents";
import { buildSnapshot } from "./snapshot";
import { must } from "./testing";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const BOT: Actor = { type: "token", id: "t1", label: "pagerduty", role: "admin" };

function setup() {
  const db = testDatabase();
  seedDemo(db, { name: "Demo", timeZone: "Etc/UTC", now: NOW });
  const { components } = buildSnapshot(db, { publicUrl: "http://x", now: NOW });
  return { db, a: must(components[0], "a component"), b: must(components[1], "a second component") };
}

const lastAudit = (db: ReturnType<typeof testDatabase>) => must(listAudit(db, { limit: 1 })[0], "an audit row");

describe("impactOfComponentStatuses", () => {
  it("takes the worst status, as Statuspage does", () => {
    expect(impactOfComponentStatuses([])).toBe("none");
    expect(impactOfComponentStatuses(["operational", "under_maintenance"])).toBe("none");
    expect(impactOfComponentStatuses(["degraded_performance"])).toBe("minor");
    expect(impactOfComponentStatuses(["degraded_performance", "partial_outage"])).toBe("major");
    expect(impactOfComponentStatuses(["major_outage", "degraded_performance"])).toBe("critical");
  });
});

describe("createIncident and addIncidentUpdate", () => {
  it("record the actor in the audit log, in the same write", () => {
    const { db, a } = setup();
    const incident = createIncident(
      db,
      BOT,
      { name: "API down", status: "investigating", components: { [a.id]: "partial_outage" } },
      NOW,
    );
    expect(incident.impact).toBe("major");
    expect(lastAudit(db)).toMatchObject({
      action: "incident.create",
      actorType: "token",
      actorLabel: "pagerduty",
      entityId: incident.id,
    });
    addIncidentUpdate(db, SYSTEM_ACTOR, incident.id, { status: "identified", body: "Found it" }, NOW + 1000);
    expect(lastAudit(db)).toMatchObject({
      action: "incident.post_update",
      actorType: "system",
      actorLabel: "Outpost",
      entityId: incident.id,
    });
  });

  it("refuse a window on an incident and unknown linked components, writing nothing", () => {
    const { db } = setup();
    const v = readDataVersion(db);
    expect(() => createIncident(db, BOT, { name: "x", status: "investigating", scheduledUntil: NOW + 1 })).toThrow(
      /Only a maintenance/,
    );
    try {
      createIncident(db, BOT, { name: "x", status: "investigating", componentIds: ["nope"] });
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).fieldErrors).toEqual({ "componentIds.0": ["unknown component nope"] });
    }
    expect(readDataVersion(db)).toBe(v);
  });
});

describe("updateIncident", () => {
  it("edits fields without posting an update", () => {
    const { db, a } = setup();
    const i = createIncident(db, BOT, { name: "Slow", status: "investigating", impact: "minor" }, NOW);
    const after = updateIncident(db, BOT, i.id, { name: "Slow API", impact: "major" }, NOW + 1000);
    expect(after).toMatchObject({ name: "Slow API", impact: "major", status: "investigating", updatedAt: NOW + 1000 });
    expect(listUpdates(db, [i.id])).toHaveLength(1);
    expect(lastAudit(db)).toMatchObject({ action: "incident.update", actorLabel: "pagerduty" });
    expect(getComponent(db, a.id)!.status).toBe("operational");
  });

  it("posts an update for a status change without a message, so the timeline stays complete", () => {
    const { db } = setup();
    const i = createIncident(db, BOT, { name: "Down", status: "investigating" }, NOW);
    updateIncident(db, BOT, i.id, { status: "resolved" }, NOW + 1000);
    const updates = listUpdates(db, [i.id]);
    expect(updates.map((u) => [u.status, u.body])).toEqual([
      ["resolved", ""],
      ["investigating", ""],
    ]);
    expect(getIncident(db, i.id)).toMatchObject({ status: "resolved", resolvedAt: NOW + 1000 });
  });

  it("posts a message with the current status, and component changes as affected components", () => {
    const { db, a } = setup();
    const i = createIncident(db, BOT, { name: "Down", status: "identified" }, NOW);
    updateIncident(db, BOT, i.id, { body: "Still on it", components: { [a.id]: "major_outage" } }, NOW + 1000);
    const latest = must(listUpdates(db, [i.id])[0], "the latest update");
    expect(latest).toMatchObject({ status: "identified", body: "Still on it" });
    expect(listUpdateComponents(db, [latest.id])).toEqual([
      {
        updateId: latest.id,
        componentId: a.id,
        componentName: a.name,
        oldStatus: "operational",
        newStatus: "major_outage",
      },
    ]);
    expect(getComponent(db, a.id)!.status).toBe("major_outage");
  });

  it("reopens a resolved incident (statuses are a set)", () => {
    const { db } = setup();
    const i = createIncident(db, BOT, { name: "Flaky", status: "resolved" }, NOW);
    expect(getIncident(db, i.id)!.resolvedAt).toBe(NOW);
    updateIncident(db, BOT, i.id, { status: "investigating", body: "It is back" }, NOW + 1000);
    expect(getIncident(db, i.id)).toMatchObject({ status: "investigating", resolvedAt: null });
  });

  it("replaces the linked components when componentIds is given", () => {
    const { db, a, b } = setup();
    const i = createIncident(db, BOT, { name: "Down", status: "investigating", componentIds: [a.id] }, NOW);
    updateIncident(db, BOT, i.id, { componentIds: [b.id] }, NOW + 1000);
    expect(listIncidentComponentIds(db, [i.id]).map((l) => l.componentId)).toEqual([b.id]);
    expect(lastAudit(db).action).toBe("incident.update");
  });

  it("moves a maintenance window, and refuses one on an incident or a status of the other kind", () => {
    const { db } = setup();
    const m = createIncident(
      db,
      BOT,
      {
        kind: "maintenance",
        name: "Upgrade",
        status: "scheduled",
        scheduledFor: NOW + 10_000,
        scheduledUntil: NOW + 20_000,
      },
      NOW,
    );
    expect(updateIncident(db, BOT, m.id, { scheduledFor: NOW + 5_000 }, NOW + 1)).toMatchObject({
      scheduledFor: NOW + 5_000,
      startedAt: NOW + 5_000,
    });
    expect(() => updateIncident(db, BOT, m.id, { scheduledUntil: NOW }, NOW + 2)).toThrow(/end after it starts/);
    expect(() => updateIncident(db, BOT, m.id, { status: "investigating" }, NOW + 2)).toThrow(
      /not valid for a maintenance/,
    );
    expect(() => updateIncident(db, BOT, m.id, { impact: "major" }, NOW + 2)).toThrow(/not valid for a maintenance/);
    const i = createIncident(db, BOT, { name: "Down", status: "investigating" }, NOW);
    expect(() => updateIncident(db, BOT, i.id, { scheduledFor: NOW }, NOW + 2)).toThrow(/Only a maintenance/);
  });

  it("writes nothing at all when any part fails", () => {
    const { db, a } = setup();
    const i = createIncident(db, BOT, { name: "Down", status: "investigating" }, NOW);
    const v = readDataVersion(db);
    const audits = listAudit(db, { limit: 1000 }).length;
    expect(() =>
      updateIncident(
        db,
        BOT,
        i.id,
        { name: "Renamed", status: "identified", components: { [a.id]: "major_outage", nope: "major_outage" } },
        NOW + 1,
      ),
    ).toThrow(/Unknown component nope/);
    expect(getIncident(db, i.id)).toMatchObject({ name: "Down", status: "investigating" });
    expect(getComponent(db, a.id)!.status).toBe("operational");
    expect(listUpdates(db, [i.id])).toHaveLength(1);
    expect(readDataVersion(db)).toBe(v);
    expect(listAudit(db, { limit: 1000 })).toHaveLength(audits);
  });

  it("is not_found for an unknown id", () => {
    const { db } = setup();
    expect(() => updateIncident(db, BOT, "nope", { name: "x" })).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
  });
});

describe("deleteIncident", () => {
  it("removes the incident with its timeline and keeps a record in the audit log", () => {
    const { db, a } = setup();
    const i = createIncident(
      db,
      BOT,
      { name: "Oops", status: "investigating", body: "Test", components: { [a.id]: "degraded_performance" } },
      NOW,
    );
    deleteIncident(db, BOT, i.id, NOW + 1000);
    expect(getIncident(db, i.id)).toBeUndefined();
    expect(listUpdates(db, [i.id])).toEqual([]);
    expect(listIncidentComponentIds(db, [i.id])).toEqual([]);
    const audit = lastAudit(db);
    expect(audit).toMatchObject({ action: "incident.delete", actorLabel: "pagerduty", after: null });
    expect((audit.before as { name: string; updates: { body: string }[] }).updates[0]?.body).toBe("Test");
    expect(() => deleteIncident(db, BOT, i.id)).toThrow(/No incident has the id/);
  });
});

describe("findIncidents", () => {
  it("searches names and update bodies, with LIKE wildcards taken literally", () => {
    const { db } = setup();
    createIncident(db, BOT, { name: "Disk at 100% on db-1", status: "investigating" }, NOW);
    createIncident(db, BOT, { name: "Other", status: "investigating", body: "queue_depth is growing" }, NOW + 1);
    const names = (q: string) => findIncidents(db, { q, order: "newest", limit: 100, offset: 0 }).map((i) => i.name);
    expect(names("100%")).toEqual(["Disk at 100% on db-1"]);
    expect(names("queue_depth")).toEqual(["Other"]);
    expect(names("queue%depth")).toEqual([]);
    expect(names("PAYOUTS DELAYED")).toEqual(["Payouts delayed for some accounts"]);
  });
});
