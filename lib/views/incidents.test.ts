// The incident list keeps apart what needs attention and what is over: unresolved incidents
// (overdue first), maintenance in progress and upcoming (in progress first), and the past.
import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { ensurePage } from "@/db/seed";
import type { Actor } from "../audit";
import { addIncidentUpdate, createIncident } from "../incidents";
import { incidentsView } from "./incidents";

const ed: Actor = { type: "user", id: "u", label: "ed@example.com", role: "editor" };
const MIN = 60_000;

function world() {
  const db = testDatabase();
  ensurePage(db, { name: "Test", timeZone: "Etc/UTC" });
  const now = Date.now();
  const incident = (name: string, at: number, status: "investigating" | "resolved" = "investigating") => {
    const row = createIncident(db, ed, { name, status: "investigating", body: `${name}.` }, at);
    if (status === "resolved") addIncidentUpdate(db, ed, row.id, { status: "resolved", body: "Fixed." }, at + MIN);
    return row;
  };
  const maintenance = (name: string, from: number, status: "scheduled" | "in_progress" = "scheduled") =>
    createIncident(
      db,
      ed,
      { kind: "maintenance", name, status, body: `${name}.`, scheduledFor: from, scheduledUntil: from + 60 * MIN },
      now - 120 * MIN,
    );
  return { db, now, incident, maintenance };
}

describe("the incident list", () => {
  it("separates unresolved, maintenance and past, each in its own order", () => {
    const { db, now, incident, maintenance } = world();
    const fresh = incident("Fresh", now - 5 * MIN);
    const late = incident("Late", now - 90 * MIN);
    const old = incident("Old", now - 300 * MIN, "resolved");
    const newer = incident("Newer", now - 200 * MIN, "resolved");
    const later = maintenance("Later window", now + 48 * 60 * MIN);
    const soon = maintenance("Soon window", now + 60 * MIN);
    const running = maintenance("Running window", now - 30 * MIN, "in_progress");

    const v = incidentsView({ q: "", page: 1 }, db);
    // "Late" promised its next update an hour ago: it comes first although it is older.
    expect(v.unresolved.map((i) => i.id)).toEqual([late.id, fresh.id]);
    expect(v.maintenance.map((i) => i.id)).toEqual([running.id, soon.id, later.id]);
    expect(v.past.map((i) => i.id)).toEqual([newer.id, old.id]);
    expect(v.more).toBe(false);
  });

  it("narrows every part by the search and the kind", () => {
    const { db, now, incident, maintenance } = world();
    incident("Checkout errors", now - 5 * MIN);
    const pastCheckout = incident("Checkout slow", now - 300 * MIN, "resolved");
    incident("Login errors", now - 5 * MIN);
    maintenance("Database upgrade", now + 60 * MIN);

    const found = incidentsView({ q: "checkout slow", page: 1 }, db);
    expect([found.unresolved, found.maintenance, found.past].map((l) => l.map((i) => i.id))).toEqual([
      [],
      [],
      [pastCheckout.id],
    ]);
    const onlyMaintenance = incidentsView({ q: "", kind: "maintenance", page: 1 }, db);
    expect(onlyMaintenance.unresolved).toEqual([]);
    expect(onlyMaintenance.maintenance.map((i) => i.name)).toEqual(["Database upgrade"]);
    expect(onlyMaintenance.past).toEqual([]);
    const onlyIncidents = incidentsView({ q: "", kind: "incident", page: 1 }, db);
    expect(onlyIncidents.maintenance).toEqual([]);
    expect(onlyIncidents.unresolved.map((i) => i.name).sort()).toEqual(["Checkout errors", "Login errors"]);
  });

  it("pages the past only", () => {
    const { db, now, incident } = world();
    for (let i = 0; i < 27; i++) incident(`Past ${i}`, now - (400 - i) * MIN, "resolved");
    incident("Open", now - MIN);
    const first = incidentsView({ q: "", page: 1 }, db);
    expect([first.unresolved.length, first.past.length, first.more]).toEqual([1, 25, true]);
    const second = incidentsView({ q: "", page: 2 }, db);
    expect([second.unresolved.length, second.past.length, second.more]).toEqual([1, 2, false]);
  });
});
