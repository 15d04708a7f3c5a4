import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { incidentTemplates } from "../schema";

export type TemplateRow = typeof incidentTemplates.$inferSelect;

export function listTemplates(db: Db): TemplateRow[] {
  return db.select().from(incidentTemplates).orderBy(asc(incidentTemplates.name)).all();
}

export function getTemplate(db: Db, id: string): TemplateRow | undefined {
  return db.select().from(incidentTemplates).where(eq(incidentTemplates.id, id)).get();
}

export function insertTemplate(db: Db, row: typeof incidentTemplates.$inferInsert): TemplateRow {
  return db.insert(incidentTemplates).values(row).returning().get();
}

export function updateTemplateRow(
  db: Db,
  id: string,
  patch: Partial<typeof incidentTemplates.$inferInsert>,
): TemplateRow {
  return db.update(incidentTemplates).set(patch).where(eq(incidentTemplates.id, id)).returning().get();
}

export function deleteTemplateRow(db: Db, id: string): void {
  db.delete(incidentTemplates).where(eq(incidentTemplates.id, id)).run();
}
