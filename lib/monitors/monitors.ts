// Staff verbs on monitors. Each write is one transaction with its audit row; bad input writes
// nothing and names the field.
import crypto from "node:crypto";
import { inTransaction, type Db } from "@/db/client";
import { getComponent } from "@/db/queries/components";
import {
  deleteMonitorRow,
  getComponentState,
  getMonitor,
  insertMonitor,
  listComponentMonitors,
  listMonitors,
  putComponentState,
  updateMonitorRow,
  type MonitorRow,
} from "@/db/queries/monitors";
import { findAgentByName, getAgent, listLocations, LOCAL, replaceLocations } from "@/db/queries/probes";
import { recordAudit, type Actor } from "../audit";
import { AppError } from "../errors";
import { newId } from "../ids";
import { firstIssue, parse } from "../validation";
import { refreshVerdict } from "./engine";
import { kindOf, type MonitorKind, type MonitorSettings } from "./registry";
import { monitorInput, monitorPatch, type MonitorInput, type MonitorPatch } from "./schemas";

function mustMonitor(db: Db, id: string): MonitorRow {
  const m = getMonitor(db, id);
  if (!m) throw new AppError("not_found", `No monitor has the id ${id}`);
  return m;
}

function mustComponent(db: Db, id: string) {
  if (!getComponent(db, id))
    throw new AppError("validation", `No component has the id ${id}`, { componentId: ["unknown component"] });
}

function parseSettings(kind: MonitorKind, raw: unknown): MonitorSettings {
  const result = kindOf(kind).settings.safeParse(raw ?? {});
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues)
    (fieldErrors[["settings", ...issue.path].join(".")] ??= []).push(issue.message);
  const first = firstIssue(result.error);
  throw new AppError(
    "validation",
    `settings${first.path.length ? "." + first.path.join(".") : ""}: ${first.message}`,
    fieldErrors,
  );
}

/** A monitor's locations by name: "local" for the server, agents by their names. */
export function locationNames(db: Db, monitor: Pick<MonitorRow, "id">): string[] {
  const rows = listLocations(db, [monitor.id]);
  if (rows.length === 0) return [LOCAL];
  return rows.map((r) => (r.location === LOCAL ? LOCAL : (getAgent(db, r.location)?.name ?? r.location)));
}

/**
 * Sets where a monitor is checked from (inside the caller's transaction) and returns the columns
 * that follow: a monitor checked by the server alone keeps no location rows, as before agents.
 */
function placeMonitor(
  db: Db,
  monitorId: string,
  kind: MonitorKind,
  names: readonly string[],
  quorum: number | null,
): Pick<MonitorRow, "checksLocally" | "quorum"> {
  const unique = [...new Set(names)];
  const ids = unique.map((name) => {
    if (name === LOCAL) return LOCAL;
    const agent = findAgentByName(db, name);
    if (!agent)
      throw new AppError("validation", `No probe agent is named ${name.slice(0, 40)}`, {
        locations: [`no probe agent is named ${name.slice(0, 40)}`],
      });
    return agent.id;
  });
  if (kindOf(kind).heartbeatUrl && unique.some((n) => n !== LOCAL))
    throw new AppError("validation", "A heartbeat is received by the server: its only location is local", {
      locations: ["a heartbeat's only location is local"],
    });
  if (quorum !== null && quorum > unique.length)
    throw new AppError("validation", `The quorum is at most the number of locations (${unique.length})`, {
      quorum: [`at most ${unique.length}`],
    });
  const serverOnly = unique.length === 1 && unique[0] === LOCAL;
  replaceLocations(db, monitorId, serverOnly ? [] : ids);
  return { checksLocally: unique.includes(LOCAL), quorum: serverOnly ? null : quorum };
}

/** A random first check within one interval: monitors created together spread out. */
export function firstCheckAt(now: number, intervalSeconds: number, random = Math.random): number {
  return now + Math.floor(random() * intervalSeconds * 1000);
}

export function monitorById(db: Db, id: string): MonitorRow {
  return mustMonitor(db, id);
}

export function allMonitors(db: Db): MonitorRow[] {
  return listMonitors(db);
}

const INTERNAL_ADMIN_ONLY = "Only an admin can let a monitor reach internal (loopback or private) addresses";

/**
 * The internal-target flag opens the private network to a monitor's probes, so only admins set
 * it, and only admins re-point a monitor that has it (or an editor could aim it anywhere inside).
 */
function mustMayTarget(actor: Actor, internal: boolean, what: "flag" | "target") {
  if (!internal || actor.role === "admin") return;
  throw new AppError(
    "forbidden",
    what === "flag"
      ? INTERNAL_ADMIN_ONLY
      : `${INTERNAL_ADMIN_ONLY}; this monitor has that flag, so only an admin can change its target`,
    {
      [what === "flag" ? "internalTarget" : "settings"]: [
        what === "flag" ? "admins only" : "admins only for an internal-target monitor",
      ],
    },
  );
}

export function createMonitor(db: Db, actor: Actor, raw: MonitorInput, now = Date.now()): MonitorRow {
  const input = parse(monitorInput, raw);
  const settings = parseSettings(input.kind, input.settings);
  mustMayTarget(actor, input.internalTarget, "flag");
  return inTransaction(db, () => {
    mustComponent(db, input.componentId);
    const row = insertMonitor(db, {
      id: newId(),
      componentId: input.componentId,
      name: input.name,
      kind: input.kind,
      settings,
      intervalSeconds: input.intervalSeconds,
      timeoutMs: input.timeoutMs,
      latencyThresholdMs: input.latencyThresholdMs,
      failThreshold: input.failThreshold,
      recoverThreshold: input.recoverThreshold,
      paused: input.paused,
      autoPublish: input.autoPublish,
      internalTarget: input.internalTarget,
      heartbeatToken: kindOf(input.kind).heartbeatUrl ? crypto.randomBytes(18).toString("base64url") : null,
      nextCheckAt: firstCheckAt(now, input.intervalSeconds),
      createdAt: now,
      updatedAt: now,
    });
    const placed = placeMonitor(db, row.id, input.kind, input.locations, input.quorum);
    const located = updateMonitorRow(db, row.id, placed);
    recordAudit(
      db,
      actor,
      "monitor.create",
      { type: "monitor", id: row.id },
      undefined,
      { ...located, heartbeatToken: undefined, locations: input.locations },
      now,
    );
    return located;
  });
}

export function updateMonitor(db: Db, actor: Actor, id: string, raw: MonitorPatch, now = Date.now()): MonitorRow {
  const input = parse(monitorPatch, raw);
  return inTransaction(db, () => {
    const before = mustMonitor(db, id);
    const patch: Partial<MonitorRow> = { updatedAt: now };
    if (input.componentId !== undefined && input.componentId !== before.componentId) {
      mustComponent(db, input.componentId);
      patch.componentId = input.componentId;
    }
    if (input.name !== undefined) patch.name = input.name;
    if (input.internalTarget !== undefined && input.internalTarget !== before.internalTarget) {
      mustMayTarget(actor, true, "flag");
      patch.internalTarget = input.internalTarget;
    }
    if (input.settings !== undefined) {
      patch.settings = parseSettings(before.kind, input.settings);
      if (JSON.stringify(patch.settings) !== JSON.stringify(before.settings))
        mustMayTarget(actor, patch.internalTarget ?? before.internalTarget, "target");
    }
    for (const key of [
      "intervalSeconds",
      "timeoutMs",
      "latencyThresholdMs",
      "failThreshold",
      "recoverThreshold",
      "autoPublish",
    ] as const) {
      if (input[key] !== undefined) (patch as Record<string, unknown>)[key] = input[key];
    }
    const interval = patch.intervalSeconds ?? before.intervalSeconds;
    if ((patch.timeoutMs ?? before.timeoutMs) > interval * 1000) {
      throw new AppError("validation", "The timeout must not be longer than the interval", {
        timeoutMs: ["must not be longer than the interval"],
      });
    }
    if (input.paused !== undefined && input.paused !== before.paused) {
      patch.paused = input.paused;
      // Paused: its verdict no longer counts. Resumed: starts afresh, spread over one interval.
      Object.assign(patch, { health: "unknown", failStreak: 0, okStreak: 0, slowStreak: 0, fastStreak: 0 });
      if (!input.paused) patch.nextCheckAt = firstCheckAt(now, interval);
    } else if (patch.intervalSeconds !== undefined && patch.intervalSeconds !== before.intervalSeconds) {
      patch.nextCheckAt = Math.min(before.nextCheckAt, now + interval * 1000);
    }
    const beforeLocations = locationNames(db, before);
    if (input.locations !== undefined || input.quorum !== undefined) {
      const names = input.locations ?? beforeLocations;
      const moved = JSON.stringify([...new Set(names)].sort()) !== JSON.stringify([...beforeLocations].sort());
      Object.assign(
        patch,
        placeMonitor(db, id, before.kind, names, input.quorum !== undefined ? input.quorum : before.quorum),
      );
      // New places: the verdict starts afresh (each location keeps its own state).
      if (moved) Object.assign(patch, { health: "unknown" });
    }
    if (patch.settings !== undefined || patch.componentId !== undefined)
      Object.assign(patch, { health: "unknown", failStreak: 0, okStreak: 0, slowStreak: 0, fastStreak: 0 });
    let row = updateMonitorRow(db, id, patch);
    // A new quorum over the same places: the verdict is taken again now, not at the next result.
    if (patch.quorum !== undefined && patch.quorum !== before.quorum && patch.health === undefined)
      row = refreshVerdict(db, row, now)?.monitor ?? row;
    recordAudit(
      db,
      actor,
      input.paused === true ? "monitor.pause" : input.paused === false ? "monitor.resume" : "monitor.update",
      { type: "monitor", id },
      { ...before, heartbeatToken: undefined, locations: beforeLocations },
      { ...row, heartbeatToken: undefined, locations: locationNames(db, row) },
      now,
    );
    return row;
  });
}

export function deleteMonitor(db: Db, actor: Actor, id: string, now = Date.now()): MonitorRow {
  return inTransaction(db, () => {
    const before = mustMonitor(db, id);
    deleteMonitorRow(db, id);
    recordAudit(
      db,
      actor,
      "monitor.delete",
      { type: "monitor", id },
      { ...before, heartbeatToken: undefined },
      null,
      now,
    );
    return before;
  });
}

/** Manual: monitors keep checking and recording but never set the component's status. */
export function setComponentManual(db: Db, actor: Actor, componentId: string, manual: boolean, now = Date.now()): void {
  inTransaction(db, () => {
    mustComponent(db, componentId);
    const prev = getComponentState(db, componentId);
    putComponentState(db, {
      componentId,
      desired: prev?.desired ?? null,
      applied: manual ? null : (prev?.applied ?? null),
      manual,
      disagreement: manual ? null : (prev?.disagreement ?? null),
      updatedAt: now,
    });
    recordAudit(
      db,
      actor,
      manual ? "component.monitors_manual" : "component.monitors_automatic",
      { type: "component", id: componentId },
      { manual: prev?.manual ?? false },
      { manual },
      now,
    );
  });
}

export function componentMonitors(db: Db, componentId: string): MonitorRow[] {
  return listComponentMonitors(db, componentId);
}
