// The staff dashboard's read model, a cockpit: what the public sees now (the banner), the open
// incidents (overdue first), every component with its status, and what needs a person: monitors
// that disagree with the page, spikes in visitor reports, channels whose deliveries failed, firing
// alerts no rule maps.
import { getDb, type Db } from "@/db/client";
import { listRecentProblems, type ProblemDelivery } from "@/db/queries/deliveries";
import { listByStatus, listRecent } from "@/db/queries/incidents";
import { inMaintenance, listComponentStates, listMonitors, openIncidentIdsFor } from "@/db/queries/monitors";
import type { ComponentStateRow, MonitorRow } from "@/db/queries/monitors";
import { listTemplates } from "@/db/queries/templates";
import { staffReportSeries } from "../affected";
import { alertSourcesView } from "../alerts/view";
import { overdueFirst } from "../cadence";
import { componentSections } from "../components";
import { UNRESOLVED_INCIDENT_STATUSES, type ComponentStatus, type MonitorHealth } from "../constants";
import { currentSnapshot } from "../snapshot";
import type { Snapshot } from "../snapshot-types";
import { isComponentVisible } from "../status";
import { pageZone } from "./incident-editor";
import { alertOpinion } from "../monitors/engine";
import { combineHealth } from "../monitors/evaluate";
import { locationVerdict } from "../monitors/locations";

const WEEK = 7 * 24 * 3600_000;

/** Why the page and its monitors differ: the status is held by hand, a maintenance, an incident, or a person. */
export type DisagreementReason = "manual" | "maintenance" | "incident" | "staff";

export type Disagreement = {
  componentId: string;
  name: string;
  /** What the public page says. */
  page: ComponentStatus;
  /** What the component's monitors and trusted alerts say together (the worse of the two). */
  monitors: ComponentStatus;
  /** Whose opinion that is: the monitors', the trusted alerts', or both alike. */
  by: "monitors" | "alerts" | "both";
  reason: DisagreementReason;
  /** The component's running monitors and what each reports. */
  checks: { id: string; name: string; health: MonitorHealth }[];
};

/**
 * Components whose monitors or trusted alerts report a status other than the page's, in page
 * order. Computed from the current status rather than the note the monitors left, which a later
 * change by a person does not update; `held.alerts` is what the component's trusted alerts want
 * (null when none was ever mapped to it), so a status driven by an alert is not put down to monitors.
 */
export function monitorDisagreements(
  components: readonly { id: string; name: string; status: ComponentStatus }[],
  states: readonly Pick<ComponentStateRow, "componentId" | "desired" | "manual">[],
  monitors: readonly Pick<MonitorRow, "id" | "name" | "componentId" | "health" | "paused">[],
  held: {
    maintenance: (componentId: string) => boolean;
    incident: (componentId: string) => boolean;
    alerts?: (componentId: string) => ComponentStatus | null;
  },
): Disagreement[] {
  const desired = new Map(states.map((s) => [s.componentId, s]));
  return components.flatMap((c) => {
    const state = desired.get(c.id);
    const checks = monitors
      .filter((m) => m.componentId === c.id && !m.paused && m.health !== "unknown")
      .map(({ id, name, health }) => ({ id, name, health }));
    if (!state?.desired || state.desired === c.status) return [];
    const fromMonitors = combineHealth(checks.map((m) => m.health));
    const fromAlerts = held.alerts?.(c.id) ?? null;
    const monitorsSayIt = fromMonitors === state.desired;
    const alertsSayIt = fromAlerts === state.desired;
    // Neither says it now (the note is older than a monitor's removal, say): nothing to show.
    if (!monitorsSayIt && !alertsSayIt) return [];
    const by = monitorsSayIt && alertsSayIt ? "both" : monitorsSayIt ? "monitors" : "alerts";
    const reason: DisagreementReason = state.manual
      ? "manual"
      : held.maintenance(c.id)
        ? "maintenance"
        : held.incident(c.id)
          ? "incident"
          : "staff";
    return [{ componentId: c.id, name: c.name, page: c.status, monitors: state.desired, by, reason, checks }];
  });
}

export type FailingChannel = {
  channel: string;
  /** Deliveries that failed for good, and those whose outcome is unknown (the sender stopped mid-way). */
  failed: number;
  unknown: number;
  lastError: string | null;
  lastAt: number;
  /** Where to act: the one incident's notifications, or the list of everything needing attention. */
  href: string;
};

/** Failed or unsettled deliveries grouped by channel, the most recent problem first. */
export function failingChannels(
  problems: readonly Pick<ProblemDelivery, "channel" | "state" | "lastError" | "updatedAt" | "incidentId">[],
): FailingChannel[] {
  const by = new Map<string, FailingChannel & { incidents: Set<string | null>; errorAt: number }>();
  for (const p of problems) {
    const row = by.get(p.channel) ?? {
      channel: p.channel,
      failed: 0,
      unknown: 0,
      lastError: null,
      lastAt: 0,
      href: "",
      incidents: new Set<string | null>(),
      errorAt: -1,
    };
    if (p.state === "unknown") row.unknown++;
    else row.failed++;
    row.lastAt = Math.max(row.lastAt, p.updatedAt);
    // The newest error that says something (an unsettled delivery may have none).
    if (p.lastError && p.updatedAt > row.errorAt) {
      row.lastError = p.lastError;
      row.errorAt = p.updatedAt;
    }
    row.incidents.add(p.incidentId);
    by.set(p.channel, row);
  }
  return [...by.values()]
    .sort((a, b) => b.lastAt - a.lastAt)
    .map(({ channel, failed, unknown, lastError, lastAt, incidents }) => {
      const [only] = incidents;
      const href = incidents.size === 1 && only ? `/admin/deliveries?incident=${only}` : "/admin/deliveries";
      return { channel, failed, unknown, lastError, lastAt, href };
    });
}

/** What the public banner shows, as plain data a client component can take. */
export function publicBanner(s: Pick<Snapshot, "status" | "layout" | "incidents" | "maintenances" | "page">) {
  const affected = s.layout
    .flatMap((item) => (item.kind === "group" ? item.group.components : [item.component]))
    .filter((c) => c.status !== "operational" && isComponentVisible(c))
    .map(({ id, name, status }) => ({ id, name, status }));
  const incidents = [...s.incidents.unresolved, ...s.maintenances.active].map(({ id, kind, name }) => ({
    id,
    kind,
    name,
  }));
  return { status: s.status, affected, incidents, locale: s.page.defaultLocale };
}

export type PublicBanner = ReturnType<typeof publicBanner>;

export function dashboardView(db: Db = getDb(), snapshot: () => Snapshot = currentSnapshot) {
  const { timeZone, now } = pageZone(db);
  const sections = componentSections(db);
  const components = sections.flatMap((s) => s.components);
  const names = new Map(components.map((c) => [c.id, c.name]));
  return {
    timeZone,
    now,
    banner: publicBanner(snapshot()),
    open: overdueFirst(listByStatus(db, "incident", UNRESOLVED_INCIDENT_STATUSES), now),
    maintenance: listByStatus(db, "maintenance", ["in_progress", "verifying", "scheduled"]).sort(
      (a, b) => (a.scheduledFor ?? 0) - (b.scheduledFor ?? 0),
    ),
    resolved: listRecent(db, "incident", 20).filter(
      (i) => (i.status === "resolved" || i.status === "postmortem") && (i.resolvedAt ?? 0) > now - WEEK,
    ),
    templates: listTemplates(db).filter((t) => t.kind === "incident"),
    sections,
    disagreements: monitorDisagreements(components, listComponentStates(db), listMonitors(db), {
      maintenance: (id) => inMaintenance(db, id, now),
      incident: (id) => openIncidentIdsFor(db, id).length > 0,
      alerts: (id) => alertOpinion(db, id),
    }),
    spikes: staffReportSeries(db, now)
      .filter((s) => s.spike)
      .map((s) => ({
        componentId: s.componentId,
        name: names.get(s.componentId) ?? s.componentId,
        count: s.windows.at(-1)!.count,
      })),
    channels: failingChannels(listRecentProblems(db, 500)),
    regional: regionalMonitors(db, names, now),
    unmappedAlerts: alertSourcesView(db)
      .filter((s) => s.unmapped > 0)
      .map((s) => ({ id: s.id, name: s.name, count: s.unmapped })),
  };
}

/**
 * Monitors down from some of their places but fewer than their quorum: the public status stays,
 * so a person confirms (sets the component's status, or posts) or lets it pass.
 */
function regionalMonitors(db: Db, names: ReadonlyMap<string, string>, now: number) {
  return listMonitors(db)
    .filter((m) => m.health === "regional" && !m.paused)
    .map((m) => ({
      id: m.id,
      name: m.name,
      componentId: m.componentId,
      component: names.get(m.componentId) ?? m.componentId,
      note: locationVerdict(db, m, now).note,
    }));
}
