// One-tap status changes and their undo, and placing an item where it was dragged: the verbs the
// dashboard and the components page call (lib/components.ts).
import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { ensurePage } from "@/db/seed";
import { listAudit } from "@/db/queries/audit";
import { getComponent, listPeriodsSince } from "@/db/queries/components";
import { componentChanges } from "@/db/schema";
import type { Actor } from "./audit";
import {
  createComponent,
  createGroup,
  itemKey,
  moveItem,
  placeItem,
  setComponentStatus,
  undoComponentStatus,
  UNDO_FOLD_MS,
} from "./components";
import { buildSnapshot } from "./snapshot";
import { addSubscriber } from "./syndication/subscribers";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const editor: Actor = { type: "user", id: "u1", label: "ed@example.com", role: "editor" };
const other: Actor = { type: "user", id: "u2", label: "other@example.com", role: "editor" };

function page() {
  const db = testDatabase();
  ensurePage(db, { name: "Test", timeZone: "Etc/UTC" });
  return db;
}

const periods = (db: ReturnType<typeof page>, id: string) =>
  listPeriodsSince(db, 0)
    .filter((p) => p.componentId === id)
    .sort((a, b) => a.startedAt - b.startedAt || a.id - b.id)
    .map((p) => [p.status, p.startedAt, p.endedAt]);

describe("undoing a status change", () => {
  it("is a second change, audited with the person as actor, and leaves no mark on the history when made at once", () => {
    const db = page();
    const c = createComponent(db, editor, { name: "API" }, NOW - 3_600_000);
    setComponentStatus(db, editor, { id: c.id, status: "major_outage" }, NOW);
    undoComponentStatus(db, editor, { id: c.id, from: "major_outage", to: "operational" }, NOW + 5_000);

    expect(getComponent(db, c.id)?.status).toBe("operational");
    const audit = listAudit(db, { action: "component.status" });
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([
      ["component.status.undo", "ed@example.com"],
      ["component.status", "ed@example.com"],
    ]);
    expect(audit[0]).toMatchObject({ before: { status: "major_outage" }, after: { status: "operational" } });
    // The mis-tap's few seconds are folded out: one operational period since the component was created.
    expect(periods(db, c.id)).toEqual([["operational", NOW - 3_600_000, null]]);
    const snap = buildSnapshot(db, { publicUrl: "http://x", now: NOW + 10_000 });
    expect(snap.status.indicator).toBe("none");
    expect(snap.components.find((x) => x.id === c.id)?.uptimeDays.at(-1)).toMatchObject({ majorOutage: 0 });
  });

  it("keeps the history of a change undone later, as an ordinary second change", () => {
    const db = page();
    const c = createComponent(db, editor, { name: "API" }, NOW - 3_600_000);
    setComponentStatus(db, editor, { id: c.id, status: "degraded_performance" }, NOW);
    const later = NOW + UNDO_FOLD_MS + 1;
    undoComponentStatus(db, editor, { id: c.id, from: "degraded_performance", to: "operational" }, later);
    expect(periods(db, c.id)).toEqual([
      ["operational", NOW - 3_600_000, NOW],
      ["degraded_performance", NOW, later],
      ["operational", later, null],
    ]);
    expect(listAudit(db, { action: "component.status.undo" })).toHaveLength(1);
  });

  it("is refused when the status moved on since, and then changes nothing", () => {
    const db = page();
    const c = createComponent(db, editor, { name: "API" }, NOW - 3_600_000);
    setComponentStatus(db, editor, { id: c.id, status: "major_outage" }, NOW);
    setComponentStatus(db, other, { id: c.id, status: "partial_outage" }, NOW + 1_000);
    expect(() =>
      undoComponentStatus(db, editor, { id: c.id, from: "major_outage", to: "operational" }, NOW + 2_000),
    ).toThrow(/API is partial outage now: it changed since/);
    expect(() =>
      undoComponentStatus(db, editor, { id: c.id, from: "partial_outage", to: "partial_outage" }, NOW + 2_000),
    ).toThrow(/nothing was undone/);
    expect(() => undoComponentStatus(db, editor, { id: c.id, from: "down" as never, to: "operational" })).toThrow(
      /Use one of/,
    );
    expect(getComponent(db, c.id)?.status).toBe("partial_outage");
    expect(listAudit(db, { action: "component.status.undo" })).toHaveLength(0);
  });

  it("does not fold a period that did not follow the status it goes back to", () => {
    const db = page();
    const c = createComponent(db, editor, { name: "API" }, NOW - 3_600_000);
    setComponentStatus(db, editor, { id: c.id, status: "degraded_performance" }, NOW);
    setComponentStatus(db, editor, { id: c.id, status: "major_outage" }, NOW + 1_000);
    // Back to operational, not to the degraded period before: recorded as a change.
    undoComponentStatus(db, editor, { id: c.id, from: "major_outage", to: "operational" }, NOW + 2_000);
    expect(periods(db, c.id).map(([s]) => s)).toEqual([
      "operational",
      "degraded_performance",
      "major_outage",
      "operational",
    ]);
  });

  it("tells webhook subscribers of the change back, as they heard of the change", () => {
    const db = page();
    const c = createComponent(db, editor, { name: "API" }, NOW - 3_600_000);
    addSubscriber(
      db,
      editor,
      { kind: "webhook", url: "http://127.0.0.1:9/hook", componentIds: [] },
      { allowPrivate: true, now: NOW },
    );
    setComponentStatus(db, editor, { id: c.id, status: "major_outage" }, NOW);
    undoComponentStatus(db, editor, { id: c.id, from: "major_outage", to: "operational" }, NOW + 3_000);
    const changes = db.select().from(componentChanges).orderBy(componentChanges.seq).all();
    expect(changes.map((x) => [x.oldStatus, x.newStatus])).toEqual([
      ["operational", "major_outage"],
      ["major_outage", "operational"],
    ]);
  });
});

describe("placing a dragged item", () => {
  const order = (db: ReturnType<typeof page>) =>
    buildSnapshot(db, { publicUrl: "http://x", now: NOW }).layout.map((i) =>
      i.kind === "group" ? `[${i.group.name}: ${i.group.components.map((c) => c.name).join(", ")}]` : i.component.name,
    );

  it("moves an item to an index of its own container and audits the move", () => {
    const db = page();
    const a = createComponent(db, editor, { name: "A" }, NOW);
    const b = createComponent(db, editor, { name: "B" }, NOW);
    const x = createComponent(db, editor, { name: "X" }, NOW);
    const y = createComponent(db, editor, { name: "Y" }, NOW);
    const g = createGroup(db, editor, { name: "G", componentIds: [x.id, y.id] }, NOW);
    const c = createComponent(db, editor, { name: "C" }, NOW);
    expect(order(db)).toEqual(["A", "B", "[G: X, Y]", "C"]);

    placeItem(db, editor, { kind: "component", id: c.id, index: 0 }, NOW);
    expect(order(db)).toEqual(["C", "A", "B", "[G: X, Y]"]);
    placeItem(db, editor, { kind: "group", id: g.id, index: 1 }, NOW);
    expect(order(db)).toEqual(["C", "[G: X, Y]", "A", "B"]);
    // Inside a group, the index is the group's own; past the end is the end.
    placeItem(db, editor, { kind: "component", id: x.id, index: 99 }, NOW);
    expect(order(db)).toEqual(["C", "[G: Y, X]", "A", "B"]);
    // Where it already is: nothing written, nothing audited.
    placeItem(db, editor, { kind: "component", id: a.id, index: 2 }, NOW);
    expect(listAudit(db, { action: "component.move" }).map((r) => [r.entityId, r.before, r.after])).toEqual([
      [x.id, { position: 0 }, { position: 1 }],
      [c.id, { position: 3 }, { position: 0 }],
    ]);
    expect(listAudit(db, { action: "group.move" })).toHaveLength(1);
    expect(b.id).toBeTruthy();
  });

  it("refuses a drop onto an order that changed since the person saw it", () => {
    const db = page();
    const a = createComponent(db, editor, { name: "A" }, NOW);
    const b = createComponent(db, editor, { name: "B" }, NOW);
    const c = createComponent(db, editor, { name: "C" }, NOW);
    const seen = [a, b, c].map((x) => itemKey({ kind: "component", id: x.id }));
    moveItem(db, other, { kind: "component", id: c.id, direction: "up" }, NOW);
    expect(() => placeItem(db, editor, { kind: "component", id: a.id, index: 2, seen }, NOW)).toThrow(
      /order changed meanwhile/,
    );
    expect(order(db)).toEqual(["A", "C", "B"]);
    placeItem(db, editor, { kind: "component", id: a.id, index: 2, seen: [seen[0]!, seen[2]!, seen[1]!] }, NOW);
    expect(order(db)).toEqual(["C", "B", "A"]);
    expect(() => placeItem(db, editor, { kind: "component", id: "nope", index: 0 }, NOW)).toThrow(/No component/);
  });
});
