import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { maintenanceRecurrences } from "../schema";

export type RecurrenceRow = typeof maintenanceRecurrences.$inferSelect;

export function getRecurrence(db: Db, id: string): RecurrenceRow | undefined {
  return db.select().from(maintenanceRecurrences).where(eq(maintenanceRecurrences.id, id)).get();
}

export function listRecurrences(db: Db): RecurrenceRow[] {
  return db.select().from(maintenanceRecurrences).all();
}

export function listActiveRecurrences(db: Db): RecurrenceRow[] {
  return db.select().from(maintenanceRecurrences).where(eq(maintenanceRecurrences.active, true)).all();
}

export function insertRecurrence(db: Db, row: typeof maintenanceRecurrences.$inferInsert): RecurrenceRow {
  return db.insert(maintenanceRecurrences).values(row).returning().get();
}

export function updateRecurrenceRow(
  db: Db,
  id: string,
  patch: Partial<typeof maintenanceRecurrences.$inferInsert>,
): void {
  db.update(maintenanceRecurrences).set(patch).where(eq(maintenanceRecurrences.id, id)).run();
}
