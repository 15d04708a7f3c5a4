// The editor's verbs: cadence, resolve with restore, edit/delete updates, postmortems, backfill.
import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { ensurePage } from "@/db/seed";
import { getComponent, listPeriodsSince } from "@/db/queries/components";
import { getIncident, listUpdates } from "@/db/queries/incidents";
import { listAudit } from "@/db/queries/audit";
import type { Actor } from "./audit";
import { isOverdue } from "./cadence";
import { createComponent } from "./components";
import { deleteUpdate, editUpdate } from "./incident-updates";
import { addIncidentUpdate, createIncident, updateIncident } from "./incidents";
import { publishPostmortem, savePostmortem } from "./postmortem";
import { buildSnapshot } from "./snapshot";
import { STATUSPAGE_DOCUMENTS } from "./statuspage";
import { must } from "./testing";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const MIN = 60_000;
const ed: Actor = { type: "user", id: "u-ed", label: "ed@example.com", role: "editor" };

function setup() {
  const db = testDatabase();
  ensurePage(db, { name: "Test", timeZone: "Etc/UTC" });
  const api = createComponent(db, ed, { name: "API" }, NOW - 90 * 24 * 60 * MIN);
  const web = createComponent(db, ed, { name: "Web" }, NOW - 90 * 24 * 60 * MIN);
  return { db, api, web };
}

describe("update cadence", () => {
  it("promises the next update by the page's cadence, renews it on each update, and drops it on resolve", () => {
    const { db } = setup();
    const i = createIncident(db, ed, { name: "Errors", status: "investigating", body: "Looking." }, NOW);
    expect(getIncident(db, i.id)?.nextUpdateAt).toBe(NOW + 30 * MIN);
    expect(isOverdue(getIncident(db, i.id)!, NOW + 31 * MIN)).toBe(true);
    addIncidentUpdate(db, ed, i.id, { status: "identified", body: "Found it." }, NOW + 31 * MIN);
    expect(getIncident(db, i.id)).toMatchObject({ nextUpdateAt: NOW + 61 * MIN, overdueRemindedAt: null });
    addIncidentUpdate(db, ed, i.id, { status: "resolved", body: "Fixed." }, NOW + 40 * MIN);
    expect(getIncident(db, i.id)?.nextUpdateAt).toBeNull();
  });

  it("uses an incident's own cadence when given", () => {
    const { db } = setup();
    const i = createIncident(db, ed, { name: "Slow", status: "investigating", updateCadenceMinutes: 10 }, NOW);
    expect(getIncident(db, i.id)?.nextUpdateAt).toBe(NOW + 10 * MIN);
    expect(() => createIncident(db, ed, { name: "x", status: "investigating", updateCadenceMinutes: 1 })).toThrow(
      /At least 5 minutes/,
    );
  });

  it("a new cadence on an open incident restarts the promise from now; a closed one makes none", () => {
    const { db } = setup();
    const i = createIncident(db, ed, { name: "Slow", status: "investigating" }, NOW);
    updateIncident(db, ed, i.id, { updateCadenceMinutes: 60 }, NOW + 5 * MIN);
    expect(getIncident(db, i.id)).toMatchObject({ updateCadenceMinutes: 60, nextUpdateAt: NOW + 65 * MIN });
    addIncidentUpdate(db, ed, i.id, { status: "identified", body: "Found it." }, NOW + 10 * MIN);
    expect(getIncident(db, i.id)?.nextUpdateAt).toBe(NOW + 70 * MIN);
    addIncidentUpdate(db, ed, i.id, { status: "resolved", body: "Fixed." }, NOW + 20 * MIN);
    updateIncident(db, ed, i.id, { updateCadenceMinutes: 15 }, NOW + 21 * MIN);
    expect(getIncident(db, i.id)?.nextUpdateAt).toBeNull();
    expect(() => updateIncident(db, ed, i.id, { updateCadenceMinutes: 2 })).toThrow(/At least 5 minutes/);
  });
});

describe("resolving", () => {
  it("can set the incident's components back to operational in the same step", () => {
    const { db, api, web } = setup();
    const i = createIncident(
      db,
      ed,
      {
        name: "Outage",
        status: "investigating",
        components: { [api.id]: "major_outage", [web.id]: "degraded_performance" },
      },
      NOW,
    );
    addIncidentUpdate(db, ed, i.id, { status: "resolved", body: "All clear.", restoreComponents: true }, NOW + MIN);
    expect([getComponent(db, api.id)?.status, getComponent(db, web.id)?.status]).toEqual([
      "operational",
      "operational",
    ]);
    const summary = must(
      STATUSPAGE_DOCUMENTS["summary.json"],
      "the summary.json document",
    )(buildSnapshot(db, { publicUrl: "http://x", now: NOW + 2 * MIN })) as { status: { indicator: string } };
    expect(summary.status.indicator).toBe("none");
  });

  it("leaves components alone when not asked, and reopening works", () => {
    const { db, api } = setup();
    const i = createIncident(
      db,
      ed,
      { name: "Outage", status: "investigating", components: { [api.id]: "partial_outage" } },
      NOW,
    );
    addIncidentUpdate(db, ed, i.id, { status: "resolved", body: "Done." }, NOW + MIN);
    expect(getComponent(db, api.id)?.status).toBe("partial_outage");
    addIncidentUpdate(db, ed, i.id, { status: "investigating", body: "It is back." }, NOW + 2 * MIN);
    expect(getIncident(db, i.id)).toMatchObject({ status: "investigating", resolvedAt: null });
  });
});

describe("editing and deleting updates", () => {
  it("marks an edited update, keeps its time and order, and audits the old text", () => {
    const { db } = setup();
    const i = createIncident(db, ed, { name: "Errors", status: "investigating", body: "Lokking into it." }, NOW);
    const first = must(listUpdates(db, [i.id])[0], "the first update");
    const edited = editUpdate(db, ed, first.id, "Looking into it.", NOW + MIN);
    expect(edited).toMatchObject({ body: "Looking into it.", editedAt: NOW + MIN, createdAt: NOW, seq: first.seq });
    expect(listAudit(db, { action: "incident.edit_update" })[0]).toMatchObject({
      before: { body: "Lokking into it." },
    });
    expect(() => editUpdate(db, ed, first.id, "  ")).toThrow(/Write the message/);
  });

  it("deletes an update but never the only one", () => {
    const { db } = setup();
    const i = createIncident(db, ed, { name: "Errors", status: "investigating", body: "One." }, NOW);
    const only = must(listUpdates(db, [i.id])[0], "the only update");
    expect(() => deleteUpdate(db, ed, only.id)).toThrow(/only update/);
    addIncidentUpdate(db, ed, i.id, { status: "identified", body: "Two." }, NOW + MIN);
    deleteUpdate(db, ed, only.id, NOW + 2 * MIN);
    expect(listUpdates(db, [i.id]).map((u) => u.body)).toEqual(["Two."]);
  });
});

describe("postmortems", () => {
  it("stay private as drafts, then publish with status postmortem", () => {
    const { db } = setup();
    const i = createIncident(db, ed, { name: "Outage", status: "investigating" }, NOW);
    expect(() => savePostmortem(db, ed, i.id, "Root cause")).toThrow(/Resolve the incident/);
    addIncidentUpdate(db, ed, i.id, { status: "resolved", body: "Fixed." }, NOW + MIN);
    savePostmortem(db, ed, i.id, "## Root cause\nA bad deploy.", NOW + 2 * MIN);
    const draft = must(
      STATUSPAGE_DOCUMENTS["incidents.json"],
      "the incidents.json document",
    )(buildSnapshot(db, { publicUrl: "http://x", now: NOW + 3 * MIN })) as { incidents: Record<string, unknown>[] };
    expect(must(draft.incidents[0], "the incident").postmortem_body).toBeUndefined();
    publishPostmortem(db, ed, i.id, NOW + 4 * MIN);
    const published = must(
      STATUSPAGE_DOCUMENTS["incidents.json"],
      "the incidents.json document",
    )(buildSnapshot(db, { publicUrl: "http://x", now: NOW + 5 * MIN })) as { incidents: Record<string, unknown>[] };
    expect(published.incidents[0]).toMatchObject({
      status: "postmortem",
      postmortem_body: "## Root cause\nA bad deploy.",
    });
    expect(listUpdates(db, [i.id])[0]?.status).toBe("postmortem");
  });
});

describe("backfill", () => {
  it("records a past outage in the component's history, so the uptime bar shows it", () => {
    const { db, api } = setup();
    const start = NOW - 3 * 24 * 60 * MIN;
    createIncident(
      db,
      ed,
      {
        name: "Outage we did not post",
        status: "resolved",
        body: "Posted later: the API was down for an hour.",
        startedAt: start,
        resolvedAt: start + 60 * MIN,
        backfillComponents: { [api.id]: "major_outage" },
      },
      NOW,
    );
    const periods = listPeriodsSince(db, NOW - 10 * 24 * 60 * MIN)
      .filter((p) => p.componentId === api.id)
      .sort((a, b) => a.startedAt - b.startedAt);
    expect(periods.map((p) => [p.status, p.startedAt, p.endedAt])).toEqual([
      ["operational", NOW - 90 * 24 * 60 * MIN, start],
      ["major_outage", start, start + 60 * MIN],
      ["operational", start + 60 * MIN, null],
    ]);
    const snap = buildSnapshot(db, { publicUrl: "http://x", now: NOW });
    const comp = snap.components.find((c) => c.id === api.id)!;
    expect(comp.uptimePercent).toBeLessThan(100);
    expect(comp.status).toBe("operational");
    const incident = snap.incidents.recent[0];
    expect(incident).toMatchObject({ backfilled: true, startedAt: start, resolvedAt: start + 60 * MIN });
  });

  it("refuses an end before the start or in the future", () => {
    const { db } = setup();
    expect(() =>
      createIncident(
        db,
        ed,
        { name: "x", status: "resolved", startedAt: NOW - 10 * MIN, resolvedAt: NOW - 20 * MIN },
        NOW,
      ),
    ).toThrow(/ends after it starts/);
    expect(() =>
      createIncident(
        db,
        ed,
        { name: "x", status: "resolved", startedAt: NOW - 10 * MIN, resolvedAt: NOW + 20 * MIN },
        NOW,
      ),
    ).toThrow(/ends after it starts/);
  });
});
