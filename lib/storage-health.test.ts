import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { storageHealth } from "./storage-health";

function fileDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-health-test-"));
  const file = path.join(dir, "outpost.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  return { db, file };
}

describe("storage health", () => {
  it("is ok when the database can be written and the disk has room", () => {
    const { db, file } = fileDatabase();
    expect(
      storageHealth(
        () => db,
        file,
        () => 10 * 1024 * 1024,
      ),
    ).toEqual({ database: "ok", disk: "ok", reasons: [] });
  });

  it("says why it is degraded: a read-only database, a full disk", () => {
    const { db, file } = fileDatabase();
    const readOnly = drizzle(new Database(file, { readonly: true })) as unknown as Db;
    expect(
      storageHealth(
        () => readOnly,
        file,
        () => 10 * 1024 * 1024,
      ),
    ).toMatchObject({ database: "read_only", reasons: ["database_read_only"] });
    expect(
      storageHealth(
        () => db,
        file,
        () => 4096,
      ),
    ).toMatchObject({ disk: "full", reasons: ["disk_full"] });
    expect(
      storageHealth(
        () => {
          throw new Error("gone");
        },
        file,
        () => null,
      ),
    ).toMatchObject({ database: "unreachable", disk: "unknown", reasons: ["database_unreachable"] });
  });
});
