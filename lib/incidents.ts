// The incident and maintenance state machine and its verbs. Statuses are sets, not sequences:
// any status may follow any other, as on Statuspage; the timestamps record when states were entered.
// Each write is one transaction with its audit row.
import { z } from "zod";
import { inTransaction, type Db } from "@/db/client";
import { getComponent, overwritePeriod, writeComponentStatus } from "@/db/queries/components";
import {
  deleteIncidentRow,
  getIncident,
  insertIncident,
  insertUpdate,
  insertUpdateComponents,
  linkComponents,
  listIncidentComponentIds,
  listUpdates,
  nextUpdateSeq,
  searchIncidents,
  unlinkComponentsExcept,
  updateIncidentRow,
  type IncidentRow,
  type IncidentSearch,
} from "@/db/queries/incidents";
import { getPage } from "@/db/queries/page";
import { recordAudit, type Actor } from "./audit";
import {
  COMPONENT_STATUSES,
  IMPACTS,
  INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
  type ComponentStatus,
  type IncidentKind,
  type IncidentStatus,
  type MaintenanceStatus,
} from "./constants";
import { nextUpdateAfter, nextUpdateDue } from "./cadence";
import { impactOfComponentStatuses, isClosedStatus } from "./incident-rules";
import { AppError } from "./errors";
import { newId } from "./ids";
import { enqueueDeliveries } from "./syndication/outbox";
import { parse } from "./validation";

export { impactOfComponentStatuses, isClosedStatus };

type AnyStatus = IncidentStatus | MaintenanceStatus;

export function statusesFor(kind: IncidentKind): readonly AnyStatus[] {
  return kind === "incident" ? INCIDENT_STATUSES : MAINTENANCE_STATUSES;
}

/**
 * The timestamps after entering `status` at `at`: monitoring_at when monitoring is entered,
 * resolved_at when the incident closes (kept through postmortem), cleared on reopening.
 */
export function statusTimestamps(
  prev: { status: AnyStatus | null; monitoringAt: number | null; resolvedAt: number | null },
  status: AnyStatus,
  at: number,
): { monitoringAt: number | null; resolvedAt: number | null } {
  const monitoringAt = status === "monitoring" && prev.status !== "monitoring" ? at : prev.monitoringAt;
  if (isClosedStatus(status)) return { monitoringAt, resolvedAt: prev.resolvedAt ?? at };
  return { monitoringAt, resolvedAt: null };
}

const anyStatus = z.enum([...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES]);
const title = z
  .string({ error: "Give the incident a title" })
  .trim()
  .min(1, "Give the incident a title")
  .max(200, "At most 200 characters");
const message = z.string().trim().max(20_000, "At most 20,000 characters");
const componentChanges = z.record(z.string().min(1), z.enum(COMPONENT_STATUSES));
const componentIdList = z.array(z.string().min(1));
const cadence = z
  .number({ error: "Enter minutes" })
  .int("Whole minutes")
  .min(5, "At least 5 minutes")
  .max(24 * 60, "At most a day");

const updateInput = z.object({
  status: anyStatus,
  body: message.default(""),
  components: componentChanges.default({}),
  deliverNotifications: z.boolean().default(true),
  /** Closing: set the incident's components back to operational in the same step. */
  restoreComponents: z.boolean().default(false),
});
export type UpdateInput = z.input<typeof updateInput>;

const createInput = updateInput.extend({
  kind: z.enum(["incident", "maintenance"]).default("incident"),
  name: title,
  /** Left out: derived from the component changes (Statuspage's rule). */
  impact: z.enum(IMPACTS).optional(),
  componentIds: componentIdList.default([]),
  scheduledFor: z.number().int().optional(),
  scheduledUntil: z.number().int().optional(),
  /** Backfill: when it really started (earlier than now). */
  startedAt: z.number().int().optional(),
  /** Backfill: when it really ended; with `startedAt`, the components' history shows the outage. */
  resolvedAt: z.number().int().optional(),
  /** Backfill: each component's status during [startedAt, resolvedAt), written into its history. */
  backfillComponents: componentChanges.default({}),
  /** Minutes between promised updates; the page's default when left out. */
  updateCadenceMinutes: cadence.optional(),
  /** Maintenance automation (Statuspage's scheduled_auto_in_progress / _completed / remind_prior). */
  autoStart: z.boolean().default(true),
  autoComplete: z.boolean().default(true),
  remindPriorMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .optional(),
  recurrenceId: z.string().optional(),
});
export type CreateIncidentInput = z.input<typeof createInput>;

const editInput = z.object({
  name: title.optional(),
  impact: z.enum(IMPACTS).optional(),
  status: anyStatus.optional(),
  body: message.optional(),
  components: componentChanges.optional(),
  /** The incident concerns exactly these components afterwards (plus any in `components`). */
  componentIds: componentIdList.optional(),
  deliverNotifications: z.boolean().default(true),
  scheduledFor: z.number().int().optional(),
  scheduledUntil: z.number().int().optional(),
  /** A new promise: minutes between updates for this incident, counted from now. */
  updateCadenceMinutes: cadence.optional(),
});
export type IncidentEdit = z.input<typeof editInput>;

function checkStatusForKind(kind: IncidentKind, status: AnyStatus) {
  if (!statusesFor(kind).includes(status)) {
    const allowed = statusesFor(kind).join(", ");
    throw new AppError("validation", `Status ${status} is not valid for a ${kind}`, {
      status: [`not valid for a ${kind}; use one of: ${allowed}`],
    });
  }
}

function checkWindow(from: number | null | undefined, until: number | null | undefined) {
  if (from != null && until != null && until <= from) {
    throw new AppError("validation", "The window must end after it starts", {
      scheduledUntil: ["must be after the start"],
    });
  }
}

function mustIncident(db: Db, id: string): IncidentRow {
  const incident = getIncident(db, id);
  if (!incident) throw new AppError("not_found", `No incident has the id ${id}`);
  return incident;
}

/**
 * Unknown ids would otherwise fail as a foreign-key error deep in the write. Field errors name
 * the entry: `components.<id>` for a map of statuses, `componentIds.<index>` for a list.
 */
function checkComponentsExist(db: Db, ids: readonly string[], field: "components" | "componentIds") {
  const errors: Record<string, string[]> = {};
  ids.forEach((id, i) => {
    if (!getComponent(db, id)) errors[`${field}.${field === "components" ? id : i}`] = [`unknown component ${id}`];
  });
  const [first] = Object.values(errors).flat();
  if (first) throw new AppError("validation", first.replace(/^u/, "U"), errors);
}

/** Applies component changes, returning the rows for affected_components. Inside a transaction. */
function applyComponentChanges(db: Db, updateId: string, changes: Record<string, ComponentStatus>, at: number) {
  checkComponentsExist(db, Object.keys(changes), "components");
  const rows = Object.entries(changes).map(([componentId, newStatus]) => {
    const component = getComponent(db, componentId)!;
    const oldStatus = writeComponentStatus(db, componentId, newStatus, at);
    return { updateId, componentId, componentName: component.name, oldStatus, newStatus };
  });
  insertUpdateComponents(db, rows);
}

/** Closing with restoreComponents: every linked component not yet operational goes back to operational. */
function withRestored(
  db: Db,
  incident: IncidentRow,
  input: z.output<typeof updateInput>,
): Record<string, ComponentStatus> {
  if (!input.restoreComponents || !isClosedStatus(input.status)) return input.components;
  const restored: Record<string, ComponentStatus> = {};
  for (const { componentId } of listIncidentComponentIds(db, [incident.id])) {
    const c = getComponent(db, componentId);
    if (c && c.status !== "operational") restored[componentId] = "operational";
  }
  return { ...restored, ...input.components };
}

function writeUpdate(
  db: Db,
  actor: Actor,
  incident: IncidentRow,
  input: z.output<typeof updateInput>,
  at: number,
): string {
  const id = newId();
  const seq = nextUpdateSeq(db);
  insertUpdate(db, {
    id,
    seq,
    incidentId: incident.id,
    status: input.status,
    body: input.body,
    createdAt: at,
    updatedAt: at,
    displayAt: at,
    deliverNotifications: input.deliverNotifications,
    createdBy: actor.type === "user" ? actor.id : null,
  });
  const components = withRestored(db, incident, input);
  applyComponentChanges(db, id, components, at);
  linkComponents(db, incident.id, Object.keys(components));
  // The outbox rows commit with the update: a crash never loses a notification. A backfilled
  // incident is history, not news.
  if (input.deliverNotifications && !incident.backfilled)
    enqueueDeliveries(db, { updateId: id, incidentId: incident.id, seq }, at);
  return id;
}

/** Moves the incident to the update's status and writes the update, with its audit row. Inside a transaction. */
function postUpdate(
  db: Db,
  actor: Actor,
  incident: IncidentRow,
  input: z.output<typeof updateInput>,
  now: number,
): string {
  checkStatusForKind(incident.kind, input.status);
  updateIncidentRow(db, incident.id, {
    status: input.status,
    updatedAt: now,
    ...statusTimestamps(incident, input.status, now),
    nextUpdateAt: nextUpdateDue(db, incident.kind, input.status, incident.updateCadenceMinutes, now),
    overdueRemindedAt: null,
  });
  const updateId = writeUpdate(db, actor, incident, input, now);
  recordAudit(
    db,
    actor,
    "incident.post_update",
    { type: "incident", id: incident.id },
    { status: incident.status },
    { updateId, ...input },
    now,
  );
  return updateId;
}

/** Opens an incident or schedules a maintenance, with its first update, in one transaction. */
export function createIncident(db: Db, actor: Actor, raw: CreateIncidentInput, now = Date.now()): IncidentRow {
  const input = parse(createInput, raw);
  checkStatusForKind(input.kind, input.status);
  if (input.kind === "maintenance" && (input.scheduledFor === undefined || input.scheduledUntil === undefined)) {
    const missing = input.scheduledFor === undefined ? "scheduledFor" : "scheduledUntil";
    throw new AppError("validation", "A maintenance needs a window", { [missing]: ["required for a maintenance"] });
  }
  if (input.kind === "incident" && (input.scheduledFor !== undefined || input.scheduledUntil !== undefined)) {
    const field = input.scheduledFor !== undefined ? "scheduledFor" : "scheduledUntil";
    throw new AppError("validation", "Only a maintenance has a window", {
      [field]: ["only a maintenance has a window"],
    });
  }
  checkWindow(input.scheduledFor, input.scheduledUntil);
  const startedAt = Math.min(input.startedAt ?? now, now);
  if (
    input.resolvedAt !== undefined &&
    (input.startedAt === undefined ||
      input.resolvedAt <= startedAt ||
      input.resolvedAt > now ||
      !isClosedStatus(input.status))
  ) {
    throw new AppError("validation", "A backfilled incident ends after it starts, by now, and is resolved", {
      resolvedAt: ["must be after the start and not in the future"],
    });
  }
  const impact =
    input.kind === "maintenance"
      ? "maintenance"
      : (input.impact ?? impactOfComponentStatuses(Object.values(input.components)));
  return inTransaction(db, () => {
    const page = getPage(db);
    if (!page) throw new AppError("unavailable", "The page is not set up yet");
    checkComponentsExist(db, input.componentIds, "componentIds");
    const times = statusTimestamps({ status: null, monitoringAt: null, resolvedAt: null }, input.status, now);
    const incident = insertIncident(db, {
      id: newId(),
      pageId: page.id,
      kind: input.kind,
      name: input.name,
      status: input.status,
      impact,
      createdAt: now,
      updatedAt: now,
      startedAt: input.kind === "maintenance" ? input.scheduledFor! : startedAt,
      scheduledFor: input.scheduledFor ?? null,
      scheduledUntil: input.scheduledUntil ?? null,
      backfilled: input.startedAt !== undefined && input.startedAt < now - 60_000,
      ...times,
      ...(input.resolvedAt !== undefined ? { resolvedAt: input.resolvedAt } : {}),
      updateCadenceMinutes: input.updateCadenceMinutes ?? null,
      nextUpdateAt: nextUpdateDue(db, input.kind, input.status, input.updateCadenceMinutes ?? null, now),
      autoStart: input.autoStart,
      autoComplete: input.autoComplete,
      remindPriorMinutes: input.remindPriorMinutes ?? null,
      recurrenceId: input.recurrenceId ?? null,
    });
    linkComponents(db, incident.id, input.componentIds);
    if (Object.keys(input.backfillComponents).length) {
      if (input.resolvedAt === undefined)
        throw new AppError("validation", "Give the end time to backfill component history", {
          resolvedAt: ["required with component history"],
        });
      checkComponentsExist(db, Object.keys(input.backfillComponents), "components");
      for (const [componentId, status] of Object.entries(input.backfillComponents))
        overwritePeriod(db, componentId, status, startedAt, input.resolvedAt);
      linkComponents(db, incident.id, Object.keys(input.backfillComponents));
    }
    const updateId = writeUpdate(db, actor, incident, input, now);
    const after = {
      ...incident,
      componentIds: input.componentIds,
      firstUpdate: { id: updateId, body: input.body, components: input.components },
    };
    recordAudit(db, actor, "incident.create", { type: "incident", id: incident.id }, undefined, after, now);
    return incident;
  });
}

/** Posts an update: new status, message and component changes, strictly after all earlier ones. */
export function addIncidentUpdate(
  db: Db,
  actor: Actor,
  incidentId: string,
  raw: UpdateInput,
  now = Date.now(),
): string {
  const input = parse(updateInput, raw);
  return inTransaction(db, () => postUpdate(db, actor, mustIncident(db, incidentId), input, now));
}

type FieldPatch = Partial<
  Pick<
    IncidentRow,
    | "name"
    | "impact"
    | "scheduledFor"
    | "scheduledUntil"
    | "startedAt"
    | "updateCadenceMinutes"
    | "nextUpdateAt"
    | "overdueRemindedAt"
  >
>;

function fieldPatch(before: IncidentRow, input: z.output<typeof editInput>, now: number): FieldPatch {
  const patch: FieldPatch = {};
  if (input.updateCadenceMinutes !== undefined && input.updateCadenceMinutes !== before.updateCadenceMinutes) {
    patch.updateCadenceMinutes = input.updateCadenceMinutes;
    // The promise restarts from now; a closed incident makes none.
    patch.nextUpdateAt = nextUpdateAfter(before.kind, before.status, input.updateCadenceMinutes, now);
    patch.overdueRemindedAt = null;
  }
  if (input.name !== undefined && input.name !== before.name) patch.name = input.name;
  if (input.impact !== undefined && input.impact !== before.impact) {
    if ((before.kind === "maintenance") !== (input.impact === "maintenance")) {
      throw new AppError("validation", `Impact ${input.impact} is not valid for a ${before.kind}`, {
        impact: [`not valid for a ${before.kind}`],
      });
    }
    patch.impact = input.impact;
  }
  if (input.scheduledFor !== undefined || input.scheduledUntil !== undefined) {
    if (before.kind !== "maintenance") {
      const field = input.scheduledFor !== undefined ? "scheduledFor" : "scheduledUntil";
      throw new AppError("validation", "Only a maintenance has a window", {
        [field]: ["only a maintenance has a window"],
      });
    }
    const from = input.scheduledFor ?? before.scheduledFor;
    const until = input.scheduledUntil ?? before.scheduledUntil;
    checkWindow(from, until);
    if (from !== before.scheduledFor) Object.assign(patch, { scheduledFor: from, startedAt: from });
    if (until !== before.scheduledUntil) patch.scheduledUntil = until;
  }
  return patch;
}

/**
 * Edits an incident as Statuspage's PATCH does. Field changes (name, impact, window, linked
 * components) are saved as they are; a message, a new status or component changes also post an
 * update, so the timeline records every change of state. One transaction.
 */
export function updateIncident(db: Db, actor: Actor, id: string, raw: IncidentEdit, now = Date.now()): IncidentRow {
  const input = parse(editInput, raw);
  return inTransaction(db, () => {
    const before = mustIncident(db, id);
    if (input.status) checkStatusForKind(before.kind, input.status);
    const patch = fieldPatch(before, input, now);
    const linkedBefore = listIncidentComponentIds(db, [id]).map((l) => l.componentId);
    let linkedAfter = linkedBefore;
    if (input.componentIds) {
      checkComponentsExist(db, input.componentIds, "componentIds");
      const keep = [...new Set([...input.componentIds, ...Object.keys(input.components ?? {})])];
      unlinkComponentsExcept(db, id, keep);
      linkComponents(db, id, input.componentIds);
      linkedAfter = listIncidentComponentIds(db, [id]).map((l) => l.componentId);
    }
    let incident = before;
    if (Object.keys(patch).length || linkedAfter.join() !== linkedBefore.join()) {
      incident = updateIncidentRow(db, id, { ...patch, updatedAt: now });
      recordAudit(
        db,
        actor,
        "incident.update",
        { type: "incident", id },
        { ...before, componentIds: linkedBefore },
        { ...incident, componentIds: linkedAfter },
        now,
      );
    }
    const status = input.status ?? before.status;
    const components = input.components ?? {};
    if (input.body || status !== before.status || Object.keys(components).length) {
      postUpdate(
        db,
        actor,
        incident,
        {
          status,
          body: input.body ?? "",
          components,
          deliverNotifications: input.deliverNotifications,
          restoreComponents: false,
        },
        now,
      );
    }
    return mustIncident(db, id);
  });
}

/** Deletes an incident with its timeline. The audit row keeps what was deleted. */
export function deleteIncident(db: Db, actor: Actor, id: string, now = Date.now()): IncidentRow {
  return inTransaction(db, () => {
    const before = mustIncident(db, id);
    const record = {
      ...before,
      componentIds: listIncidentComponentIds(db, [id]).map((l) => l.componentId),
      updates: listUpdates(db, [id]),
    };
    deleteIncidentRow(db, id);
    recordAudit(db, actor, "incident.delete", { type: "incident", id }, record, null, now);
    return before;
  });
}

export function incidentById(db: Db, id: string): IncidentRow {
  return mustIncident(db, id);
}

/** One page of incidents for a filter, e.g. the admin API's lists. */
export function findIncidents(db: Db, search: IncidentSearch): IncidentRow[] {
  return searchIncidents(db, search);
}
