import { describe, expect, it } from "vitest";
import { listUpdates } from "@/db/queries/incidents";
import { apiFixture } from "./api/testing";
import { SYSTEM_ACTOR } from "./audit";
import { AppError } from "./errors";
import { createInputFromForm, editInputFromForm, recurrenceInputFromForm, updateInputFromForm } from "./incident-form";
import { addIncidentUpdate, createIncident } from "./incidents";
import { parseLocalDateTime, toLocalDateTime } from "./time";

function fieldErrors(fn: () => unknown): Record<string, string[]> | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.fieldErrors;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("local date-times in the page's zone", () => {
  it("reads wall-clock times in the zone, across DST", () => {
    expect(parseLocalDateTime("2026-11-24T14:05", "Etc/UTC")).toBe(Date.parse("2026-11-24T14:05:00Z"));
    expect(parseLocalDateTime("2026-07-01T02:00", "Europe/Berlin")).toBe(Date.parse("2026-07-01T00:00:00Z"));
    expect(parseLocalDateTime("2026-01-01T02:00", "Europe/Berlin")).toBe(Date.parse("2026-01-01T01:00:00Z"));
    expect(toLocalDateTime(Date.parse("2026-07-01T00:00:00Z"), "Europe/Berlin")).toBe("2026-07-01T02:00");
  });

  it("refuses what is not a date-time", () => {
    for (const bad of [
      "",
      "tomorrow",
      "2026-02-30T10:00",
      "2026-13-01T10:00",
      "2026-11-24T25:00",
      "2026-11-24 10:00",
    ]) {
      expect(parseLocalDateTime(bad, "Etc/UTC"), bad).toBeNull();
    }
  });
});

describe("incident forms", () => {
  it("a new incident: affected components with their statuses, notify toggle, own cadence", () => {
    const input = createInputFromForm(
      {
        name: "API errors",
        status: "identified",
        impact: "",
        body: "Looking.",
        "components.api": "partial_outage",
        "components.web": "",
        deliverNotifications: "on",
        updateCadenceMinutes: "15",
      },
      "incident",
      "Etc/UTC",
    );
    expect(input).toMatchObject({
      kind: "incident",
      name: "API errors",
      status: "identified",
      impact: undefined,
      components: { api: "partial_outage" },
      componentIds: ["api"],
      deliverNotifications: true,
      updateCadenceMinutes: 15,
    });
  });

  it("a maintenance takes its window in the page's zone and needs both ends", () => {
    const input = createInputFromForm(
      {
        name: "DB upgrade",
        scheduledFor: "2026-12-01T02:00",
        scheduledUntil: "2026-12-01T03:00",
        autoStart: "on",
        remindPriorMinutes: "60",
      },
      "maintenance",
      "Europe/Berlin",
    );
    expect(input).toMatchObject({
      status: "scheduled",
      scheduledFor: Date.parse("2026-12-01T01:00:00Z"),
      scheduledUntil: Date.parse("2026-12-01T02:00:00Z"),
      autoStart: true,
      autoComplete: false,
      remindPriorMinutes: 60,
    });
    expect(
      fieldErrors(() => createInputFromForm({ name: "x", scheduledFor: "2026-12-01T02:00" }, "maintenance", "Etc/UTC")),
    ).toEqual({ scheduledUntil: ["enter a date and time"] });
    expect(
      fieldErrors(() =>
        createInputFromForm(
          { name: "x", scheduledFor: "soon", scheduledUntil: "2026-12-01T02:00" },
          "maintenance",
          "Etc/UTC",
        ),
      ),
    ).toEqual({ scheduledFor: ["enter a valid date and time"] });
  });

  it("a backfill is resolved, sends nothing, and writes the components' history", () => {
    const input = createInputFromForm(
      {
        name: "Old outage",
        backfill: "on",
        startedAt: "2026-10-01T10:00",
        resolvedAt: "2026-10-01T11:30",
        "components.api": "major_outage",
        deliverNotifications: "on",
      },
      "incident",
      "Etc/UTC",
    );
    expect(input).toMatchObject({
      status: "resolved",
      startedAt: Date.parse("2026-10-01T10:00:00Z"),
      resolvedAt: Date.parse("2026-10-01T11:30:00Z"),
      backfillComponents: { api: "major_outage" },
      deliverNotifications: false,
    });
  });

  it("an unknown component status is refused beside its field", () => {
    expect(
      fieldErrors(() =>
        updateInputFromForm({ status: "monitoring", body: "x", "components.api": "on_fire" }, "identified"),
      ),
    ).toEqual({
      "components.api": ["choose a listed status"],
    });
  });

  it("an update can restore components when it closes; details edit no status", () => {
    expect(
      updateInputFromForm({ status: "resolved", body: "Fixed.", restoreComponents: "on" }, "monitoring"),
    ).toMatchObject({
      status: "resolved",
      restoreComponents: true,
      deliverNotifications: false,
      components: {},
    });
    expect(editInputFromForm({ name: "Renamed", updateCadenceMinutes: "" }, "incident", "Etc/UTC")).toEqual({
      name: "Renamed",
      deliverNotifications: false,
      updateCadenceMinutes: undefined,
    });
  });
});

describe("the checklist of the new-incident form", () => {
  it("takes only the ticked components, each with the status beside it", () => {
    const input = createInputFromForm(
      {
        name: "API errors",
        body: "Looking.",
        componentList: "checklist",
        "affected.api": "on",
        "components.api": "major_outage",
        // Not ticked: its select is sent anyway and must not count.
        "components.web": "partial_outage",
        "affected.db": "on",
      },
      "incident",
      "Etc/UTC",
    );
    expect(input).toMatchObject({ components: { api: "major_outage", db: "partial_outage" } });
    expect(input.componentIds).toEqual(["api", "db"]);
  });

  it("a maintenance's ticked components carry no status of their own", () => {
    const input = createInputFromForm(
      {
        name: "Upgrade",
        componentList: "checklist",
        "affected.api": "on",
        scheduledFor: "2030-01-01T02:00",
        scheduledUntil: "2030-01-01T03:00",
      },
      "maintenance",
      "Etc/UTC",
    );
    expect(input.componentIds).toEqual(["api"]);
  });

  it("refuses an unknown status beside the ticked component", () => {
    expect(
      fieldErrors(() =>
        createInputFromForm(
          { name: "x", componentList: "checklist", "affected.api": "on", "components.api": "on_fire" },
          "incident",
          "Etc/UTC",
        ),
      ),
    ).toEqual({ "components.api": ["choose a listed status"] });
  });
});

describe("an update without a message", () => {
  const EMPTY = /Write a message/;

  it("is refused beside the message field, blank or white space alike", () => {
    for (const body of ["", "   \n  ", undefined]) {
      const errors = fieldErrors(() => updateInputFromForm({ status: "resolved", body }, "identified"));
      expect(Object.keys(errors ?? {})).toEqual(["body"]);
      expect(errors?.body?.[0]).toMatch(EMPTY);
    }
  });

  it("keeps the line breaks typed, as LF (browsers send a textarea's as CRLF)", () => {
    expect(updateInputFromForm({ status: "identified", body: "One.\r\nTwo.\rThree." }, "identified").body).toBe(
      "One.\nTwo.\nThree.",
    );
  });

  it("is taken when the person confirms a status-only change", () => {
    expect(updateInputFromForm({ status: "resolved", body: "", withoutMessage: "on" }, "identified")).toMatchObject({
      status: "resolved",
      body: "",
    });
    // A component change alone is a change too.
    expect(
      updateInputFromForm(
        { status: "identified", body: "", withoutMessage: "on", "components.api": "operational" },
        "identified",
      ),
    ).toMatchObject({ components: { api: "operational" } });
  });

  it("is refused even when confirmed if it would change nothing", () => {
    const errors = fieldErrors(() => updateInputFromForm({ status: "identified", withoutMessage: "on" }, "identified"));
    expect(errors?.body?.[0]).toMatch(/change nothing/);
  });

  it("stays possible through the admin API (Statuspage's status-only updates) and the verb", async () => {
    const f = apiFixture();
    const created = await f.call("POST", "incidents", {
      json: { incident: { name: "Errors", status: "investigating", body: "Looking." } },
    });
    expect(created.status).toBe(201);
    const res = await f.call("PATCH", `incidents/${created.json.id}`, { json: { incident: { status: "monitoring" } } });
    expect(res.status).toBe(200);
    expect(res.json.incident_updates[0]).toMatchObject({ status: "monitoring", body: "" });

    const i = createIncident(f.db, SYSTEM_ACTOR, { name: "Verb", status: "investigating", body: "Looking." });
    addIncidentUpdate(f.db, SYSTEM_ACTOR, i.id, { status: "identified" });
    expect(listUpdates(f.db, [i.id]).map((u) => [u.status, u.body])).toEqual([
      ["identified", ""],
      ["investigating", "Looking."],
    ]);
  });
});

describe("recurring maintenance form", () => {
  it("reads the rule and the ticked components", () => {
    expect(
      recurrenceInputFromForm({
        title: "Patching",
        frequency: "monthly",
        weekday: "0",
        nth: "1",
        startTime: "02:00",
        durationMinutes: "60",
        "componentIds.api": "on",
        "componentIds.web": "",
        remindPriorMinutes: "",
      }),
    ).toEqual({
      title: "Patching",
      body: "",
      componentIds: ["api"],
      frequency: "monthly",
      weekday: 0,
      nth: 1,
      startTime: "02:00",
      durationMinutes: 60,
      remindPriorMinutes: null,
    });
    expect(
      recurrenceInputFromForm({
        title: "Weekly",
        frequency: "weekly",
        weekday: "3",
        nth: "2",
        startTime: "23:30",
        durationMinutes: "30",
      }),
    ).toMatchObject({ nth: null, weekday: 3 });
  });
});
