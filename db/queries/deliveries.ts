// The outbox: delivery rows, the component changes they announce, the sender's lease and the
// network switches.
import { and, asc, desc, eq, inArray, lt, lte, max, notInArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  componentChanges,
  components,
  deliveries,
  incidents,
  incidentUpdates,
  outboxLease,
  subscribers,
  syndicationChannels,
} from "../schema";

export type DeliveryRow = typeof deliveries.$inferSelect;
export type NewDelivery = typeof deliveries.$inferInsert;
export type ComponentChangeRow = typeof componentChanges.$inferSelect;

/** Records a component change with the next value of the changes' strict order. Call inside the write transaction. */
export function insertComponentChange(
  db: Db,
  row: Omit<typeof componentChanges.$inferInsert, "seq">,
): ComponentChangeRow {
  const seq =
    (db
      .select({ m: max(componentChanges.seq) })
      .from(componentChanges)
      .get()?.m ?? 0) + 1;
  return db
    .insert(componentChanges)
    .values({ ...row, seq })
    .returning()
    .get();
}

export function getComponentChange(db: Db, id: string): ComponentChangeRow | undefined {
  return db.select().from(componentChanges).where(eq(componentChanges.id, id)).get();
}

export function insertDeliveries(db: Db, rows: NewDelivery[]): void {
  for (let i = 0; i < rows.length; i += 500)
    db.insert(deliveries)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing()
      .run();
}

export function getDelivery(db: Db, id: string): DeliveryRow | undefined {
  return db.select().from(deliveries).where(eq(deliveries.id, id)).get();
}

/**
 * The next delivery of each target and lane: a pending row with no unfinished (pending or
 * sending) row of a lower seq for the same target in the same lane. The lanes are incident
 * updates and component changes: each goes out strictly in order, and a change of a component's
 * status never waits behind an incident's thread (nor the other way round). The networks come
 * first, so a fan-out to thousands of subscribers never queues ahead of them. Only heads that are
 * due: rows backing off never crowd out the others.
 */
export function listHeads(db: Db, limit: number, now: number): DeliveryRow[] {
  return (
    db
      .select()
      .from(deliveries)
      .where(
        and(
          eq(deliveries.state, "pending"),
          lte(deliveries.nextAttemptAt, now),
          sql`NOT EXISTS (SELECT 1 FROM ${deliveries} AS earlier WHERE earlier.target = ${deliveries.target} AND earlier.state IN ('pending', 'sending') AND earlier.seq < ${deliveries.seq} AND (earlier.component_change_id IS NULL) = (${deliveries.componentChangeId} IS NULL))`,
        ),
      )
      // Oldest first: the two lanes' seqs are separate counts, so only the time compares across them.
      .orderBy(sql`${deliveries.subscriberId} IS NOT NULL`, asc(deliveries.createdAt), asc(deliveries.seq))
      .limit(limit)
      .all()
  );
}

export function patchDelivery(db: Db, id: string, patch: Partial<NewDelivery>): DeliveryRow | undefined {
  return db.update(deliveries).set(patch).where(eq(deliveries.id, id)).returning().get();
}

/** Starts an attempt, only if the row is still pending (a second sender cannot start it too). */
export function claimDelivery(db: Db, id: string, now: number): DeliveryRow | undefined {
  return db
    .update(deliveries)
    .set({ state: "sending", attempts: sql`${deliveries.attempts} + 1`, attemptStartedAt: now, updatedAt: now })
    .where(and(eq(deliveries.id, id), eq(deliveries.state, "pending")))
    .returning()
    .get();
}

/**
 * Rows left "sending" by a sender that is gone: their outcome is unknown, so they go back to
 * pending, marked uncertain (the channel checks before it sends again).
 */
export function recoverAbandoned(db: Db, inFlight: readonly string[], now: number): number {
  return db
    .update(deliveries)
    .set({ state: "pending", uncertain: true, nextAttemptAt: now, updatedAt: now })
    .where(and(eq(deliveries.state, "sending"), notInArray(deliveries.id, inFlight as string[])))
    .run().changes;
}

/** The last post of the same thread: the latest sent delivery to this target for this incident, before this one. */
export function previousInThread(
  db: Db,
  d: Pick<DeliveryRow, "incidentId" | "target" | "seq">,
): DeliveryRow | undefined {
  if (!d.incidentId) return undefined;
  return db
    .select()
    .from(deliveries)
    .where(
      and(
        eq(deliveries.incidentId, d.incidentId),
        eq(deliveries.target, d.target),
        eq(deliveries.state, "sent"),
        lt(deliveries.seq, d.seq),
      ),
    )
    .orderBy(desc(deliveries.seq))
    .limit(1)
    .get();
}

export type DeliveryView = DeliveryRow & {
  updateId: string;
  incidentId: string;
  updateStatus: string;
  updateCreatedAt: number;
};

/** An incident's deliveries with their update, newest update first (bounded). */
export function listIncidentDeliveries(db: Db, incidentId: string, limit = 2_000): DeliveryView[] {
  return db
    .select({
      d: deliveries,
      updateId: incidentUpdates.id,
      updateStatus: incidentUpdates.status,
      updateCreatedAt: incidentUpdates.createdAt,
    })
    .from(deliveries)
    .innerJoin(incidentUpdates, eq(incidentUpdates.id, deliveries.updateId))
    .where(eq(deliveries.incidentId, incidentId))
    .orderBy(desc(deliveries.seq), asc(deliveries.channel), asc(deliveries.target))
    .limit(limit)
    .all()
    .map(({ d, ...update }) => ({ ...d, ...update, incidentId }));
}

/**
 * Recent failed or unknown deliveries, newest first, each with what it announced: its incident's
 * name, or the component and the status it changed to.
 */
export function listRecentProblems(db: Db, limit: number) {
  return db
    .select({
      d: deliveries,
      incidentName: incidents.name,
      componentName: components.name,
      newStatus: componentChanges.newStatus,
      subscriberAddress: subscribers.address,
    })
    .from(deliveries)
    .leftJoin(incidents, eq(incidents.id, deliveries.incidentId))
    .leftJoin(subscribers, eq(subscribers.id, deliveries.subscriberId))
    .leftJoin(componentChanges, eq(componentChanges.id, deliveries.componentChangeId))
    .leftJoin(components, eq(components.id, componentChanges.componentId))
    .where(inArray(deliveries.state, ["failed", "unknown"]))
    .orderBy(desc(deliveries.updatedAt))
    .limit(limit)
    .all()
    .map(({ d, ...about }) => ({ ...d, ...about }));
}

export type ProblemDelivery = ReturnType<typeof listRecentProblems>[number];

export function countByState(db: Db): Record<string, number> {
  const rows = db
    .select({ state: deliveries.state, n: sql<number>`count(*)` })
    .from(deliveries)
    .groupBy(deliveries.state)
    .all();
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** Takes or renews the named lease for `holder`; true when this holder has it afterwards. */
export function acquireLease(db: Db, name: string, holder: string, now: number, ttlMs: number): boolean {
  db.insert(outboxLease)
    .values({ name, holder, expiresAt: now + ttlMs })
    .onConflictDoUpdate({
      target: outboxLease.name,
      set: { holder, expiresAt: now + ttlMs },
      setWhere: sql`${outboxLease.holder} = ${holder} OR ${outboxLease.expiresAt} < ${now}`,
    })
    .run();
  return db.select().from(outboxLease).where(eq(outboxLease.name, name)).get()?.holder === holder;
}

export function releaseLease(db: Db, name: string, holder: string): void {
  db.delete(outboxLease)
    .where(and(eq(outboxLease.name, name), eq(outboxLease.holder, holder)))
    .run();
}

export function networkSwitches(db: Db): Map<string, boolean> {
  return new Map(
    db
      .select()
      .from(syndicationChannels)
      .all()
      .map((r) => [r.name, r.enabled]),
  );
}

export function setNetworkSwitch(db: Db, name: string, enabled: boolean, now: number): void {
  db.insert(syndicationChannels)
    .values({ name, enabled, updatedAt: now })
    .onConflictDoUpdate({ target: syndicationChannels.name, set: { enabled, updatedAt: now } })
    .run();
}
