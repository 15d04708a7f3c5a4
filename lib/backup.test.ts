import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import {
  backupDatabase,
  backupDue,
  backupStatus,
  readManifest,
  restoreDatabase,
  retained,
  type BackupRecord,
} from "./backup";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const HOUR = 3600_000;

function fileDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-backup-test-"));
  const db = openDatabase(path.join(dir, "outpost.db"));
  migrateDatabase(db);
  seedDemo(db, { name: "Demo", timeZone: "Etc/UTC", now: NOW });
  return { db, dir, dbPath: path.join(dir, "outpost.db"), backups: path.join(dir, "backups") };
}

const rec = (file: string, createdAt: number): BackupRecord => ({
  file,
  createdAt,
  bytes: 1,
  sha256: "x",
  rowCounts: {},
  restoreTestedAt: createdAt,
});

describe("retention", () => {
  it("keeps the newest of each of the last 24 hours and of each of the last 30 days", () => {
    const backups = [];
    // Every 20 minutes for 40 days.
    for (let t = NOW - 40 * 24 * HOUR; t <= NOW; t += 20 * 60_000) backups.push(rec(`b${t}`, t));
    const keep = retained(backups, NOW);
    const kept = backups.filter((b) => keep.has(b.file));
    expect(kept.filter((b) => NOW - b.createdAt < 24 * HOUR).length).toBeGreaterThanOrEqual(24);
    expect(kept.length).toBeLessThanOrEqual(24 + 31);
    expect(kept.some((b) => NOW - b.createdAt > 31 * 24 * HOUR)).toBe(false);
    expect(keep.has(`b${NOW}`)).toBe(true);
    expect(retained([rec("only", NOW - 90 * 24 * HOUR)], NOW).has("only")).toBe(true);
  });
});

describe("when a backup is due", () => {
  it("at once without one; hourly when data changed; daily regardless", () => {
    expect(backupDue(null, 1, NOW)).toBe(true);
    const last = { at: NOW, version: 5 };
    expect(backupDue(last, 6, NOW + 59 * 60_000)).toBe(false);
    expect(backupDue(last, 6, NOW + HOUR)).toBe(true);
    expect(backupDue(last, 5, NOW + 23 * HOUR)).toBe(false);
    expect(backupDue(last, 5, NOW + 24 * HOUR)).toBe(true);
  });
});

describe("backups", () => {
  it("writes a verified copy with its checksum and row counts, restorable over the live file", async () => {
    const { db, dbPath, backups } = fileDatabase();
    const record = await backupDatabase(db, backups, NOW);
    expect(record.rowCounts.components).toBe(8);
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.existsSync(path.join(backups, record.file))).toBe(true);
    expect(backupStatus(backups)).toMatchObject({ count: 1, last: { file: record.file }, lastError: null });

    db.$client.prepare("DELETE FROM incident_updates").run();
    db.$client.close();
    const { asideAs, rowCounts } = restoreDatabase(path.join(backups, record.file), dbPath, NOW + 1000);
    expect(asideAs && fs.existsSync(asideAs)).toBe(true);
    const restored = openDatabase(dbPath);
    expect(restored.$client.prepare("SELECT count(*) AS n FROM incident_updates").get()).toEqual({
      n: rowCounts.incident_updates,
    });
    expect(rowCounts.incident_updates).toBeGreaterThan(0);
    restored.$client.close();
  });

  it("refuses to restore a corrupt file and leaves the database as it was", async () => {
    const { db, dbPath, backups } = fileDatabase();
    const record = await backupDatabase(db, backups, NOW);
    const corrupt = path.join(backups, "corrupt.db");
    const bytes = fs.readFileSync(path.join(backups, record.file));
    bytes.fill(0x41, 100, bytes.length);
    fs.writeFileSync(corrupt, bytes);
    expect(() => restoreDatabase(corrupt, dbPath)).toThrow();
    fs.writeFileSync(corrupt, "not a database at all");
    expect(() => restoreDatabase(corrupt, dbPath)).toThrow();
    expect(db.$client.prepare("SELECT count(*) AS n FROM components").get()).toEqual({ n: 8 });
    db.$client.close();
  });

  it("records a failed backup and keeps the earlier ones", async () => {
    const { db, backups } = fileDatabase();
    await backupDatabase(db, backups, NOW);
    db.$client.close();
    await expect(backupDatabase(db, backups, NOW + HOUR)).rejects.toThrow();
    const m = readManifest(backups);
    expect(m.backups).toHaveLength(1);
    expect(m.lastError?.at).toBe(NOW + HOUR);
  });
});

describe("[security] file modes", () => {
  it("creates the database, its WAL, the backup folder and backups readable by the owner only", async () => {
    const previous = process.umask(0o022);
    try {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-modes-test-"));
      const dataDir = path.join(dir, "data");
      const dbPath = path.join(dataDir, "outpost.db");
      const db = openDatabase(dbPath);
      migrateDatabase(db);
      const mode = (p: string) => fs.statSync(p).mode & 0o777;
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(dbPath)).toBe(0o600);
      expect(mode(`${dbPath}-wal`)).toBe(0o600);
      expect(mode(`${dbPath}-shm`)).toBe(0o600);
      const backups = path.join(dataDir, "backups");
      const record = await backupDatabase(db, backups, NOW);
      expect(mode(backups)).toBe(0o700);
      expect(mode(path.join(backups, record.file))).toBe(0o600);
      const restoredPath = path.join(dir, "restored", "outpost.db");
      restoreDatabase(path.join(backups, record.file), restoredPath, NOW);
      expect(mode(restoredPath)).toBe(0o600);
      db.$client.close();
    } finally {
      process.umask(previous);
    }
  });
});
