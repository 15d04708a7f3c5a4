// The staff dashboard's read model: what is open now, what is planned, what just ended.
import { getDb, type Db } from "@/db/client";
import { listByStatus, listRecent } from "@/db/queries/incidents";
import { listTemplates } from "@/db/queries/templates";
import { overdueFirst } from "../cadence";
import { UNRESOLVED_INCIDENT_STATUSES } from "../constants";
import { pageZone } from "./incident-editor";

const WEEK = 7 * 24 * 3600_000;

export function dashboardView(db: Db = getDb()) {
  const { timeZone, now } = pageZone(db);
  return {
    timeZone,
    now,
    open: overdueFirst(listByStatus(db, "incident", UNRESOLVED_INCIDENT_STATUSES), now),
    maintenance: listByStatus(db, "maintenance", ["in_progress", "verifying", "scheduled"]).sort(
      (a, b) => (a.scheduledFor ?? 0) - (b.scheduledFor ?? 0),
    ),
    resolved: listRecent(db, "incident", 20).filter(
      (i) => (i.status === "resolved" || i.status === "postmortem") && (i.resolvedAt ?? 0) > now - WEEK,
    ),
    templates: listTemplates(db).filter((t) => t.kind === "incident"),
  };
}
