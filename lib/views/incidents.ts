// The incident list's read model: what needs attention apart from what is over. Unresolved
// incidents (overdue first), maintenance in progress and upcoming (in progress first, then the
// soonest), and the past (resolved incidents, completed maintenance), newest first, a page at a
// time. A search narrows all three.
import { getDb, type Db } from "@/db/client";
import { overdueFirst } from "../cadence";
import { ACTIVE_MAINTENANCE_STATUSES, UNRESOLVED_INCIDENT_STATUSES, type IncidentKind } from "../constants";
import { findIncidents } from "../incidents";
import { pageZone } from "./incident-editor";

const PER_PAGE = 25;
/** Open items are few; this only bounds a page that has lost control of its incidents. */
const OPEN_LIMIT = 200;
const PAST_STATUSES = ["resolved", "postmortem", "completed"] as const;

export function incidentsView(query: { q: string; kind?: IncidentKind; page: number }, db: Db = getDb()) {
  const { q, kind, page } = query;
  const zone = pageZone(db);
  const text = q || undefined;
  const unresolved =
    kind === "maintenance"
      ? []
      : findIncidents(db, {
          q: text,
          kind: "incident",
          statuses: UNRESOLVED_INCIDENT_STATUSES,
          order: "newest",
          limit: OPEN_LIMIT,
          offset: 0,
        });
  const maintenance =
    kind === "incident"
      ? []
      : findIncidents(db, {
          q: text,
          kind: "maintenance",
          statuses: [...ACTIVE_MAINTENANCE_STATUSES, "scheduled"],
          order: "soonest",
          limit: OPEN_LIMIT,
          offset: 0,
        });
  const active = (status: string) => (ACTIVE_MAINTENANCE_STATUSES as readonly string[]).includes(status);
  const past = findIncidents(db, {
    q: text,
    kind,
    statuses: PAST_STATUSES,
    order: "newest",
    limit: PER_PAGE + 1,
    offset: (page - 1) * PER_PAGE,
  });
  return {
    unresolved: overdueFirst(unresolved, zone.now),
    // A stable sort: in progress first, each part still soonest first.
    maintenance: maintenance.sort((a, b) => Number(active(b.status)) - Number(active(a.status))),
    past: past.slice(0, PER_PAGE),
    more: past.length > PER_PAGE,
    ...zone,
  };
}
