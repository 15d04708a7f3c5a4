import { and, asc, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../client";
import { componentGroups, components, componentStatusPeriods } from "../schema";
import type { ComponentStatus } from "@/lib/constants";

export type ComponentRow = typeof components.$inferSelect;
export type GroupRow = typeof componentGroups.$inferSelect;
export type PeriodRow = typeof componentStatusPeriods.$inferSelect;

export function listGroups(db: Db, pageId: string): GroupRow[] {
  return db
    .select()
    .from(componentGroups)
    .where(eq(componentGroups.pageId, pageId))
    .orderBy(asc(componentGroups.position))
    .all();
}

export function listComponents(db: Db, pageId: string): ComponentRow[] {
  return db.select().from(components).where(eq(components.pageId, pageId)).orderBy(asc(components.position)).all();
}

export function getComponent(db: Db, id: string): ComponentRow | undefined {
  return db.select().from(components).where(eq(components.id, id)).get();
}

/** Status periods that overlap [since, now]: bounded by the window, not by history length. */
export function listPeriodsSince(db: Db, since: number): PeriodRow[] {
  return db
    .select()
    .from(componentStatusPeriods)
    .where(or(isNull(componentStatusPeriods.endedAt), gt(componentStatusPeriods.endedAt, since)))
    .all();
}

export function insertGroup(db: Db, row: typeof componentGroups.$inferInsert): GroupRow {
  return db.insert(componentGroups).values(row).returning().get();
}

/** Inserts a component and opens its first status period. Call inside a transaction. */
export function insertComponent(db: Db, row: typeof components.$inferInsert): ComponentRow {
  const created = db.insert(components).values(row).returning().get();
  db.insert(componentStatusPeriods)
    .values({ componentId: created.id, status: created.status, startedAt: created.createdAt })
    .run();
  return created;
}

/**
 * Sets a component's status and records the change in its history (closes the open period,
 * opens a new one). Returns the old status. Call inside a transaction.
 */
export function writeComponentStatus(
  db: Db,
  componentId: string,
  status: ComponentStatus,
  at: number,
): ComponentStatus {
  const current = getComponent(db, componentId);
  if (!current) throw new Error(`component ${componentId} not found`);
  if (current.status === status) return status;
  db.update(components).set({ status, updatedAt: at }).where(eq(components.id, componentId)).run();
  db.update(componentStatusPeriods)
    .set({ endedAt: at })
    .where(and(eq(componentStatusPeriods.componentId, componentId), isNull(componentStatusPeriods.endedAt)))
    .run();
  db.insert(componentStatusPeriods).values({ componentId, status, startedAt: at }).run();
  return current.status;
}

/**
 * Takes a component's latest status period back out of its history when it is `status`, began
 * at or after `since`, and followed a period of `back`: that period continues as if the change
 * had not happened, and the component is `back` again. False (nothing written) otherwise. Call
 * inside a transaction.
 */
export function foldLatestStatus(
  db: Db,
  componentId: string,
  status: ComponentStatus,
  back: ComponentStatus,
  since: number,
  at: number,
): boolean {
  const current = db
    .select()
    .from(componentStatusPeriods)
    .where(and(eq(componentStatusPeriods.componentId, componentId), isNull(componentStatusPeriods.endedAt)))
    .get();
  if (!current || current.status !== status || current.startedAt < since) return false;
  const previous = db
    .select()
    .from(componentStatusPeriods)
    .where(
      and(eq(componentStatusPeriods.componentId, componentId), eq(componentStatusPeriods.endedAt, current.startedAt)),
    )
    .get();
  if (!previous || previous.status !== back) return false;
  db.delete(componentStatusPeriods).where(eq(componentStatusPeriods.id, current.id)).run();
  db.update(componentStatusPeriods).set({ endedAt: null }).where(eq(componentStatusPeriods.id, previous.id)).run();
  db.update(components).set({ status: back, updatedAt: at }).where(eq(components.id, componentId)).run();
  return true;
}

export function getGroup(db: Db, id: string): GroupRow | undefined {
  return db.select().from(componentGroups).where(eq(componentGroups.id, id)).get();
}

export function updateComponentRow(db: Db, id: string, patch: Partial<typeof components.$inferInsert>): ComponentRow {
  return db.update(components).set(patch).where(eq(components.id, id)).returning().get();
}

export function deleteComponentRow(db: Db, id: string): void {
  db.delete(components).where(eq(components.id, id)).run();
}

export function updateGroupRow(db: Db, id: string, patch: Partial<typeof componentGroups.$inferInsert>): GroupRow {
  return db.update(componentGroups).set(patch).where(eq(componentGroups.id, id)).returning().get();
}

export function deleteGroupRow(db: Db, id: string): void {
  db.delete(componentGroups).where(eq(componentGroups.id, id)).run();
}

export function findComponentBySlug(db: Db, pageId: string, slug: string): ComponentRow | undefined {
  return db
    .select()
    .from(components)
    .where(and(eq(components.pageId, pageId), eq(components.slug, slug)))
    .get();
}

/**
 * Rewrites a component's history so it was in `status` during [from, to), splitting the periods
 * around it (a backfilled incident). `to` is in the past. Call inside a transaction.
 */
export function overwritePeriod(db: Db, componentId: string, status: ComponentStatus, from: number, to: number): void {
  const p = componentStatusPeriods;
  const overlapping = db
    .select()
    .from(p)
    .where(and(eq(p.componentId, componentId), lt(p.startedAt, to), or(isNull(p.endedAt), gt(p.endedAt, from))))
    .all();
  for (const row of overlapping) {
    const endsAfter = row.endedAt === null || row.endedAt > to;
    if (row.startedAt < from) {
      db.update(p).set({ endedAt: from }).where(eq(p.id, row.id)).run();
      if (endsAfter)
        db.insert(p).values({ componentId, status: row.status, startedAt: to, endedAt: row.endedAt }).run();
    } else if (endsAfter) {
      db.update(p).set({ startedAt: to }).where(eq(p.id, row.id)).run();
    } else {
      db.delete(p).where(eq(p.id, row.id)).run();
    }
  }
  db.insert(p).values({ componentId, status, startedAt: from, endedAt: to }).run();
}
