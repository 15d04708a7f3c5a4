// The durable outbox: one delivery row per enabled network and per confirmed subscriber, written
// in the same transaction as the update (or component change) that causes it, so a crash never
// loses a notification. Staff verbs on deliveries (retry, settle) live here too.
import { inTransaction, type Db } from "@/db/client";
import {
  getDelivery,
  insertComponentChange,
  insertDeliveries,
  networkSwitches,
  patchDelivery,
  setNetworkSwitch,
  type NewDelivery,
} from "@/db/queries/deliveries";
import { listIncidentComponentIds } from "@/db/queries/incidents";
import { listConfirmed } from "@/db/queries/subscribers";
import { recordAudit, type Actor } from "../audit";
import { config } from "../config";
import type { ComponentStatus } from "../constants";
import { AppError } from "../errors";
import { newId } from "../ids";
import { NETWORKS, type NetworkName } from "./networks";

/** Networks whose credentials are set (config). Others are off, never an error. */
export function configuredNetworks(): NetworkName[] {
  const c = config();
  return NETWORKS.filter((n) => c[n] !== null);
}

/** Configured networks that staff have not switched off. */
export function enabledNetworks(db: Db): NetworkName[] {
  const switches = networkSwitches(db);
  return configuredNetworks().filter((n) => switches.get(n) !== false);
}

/**
 * Writes the deliveries of one update. Call inside the update's transaction.
 * Subscribers with a component filter get only incidents that concern one of those components.
 */
export function enqueueDeliveries(
  db: Db,
  u: { updateId: string; incidentId: string; seq: number },
  now: number,
): number {
  const rows: NewDelivery[] = [];
  const base = {
    updateId: u.updateId,
    incidentId: u.incidentId,
    seq: u.seq,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  };
  for (const n of enabledNetworks(db)) rows.push({ ...base, id: newId(), channel: n, target: n });
  const concerned = new Set(listIncidentComponentIds(db, [u.incidentId]).map((l) => l.componentId));
  for (const s of listConfirmed(db)) {
    if (s.componentIds.length && !s.componentIds.some((c) => concerned.has(c))) continue;
    rows.push({ ...base, id: newId(), channel: s.kind, target: s.id, subscriberId: s.id });
  }
  insertDeliveries(db, rows);
  return rows.length;
}

/**
 * Writes the deliveries of a component's status change made outside an incident (Statuspage's
 * component_update). Call inside the change's transaction. Only webhook subscribers hear of these
 * (no component filter, or one naming the component): a post or mail per monitor flap would be
 * noise. Nothing is written when nobody is to hear of it.
 */
export function enqueueComponentChange(
  db: Db,
  c: { componentId: string; oldStatus: ComponentStatus; newStatus: ComponentStatus },
  now: number,
): number {
  if (c.oldStatus === c.newStatus) return 0;
  const targets = listConfirmed(db, "webhook").filter(
    (s) => !s.componentIds.length || s.componentIds.includes(c.componentId),
  );
  if (!targets.length) return 0;
  const change = insertComponentChange(db, { id: newId(), ...c, createdAt: now });
  insertDeliveries(
    db,
    targets.map((s) => ({
      id: newId(),
      componentChangeId: change.id,
      seq: change.seq,
      channel: s.kind,
      target: s.id,
      subscriberId: s.id,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return targets.length;
}

function mustDelivery(db: Db, id: string) {
  const d = getDelivery(db, id);
  if (!d) throw new AppError("not_found", "There is no such delivery");
  return d;
}

/** Sends a failed delivery again, from its first attempt. */
export function retryDelivery(db: Db, actor: Actor, id: string, now = Date.now()) {
  return inTransaction(db, () => {
    const d = mustDelivery(db, id);
    if (d.state !== "failed")
      throw new AppError("conflict", `Only a failed delivery can be retried (this one is ${d.state})`);
    const after = patchDelivery(db, id, {
      state: "pending",
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      updatedAt: now,
    })!;
    recordAudit(db, actor, "delivery.retry", { type: "delivery", id }, { state: d.state }, { state: after.state }, now);
    return after;
  });
}

/**
 * Staff settle a delivery whose outcome is unknown: "posted" (it reached the network; give the
 * post's URL when known) or "not posted" (send it now).
 */
export function settleDelivery(
  db: Db,
  actor: Actor,
  id: string,
  outcome: "posted" | "not_posted",
  remoteUrl?: string,
  now = Date.now(),
) {
  return inTransaction(db, () => {
    const d = mustDelivery(db, id);
    if (d.state !== "unknown")
      throw new AppError("conflict", `Only a delivery with an unknown outcome can be settled (this one is ${d.state})`);
    const patch =
      outcome === "posted"
        ? {
            state: "sent" as const,
            sentAt: now,
            remoteUrl: remoteUrl || null,
            remoteId: remoteUrl?.split("/").pop() || null,
            lastError: null,
          }
        : { state: "pending" as const, uncertain: false, attempts: 0, nextAttemptAt: now, lastError: null };
    const after = patchDelivery(db, id, { ...patch, updatedAt: now })!;
    const record = { state: after.state, outcome, remoteUrl: remoteUrl ?? null };
    recordAudit(db, actor, "delivery.settle", { type: "delivery", id }, { state: d.state }, record, now);
    return after;
  });
}

export function switchNetwork(db: Db, actor: Actor, name: NetworkName, enabled: boolean, now = Date.now()) {
  inTransaction(db, () => {
    setNetworkSwitch(db, name, enabled, now);
    recordAudit(db, actor, "channel.switch", { type: "channel", id: name }, undefined, { enabled }, now);
  });
}
