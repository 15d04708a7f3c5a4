// The incident and maintenance state machine and its verbs. Statuses are sets, not sequences:
// any status may follow any other, as on Statuspage; the timestamps record when states were entered.
import { z } from "zod";
import { inTransaction, type Db } from "@/db/client";
import { getComponent, writeComponentStatus } from "@/db/queries/components";
import {
  getIncident,
  insertIncident,
  insertUpdate,
  insertUpdateComponents,
  linkComponents,
  nextUpdateSeq,
  updateIncident,
  type IncidentRow,
} from "@/db/queries/incidents";
import { getPage } from "@/db/queries/page";
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
import { AppError } from "./errors";
import { newId } from "./ids";
import { parse } from "./validation";

type AnyStatus = IncidentStatus | MaintenanceStatus;

const CLOSED: readonly AnyStatus[] = ["resolved", "postmortem", "completed"];

export function isClosedStatus(status: AnyStatus): boolean {
  return CLOSED.includes(status);
}

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

const componentChanges = z.record(z.string().min(1), z.enum(COMPONENT_STATUSES)).default({});

const updateInput = z.object({
  status: z.enum([...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES]),
  body: z.string().trim().max(20_000).default(""),
  components: componentChanges,
  deliverNotifications: z.boolean().default(true),
});
export type UpdateInput = z.input<typeof updateInput>;

const createInput = updateInput.extend({
  kind: z.enum(["incident", "maintenance"]).default("incident"),
  name: z.string().trim().min(1, "Give the incident a title").max(200),
  impact: z.enum(IMPACTS).default("none"),
  componentIds: z.array(z.string().min(1)).default([]),
  scheduledFor: z.number().int().optional(),
  scheduledUntil: z.number().int().optional(),
  /** Backfill: when it really started (earlier than now). */
  startedAt: z.number().int().optional(),
});
export type CreateIncidentInput = z.input<typeof createInput>;

function checkStatusForKind(kind: IncidentKind, status: AnyStatus) {
  if (!statusesFor(kind).includes(status)) {
    throw new AppError("validation", `Status ${status} is not valid for a ${kind}`, { status: [`not valid for a ${kind}`] });
  }
}

/** Applies component changes, returning the rows for affected_components. Inside a transaction. */
function applyComponentChanges(db: Db, updateId: string, changes: Record<string, ComponentStatus>, at: number) {
  const rows = Object.entries(changes).map(([componentId, newStatus]) => {
    const component = getComponent(db, componentId);
    if (!component) throw new AppError("validation", `Unknown component ${componentId}`, { components: ["unknown component"] });
    const oldStatus = writeComponentStatus(db, componentId, newStatus, at);
    return { updateId, componentId, componentName: component.name, oldStatus, newStatus };
  });
  insertUpdateComponents(db, rows);
}

function writeUpdate(db: Db, incident: IncidentRow, input: z.output<typeof updateInput>, at: number): string {
  const id = newId();
  insertUpdate(db, {
    id,
    seq: nextUpdateSeq(db),
    incidentId: incident.id,
    status: input.status,
    body: input.body,
    createdAt: at,
    updatedAt: at,
    displayAt: at,
    deliverNotifications: input.deliverNotifications,
  });
  applyComponentChanges(db, id, input.components, at);
  linkComponents(db, incident.id, Object.keys(input.components));
  return id;
}

/** Opens an incident or schedules a maintenance, with its first update, in one transaction. */
export function createIncident(db: Db, raw: CreateIncidentInput, now = Date.now()): IncidentRow {
  const input = parse(createInput, raw);
  checkStatusForKind(input.kind, input.status);
  if (input.kind === "maintenance" && (input.scheduledFor === undefined || input.scheduledUntil === undefined)) {
    throw new AppError("validation", "A maintenance needs a window", { scheduledFor: ["required for a maintenance"] });
  }
  if (input.scheduledFor !== undefined && input.scheduledUntil !== undefined && input.scheduledUntil <= input.scheduledFor) {
    throw new AppError("validation", "The window must end after it starts", { scheduledUntil: ["must be after the start"] });
  }
  const startedAt = Math.min(input.startedAt ?? now, now);
  return inTransaction(db, () => {
    const page = getPage(db);
    if (!page) throw new AppError("unavailable", "The page is not set up yet");
    const times = statusTimestamps({ status: null, monitoringAt: null, resolvedAt: null }, input.status, now);
    const incident = insertIncident(db, {
      id: newId(),
      pageId: page.id,
      kind: input.kind,
      name: input.name,
      status: input.status,
      impact: input.kind === "maintenance" ? "maintenance" : input.impact,
      createdAt: now,
      updatedAt: now,
      startedAt: input.kind === "maintenance" ? input.scheduledFor! : startedAt,
      scheduledFor: input.scheduledFor ?? null,
      scheduledUntil: input.scheduledUntil ?? null,
      backfilled: input.startedAt !== undefined && input.startedAt < now - 60_000,
      ...times,
    });
    linkComponents(db, incident.id, input.componentIds);
    writeUpdate(db, incident, input, now);
    return incident;
  });
}

/** Posts an update: new status, message and component changes, strictly after all earlier ones. */
export function addIncidentUpdate(db: Db, incidentId: string, raw: UpdateInput, now = Date.now()): string {
  const input = parse(updateInput, raw);
  return inTransaction(db, () => {
    const incident = getIncident(db, incidentId);
    if (!incident) throw new AppError("not_found", "No such incident");
    checkStatusForKind(incident.kind, input.status);
    const times = statusTimestamps(incident, input.status, now);
    updateIncident(db, incident.id, { status: input.status, updatedAt: now, ...times });
    return writeUpdate(db, incident, input, now);
  });
}

/** Sets one component's status by hand, recording it in the component's history. */
export function setComponentStatus(db: Db, componentId: string, status: ComponentStatus, now = Date.now()): void {
  const parsed = parse(z.enum(COMPONENT_STATUSES), status);
  inTransaction(db, () => {
    if (!getComponent(db, componentId)) throw new AppError("not_found", "No such component");
    writeComponentStatus(db, componentId, parsed, now);
  });
}
