// Migrations keep what an existing instance holds: deliveries written before component updates
// existed survive the table rebuild that makes their update and incident optional.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { migrateDatabase, MIGRATIONS_FOLDER } from "./migrate";

const T0 = Date.parse("2026-11-24T12:00:00Z");
const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) fs.rmSync(f, { recursive: true, force: true });
});

/** The committed migrations up to (not including) the one tagged `before`. */
function migrationsBefore(before: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-migrations-"));
  folders.push(dir);
  fs.cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag === before);
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe("migrations", () => {
  it("keep existing deliveries when deliveries learn component changes", () => {
    const db = openDatabase(":memory:");
    migrateDatabase(db, migrationsBefore("0008_component_changes"));
    const sql = db.$client;
    sql.exec(`
      INSERT INTO pages (id, name, created_at, updated_at) VALUES ('p1', 'Acme', ${T0}, ${T0});
      INSERT INTO incidents (id, page_id, kind, name, status, created_at, updated_at, started_at)
        VALUES ('i1', 'p1', 'incident', 'Down', 'investigating', ${T0}, ${T0}, ${T0});
      INSERT INTO incident_updates (id, seq, incident_id, status, body, created_at, updated_at, display_at)
        VALUES ('u1', 1, 'i1', 'investigating', 'Looking.', ${T0}, ${T0}, ${T0});
      INSERT INTO subscribers (id, kind, address, token, confirmed_at, created_at, updated_at)
        VALUES ('s1', 'webhook', 'https://hooks.example/a', 'tok', ${T0}, ${T0}, ${T0});
      INSERT INTO deliveries (id, update_id, incident_id, seq, channel, target, subscriber_id, state, attempts,
          next_attempt_at, last_error, created_at, updated_at)
        VALUES ('d1', 'u1', 'i1', 1, 'webhook', 's1', 's1', 'failed', 8, ${T0}, 'answered 500', ${T0}, ${T0}),
               ('d2', 'u1', 'i1', 1, 'x', 'x', NULL, 'sent', 1, ${T0}, NULL, ${T0}, ${T0});
    `);

    migrateDatabase(db);

    expect(sql.prepare("SELECT * FROM deliveries ORDER BY id").all()).toEqual([
      expect.objectContaining({
        id: "d1",
        update_id: "u1",
        incident_id: "i1",
        component_change_id: null,
        state: "failed",
        attempts: 8,
        last_error: "answered 500",
      }),
      expect.objectContaining({ id: "d2", update_id: "u1", component_change_id: null, state: "sent" }),
    ]);
    // A delivery announces an incident update or a component change, never neither.
    expect(() =>
      sql.exec(`INSERT INTO deliveries (id, seq, channel, target, next_attempt_at, created_at, updated_at)
        VALUES ('d3', 1, 'x', 'x', ${T0}, ${T0}, ${T0})`),
    ).toThrow(/CHECK constraint failed/);
    // Deleting the incident still takes its deliveries along.
    sql.exec("DELETE FROM incidents WHERE id = 'i1'");
    expect(sql.prepare("SELECT count(*) FROM deliveries").pluck().get()).toBe(0);
    expect(sql.pragma("foreign_key_check")).toEqual([]);
  });
});
