// Scheduled maintenance that runs itself: it starts at the window's start (components under
// maintenance, an update recorded), completes at its end (components restored), and can remind
// people beforehand. Recurring schedules create their occurrences ahead of time.
import { z } from "zod";
import { inTransaction, type Db } from "@/db/client";
import { getComponent } from "@/db/queries/components";
import {
  listIncidentComponentIds,
  listLiveMaintenances,
  updateIncidentRow,
  type IncidentRow,
} from "@/db/queries/incidents";
import { getPage } from "@/db/queries/page";
import {
  getRecurrence,
  insertRecurrence,
  listActiveRecurrences,
  updateRecurrenceRow,
  type RecurrenceRow,
} from "@/db/queries/recurrences";
import { recordAudit, SYSTEM_ACTOR, type Actor } from "./audit";
import type { ComponentStatus } from "./constants";
import { AppError } from "./errors";
import { newId } from "./ids";
import { addIncidentUpdate, createIncident } from "./incidents";
import { describeRule, occurrences } from "./recurrence";
import { formatDateTime } from "./time";
import { parse } from "./validation";

export type ClockAction = { incidentId: string; kind: "remind" | "start" | "complete" };

/** What the clock must do now. Pure. */
export function dueActions(maintenances: readonly IncidentRow[], now: number): ClockAction[] {
  const actions: ClockAction[] = [];
  for (const m of maintenances) {
    if (m.scheduledFor === null || m.scheduledUntil === null) continue;
    if (m.status === "scheduled") {
      if (m.autoStart && m.scheduledFor <= now)
        actions.push({ incidentId: m.id, kind: m.autoComplete && m.scheduledUntil <= now ? "complete" : "start" });
      else if (
        m.remindPriorMinutes &&
        !m.remindedPriorAt &&
        m.scheduledFor - m.remindPriorMinutes * 60_000 <= now &&
        m.scheduledFor > now
      ) {
        actions.push({ incidentId: m.id, kind: "remind" });
      }
    } else if (m.autoComplete && m.scheduledUntil <= now) {
      actions.push({ incidentId: m.id, kind: "complete" });
    }
  }
  return actions;
}

function linkedStatuses(
  db: Db,
  id: string,
  status: ComponentStatus,
  onlyIf?: ComponentStatus,
): Record<string, ComponentStatus> {
  const out: Record<string, ComponentStatus> = {};
  for (const { componentId } of listIncidentComponentIds(db, [id])) {
    const c = getComponent(db, componentId);
    if (c && (!onlyIf || c.status === onlyIf)) out[componentId] = status;
  }
  return out;
}

/** Runs every due transition, each in its own transaction. Returns what it did. */
export function runMaintenanceClock(db: Db, now = Date.now()): ClockAction[] {
  const done: ClockAction[] = [];
  for (const action of dueActions(listLiveMaintenances(db), now)) {
    inTransaction(db, () => {
      const timeZone = getPage(db)?.timeZone ?? "Etc/UTC";
      const m = listLiveMaintenances(db).find((x) => x.id === action.incidentId);
      if (!m) return; // another writer got there first
      if (action.kind === "remind") {
        updateIncidentRow(db, m.id, { remindedPriorAt: now });
        const body = `Reminder: this maintenance begins at ${formatDateTime(m.scheduledFor!, timeZone)}.`;
        addIncidentUpdate(db, SYSTEM_ACTOR, m.id, { status: "scheduled", body }, now);
      } else if (action.kind === "start") {
        addIncidentUpdate(
          db,
          SYSTEM_ACTOR,
          m.id,
          {
            status: "in_progress",
            body: "Scheduled maintenance is in progress.",
            components: linkedStatuses(db, m.id, "under_maintenance"),
          },
          now,
        );
      } else {
        const body = "Scheduled maintenance is complete.";
        addIncidentUpdate(
          db,
          SYSTEM_ACTOR,
          m.id,
          { status: "completed", body, components: linkedStatuses(db, m.id, "operational", "under_maintenance") },
          now,
        );
      }
      done.push(action);
    });
  }
  return done;
}

/** Ends a maintenance now: completed, with its components back to operational. */
export function endMaintenanceEarly(db: Db, actor: Actor, id: string, body: string, now = Date.now()): void {
  inTransaction(db, () => {
    const m = listLiveMaintenances(db).find((x) => x.id === id);
    if (!m) throw new AppError("conflict", "This maintenance is not scheduled or in progress");
    addIncidentUpdate(
      db,
      actor,
      id,
      {
        status: "completed",
        body: body || "Maintenance finished early.",
        components: linkedStatuses(db, id, "operational", "under_maintenance"),
      },
      now,
    );
  });
}

// ---- recurring maintenance ----------------------------------------------------------------

/** How far ahead occurrences exist, so they show as upcoming and subscribers hear in time. */
export const GENERATE_AHEAD_MS = 35 * 24 * 60 * 60_000;

const recurrenceInput = z
  .object({
    title: z.string().trim().min(1, "Give the maintenance a title").max(200, "At most 200 characters"),
    body: z.string().trim().max(20_000).default(""),
    componentIds: z.array(z.string().min(1)).default([]),
    frequency: z.enum(["weekly", "monthly"], { error: "Choose weekly or monthly" }),
    weekday: z.number().int().min(0).max(6),
    nth: z
      .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)])
      .nullable()
      .default(null),
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 02:00"),
    durationMinutes: z
      .number({ error: "Enter minutes" })
      .int()
      .min(5, "At least 5 minutes")
      .max(24 * 60, "At most a day"),
    remindPriorMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .nullable()
      .default(null),
  })
  .refine((r) => r.frequency === "weekly" || r.nth !== null, {
    message: "Choose which week of the month",
    path: ["nth"],
  });
export type RecurrenceInput = z.input<typeof recurrenceInput>;

export function createRecurrence(db: Db, actor: Actor, raw: RecurrenceInput, now = Date.now()): RecurrenceRow {
  const input = parse(recurrenceInput, raw);
  const row = inTransaction(db, () => {
    for (const id of input.componentIds)
      if (!getComponent(db, id))
        throw new AppError("validation", `Unknown component ${id}`, { componentIds: ["unknown component"] });
    const created = insertRecurrence(db, { id: newId(), ...input, createdAt: now, updatedAt: now });
    recordAudit(
      db,
      actor,
      "maintenance.recurrence_create",
      { type: "recurrence", id: created.id },
      undefined,
      { ...created, rule: describeRule(created) },
      now,
    );
    return created;
  });
  generateOccurrences(db, now);
  return row;
}

/** Stops future occurrences; ones already created stay (staff may cancel each). */
export function stopRecurrence(db: Db, actor: Actor, id: string, now = Date.now()): void {
  inTransaction(db, () => {
    const before = getRecurrence(db, id);
    if (!before) throw new AppError("not_found", "No such recurring maintenance");
    updateRecurrenceRow(db, id, { active: false, updatedAt: now });
    recordAudit(
      db,
      actor,
      "maintenance.recurrence_stop",
      { type: "recurrence", id },
      { active: before.active },
      { active: false },
      now,
    );
  });
}

/** Creates the occurrences due within GENERATE_AHEAD_MS for every active schedule. */
export function generateOccurrences(db: Db, now = Date.now()): number {
  const timeZone = getPage(db)?.timeZone ?? "Etc/UTC";
  let created = 0;
  for (const r of listActiveRecurrences(db)) {
    const from = Math.max(r.generatedUntil ?? now, now);
    const until = now + GENERATE_AHEAD_MS;
    if (from >= until) continue;
    inTransaction(db, () => {
      for (const o of occurrences(r, from, until, timeZone)) {
        createIncident(
          db,
          SYSTEM_ACTOR,
          {
            kind: "maintenance",
            name: r.title,
            status: "scheduled",
            body: r.body || `${describeRule(r)} (${timeZone}).`,
            componentIds: r.componentIds.filter((id) => getComponent(db, id)),
            scheduledFor: o.start,
            scheduledUntil: o.end,
            remindPriorMinutes: r.remindPriorMinutes ?? undefined,
            recurrenceId: r.id,
            deliverNotifications: true,
          },
          now,
        );
        created++;
      }
      updateRecurrenceRow(db, r.id, { generatedUntil: until });
    });
  }
  return created;
}
