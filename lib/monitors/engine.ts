// What one check result does: record it, move the monitor's health (anti-flap), and reconcile
// the component: its status (through the incident domain, so history periods and the snapshot
// stay right), a draft incident when it goes down, and which staff alerts are due. Monitors never
// override a status set by staff, an open incident or a maintenance: they record that they
// disagree, and the staff pages show it.
import { inTransaction, type Db } from "@/db/client";
import { getComponent } from "@/db/queries/components";
import { getIncident } from "@/db/queries/incidents";
import {
  getAlertState,
  getComponentState,
  getMonitor,
  inMaintenance,
  insertCheck,
  insertDraft,
  listComponentMonitors,
  openDraftFor,
  openIncidentIdsFor,
  putAlertState,
  putComponentState,
  updateDraftRow,
  updateMonitorRow,
  type DraftRow,
  type MonitorRow,
} from "@/db/queries/monitors";
import { hasFiring, hasTrustedAlerts, trustedFiringStatuses } from "@/db/queries/alerts";
import { monitorActor, SYSTEM_ACTOR, type Actor } from "../audit";
import { COMPONENT_STATUS_LABELS, type ComponentStatus } from "../constants";
import { newId } from "../ids";
import { addIncidentUpdate, createIncident, isClosedStatus } from "../incidents";
import { setComponentStatus } from "../components";
import { worstStatus } from "../status";
import { combineHealth, nextHealth, OUTAGES } from "./evaluate";
import type { MonitorHealth } from "../constants";
import type { ProbeResult } from "./probes/types";
import { LOCAL, listLocations, updateLocationRow, type ProbeAgentRow } from "@/db/queries/probes";
import { locationVerdict } from "./locations";

export type AlertKind = "down" | "degraded" | "regional" | "up";
export type Alert = {
  kind: AlertKind;
  monitorId: string;
  monitorName: string;
  componentId: string;
  componentName: string;
  error: string | null;
  at: number;
};

/** Repeats of the same alert for one monitor within this window are suppressed (flapping). */
export const ALERT_REPEAT_MS = 30 * 60_000;

export type CheckOutcome = { monitor: MonitorRow; from: MonitorHealth; alerts: Alert[]; draft: DraftRow | null };

function alertKind(from: MonitorHealth, to: MonitorHealth): AlertKind | null {
  if (from === to) return null;
  if (to === "down") return "down";
  if (to === "degraded" && from !== "down") return "degraded";
  if (to === "regional" && from !== "down") return "regional";
  if (to === "up" && (from === "down" || from === "degraded" || from === "regional")) return "up";
  return null;
}

/** Where a result comes from: the server itself, or a probe agent (its id and name). */
export type ResultLocation = { id: string; name: string };
export const LOCAL_LOCATION: ResultLocation = { id: LOCAL, name: LOCAL };

/**
 * Records one check and applies its consequences, in one transaction. A monitor with probe
 * agents keeps anti-flap state per location; its health is then their verdict by quorum.
 * `at.nextCheckAt` is the server's own schedule (absent for an agent's result). `agents` (every
 * probe agent by id) may come from a caller that read them in its own transaction: a batch of
 * results reads them once (lib/monitors/ingest.ts).
 */
export function recordCheck(
  db: Db,
  monitor: MonitorRow,
  result: ProbeResult,
  at: { now: number; lateMs: number; nextCheckAt?: number },
  from: ResultLocation = LOCAL_LOCATION,
  agents?: ReadonlyMap<string, ProbeAgentRow>,
): CheckOutcome {
  return inTransaction(db, () => {
    // Its row now, by its id (not its component's whole list, read again for every result).
    const row = getMonitor(db, monitor.id);
    const current = row?.componentId === monitor.componentId ? row : undefined;
    const unchanged = { monitor, from: monitor.health, alerts: [], draft: null };
    // Deleted, paused or moved to another component while the check ran: the result no longer counts.
    if (!current || current.paused) return unchanged;
    const locations = listLocations(db, [current.id]);
    const here = locations.find((l) => l.location === from.id);
    // A location the monitor no longer has (or an agent's result for a server-only monitor).
    if (locations.length ? !here : from.id !== LOCAL) return unchanged;
    const slow =
      result.ok &&
      (!!result.degraded ||
        (current.latencyThresholdMs !== null &&
          result.latencyMs !== null &&
          result.latencyMs > current.latencyThresholdMs));
    insertCheck(db, {
      monitorId: current.id,
      at: at.now,
      ok: result.ok,
      slow,
      latencyMs: result.latencyMs,
      error: result.error,
      lateMs: Math.max(0, Math.round(at.lateMs)),
      location: from.name,
    });
    const last = {
      ...(at.nextCheckAt !== undefined ? { nextCheckAt: at.nextCheckAt } : {}),
      lastCheckedAt: at.now,
      lastLatencyMs: result.latencyMs,
      lastError: result.error,
    };
    if (!here) {
      const streaks = nextHealth(current, current, { ok: result.ok, slow });
      return applyHealth(db, current, { ...last, ...streaks }, result.error, at.now);
    }
    // An agent's buffered result older than what the location already has: history only.
    if (here.lastCheckedAt !== null && at.now < here.lastCheckedAt) return unchanged;
    const streaks = nextHealth(here, current, { ok: result.ok, slow });
    const saved = updateLocationRow(db, current.id, here.location, {
      ...streaks,
      lastCheckedAt: at.now,
      lastLatencyMs: result.latencyMs,
      lastError: result.error,
      ...(streaks.health !== here.health ? { healthChangedAt: at.now } : {}),
    });
    // The rows as they are now: those just read, with this location's as just saved.
    const rows = locations.map((l) => (l.location === saved.location ? saved : l));
    const verdict = locationVerdict(db, current, at.now, { rows, agents });
    return applyHealth(db, current, { ...last, health: verdict.health }, verdict.note ?? result.error, at.now);
  });
}

/** A located monitor's verdict again without a new result (an agent fell silent or came back). */
export function refreshVerdict(db: Db, monitor: MonitorRow, now: number): CheckOutcome | null {
  return inTransaction(db, () => {
    const current = listComponentMonitors(db, monitor.componentId).find((m) => m.id === monitor.id);
    if (!current || current.paused || listLocations(db, [current.id]).length === 0) return null;
    const verdict = locationVerdict(db, current, now);
    if (verdict.health === current.health) return null;
    return applyHealth(db, current, { health: verdict.health }, verdict.note, now);
  });
}

/** Saves the monitor's new state; when its health changed, reconciles the component and says which alerts are due. */
function applyHealth(
  db: Db,
  current: MonitorRow,
  patch: Partial<MonitorRow> & { health: MonitorHealth },
  error: string | null,
  now: number,
): CheckOutcome {
  const changed = patch.health !== current.health;
  const updated = updateMonitorRow(db, current.id, { ...patch, ...(changed ? { healthChangedAt: now } : {}) });
  if (!changed) return { monitor: updated, from: current.health, alerts: [], draft: null };
  const { muted, draft } = reconcileComponent(db, current.componentId, now, { monitor: updated, error });
  const kind = alertKind(current.health, updated.health);
  const alerts = kind && !muted ? dueAlerts(db, updated, kind, error, now) : [];
  return { monitor: updated, from: current.health, alerts, draft };
}

function dueAlerts(db: Db, monitor: MonitorRow, kind: AlertKind, error: string | null, now: number): Alert[] {
  const last = getAlertState(db, monitor.id, kind);
  if (last && now - last.lastSentAt < ALERT_REPEAT_MS) {
    putAlertState(db, { monitorId: monitor.id, kind, lastSentAt: last.lastSentAt, suppressed: last.suppressed + 1 });
    return [];
  }
  putAlertState(db, { monitorId: monitor.id, kind, lastSentAt: now, suppressed: 0 });
  const component = getComponent(db, monitor.componentId);
  return [
    {
      kind,
      monitorId: monitor.id,
      monitorName: monitor.name,
      componentId: monitor.componentId,
      componentName: component?.name ?? "",
      error,
      at: now,
    },
  ];
}

/** Incidents that monitors published themselves (auto-publish) do not block them. */
export function blockingIncident(db: Db, componentId: string, own: DraftRow | undefined): string | null {
  return (
    openIncidentIdsFor(db, componentId).find((id) => !(own?.autoPublished && own.publishedIncidentId === id)) ?? null
  );
}

/**
 * What trusted alerts want for the component: the worst status of its confirmed, firing,
 * status-setting alerts; operational once they have resolved; null when no trusted alert was
 * ever mapped to it (then only monitors have an opinion).
 */
export function alertOpinion(db: Db, componentId: string): ComponentStatus | null {
  const firing = trustedFiringStatuses(db, componentId);
  if (firing.length > 0) return worstStatus(firing);
  return hasTrustedAlerts(db, componentId) ? "operational" : null;
}

/** What monitors and trusted alerts together want for the component (the worse of the two). */
function desiredStatus(db: Db, componentId: string): ComponentStatus | null {
  return desiredOpinion(db, componentId).status;
}

/** The status monitors and trusted alerts want, and whose opinion it is, for the notes staff read. */
function desiredOpinion(
  db: Db,
  componentId: string,
): { status: ComponentStatus | null; who: "monitors" | "alerts" | "monitors and alerts" } {
  const monitors = listComponentMonitors(db, componentId).filter((m) => !m.paused);
  const fromMonitors = combineHealth(monitors.map((m) => m.health));
  const fromAlerts = alertOpinion(db, componentId);
  if (fromAlerts === null) return { status: fromMonitors, who: "monitors" };
  if (fromMonitors === null) return { status: fromAlerts, who: "alerts" };
  const status = worstStatus([fromMonitors, fromAlerts]);
  const who = fromMonitors === fromAlerts ? "monitors and alerts" : status === fromMonitors ? "monitors" : "alerts";
  return { status, who };
}

/**
 * Notes that the component's draft has recovered, once neither its monitors nor any firing alert
 * still see a problem; an incident published automatically from the draft is resolved. Returns
 * the draft as it now is (unchanged when it has not recovered).
 */
export function recoverDraft(
  db: Db,
  componentId: string,
  own: DraftRow,
  now: number,
  actor: Actor = SYSTEM_ACTOR,
): DraftRow {
  if (own.recoveredAt) return own;
  const desired = desiredStatus(db, componentId);
  if ((desired && OUTAGES.includes(desired)) || hasFiring(db, componentId)) return own;
  const component = getComponent(db, componentId);
  if (component && own.autoPublished && own.publishedIncidentId) {
    const incident = getIncident(db, own.publishedIncidentId);
    if (incident && !isClosedStatus(incident.status)) {
      const label = COMPONENT_STATUS_LABELS[desired ?? "operational"];
      addIncidentUpdate(
        db,
        actor,
        incident.id,
        {
          status: "resolved",
          body: own.alertSourceId
            ? `The alerts for ${component.name} have resolved.`
            : `Monitors report ${component.name} as ${label.toLowerCase()} again.`,
          restoreComponents: true,
        },
        now,
      );
    }
  }
  return updateDraftRow(db, own.id, { recoveredAt: now });
}

/**
 * Brings the component in line with its monitors and trusted alerts where they may set it.
 * Returns whether alerts and drafts are muted (maintenance, manual) and the draft created, if any.
 * `actor` is who a status change is recorded as (the monitor that triggered it, else Outpost).
 */
export function reconcileComponent(
  db: Db,
  componentId: string,
  now: number,
  trigger?: { monitor: MonitorRow; error: string | null },
  actor?: Actor,
): { muted: boolean; draft: DraftRow | null } {
  const component = getComponent(db, componentId);
  if (!component) return { muted: true, draft: null };
  const { status: desired, who } = desiredOpinion(db, componentId);
  const state = getComponentState(db, componentId);
  const manual = state?.manual ?? false;
  const maintenance = inMaintenance(db, componentId, now);
  let own = openDraftFor(db, componentId);
  const save = (applied: ComponentStatus | null, disagreement: string | null) =>
    putComponentState(db, { componentId, desired, applied, manual, disagreement, updatedAt: now });

  if (desired === null) {
    save(state?.applied ?? null, null);
    return { muted: manual || maintenance, draft: null };
  }
  const label = COMPONENT_STATUS_LABELS[desired].toLowerCase();
  const report = `${who} report ${label}`;
  let status = component.status;
  let draft: DraftRow | null = null;

  // Recovery: the auto-published incident is resolved; a draft notes that monitors see it healthy.
  if (!OUTAGES.includes(desired) && own && !own.recoveredAt) {
    own = recoverDraft(db, componentId, own, now, actor);
    status = getComponent(db, componentId)!.status;
  }

  if (manual) {
    save(null, status === desired ? null : `Set by hand; ${report}`);
    return { muted: true, draft: null };
  }
  if (maintenance) {
    save(state?.applied ?? null, desired === "operational" ? null : `Under maintenance; ${report}`);
    return { muted: true, draft: null };
  }
  const blocking = blockingIncident(db, componentId, own);

  if (OUTAGES.includes(desired) && !blocking) draft = proposeDraft(db, componentId, desired, own, trigger, now);

  const owned = status === (state?.applied ?? "operational");
  if (blocking) {
    save(state?.applied ?? null, status === desired ? null : `An open incident sets this status; ${report}`);
  } else if (status === desired) {
    save(desired, null);
  } else if (!owned) {
    save(state?.applied ?? null, `Set by staff to ${COMPONENT_STATUS_LABELS[status].toLowerCase()}; ${report}`);
  } else {
    if (getComponent(db, componentId)!.status !== desired)
      setComponentStatus(
        db,
        actor ?? (trigger ? monitorActor(trigger.monitor) : SYSTEM_ACTOR),
        { id: componentId, status: desired },
        now,
      );
    save(desired, null);
  }
  return { muted: false, draft };
}

function proposeDraft(
  db: Db,
  componentId: string,
  status: ComponentStatus,
  own: DraftRow | undefined,
  trigger: { monitor: MonitorRow; error: string | null } | undefined,
  now: number,
): DraftRow | null {
  if (own && own.state === "open") {
    // Still the same problem (maybe wider now): keep one draft per component.
    updateDraftRow(db, own.id, { status, recoveredAt: null });
    return null;
  }
  if (own && own.state === "published" && !own.recoveredAt) return null;
  const draft = insertDraft(db, {
    id: newId(),
    componentId,
    monitorId: trigger?.monitor.id ?? null,
    status,
    firstError: trigger?.error ?? "Monitors report a failure",
    createdAt: now,
  });
  const autoPublish = listComponentMonitors(db, componentId).some(
    (m) => !m.paused && m.health === "down" && m.autoPublish,
  );
  return autoPublish ? publishDraftRow(db, draft, SYSTEM_ACTOR, now, true) : draft;
}

export function draftTitle(componentName: string, status: ComponentStatus): string {
  return status === "major_outage"
    ? `${componentName} is down`
    : `${componentName}: ${COMPONENT_STATUS_LABELS[status].toLowerCase()}`;
}

/**
 * Publishes a draft as an incident (inside the caller's transaction). `text` replaces the
 * generic title and first message (an alert source's template).
 */
export function publishDraftRow(
  db: Db,
  draft: DraftRow,
  actor: Actor,
  now: number,
  auto = false,
  text?: { name: string; body: string },
): DraftRow {
  const component = getComponent(db, draft.componentId);
  const name = component?.name ?? "A component";
  const incident = createIncident(
    db,
    actor,
    {
      name: text?.name || draftTitle(name, draft.status),
      status: "investigating",
      body: text?.body || `Our monitoring detected a problem with ${name}. We are investigating.`,
      components: component ? { [component.id]: draft.status } : {},
      componentIds: component ? [component.id] : [],
    },
    now,
  );
  return updateDraftRow(db, draft.id, {
    state: "published",
    publishedIncidentId: incident.id,
    autoPublished: auto,
    closedAt: now,
  });
}
