import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { ensurePage } from "@/db/seed";
import { getComponent } from "@/db/queries/components";
import { getIncident, listUpdates } from "@/db/queries/incidents";
import { listRecurrences } from "@/db/queries/recurrences";
import type { Actor } from "./audit";
import { createComponent } from "./components";
import { createIncident } from "./incidents";
import {
  createRecurrence,
  endMaintenanceEarly,
  generateOccurrences,
  runMaintenanceClock,
  stopRecurrence,
} from "./maintenance";
import { buildSnapshot } from "./snapshot";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const MIN = 60_000;
const ed: Actor = { type: "user", id: "u", label: "ed@example.com", role: "editor" };

function setup() {
  const db = testDatabase();
  ensurePage(db, { name: "Test", timeZone: "Europe/Berlin" });
  const db1 = createComponent(db, ed, { name: "Database" }, NOW - 60 * MIN);
  return { db, db1 };
}

function window(
  db: ReturnType<typeof testDatabase>,
  componentId: string,
  opts: { from: number; until: number; remindPriorMinutes?: number; autoStart?: boolean },
) {
  return createIncident(
    db,
    ed,
    {
      kind: "maintenance",
      name: "Database upgrade",
      status: "scheduled",
      body: "We will upgrade the database.",
      componentIds: [componentId],
      scheduledFor: opts.from,
      scheduledUntil: opts.until,
      remindPriorMinutes: opts.remindPriorMinutes,
      autoStart: opts.autoStart,
    },
    NOW,
  );
}

describe("the maintenance clock", () => {
  it("reminds, starts and completes a window by itself, moving its components", () => {
    const { db, db1 } = setup();
    const m = window(db, db1.id, { from: NOW + 60 * MIN, until: NOW + 120 * MIN, remindPriorMinutes: 30 });
    expect(runMaintenanceClock(db, NOW + 10 * MIN)).toEqual([]);
    expect(runMaintenanceClock(db, NOW + 31 * MIN)).toEqual([{ incidentId: m.id, kind: "remind" }]);
    expect(runMaintenanceClock(db, NOW + 32 * MIN)).toEqual([]);
    expect(listUpdates(db, [m.id])[0]?.body).toMatch(
      /^Reminder: this maintenance begins at Nov 24, 2026, 14:00 GMT\+1/,
    );

    runMaintenanceClock(db, NOW + 60 * MIN);
    expect(getIncident(db, m.id)?.status).toBe("in_progress");
    expect(getComponent(db, db1.id)?.status).toBe("under_maintenance");
    expect(buildSnapshot(db, { publicUrl: "http://x", now: NOW + 61 * MIN }).status.indicator).toBe("maintenance");

    runMaintenanceClock(db, NOW + 120 * MIN);
    expect(getIncident(db, m.id)?.status).toBe("completed");
    expect(getComponent(db, db1.id)?.status).toBe("operational");
    expect(listUpdates(db, [m.id]).map((u) => u.status)).toEqual([
      "completed",
      "in_progress",
      "scheduled",
      "scheduled",
    ]);
  });

  it("does not start a window whose automation is off, and ends one early on request", () => {
    const { db, db1 } = setup();
    const m = window(db, db1.id, { from: NOW + MIN, until: NOW + 60 * MIN, autoStart: false });
    runMaintenanceClock(db, NOW + 2 * MIN);
    expect(getIncident(db, m.id)?.status).toBe("scheduled");
    const n = window(db, db1.id, { from: NOW + MIN, until: NOW + 60 * MIN });
    runMaintenanceClock(db, NOW + 2 * MIN);
    endMaintenanceEarly(db, ed, n.id, "Done sooner than planned.", NOW + 10 * MIN);
    expect(getIncident(db, n.id)?.status).toBe("completed");
    expect(getComponent(db, db1.id)?.status).toBe("operational");
    expect(() => endMaintenanceEarly(db, ed, n.id, "", NOW + 11 * MIN)).toThrow(/not scheduled or in progress/);
  });

  it("completes at once a window that passed while the server was down", () => {
    const { db, db1 } = setup();
    const m = window(db, db1.id, { from: NOW + MIN, until: NOW + 2 * MIN });
    runMaintenanceClock(db, NOW + 10 * MIN);
    expect(getIncident(db, m.id)?.status).toBe("completed");
    expect(getComponent(db, db1.id)?.status).toBe("operational");
  });
});

describe("recurring maintenance", () => {
  it("creates occurrences ahead of time in the page's zone, once, and stops when asked", () => {
    const { db, db1 } = setup();
    const r = createRecurrence(
      db,
      ed,
      {
        title: "Monthly patching",
        componentIds: [db1.id],
        frequency: "monthly",
        weekday: 0,
        nth: 1,
        startTime: "02:00",
        durationMinutes: 60,
      },
      NOW,
    );
    const upcoming = () =>
      buildSnapshot(db, { publicUrl: "http://x", now: NOW }).maintenances.upcoming.filter(
        (u) => u.recurrenceId === r.id,
      );
    // Within 35 days of Nov 24: Sunday December 6, 02:00 Berlin time (01:00 UTC).
    expect(upcoming().map((u) => new Date(u.scheduledFor!).toISOString())).toEqual(["2026-12-06T01:00:00.000Z"]);
    expect(generateOccurrences(db, NOW + MIN)).toBe(0);
    expect(generateOccurrences(db, NOW + 20 * 24 * 60 * MIN)).toBe(1);
    stopRecurrence(db, ed, r.id, NOW);
    expect(generateOccurrences(db, NOW + 60 * 24 * 60 * MIN)).toBe(0);
    expect(listRecurrences(db)[0]?.active).toBe(false);
  });

  it("rejects an incomplete rule with field messages", () => {
    const { db } = setup();
    expect(() =>
      createRecurrence(db, ed, {
        title: "x",
        frequency: "monthly",
        weekday: 0,
        startTime: "02:00",
        durationMinutes: 60,
      }),
    ).toThrow(/which week/);
    expect(() =>
      createRecurrence(db, ed, {
        title: "x",
        frequency: "weekly",
        weekday: 0,
        startTime: "25:00",
        durationMinutes: 60,
      }),
    ).toThrow(/time like 02:00/);
  });
});
