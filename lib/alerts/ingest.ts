// What one delivery of alerts does. Each alert settles to the newest state the source reported
// (by the source's own timestamps, so a resolved that overtakes its firing still wins, and a
// resend changes nothing); a firing alert is mapped by the source's rules to a component and a
// status, and opens or joins that component's draft incident (the same drafts monitors open).
// A trusted rule lets a confirmed alert (firing for the rule's time) set the component's status,
// through the same reconciliation monitors use; its resolution restores it. During a maintenance
// of the component an alert is recorded and changes nothing.
import type { Db } from "@/db/client";
import {
  getAlert,
  insertAlert,
  hasFiring,
  listRules,
  listUnconfirmedFiring,
  listUnmappedFiring,
  getRule,
  getSource,
  updateAlertRow,
  type AlertRow,
  type AlertRuleRow,
  type AlertSourceRow,
} from "@/db/queries/alerts";
import { getComponent } from "@/db/queries/components";
import { getTemplate } from "@/db/queries/templates";
import { inMaintenance, insertDraft, openDraftFor, updateDraftRow, type DraftRow } from "@/db/queries/monitors";
import type { Actor } from "../audit";
import { COMPONENT_STATUS_LABELS, type ComponentStatus } from "../constants";
import { newId } from "../ids";
import { blockingIncident, publishDraftRow, reconcileComponent, recoverDraft } from "../monitors/engine";
import { worstStatus } from "../status";
import type { NormalizedAlert } from "./kind";
import { matches, parseMatchers, type Matcher } from "./matchers";

/** What one alert of a delivery did, shown to staff in the source's recent deliveries. */
export type AlertEffect = {
  fingerprint: string;
  summary: string;
  state: NormalizedAlert["state"];
  /** The matching rule's matchers, "default" for the source's default, null when unmapped. */
  rule: string | null;
  effect: string;
};

/** The source as the actor of what its alerts change (status changes, published incidents). */
export function alertSourceActor(source: Pick<AlertSourceRow, "id" | "name">): Actor {
  return Object.freeze({ type: "system", id: source.id, label: `alert source ${source.name}`, role: "admin" });
}

type Mapping = {
  ruleId: string | null;
  rule: string;
  componentId: string;
  status: ComponentStatus;
  setsStatus: boolean;
  forSeconds: number;
};

type CompiledRule = { row: AlertRuleRow; matchers: Matcher[] };

function compileRules(rows: AlertRuleRow[]): CompiledRule[] {
  // Stored matchers were validated when saved; one that no longer reads matches nothing.
  return rows.flatMap((row) => {
    try {
      return [{ row, matchers: parseMatchers(row.matchers) }];
    } catch {
      return [];
    }
  });
}

/** The first rule that matches, else the source's default, else null (unmapped). */
export function mapAlert(
  source: AlertSourceRow,
  rules: readonly CompiledRule[],
  labels: Readonly<Record<string, string>>,
): Mapping | null {
  const hit = rules.find((r) => matches(r.matchers, labels));
  if (hit)
    return {
      ruleId: hit.row.id,
      rule: hit.row.matchers || "(every alert)",
      componentId: hit.row.componentId,
      status: hit.row.status,
      setsStatus: hit.row.setsStatus,
      forSeconds: hit.row.forSeconds,
    };
  if (source.defaultComponentId && source.defaultStatus)
    return {
      ruleId: null,
      rule: "default",
      componentId: source.defaultComponentId,
      status: source.defaultStatus,
      setsStatus: false,
      forSeconds: 0,
    };
  return null;
}

const statusLabel = (s: ComponentStatus) => COMPONENT_STATUS_LABELS[s].toLowerCase();

/** Opens the component's draft for this alert, or joins the one already open. Returns what it did. */
function draftFor(
  db: Db,
  source: AlertSourceRow,
  alert: AlertRow,
  now: number,
): { draft: DraftRow | null; said: string } {
  const componentId = alert.componentId!;
  const status = alert.status!;
  const name = getComponent(db, componentId)?.name ?? "the component";
  const own = openDraftFor(db, componentId);
  const blocking = blockingIncident(db, componentId, own);
  if (blocking) return { draft: null, said: `an open incident already covers ${name}` };
  if (own?.state === "open") {
    const wider = worstStatus([own.status, status]);
    if (wider !== own.status || own.recoveredAt) updateDraftRow(db, own.id, { status: wider, recoveredAt: null });
    return { draft: own, said: `joined the draft for ${name}` };
  }
  if (own?.state === "published") return { draft: own, said: `joined the incident published for ${name}` };
  const draft = insertDraft(db, {
    id: newId(),
    componentId,
    monitorId: null,
    alertSourceId: source.id,
    link: alert.url,
    status,
    firstError: alert.summary,
    createdAt: now,
  });
  return { draft, said: `opened a draft: ${name} ${statusLabel(status)}` };
}

/** Publishes the component's open draft when the source publishes on its own and the alert is confirmed. */
function autoPublish(db: Db, source: AlertSourceRow, alert: AlertRow, now: number): string | null {
  if (!source.autoPublish || alert.confirmedAt === null || !alert.componentId) return null;
  const own = openDraftFor(db, alert.componentId);
  if (!own || own.state !== "open") return null;
  const template = source.templateId ? getTemplate(db, source.templateId) : undefined;
  const published = publishDraftRow(
    db,
    own,
    alertSourceActor(source),
    now,
    true,
    template ? { name: template.title, body: template.body } : undefined,
  );
  return `published incident ${published.publishedIncidentId}`;
}

function firing(
  db: Db,
  source: AlertSourceRow,
  rules: readonly CompiledRule[],
  a: NormalizedAlert,
  existing: AlertRow | undefined,
  now: number,
  touched: Set<string>,
): AlertEffect {
  const mapping = mapAlert(source, rules, a.labels);
  const muted = source.paused || (mapping !== null && inMaintenance(db, mapping.componentId, now));
  const fields = {
    state: "firing" as const,
    at: a.at,
    startedAt: a.startedAt ?? a.at,
    summary: a.summary,
    url: a.url,
    labels: JSON.stringify(a.labels),
    ruleId: mapping?.ruleId ?? null,
    componentId: mapping?.componentId ?? null,
    status: mapping?.status ?? null,
    setsStatus: mapping?.setsStatus ?? false,
    forSeconds: mapping?.forSeconds ?? 0,
    firingSince: now,
    confirmedAt: mapping && mapping.forSeconds === 0 ? now : null,
    muted,
    draftId: null,
    updatedAt: now,
    lastSeenAt: now,
  };
  let row = existing
    ? updateAlertRow(db, existing.id, fields)
    : insertAlert(db, { id: newId(), sourceId: source.id, fingerprint: a.fingerprint, receivedAt: now, ...fields });
  const base = { fingerprint: a.fingerprint, summary: a.summary, state: a.state, rule: mapping?.rule ?? null };
  if (source.paused) return { ...base, effect: "recorded only: the source is paused" };
  if (!mapping) return { ...base, effect: "unmapped: kept for staff to map" };
  if (muted) return { ...base, effect: "recorded only: the component is under maintenance" };
  const { draft, said } = draftFor(db, source, row, now);
  if (draft) row = updateAlertRow(db, row.id, { draftId: draft.id });
  // Only a trusted alert can move the status: an untrusted one needs no reconciliation (in a
  // storm of them, that is most of the work saved).
  if (mapping.setsStatus) touched.add(mapping.componentId);
  const parts = [said];
  if (mapping.setsStatus)
    parts.push(
      row.confirmedAt !== null
        ? `sets the status to ${statusLabel(mapping.status)}`
        : `sets the status to ${statusLabel(mapping.status)} if still firing in ${mapping.forSeconds} s`,
    );
  const published = autoPublish(db, source, row, now);
  if (published) parts.push(published);
  return { ...base, effect: parts.join("; ") };
}

function resolved(
  db: Db,
  source: AlertSourceRow,
  rules: readonly CompiledRule[],
  a: NormalizedAlert,
  existing: AlertRow | undefined,
  now: number,
  touched: Set<string>,
): AlertEffect {
  const base = { fingerprint: a.fingerprint, summary: a.summary, state: a.state };
  if (!existing) {
    // Resolved before we saw it fire (or it fired before the source existed): kept, so that a
    // firing delivered late is recognised as older and changes nothing.
    const mapping = mapAlert(source, rules, a.labels);
    insertAlert(db, {
      id: newId(),
      sourceId: source.id,
      fingerprint: a.fingerprint,
      state: "resolved",
      at: a.at,
      startedAt: a.startedAt,
      summary: a.summary,
      url: a.url,
      labels: JSON.stringify(a.labels),
      ruleId: mapping?.ruleId ?? null,
      componentId: mapping?.componentId ?? null,
      status: mapping?.status ?? null,
      receivedAt: now,
      updatedAt: now,
      lastSeenAt: now,
    });
    return { ...base, rule: mapping?.rule ?? null, effect: "recorded: resolved before it was seen firing" };
  }
  updateAlertRow(db, existing.id, { state: "resolved", at: a.at, updatedAt: now, lastSeenAt: now });
  const rule = !existing.componentId
    ? null
    : existing.ruleId
      ? (getRule(db, existing.ruleId)?.matchers ?? "(a rule since deleted)")
      : "default";
  if (!existing.componentId) return { ...base, rule, effect: "resolved (it was unmapped)" };
  if (existing.muted) return { ...base, rule, effect: "resolved (it changed nothing)" };
  touched.add(existing.componentId);
  return { ...base, rule, effect: existing.setsStatus ? "resolved: restores the status" : "resolved" };
}

/**
 * Puts the touched components in line with their alerts (and monitors), once each: their status
 * when a trusted alert changed, and their draft's recovery when an alert resolved.
 */
function settleComponents(db: Db, source: AlertSourceRow, componentIds: Iterable<string>, now: number): void {
  for (const componentId of componentIds) {
    reconcileComponent(db, componentId, now, undefined, alertSourceActor(source));
    const own = openDraftFor(db, componentId);
    if (own && !hasFiring(db, componentId)) recoverDraft(db, componentId, own, now, alertSourceActor(source));
  }
}

/**
 * How far ahead of this server's clock a source's timestamp may be. Beyond it (a wrong clock, a
 * typo in a generic payload) the alert counts as happening on arrival: a state dated years ahead
 * would otherwise hold every later delivery of that alert off as "older".
 */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Applies one delivery's alerts (call inside one transaction). Alerts are taken oldest first, so
 * several states of one alert in one delivery settle to the newest.
 */
export function receiveAlerts(
  db: Db,
  source: AlertSourceRow,
  incoming: readonly NormalizedAlert[],
  now = Date.now(),
): AlertEffect[] {
  const rules = compileRules(listRules(db, source.id));
  const touched = new Set<string>();
  const effects: AlertEffect[] = [];
  const ordered = incoming.map((a) => (a.at > now + CLOCK_SKEW_MS ? { ...a, at: now } : a)).sort((x, y) => x.at - y.at);
  for (const a of ordered) {
    const existing = getAlert(db, source.id, a.fingerprint);
    if (existing && a.at < existing.at) {
      effects.push({
        fingerprint: a.fingerprint,
        summary: a.summary,
        state: a.state,
        rule: null,
        effect: `ignored: older than the ${existing.state} state already held`,
      });
      continue;
    }
    if (existing && existing.state === a.state) {
      updateAlertRow(db, existing.id, { at: a.at, lastSeenAt: now, repeats: existing.repeats + 1 });
      effects.push({
        fingerprint: a.fingerprint,
        summary: a.summary,
        state: a.state,
        rule: null,
        effect: "repeat: no change",
      });
      continue;
    }
    effects.push(
      a.state === "firing"
        ? firing(db, source, rules, a, existing, now, touched)
        : resolved(db, source, rules, a, existing, now, touched),
    );
  }
  settleComponents(db, source, touched, now);
  return effects;
}

/**
 * Confirms alerts that have now fired for their rule's time (the scheduler calls this every few
 * seconds, inside one transaction): trusted ones then set their component's status, and a source
 * that publishes on its own publishes. Returns how many were confirmed.
 */
export function confirmAlerts(db: Db, now = Date.now()): number {
  const due = listUnconfirmedFiring(db).filter(
    (a) => !a.muted && a.firingSince !== null && now - a.firingSince >= a.forSeconds * 1000,
  );
  const bySource = new Map<string, Set<string>>();
  for (const a of due) {
    const row = updateAlertRow(db, a.id, { confirmedAt: now });
    const source = getSource(db, a.sourceId);
    if (!source) continue;
    autoPublish(db, source, row, now);
    if (!bySource.has(source.id)) bySource.set(source.id, new Set());
    bySource.get(source.id)!.add(a.componentId!);
  }
  for (const [sourceId, componentIds] of bySource) settleComponents(db, getSource(db, sourceId)!, componentIds, now);
  return due.length;
}

/**
 * Maps the source's firing, unmapped alerts again (after staff add a rule or a default), as if
 * they had just fired. Call inside one transaction. Returns how many are now mapped.
 */
export function remapUnmapped(db: Db, source: AlertSourceRow, now = Date.now()): number {
  const rules = compileRules(listRules(db, source.id));
  const touched = new Set<string>();
  let mapped = 0;
  for (const row of listUnmappedFiring(db, source.id)) {
    const labels = JSON.parse(row.labels) as Record<string, string>;
    if (!mapAlert(source, rules, labels)) continue;
    const a: NormalizedAlert = {
      fingerprint: row.fingerprint,
      state: "firing",
      at: row.at,
      startedAt: row.startedAt,
      summary: row.summary,
      url: row.url,
      labels,
    };
    firing(db, source, rules, a, row, now, touched);
    mapped++;
  }
  settleComponents(db, source, touched, now);
  return mapped;
}
