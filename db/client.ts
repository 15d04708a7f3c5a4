// Opens the one SQLite connection of this process. Imported by db/, lib/ (verbs and the read
// models in lib/views), server/ (the launcher and the front server) and the e2e fixtures; never
// by app/ or components/, which an ESLint rule in eslint.config.mjs enforces.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export class DatabaseOpenError extends Error {}

/** Opens (creating its folder) and configures a database. `:memory:` gives a private one for tests. */
export function openDatabase(file: string): Db {
  let sqlite: Database.Database;
  try {
    if (file !== ":memory:") {
      const dir = path.dirname(file);
      if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new Error(`${dir} is a file, not a folder`);
      // Private from the start: the database holds password hashes and secrets. SQLite gives its
      // -wal and -shm files the database file's own mode, so they are 0600 too.
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new Error("it is a directory, not a file");
      if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, "a", 0o600));
    }
    sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    // A cheap read that fails on a file that is not a database.
    sqlite.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch (err) {
    const cause = err instanceof Error ? err.message : String(err);
    throw new DatabaseOpenError(`DATABASE_PATH=${file}: cannot open the database: ${cause}`);
  }
  return drizzle(sqlite, { schema }) as Db;
}

const KEY = Symbol.for("outpost.db");
type Holder = { [KEY]?: Db };

/** The process-wide connection, shared by the front server and Next's bundle through globalThis. */
export function getDb(): Db {
  const holder = globalThis as Holder;
  const db = holder[KEY];
  if (!db) throw new Error("The database is not open yet: call setDatabase() at start-up");
  return db;
}

export function setDatabase(db: Db): Db {
  (globalThis as Holder)[KEY] = db;
  return db;
}

/**
 * Runs fn in one SQLite transaction (a savepoint when nested). The connection is synchronous and
 * private to this process, so every query fn makes through `db` is part of it.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.$client.transaction(fn).immediate();
}
