// Backups that are proven: an online copy (SQLite's backup API), verified right after it is
// written (integrity_check, then restored into a temporary file and its row counts compared),
// with a checksum, kept by a retention rule. The list lives in manifest.json beside the files,
// not in the database, so it survives a restore and tells the truth about the files on disk.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { Db } from "@/db/client";

export type BackupRecord = {
  file: string;
  createdAt: number;
  bytes: number;
  sha256: string;
  /** Rows per table in the backup, equal to those of its restored copy. */
  rowCounts: Record<string, number>;
  /** When the copy was restored into a temporary database and checked. */
  restoreTestedAt: number;
};

/** The daily restore from the continuous replica, compared with the database's row counts. */
export type ReplicaCheck = { at: number; ok: boolean; rows: number; message: string | null };

export type BackupManifest = {
  backups: BackupRecord[];
  lastError: { at: number; message: string } | null;
  replicaCheck?: ReplicaCheck | null;
};

/** A backup each hour in which something changed, and at least one a day. */
const BACKUP_EVERY_MS = 60 * 60_000;
const BACKUP_AT_LEAST_MS = 24 * 60 * 60_000;

/** Whether a backup is due: the last is an hour old and data changed since, or a day old. */
export function backupDue(last: { at: number; version: number } | null, version: number, now: number): boolean {
  if (!last) return true;
  return (now - last.at >= BACKUP_EVERY_MS && version !== last.version) || now - last.at >= BACKUP_AT_LEAST_MS;
}

const MANIFEST = "manifest.json";
const HOUR = 3600_000;
const DAY = 24 * HOUR;

export function readManifest(dir: string): BackupManifest {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), "utf8")) as BackupManifest;
    return {
      backups: Array.isArray(parsed.backups) ? parsed.backups : [],
      lastError: parsed.lastError ?? null,
      replicaCheck: parsed.replicaCheck ?? null,
    };
  } catch {
    return { backups: [], lastError: null };
  }
}

function writeManifest(dir: string, manifest: BackupManifest) {
  const tmp = path.join(dir, `${MANIFEST}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(manifest, null, 2));
  fs.renameSync(tmp, path.join(dir, MANIFEST));
}

/** Keeps the newest backup of each of the last 24 hours and of each of the last 30 days. Pure. */
export function retained(backups: readonly BackupRecord[], now: number): Set<string> {
  const keep = new Set<string>();
  const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt);
  const seen = new Set<string>();
  for (const b of newestFirst) {
    const age = now - b.createdAt;
    const slots = [
      age < DAY ? `h${Math.floor(b.createdAt / HOUR)}` : null,
      age < 30 * DAY ? `d${Math.floor(b.createdAt / DAY)}` : null,
    ];
    for (const slot of slots) {
      if (slot && !seen.has(slot)) {
        seen.add(slot);
        keep.add(b.file);
      }
    }
  }
  if (newestFirst[0]) keep.add(newestFirst[0].file); // never delete the only proof there is
  return keep;
}

/** integrity_check and row counts of a database file, opened read-only. Throws when it is not sound. */
export function inspectDatabase(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`integrity_check: ${String(result)}`);
    return countRows(db);
  } finally {
    db.close();
  }
}

/** Rows per table (SQLite's own tables aside), in one read. */
export function countRows(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return db.transaction(() =>
    Object.fromEntries(
      tables.map((t) => [
        t,
        db
          .prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`)
          .pluck()
          .get() as number,
      ]),
    ),
  )();
}

function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Restores a copy into a temporary file and checks it reads back the same. */
function restoreTest(file: string, expected: Record<string, number>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-restore-test-"));
  try {
    const copy = path.join(dir, "restored.db");
    fs.copyFileSync(file, copy);
    const counts = inspectDatabase(copy);
    const differs = Object.keys({ ...expected, ...counts }).find((t) => expected[t] !== counts[t]);
    if (differs)
      throw new Error(
        `restore test: table ${differs} has ${counts[differs] ?? "no"} rows, the backup ${expected[differs] ?? "none"}`,
      );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const stamp = (at: number) =>
  new Date(at)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

/** Writes, verifies and records one backup, then applies retention. A failure is recorded too. */
export async function backupDatabase(db: Db, dir: string, now = Date.now()): Promise<BackupRecord> {
  // Backups hold what the database holds: private folder, private files.
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const manifest = readManifest(dir);
  const file = `outpost-${stamp(now)}.db`;
  const target = path.join(dir, file);
  const partial = `${target}.partial`;
  try {
    fs.closeSync(fs.openSync(partial, "w", 0o600));
    await db.$client.backup(partial);
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, target);
    const rowCounts = inspectDatabase(target);
    restoreTest(target, rowCounts);
    const record: BackupRecord = {
      file,
      createdAt: now,
      bytes: fs.statSync(target).size,
      sha256: sha256(target),
      rowCounts,
      restoreTestedAt: Date.now(),
    };
    const all = [...manifest.backups.filter((b) => b.file !== file), record];
    const keep = retained(all, now);
    for (const b of all) if (!keep.has(b.file)) fs.rmSync(path.join(dir, b.file), { force: true });
    writeManifest(dir, {
      ...manifest,
      backups: all.filter((b) => keep.has(b.file)).sort((a, b) => a.createdAt - b.createdAt),
      lastError: null,
    });
    return record;
  } catch (err) {
    fs.rmSync(partial, { force: true });
    fs.rmSync(target, { force: true });
    writeManifest(dir, { ...manifest, lastError: { at: now, message: (err as Error).message } });
    throw err;
  }
}

/** Records the daily restore from the replica beside the backups (server/replication.ts). */
export function recordReplicaCheck(dir: string, check: ReplicaCheck): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeManifest(dir, { ...readManifest(dir), replicaCheck: check });
}

/** The newest verified backup and the last failure, for /api/health and the infrastructure page. */
export type BackupStatus = {
  last: BackupRecord | null;
  count: number;
  lastError: BackupManifest["lastError"];
  replicaCheck: ReplicaCheck | null;
};
let statusCache: { key: string; value: BackupStatus } | undefined;

export function backupStatus(dir: string): BackupStatus {
  // /infrastructure and /api/health ask on every request: a stat, and a read only when the
  // manifest was rewritten (each write renames a new file into place).
  let key = `${dir}:none`;
  try {
    const st = fs.statSync(path.join(dir, MANIFEST));
    key = `${dir}:${st.ino}:${st.mtimeMs}:${st.size}`;
  } catch {
    /* no manifest yet */
  }
  if (statusCache?.key !== key) {
    const m = readManifest(dir);
    statusCache = {
      key,
      value: {
        last: m.backups.at(-1) ?? null,
        count: m.backups.length,
        lastError: m.lastError,
        replicaCheck: m.replicaCheck ?? null,
      },
    };
  }
  return statusCache.value;
}

/**
 * Puts a backup in place of the database. Refuses a file that is not a sound SQLite database;
 * moves the current database (and its WAL files) aside first. Run with the server stopped.
 */
export function restoreDatabase(
  file: string,
  databasePath: string,
  now = Date.now(),
): { asideAs: string | null; rowCounts: Record<string, number> } {
  const rowCounts = inspectDatabase(file);
  let asideAs: string | null = null;
  if (fs.existsSync(databasePath)) {
    asideAs = `${databasePath}.before-restore-${stamp(now)}`;
    fs.renameSync(databasePath, asideAs);
    for (const suffix of ["-wal", "-shm"])
      if (fs.existsSync(databasePath + suffix)) fs.renameSync(databasePath + suffix, asideAs + suffix);
  }
  fs.mkdirSync(path.dirname(databasePath), { recursive: true, mode: 0o700 });
  fs.copyFileSync(file, databasePath);
  fs.chmodSync(databasePath, 0o600);
  return { asideAs, rowCounts };
}
