// Test support: a migrated private database.
import { openDatabase, type Db } from "./client";
import { migrateDatabase } from "./migrate";

export function testDatabase(file = ":memory:"): Db {
  const db = openDatabase(file);
  migrateDatabase(db);
  return db;
}
