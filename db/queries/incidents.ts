import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  lt,
  max,
  notInArray,
  or,
  sql,
  type SQL,
  type SQLWrapper,
} from "drizzle-orm";
import type { Db } from "../client";
import { incidentComponents, incidents, incidentUpdateComponents, incidentUpdates } from "../schema";
import type { IncidentKind } from "@/lib/constants";

export type IncidentRow = typeof incidents.$inferSelect;
export type UpdateRow = typeof incidentUpdates.$inferSelect;
export type UpdateComponentRow = typeof incidentUpdateComponents.$inferSelect;

export function getIncident(db: Db, id: string): IncidentRow | undefined {
  return db.select().from(incidents).where(eq(incidents.id, id)).get();
}

export function listByStatus(db: Db, kind: IncidentKind, statuses: readonly IncidentRow["status"][]): IncidentRow[] {
  return db
    .select()
    .from(incidents)
    .where(and(eq(incidents.kind, kind), inArray(incidents.status, statuses)))
    .orderBy(desc(incidents.startedAt))
    .all();
}

/** The most recent of a kind, newest first by start. */
export function listRecent(db: Db, kind: IncidentKind, limit: number): IncidentRow[] {
  return db
    .select()
    .from(incidents)
    .where(eq(incidents.kind, kind))
    .orderBy(desc(incidents.startedAt))
    .limit(limit)
    .all();
}

/** What the history lists: one component's incidents only, when given. */
export type HistoryFilter = { componentId?: string | null };

/**
 * Incidents and maintenances that started in [start, end), for the history: a scheduled
 * maintenance that has not begun is not history yet (its start is its window's), so it is left out.
 */
function historyWhere(db: Db, range: { start: number; end: number }, filter: HistoryFilter): SQL | undefined {
  return and(
    gte(incidents.startedAt, range.start),
    lt(incidents.startedAt, range.end),
    sql`${incidents.status} <> 'scheduled'`,
    filter.componentId
      ? inArray(
          incidents.id,
          db
            .select({ id: incidentComponents.incidentId })
            .from(incidentComponents)
            .where(eq(incidentComponents.componentId, filter.componentId)),
        )
      : undefined,
  );
}

/** The history's incidents and maintenances of [start, end), newest first, one page of them. */
export function listStartedBetween(
  db: Db,
  range: { start: number; end: number },
  page: { limit: number; offset: number },
  filter: HistoryFilter = {},
): IncidentRow[] {
  return db
    .select()
    .from(incidents)
    .where(historyWhere(db, range, filter))
    .orderBy(desc(incidents.startedAt), desc(incidents.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
}

export function countStartedBetween(db: Db, range: { start: number; end: number }, filter: HistoryFilter = {}): number {
  return (
    db
      .select({ n: count() })
      .from(incidents)
      .where(historyWhere(db, range, filter))
      .get()?.n ?? 0
  );
}

/**
 * Incidents and maintenances concerning one component that were open at some point of [start, end)
 * (scheduled maintenances that have not begun excluded), newest first, at most `limit`.
 */
export function listForComponentBetween(
  db: Db,
  componentId: string,
  range: { start: number; end: number },
  limit: number,
): IncidentRow[] {
  return db
    .select({ incident: incidents })
    .from(incidentComponents)
    .innerJoin(incidents, eq(incidents.id, incidentComponents.incidentId))
    .where(
      and(
        eq(incidentComponents.componentId, componentId),
        lt(incidents.startedAt, range.end),
        or(sql`${incidents.resolvedAt} is null`, gte(incidents.resolvedAt, range.start)),
        sql`${incidents.status} <> 'scheduled'`,
      ),
    )
    .orderBy(desc(incidents.startedAt))
    .limit(limit)
    .all()
    .map((r) => r.incident);
}

/** The start of the oldest incident, for the history page's bounds. */
export function oldestStart(db: Db): number | null {
  return (
    db
      .select({ at: sql<number | null>`min(${incidents.startedAt})` })
      .from(incidents)
      .get()?.at ?? null
  );
}

export function listUpdates(db: Db, incidentIds: readonly string[]): UpdateRow[] {
  if (incidentIds.length === 0) return [];
  return db
    .select()
    .from(incidentUpdates)
    .where(inArray(incidentUpdates.incidentId, incidentIds as string[]))
    .orderBy(desc(incidentUpdates.seq))
    .all();
}

export function listUpdateComponents(db: Db, updateIds: readonly string[]): UpdateComponentRow[] {
  if (updateIds.length === 0) return [];
  const rows: UpdateComponentRow[] = [];
  // SQLite limits bound parameters; chunk large lists.
  for (let i = 0; i < updateIds.length; i += 500) {
    const chunk = updateIds.slice(i, i + 500) as string[];
    rows.push(
      ...db.select().from(incidentUpdateComponents).where(inArray(incidentUpdateComponents.updateId, chunk)).all(),
    );
  }
  return rows;
}

export function listIncidentComponentIds(
  db: Db,
  incidentIds: readonly string[],
): { incidentId: string; componentId: string }[] {
  if (incidentIds.length === 0) return [];
  return db
    .select()
    .from(incidentComponents)
    .where(inArray(incidentComponents.incidentId, incidentIds as string[]))
    .orderBy(asc(incidentComponents.componentId))
    .all();
}

export function insertIncident(db: Db, row: typeof incidents.$inferInsert): IncidentRow {
  return db.insert(incidents).values(row).returning().get();
}

export function updateIncidentRow(db: Db, id: string, patch: Partial<typeof incidents.$inferInsert>): IncidentRow {
  return db.update(incidents).set(patch).where(eq(incidents.id, id)).returning().get();
}

/** Deletes an incident; its updates and links go with it (foreign keys cascade). */
export function deleteIncidentRow(db: Db, id: string): void {
  db.delete(incidents).where(eq(incidents.id, id)).run();
}

export type IncidentSearch = {
  kind?: IncidentKind;
  statuses?: readonly IncidentRow["status"][];
  /** Text in the name, status, postmortem or any update's body. */
  q?: string;
  order: "newest" | "soonest" | "latest_window";
  limit: number;
  offset: number;
};

const likeEscaped = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One page of incidents matching a filter (the admin API's lists). */
export function searchIncidents(db: Db, f: IncidentSearch): IncidentRow[] {
  const where: SQL[] = [];
  if (f.kind) where.push(eq(incidents.kind, f.kind));
  if (f.statuses) where.push(inArray(incidents.status, f.statuses));
  if (f.q) {
    const pattern = likeEscaped(f.q);
    const matches = (col: SQLWrapper) => sql`${col} LIKE ${pattern} ESCAPE '\\'`;
    where.push(
      or(
        matches(incidents.name),
        matches(incidents.status),
        matches(incidents.postmortemBody),
        sql`EXISTS (SELECT 1 FROM ${incidentUpdates} WHERE ${incidentUpdates.incidentId} = ${incidents.id} AND ${matches(incidentUpdates.body)})`,
      )!,
    );
  }
  const order = {
    newest: [desc(incidents.createdAt), desc(sql`${incidents}.rowid`)],
    soonest: [asc(incidents.scheduledFor), asc(incidents.createdAt)],
    latest_window: [desc(incidents.scheduledFor), desc(incidents.createdAt)],
  }[f.order];
  return db
    .select()
    .from(incidents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(...order)
    .limit(f.limit)
    .offset(f.offset)
    .all();
}

/** Keeps only the given components linked to an incident. */
export function unlinkComponentsExcept(db: Db, incidentId: string, keep: readonly string[]): void {
  db.delete(incidentComponents)
    .where(
      and(eq(incidentComponents.incidentId, incidentId), notInArray(incidentComponents.componentId, keep as string[])),
    )
    .run();
}

export function linkComponents(db: Db, incidentId: string, componentIds: readonly string[]): void {
  if (componentIds.length === 0) return;
  db.insert(incidentComponents)
    .values(componentIds.map((componentId) => ({ incidentId, componentId })))
    .onConflictDoNothing()
    .run();
}

/** Next value of the strict update order. Call inside the write transaction. */
export function nextUpdateSeq(db: Db): number {
  return (
    (db
      .select({ m: max(incidentUpdates.seq) })
      .from(incidentUpdates)
      .get()?.m ?? 0) + 1
  );
}

export function insertUpdate(db: Db, row: typeof incidentUpdates.$inferInsert): UpdateRow {
  return db.insert(incidentUpdates).values(row).returning().get();
}

export function insertUpdateComponents(db: Db, rows: (typeof incidentUpdateComponents.$inferInsert)[]): void {
  if (rows.length > 0) db.insert(incidentUpdateComponents).values(rows).run();
}

export function getUpdate(db: Db, id: string): UpdateRow | undefined {
  return db.select().from(incidentUpdates).where(eq(incidentUpdates.id, id)).get();
}

export function updateUpdateRow(db: Db, id: string, patch: Partial<typeof incidentUpdates.$inferInsert>): UpdateRow {
  return db.update(incidentUpdates).set(patch).where(eq(incidentUpdates.id, id)).returning().get();
}

export function deleteUpdateRow(db: Db, id: string): void {
  db.delete(incidentUpdates).where(eq(incidentUpdates.id, id)).run();
}

/** Open incidents whose promised update time has passed and whose reminder has not gone out. */
export function listOverdueUnreminded(db: Db, now: number): IncidentRow[] {
  return db
    .select()
    .from(incidents)
    .where(and(lt(incidents.nextUpdateAt, now + 1), sql`${incidents.overdueRemindedAt} IS NULL`))
    .all();
}

/** Maintenances that may need the clock: scheduled, in progress or verifying. */
export function listLiveMaintenances(db: Db): IncidentRow[] {
  return db
    .select()
    .from(incidents)
    .where(and(eq(incidents.kind, "maintenance"), inArray(incidents.status, ["scheduled", "in_progress", "verifying"])))
    .all();
}
