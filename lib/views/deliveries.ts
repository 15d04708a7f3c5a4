// Read models of the notifications pages: incidents whose notifications need attention, webhook
// component updates that failed, one incident's name, and where each of its updates went.
import { getDb, type Db } from "@/db/client";
import { listIncidentDeliveries, listRecentProblems, type ProblemDelivery } from "@/db/queries/deliveries";
import { getIncident } from "@/db/queries/incidents";
import { COMPONENT_STATUS_LABELS } from "../constants";

/** What a delivery announced, for staff: its incident's name, or "component update: API → Major outage". */
export function deliverySubject(p: ProblemDelivery): string {
  if (p.incidentName !== null) return p.incidentName;
  const status = p.newStatus ? COMPONENT_STATUS_LABELS[p.newStatus] : "?";
  return `component update: ${p.componentName ?? "a deleted component"} → ${status}`;
}

/** Where staff act on a failed delivery: its incident's notifications, or the component updates needing attention. */
export function deliveryPage(p: ProblemDelivery): string {
  return p.incidentId ? `/admin/deliveries?incident=${p.incidentId}` : "/admin/deliveries#component-updates";
}

/** The host a webhook posts to: enough to recognise it, without a path or query that may hold a token. */
function receiverOf(address: string | null): string {
  if (!address) return "a removed webhook";
  try {
    return new URL(address).host;
  } catch {
    return "a webhook";
  }
}

/**
 * What needs attention: incidents with failed or unsettled notifications, each once, as id → name;
 * and the failed or unsettled component updates themselves (webhooks only, so listed one by one).
 */
export function deliveriesNeedingAttention(db: Db = getDb()) {
  const incidents = new Map<string, string>();
  const componentUpdates: (ProblemDelivery & { subject: string; receiver: string })[] = [];
  for (const p of listRecentProblems(db, 200)) {
    if (p.incidentId && p.incidentName !== null) {
      if (!incidents.has(p.incidentId)) incidents.set(p.incidentId, p.incidentName);
    } else componentUpdates.push({ ...p, subject: deliverySubject(p), receiver: receiverOf(p.subscriberAddress) });
  }
  return { incidents, componentUpdates };
}

export type ComponentUpdateProblem = ReturnType<typeof deliveriesNeedingAttention>["componentUpdates"][number];

export function deliveriesIncident(id: string, db: Db = getDb()) {
  return getIncident(db, id) ?? null;
}

export function incidentDeliveries(incidentId: string, db: Db = getDb()) {
  return listIncidentDeliveries(db, incidentId);
}
