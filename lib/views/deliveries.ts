// Read models of the notifications pages: incidents whose notifications need attention, one
// incident's name, and where each of its updates went.
import { getDb, type Db } from "@/db/client";
import { listIncidentDeliveries, listRecentProblems } from "@/db/queries/deliveries";
import { getIncident } from "@/db/queries/incidents";

/** Incidents with failed or unsettled notifications, each once, as id → name. */
export function deliveriesNeedingAttention(db: Db = getDb()): Map<string, string> {
  const seen = new Map<string, string>();
  for (const p of listRecentProblems(db, 200)) if (!seen.has(p.incidentId)) seen.set(p.incidentId, p.incidentName);
  return seen;
}

export function deliveriesIncident(id: string, db: Db = getDb()) {
  return getIncident(db, id) ?? null;
}

export function incidentDeliveries(incidentId: string, db: Db = getDb()) {
  return listIncidentDeliveries(db, incidentId);
}
