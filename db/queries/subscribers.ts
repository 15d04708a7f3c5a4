import { and, asc, eq, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { subscribers, subscribeThrottle } from "../schema";

export type SubscriberRow = typeof subscribers.$inferSelect;

export function insertSubscriber(db: Db, row: typeof subscribers.$inferInsert): SubscriberRow {
  return db.insert(subscribers).values(row).returning().get();
}

export function getSubscriber(db: Db, id: string): SubscriberRow | undefined {
  return db.select().from(subscribers).where(eq(subscribers.id, id)).get();
}

export function subscriberByToken(db: Db, token: string): SubscriberRow | undefined {
  return db.select().from(subscribers).where(eq(subscribers.token, token)).get();
}

export function subscriberByAddress(db: Db, kind: SubscriberRow["kind"], address: string): SubscriberRow | undefined {
  return db
    .select()
    .from(subscribers)
    .where(and(eq(subscribers.kind, kind), eq(subscribers.address, address)))
    .get();
}

export function patchSubscriber(db: Db, id: string, patch: Partial<typeof subscribers.$inferInsert>): SubscriberRow {
  return db.update(subscribers).set(patch).where(eq(subscribers.id, id)).returning().get();
}

export function deleteSubscriber(db: Db, id: string): void {
  db.delete(subscribers).where(eq(subscribers.id, id)).run();
}

/** Every confirmed subscriber (the outbox filters them by component). */
export function listConfirmed(db: Db, kind?: SubscriberRow["kind"]): SubscriberRow[] {
  return db
    .select()
    .from(subscribers)
    .where(and(isNotNull(subscribers.confirmedAt), kind ? eq(subscribers.kind, kind) : undefined))
    .all();
}

export function listSubscribers(
  db: Db,
  opts: { kind?: SubscriberRow["kind"]; limit: number; offset: number },
): SubscriberRow[] {
  return db
    .select()
    .from(subscribers)
    .where(opts.kind ? eq(subscribers.kind, opts.kind) : undefined)
    .orderBy(asc(subscribers.kind), asc(subscribers.createdAt))
    .limit(opts.limit)
    .offset(opts.offset)
    .all();
}

export function countSubscribers(db: Db): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(subscribers)
      .get()?.n ?? 0
  );
}

/** Counts one attempt for `key` in a fixed window; returns the count including this one. */
export function bumpThrottle(db: Db, key: string, now: number, windowMs: number): number {
  const row = db.select().from(subscribeThrottle).where(eq(subscribeThrottle.key, key)).get();
  if (!row || now - row.windowStartedAt >= windowMs) {
    db.insert(subscribeThrottle)
      .values({ key, count: 1, windowStartedAt: now })
      .onConflictDoUpdate({ target: subscribeThrottle.key, set: { count: 1, windowStartedAt: now } })
      .run();
    return 1;
  }
  db.update(subscribeThrottle)
    .set({ count: row.count + 1 })
    .where(eq(subscribeThrottle.key, key))
    .run();
  return row.count + 1;
}

/** Deletes subscribe throttle rows whose window began before `windowStart`; returns how many. */
export function deleteSpentSubscribeThrottles(db: Db, windowStart: number): number {
  return db.delete(subscribeThrottle).where(lt(subscribeThrottle.windowStartedAt, windowStart)).run().changes;
}
