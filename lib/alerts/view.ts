// Read models of alert sources, shared by the staff pages and the admin API: rows become what
// staff see (labels and effects parsed, component names beside ids, a rule suggested for each
// unmapped alert). The ingest token only ever appears inside `ingestUrl`, built here, so callers
// decide who sees it; the signing secret never leaves the database (publicSource says `signed`).
import { getDb, type Db } from "@/db/client";
import {
  countFiringBySource,
  getSource,
  listDeliveries,
  listRules,
  listSourceAlerts,
  listSources,
  listUnmappedFiring,
  type AlertDeliveryRow,
  type AlertRow,
  type AlertRuleRow,
  type AlertSourceRow,
} from "@/db/queries/alerts";
import { listComponents } from "@/db/queries/components";
import { getPage } from "@/db/queries/page";
import type { AlertEffect } from "./ingest";
import { suggestMatchers } from "./matchers";
import { alertKindOf } from "./registry";
import { publicSource } from "./sources";

/** The secret address a source's tool posts to. Whoever knows it can deliver alerts. */
export function ingestUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/api/alerts/${token}`;
}

/** Component id → name, for showing rules and alerts. */
function componentNames(db: Db): Map<string, string> {
  return new Map(listComponents(db, getPage(db)?.id ?? "").map((c) => [c.id, c.name]));
}

/** Stored JSON written by the ingest; a damaged value shows as empty rather than failing the page. */
function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A source as staff see it, without its token or signing secret. */
function sourceSummary(s: AlertSourceRow) {
  const kind = alertKindOf(s.kind);
  return {
    ...publicSource(s),
    kindLabel: kind.label,
    /** Label names this kind usually sends, offered when writing a rule. */
    commonLabels: kind.commonLabels,
  };
}
export type AlertSourceSummary = ReturnType<typeof sourceSummary>;

function ruleView(r: AlertRuleRow, names: ReadonlyMap<string, string>) {
  return {
    id: r.id,
    sourceId: r.sourceId,
    position: r.position,
    matchers: r.matchers,
    componentId: r.componentId,
    componentName: names.get(r.componentId) ?? null,
    status: r.status,
    setsStatus: r.setsStatus,
    forSeconds: r.forSeconds,
    createdAt: r.createdAt,
  };
}
export type AlertRuleView = ReturnType<typeof ruleView>;

function alertView(a: AlertRow, names: ReadonlyMap<string, string>) {
  return {
    id: a.id,
    sourceId: a.sourceId,
    fingerprint: a.fingerprint,
    state: a.state,
    summary: a.summary,
    url: a.url,
    labels: parseJson<Record<string, string>>(a.labels, {}),
    startedAt: a.startedAt,
    /** The source's time of the state held. */
    at: a.at,
    ruleId: a.ruleId,
    componentId: a.componentId,
    componentName: a.componentId ? (names.get(a.componentId) ?? null) : null,
    status: a.status,
    setsStatus: a.setsStatus,
    forSeconds: a.forSeconds,
    firingSince: a.firingSince,
    confirmedAt: a.confirmedAt,
    muted: a.muted,
    draftId: a.draftId,
    receivedAt: a.receivedAt,
    updatedAt: a.updatedAt,
    lastSeenAt: a.lastSeenAt,
    repeats: a.repeats,
  };
}
export type AlertView = ReturnType<typeof alertView>;

/** A firing alert no rule mapped, with a rule to start from (what "Map…" prefills). */
function unmappedView(a: AlertRow, sourceName: string) {
  // Unmapped means no component, so there is no name to look up.
  const alert = alertView(a, new Map());
  return { ...alert, sourceName, suggestedMatchers: suggestMatchers(alert.labels) };
}
export type UnmappedAlertView = ReturnType<typeof unmappedView>;

function deliveryView(d: AlertDeliveryRow) {
  return {
    id: d.id,
    receivedAt: d.receivedAt,
    httpStatus: d.httpStatus,
    alertCount: d.alertCount,
    effects: parseJson<AlertEffect[]>(d.effects, []),
    error: d.error,
  };
}
export type AlertDeliveryView = ReturnType<typeof deliveryView>;

/** The sources list: every source by name, with how many alerts fire now and how many wait to be mapped. */
export function alertSourcesView(db: Db = getDb()) {
  const counts = countFiringBySource(db);
  return listSources(db).map((s) => ({ ...sourceSummary(s), firing: 0, unmapped: 0, ...counts.get(s.id) }));
}

/** One source as a tool-holder sees it: with its secret ingest address. */
export function sourceWithUrl(s: AlertSourceRow, publicUrl: string) {
  return { ...sourceSummary(s), ingestUrl: ingestUrl(publicUrl, s.token) };
}

/** A source's rules in the order they are tried. */
export function sourceRulesView(db: Db, sourceId: string) {
  const names = componentNames(db);
  return listRules(db, sourceId).map((r) => ruleView(r, names));
}

/** A source's alerts: firing first, then newest first. */
export function sourceAlertsView(db: Db, sourceId: string) {
  const names = componentNames(db);
  return listSourceAlerts(db, sourceId).map((a) => alertView(a, names));
}

/** A source's recent deliveries, newest first. */
export function sourceDeliveriesView(db: Db, sourceId: string) {
  return listDeliveries(db, sourceId).map(deliveryView);
}

/**
 * One source's page: the source with its ingest address, its rules in the order they are tried,
 * its alerts (firing first), its recent deliveries (newest first) and its firing unmapped alerts.
 * Null when there is no such source.
 */
export function alertSourceDetail(db: Db, id: string, publicUrl: string) {
  const source = getSource(db, id);
  if (!source) return null;
  return {
    source: sourceWithUrl(source, publicUrl),
    rules: sourceRulesView(db, id),
    alerts: sourceAlertsView(db, id),
    deliveries: sourceDeliveriesView(db, id),
    unmapped: listUnmappedFiring(db, id).map((a) => unmappedView(a, source.name)),
  };
}
export type AlertSourceDetail = NonNullable<ReturnType<typeof alertSourceDetail>>;

/** Firing alerts that no rule maps, across sources (newest first), for staff to map. */
export function unmappedAlertsView(db: Db = getDb()): UnmappedAlertView[] {
  const sourceNames = new Map(listSources(db).map((s) => [s.id, s.name]));
  return listUnmappedFiring(db).map((a) => unmappedView(a, sourceNames.get(a.sourceId) ?? ""));
}
