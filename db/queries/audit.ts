import { and, desc, eq, like, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog } from "../schema";

export type AuditRow = typeof auditLog.$inferSelect;
export type AuditFilter = {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  before?: number;
  limit?: number;
};

export function insertAudit(db: Db, row: typeof auditLog.$inferInsert): void {
  db.insert(auditLog).values(row).run();
}

/** Newest first; `before` is an id cursor for the next page. */
export function listAudit(db: Db, filter: AuditFilter = {}): AuditRow[] {
  const where: SQL[] = [];
  if (filter.actorId) where.push(eq(auditLog.actorId, filter.actorId));
  if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  if (filter.action) where.push(or(eq(auditLog.action, filter.action), like(auditLog.action, `${filter.action}.%`))!);
  if (filter.before) where.push(lt(auditLog.id, filter.before));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit ?? 50)
    .all();
}

/** The distinct entity types and actors seen, for the filter menus. */
export function auditFacets(db: Db): { entityTypes: string[]; actors: { id: string; label: string }[] } {
  const entityTypes = db
    .selectDistinct({ v: auditLog.entityType })
    .from(auditLog)
    .orderBy(auditLog.entityType)
    .all()
    .map((r) => r.v);
  const actors = db
    .selectDistinct({ id: auditLog.actorId, label: auditLog.actorLabel })
    .from(auditLog)
    .orderBy(auditLog.actorLabel)
    .all()
    .filter((a): a is { id: string; label: string } => a.id !== null);
  return { entityTypes, actors };
}
