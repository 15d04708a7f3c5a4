import { desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { apiTokens } from "../schema";

export type TokenRow = typeof apiTokens.$inferSelect;

export function listTokens(db: Db): TokenRow[] {
  return db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt)).all();
}

export function getToken(db: Db, id: string): TokenRow | undefined {
  return db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
}

export function findTokenByHash(db: Db, tokenHash: string): TokenRow | undefined {
  return db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).get();
}

export function insertToken(db: Db, row: typeof apiTokens.$inferInsert): TokenRow {
  return db.insert(apiTokens).values(row).returning().get();
}

export function updateToken(db: Db, id: string, patch: Partial<typeof apiTokens.$inferInsert>): void {
  db.update(apiTokens).set(patch).where(eq(apiTokens.id, id)).run();
}
