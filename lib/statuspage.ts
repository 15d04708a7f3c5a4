// Formats the snapshot as Atlassian Statuspage public API v2 JSON. Pure.
import type { SnapComponent, SnapGroup, SnapIncident, SnapUpdate, Snapshot } from "./snapshot";
import { LIST_LIMIT } from "./constants";

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

export function pageJson(s: Snapshot) {
  return { id: s.page.id, name: s.page.name, url: s.page.url, time_zone: s.page.timeZone, updated_at: iso(s.page.updatedAt) };
}

export function componentJson(c: SnapComponent) {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
    position: c.position,
    description: c.description,
    showcase: c.showcase,
    start_date: c.startDate,
    group_id: c.groupId,
    page_id: c.pageId,
    group: false,
    only_show_if_degraded: c.onlyShowIfDegraded,
  };
}

export function groupJson(g: SnapGroup) {
  return {
    id: g.id,
    name: g.name,
    status: g.status,
    created_at: iso(g.createdAt),
    updated_at: iso(g.updatedAt),
    position: g.position,
    description: g.description,
    showcase: false,
    start_date: null,
    group_id: null,
    page_id: g.pageId,
    group: true,
    only_show_if_degraded: false,
    components: g.components.map((c) => c.id),
  };
}

/** Groups and components in page order, each group followed by its children (Statuspage's order). */
export function componentsJson(s: Snapshot) {
  return s.layout.flatMap((item) =>
    item.kind === "group" ? [groupJson(item.group), ...item.group.components.map(componentJson)] : [componentJson(item.component)],
  );
}

function updateJson(u: SnapUpdate) {
  return {
    id: u.id,
    status: u.status,
    body: u.body,
    incident_id: u.incidentId,
    created_at: iso(u.createdAt),
    updated_at: iso(u.updatedAt),
    display_at: iso(u.displayAt),
    affected_components: u.affected
      ? u.affected.map((a) => ({ code: a.code, name: a.name, old_status: a.oldStatus, new_status: a.newStatus }))
      : null,
    deliver_notifications: u.deliverNotifications,
    custom_tweet: u.customTweet,
    tweet_id: u.tweetId,
  };
}

export function incidentJson(s: Snapshot, i: SnapIncident) {
  const base = {
    id: i.id,
    name: i.name,
    status: i.status,
    created_at: iso(i.createdAt),
    updated_at: iso(i.updatedAt),
    monitoring_at: iso(i.monitoringAt),
    resolved_at: iso(i.resolvedAt),
    impact: i.impact,
    shortlink: i.url,
    started_at: iso(i.startedAt),
    page_id: i.pageId,
    incident_updates: i.updates.map(updateJson),
    components: i.componentIds.flatMap((id) => {
      const c = s.componentsById.get(id);
      return c ? [componentJson(c)] : [];
    }),
    ...(i.postmortemPublishedAt
      ? { postmortem_body: i.postmortemBody, postmortem_body_last_updated_at: iso(i.postmortemPublishedAt) }
      : {}),
  };
  if (i.kind !== "maintenance") return base;
  return { ...base, scheduled_for: iso(i.scheduledFor), scheduled_until: iso(i.scheduledUntil) };
}

const maintenanceOpen = (s: Snapshot) => [...s.maintenances.active, ...s.maintenances.upcoming];

/** Every v2 document by its path under /api/v2/. */
export const STATUSPAGE_DOCUMENTS: Record<string, (s: Snapshot) => unknown> = {
  "summary.json": (s) => ({
    page: pageJson(s),
    components: componentsJson(s),
    incidents: s.incidents.unresolved.map((i) => incidentJson(s, i)),
    scheduled_maintenances: maintenanceOpen(s).map((i) => incidentJson(s, i)),
    status: s.status,
  }),
  "status.json": (s) => ({ page: pageJson(s), status: s.status }),
  "components.json": (s) => ({ page: pageJson(s), components: componentsJson(s) }),
  "incidents.json": (s) => ({ page: pageJson(s), incidents: s.incidents.recent.slice(0, LIST_LIMIT).map((i) => incidentJson(s, i)) }),
  "incidents/unresolved.json": (s) => ({ page: pageJson(s), incidents: s.incidents.unresolved.map((i) => incidentJson(s, i)) }),
  "scheduled-maintenances.json": (s) => ({
    page: pageJson(s),
    scheduled_maintenances: s.maintenances.recent.slice(0, LIST_LIMIT).map((i) => incidentJson(s, i)),
  }),
  "scheduled-maintenances/upcoming.json": (s) => ({
    page: pageJson(s),
    scheduled_maintenances: s.maintenances.upcoming.map((i) => incidentJson(s, i)),
  }),
  "scheduled-maintenances/active.json": (s) => ({
    page: pageJson(s),
    scheduled_maintenances: s.maintenances.active.map((i) => incidentJson(s, i)),
  }),
};
