// Tools open the same database as the server (WAL lets both run at once) and migrate it first.
import { DatabaseOpenError, openDatabase, setDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { config, ConfigError } from "@/lib/config";

export function openToolDatabase(): Db {
  try {
    const db = openDatabase(config().databasePath);
    migrateDatabase(db);
    return setDatabase(db);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DatabaseOpenError) {
      console.error(`outpost: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
