import { and, count, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { affectedReports } from "../schema";

/** Records a report; false when this client already reported this component in this window. */
export function insertAffectedReport(db: Db, row: typeof affectedReports.$inferInsert): boolean {
  return db.insert(affectedReports).values(row).onConflictDoNothing().run().changes > 0;
}

export function countClientReportsSince(db: Db, clientHash: string, since: number): number {
  return db
    .select({ n: count() })
    .from(affectedReports)
    .where(and(eq(affectedReports.clientHash, clientHash), gte(affectedReports.createdAt, since)))
    .get()!.n;
}

export function countWindowReports(db: Db, componentId: string, windowStart: number): number {
  return db
    .select({ n: count() })
    .from(affectedReports)
    .where(and(eq(affectedReports.componentId, componentId), eq(affectedReports.windowStart, windowStart)))
    .get()!.n;
}

/** Report counts per component and window since `since` (bounded by the window index). */
export function listWindowCounts(db: Db, since: number): { componentId: string; windowStart: number; count: number }[] {
  return db
    .select({
      componentId: affectedReports.componentId,
      windowStart: affectedReports.windowStart,
      count: sql<number>`count(*)`,
    })
    .from(affectedReports)
    .where(gte(affectedReports.windowStart, since))
    .groupBy(affectedReports.componentId, affectedReports.windowStart)
    .all();
}

export function deleteReportsBefore(db: Db, before: number): number {
  return db.delete(affectedReports).where(lt(affectedReports.windowStart, before)).run().changes;
}
