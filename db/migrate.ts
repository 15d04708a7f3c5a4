import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

/** Applies the committed drizzle-kit migrations; safe to run on every start. */
export function migrateDatabase(db: Db, folder = MIGRATIONS_FOLDER): void {
  migrate(db, { migrationsFolder: folder });
}
