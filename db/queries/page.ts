import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { pages } from "../schema";

export type PageRow = typeof pages.$inferSelect;

/** The page row (Outpost serves one page per instance). */
export function getPage(db: Db): PageRow | undefined {
  return db.select().from(pages).limit(1).get();
}

export function insertPage(db: Db, row: typeof pages.$inferInsert): PageRow {
  return db.insert(pages).values(row).returning().get();
}

export function updatePage(db: Db, id: string, patch: Partial<typeof pages.$inferInsert>): PageRow {
  return db.update(pages).set(patch).where(eq(pages.id, id)).returning().get();
}
