// "Next update by": the promise each open incident makes. Silence destroys trust, so every
// update renews the promise and the dashboard and a reminder mail chase a broken one.
import type { Db } from "@/db/client";
import { getPage } from "@/db/queries/page";
import type { IncidentKind, IncidentStatus, MaintenanceStatus } from "./constants";
import { nextUpdateAfter } from "./incident-rules";

export { nextUpdateAfter };

export function nextUpdateDue(
  db: Db,
  kind: IncidentKind,
  status: IncidentStatus | MaintenanceStatus,
  own: number | null,
  now: number,
): number | null {
  return nextUpdateAfter(kind, status, own ?? getPage(db)?.updateCadenceMinutes ?? 30, now);
}

export function isOverdue(incident: { nextUpdateAt: number | null }, now: number): boolean {
  return incident.nextUpdateAt !== null && incident.nextUpdateAt <= now;
}

/** Overdue incidents first (longest overdue on top), then the rest in their given order. */
export function overdueFirst<T extends { nextUpdateAt: number | null }>(incidents: readonly T[], now: number): T[] {
  const overdue = incidents.filter((i) => isOverdue(i, now)).sort((a, b) => a.nextUpdateAt! - b.nextUpdateAt!);
  return [...overdue, ...incidents.filter((i) => !isOverdue(i, now))];
}
