// Formats the snapshot as Atlassian Statuspage public API v2 JSON, and the manage API v1 objects
// built on them (the admin REST API). Pure.
import type { SnapComponent, SnapGroup, SnapIncident, SnapUpdate, Snapshot } from "./snapshot-types";
import { LIST_LIMIT } from "./constants";
import { isoTime } from "./time";

export function pageJson(s: Snapshot) {
  return {
    id: s.page.id,
    name: s.page.name,
    url: s.page.url,
    time_zone: s.page.timeZone,
    updated_at: isoTime(s.page.updatedAt),
  };
}

/** What a component object needs: a snapshot's component, or a row read straight from the database. */
export type ComponentSource = Omit<SnapComponent, "uptimeDays" | "uptimePeriods" | "uptimePercent" | "uptime24h">;
/** Where incident objects look up their components. */
export type ComponentLookup = { componentsById: ReadonlyMap<string, ComponentSource> };

export function componentJson(c: ComponentSource) {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    created_at: isoTime(c.createdAt),
    updated_at: isoTime(c.updatedAt),
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

export function groupJson(g: Omit<SnapGroup, "components"> & { components: readonly { id: string }[] }) {
  return {
    id: g.id,
    name: g.name,
    status: g.status,
    created_at: isoTime(g.createdAt),
    updated_at: isoTime(g.updatedAt),
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
    item.kind === "group"
      ? [groupJson(item.group), ...item.group.components.map(componentJson)]
      : [componentJson(item.component)],
  );
}

function updateJson(u: SnapUpdate) {
  return {
    id: u.id,
    status: u.status,
    body: u.body,
    incident_id: u.incidentId,
    created_at: isoTime(u.createdAt),
    updated_at: isoTime(u.updatedAt),
    display_at: isoTime(u.displayAt),
    affected_components: u.affected
      ? u.affected.map((a) => ({ code: a.code, name: a.name, old_status: a.oldStatus, new_status: a.newStatus }))
      : null,
    deliver_notifications: u.deliverNotifications,
    custom_tweet: u.customTweet,
    tweet_id: u.tweetId,
  };
}

export function incidentJson(s: ComponentLookup, i: SnapIncident) {
  const base = {
    id: i.id,
    name: i.name,
    status: i.status,
    created_at: isoTime(i.createdAt),
    updated_at: isoTime(i.updatedAt),
    monitoring_at: isoTime(i.monitoringAt),
    resolved_at: isoTime(i.resolvedAt),
    impact: i.impact,
    shortlink: i.url,
    started_at: isoTime(i.startedAt),
    page_id: i.pageId,
    incident_updates: i.updates.map(updateJson),
    components: i.componentIds.flatMap((id) => {
      const c = s.componentsById.get(id);
      return c ? [componentJson(c)] : [];
    }),
    ...(i.postmortemPublishedAt
      ? {
          postmortem_body: i.postmortemBody,
          postmortem_body_last_updated_at: isoTime(i.postmortemUpdatedAt ?? i.postmortemPublishedAt),
        }
      : {}),
  };
  if (i.kind !== "maintenance") return base;
  return { ...base, scheduled_for: isoTime(i.scheduledFor), scheduled_until: isoTime(i.scheduledUntil) };
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
  "incidents.json": (s) => ({
    page: pageJson(s),
    incidents: s.incidents.recent.slice(0, LIST_LIMIT).map((i) => incidentJson(s, i)),
  }),
  "incidents/unresolved.json": (s) => ({
    page: pageJson(s),
    incidents: s.incidents.unresolved.map((i) => incidentJson(s, i)),
  }),
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

// ---- Manage API v1: the v2 objects plus what only staff see ---------------------------------

/**
 * A v1 incident. Outpost keeps no per-incident reminder or auto-transition settings: every
 * maintenance window opens and closes on schedule, and that is what the scheduled_* flags say.
 */
export function incidentV1Json(s: ComponentLookup, i: SnapIncident) {
  const maintenance = i.kind === "maintenance";
  return {
    ...incidentJson(s, i),
    // Outpost never recomputes a stored impact, so every incident's impact is in effect an override.
    impact_override: maintenance ? null : i.impact,
    postmortem_body: i.postmortemBody,
    postmortem_body_last_updated_at: isoTime(i.postmortemUpdatedAt ?? i.postmortemPublishedAt),
    postmortem_published_at: isoTime(i.postmortemPublishedAt),
    scheduled_for: isoTime(i.scheduledFor),
    scheduled_until: isoTime(i.scheduledUntil),
    scheduled_remind_prior: maintenance && i.remindPriorMinutes !== null,
    scheduled_reminded_at: isoTime(i.remindedPriorAt),
    scheduled_auto_in_progress: maintenance && i.autoStart,
    scheduled_auto_completed: maintenance && i.autoComplete,
    metadata: {},
  };
}

export type GroupSource = Pick<
  SnapGroup,
  "id" | "pageId" | "name" | "description" | "position" | "createdAt" | "updatedAt"
>;

/** A v1 component group: its children by id, no derived status. */
export function groupV1Json(g: GroupSource, componentIds: readonly string[]) {
  return {
    id: g.id,
    page_id: g.pageId,
    name: g.name,
    description: g.description,
    components: [...componentIds],
    position: g.position,
    created_at: isoTime(g.createdAt),
    updated_at: isoTime(g.updatedAt),
  };
}
