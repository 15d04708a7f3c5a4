// Whether the database can take writes, read from the database and the disk themselves (not from
// memory), so every process answers /api/health the same. Cheap: one access() and one statfs().
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { readDataVersion } from "@/db/queries/version";

/** Below this much free space SQLite's next WAL frame or checkpoint may fail: call the disk full. */
export const DISK_FULL_BELOW_BYTES = 1024 * 1024;

export type StorageReason = "database_unreachable" | "database_read_only" | "disk_full";
export type StorageHealth = {
  database: "ok" | "read_only" | "unreachable";
  disk: "ok" | "full" | "unknown";
  reasons: StorageReason[];
};

function writable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

export function storageHealth(
  db: () => Db,
  databasePath: string,
  free: (dir: string) => number | null = freeBytes,
): StorageHealth {
  const reasons: StorageReason[] = [];
  let database: StorageHealth["database"] = "ok";
  try {
    const conn = db();
    readDataVersion(conn);
    // A read-only open, or a file or folder (for the WAL) this process may no longer write.
    if (conn.$client.readonly || !writable(databasePath) || !writable(path.dirname(databasePath)))
      database = "read_only";
  } catch {
    database = "unreachable";
  }
  if (database !== "ok") reasons.push(database === "read_only" ? "database_read_only" : "database_unreachable");
  const bytes = free(path.dirname(databasePath));
  const disk = bytes === null ? "unknown" : bytes < DISK_FULL_BELOW_BYTES ? "full" : "ok";
  if (disk === "full") reasons.push("disk_full");
  return { database, disk, reasons };
}
