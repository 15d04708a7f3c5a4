// Alert sources, their rules, the alerts they sent and their recent deliveries.
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { ComponentStatus } from "@/lib/constants";
import type { Db } from "../client";
import { alertDeliveries, alertRules, alertSources, alerts } from "../alerts-schema";

export type AlertSourceRow = typeof alertSources.$inferSelect;
export type AlertRuleRow = typeof alertRules.$inferSelect;
export type AlertRow = typeof alerts.$inferSelect;
export type AlertDeliveryRow = typeof alertDeliveries.$inferSelect;

/** Deliveries kept per source; older ones are pruned as new ones arrive. */
export const DELIVERIES_KEPT = 100;

// ---- sources

export function insertSource(db: Db, row: typeof alertSources.$inferInsert): AlertSourceRow {
  return db.insert(alertSources).values(row).returning().get();
}

export function updateSourceRow(db: Db, id: string, patch: Partial<typeof alertSources.$inferInsert>): AlertSourceRow {
  return db.update(alertSources).set(patch).where(eq(alertSources.id, id)).returning().get();
}

export function deleteSourceRow(db: Db, id: string): void {
  db.delete(alertSources).where(eq(alertSources.id, id)).run();
}

export function getSource(db: Db, id: string): AlertSourceRow | undefined {
  return db.select().from(alertSources).where(eq(alertSources.id, id)).get();
}

export function findSourceByName(db: Db, name: string): AlertSourceRow | undefined {
  return db.select().from(alertSources).where(eq(alertSources.name, name)).get();
}

export function findSourceByToken(db: Db, token: string): AlertSourceRow | undefined {
  return db.select().from(alertSources).where(eq(alertSources.token, token)).get();
}

export function listSources(db: Db): AlertSourceRow[] {
  return db.select().from(alertSources).orderBy(asc(alertSources.name)).all();
}

// ---- rules

export function insertRule(db: Db, row: typeof alertRules.$inferInsert): AlertRuleRow {
  return db.insert(alertRules).values(row).returning().get();
}

export function updateRuleRow(db: Db, id: string, patch: Partial<typeof alertRules.$inferInsert>): AlertRuleRow {
  return db.update(alertRules).set(patch).where(eq(alertRules.id, id)).returning().get();
}

export function deleteRuleRow(db: Db, id: string): void {
  db.delete(alertRules).where(eq(alertRules.id, id)).run();
}

export function getRule(db: Db, id: string): AlertRuleRow | undefined {
  return db.select().from(alertRules).where(eq(alertRules.id, id)).get();
}

/** A source's rules in the order they are tried. */
export function listRules(db: Db, sourceId: string): AlertRuleRow[] {
  return db
    .select()
    .from(alertRules)
    .where(eq(alertRules.sourceId, sourceId))
    .orderBy(asc(alertRules.position), asc(alertRules.createdAt))
    .all();
}

// ---- alerts

export function getAlert(db: Db, sourceId: string, fingerprint: string): AlertRow | undefined {
  return db
    .select()
    .from(alerts)
    .where(and(eq(alerts.sourceId, sourceId), eq(alerts.fingerprint, fingerprint)))
    .get();
}

export function insertAlert(db: Db, row: typeof alerts.$inferInsert): AlertRow {
  return db.insert(alerts).values(row).returning().get();
}

export function updateAlertRow(db: Db, id: string, patch: Partial<typeof alerts.$inferInsert>): AlertRow {
  return db.update(alerts).set(patch).where(eq(alerts.id, id)).returning().get();
}

/** A source's alerts, firing first, newest first; at most `limit`. */
export function listSourceAlerts(db: Db, sourceId: string, limit = 100): AlertRow[] {
  return db
    .select()
    .from(alerts)
    .where(eq(alerts.sourceId, sourceId))
    .orderBy(asc(alerts.state), desc(alerts.updatedAt))
    .limit(limit)
    .all();
}

/** Firing alerts that no rule (and no source default) mapped, across sources, newest first. */
export function listUnmappedFiring(db: Db, sourceId?: string): AlertRow[] {
  const unmapped = and(eq(alerts.state, "firing"), isNull(alerts.componentId));
  return db
    .select()
    .from(alerts)
    .where(sourceId ? and(unmapped, eq(alerts.sourceId, sourceId)) : unmapped)
    .orderBy(desc(alerts.updatedAt))
    .all();
}

/** Firing, unmuted alerts on these components. */
export function listFiringFor(db: Db, componentIds: readonly string[]): AlertRow[] {
  if (componentIds.length === 0) return [];
  return db
    .select()
    .from(alerts)
    .where(and(eq(alerts.state, "firing"), eq(alerts.muted, false), inArray(alerts.componentId, [...componentIds])))
    .all();
}

/** Whether an unmuted alert is firing on this component. */
export function hasFiring(db: Db, componentId: string): boolean {
  return (
    db
      .select({ one: sql<number>`1` })
      .from(alerts)
      .where(and(eq(alerts.componentId, componentId), eq(alerts.state, "firing"), eq(alerts.muted, false)))
      .limit(1)
      .get() !== undefined
  );
}

/** The distinct statuses of the component's confirmed, firing, trusted alerts. */
export function trustedFiringStatuses(db: Db, componentId: string): ComponentStatus[] {
  return db
    .selectDistinct({ status: alerts.status })
    .from(alerts)
    .where(
      and(
        eq(alerts.componentId, componentId),
        eq(alerts.state, "firing"),
        eq(alerts.muted, false),
        eq(alerts.setsStatus, true),
        isNotNull(alerts.confirmedAt),
      ),
    )
    .all()
    .flatMap((r) => (r.status ? [r.status] : []));
}

/** Components that a trusted (status-setting) alert was ever mapped to. */
export function listTrustedAlertComponents(db: Db): string[] {
  return db
    .selectDistinct({ componentId: alerts.componentId })
    .from(alerts)
    .where(and(eq(alerts.setsStatus, true), isNotNull(alerts.componentId)))
    .all()
    .map((r) => r.componentId!);
}

/** Whether any trusted (status-setting), unmuted alert was ever mapped to this component. */
export function hasTrustedAlerts(db: Db, componentId: string): boolean {
  return (
    db
      .select({ one: sql<number>`1` })
      .from(alerts)
      .where(and(eq(alerts.componentId, componentId), eq(alerts.setsStatus, true), eq(alerts.muted, false)))
      .limit(1)
      .get() !== undefined
  );
}

/** Firing alerts that have not yet fired long enough to count. */
export function listUnconfirmedFiring(db: Db): AlertRow[] {
  return db
    .select()
    .from(alerts)
    .where(and(eq(alerts.state, "firing"), isNull(alerts.confirmedAt), isNotNull(alerts.componentId)))
    .all();
}

// ---- deliveries

export function insertDelivery(db: Db, row: typeof alertDeliveries.$inferInsert): void {
  db.insert(alertDeliveries).values(row).run();
  // The oldest kept row of this source; everything of this source before it goes.
  const oldestKept = db
    .select({ id: alertDeliveries.id })
    .from(alertDeliveries)
    .where(eq(alertDeliveries.sourceId, row.sourceId))
    .orderBy(desc(alertDeliveries.id))
    .limit(1)
    .offset(DELIVERIES_KEPT - 1)
    .get();
  if (oldestKept)
    db.delete(alertDeliveries)
      .where(and(eq(alertDeliveries.sourceId, row.sourceId), lt(alertDeliveries.id, oldestKept.id)))
      .run();
}

export function listDeliveries(db: Db, sourceId: string, limit = 50): AlertDeliveryRow[] {
  return db
    .select()
    .from(alertDeliveries)
    .where(eq(alertDeliveries.sourceId, sourceId))
    .orderBy(desc(alertDeliveries.id))
    .limit(limit)
    .all();
}

/** Per source: how many alerts fire now, and how many of those no rule mapped (for the sources list). */
export function countFiringBySource(db: Db): Map<string, { firing: number; unmapped: number }> {
  const rows = db
    .select({
      sourceId: alerts.sourceId,
      firing: sql<number>`count(*)`,
      unmapped: sql<number>`sum(case when ${alerts.componentId} is null then 1 else 0 end)`,
    })
    .from(alerts)
    .where(eq(alerts.state, "firing"))
    .groupBy(alerts.sourceId)
    .all();
  return new Map(rows.map((r) => [r.sourceId, { firing: Number(r.firing), unmapped: Number(r.unmapped) }]));
}
