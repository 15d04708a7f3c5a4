// /api/health: public, so it shows states, times and short reason codes, never file paths, host
// names or raw error text (staff see those in the admin and the server log). Derived from the
// database and the disk wherever that is cheap, so every process answers alike.
import { getDb } from "@/db/client";
import { backupStatus } from "@/lib/backup";
import { config } from "@/lib/config";
import { mirrorHealth } from "@/lib/mirror-state";
import { monitorHealth } from "@/lib/monitors/health";
import { replicationNow } from "@/lib/replication";
import { lastSnapshot } from "@/lib/snapshot";
import { storageHealth } from "@/lib/storage-health";
import { isoTime } from "@/lib/time";
import { jsonPayload, NO_STORE, type Payload } from "./payload";

export function healthPayload(): Payload {
  const cfg = config();
  const storage = storageHealth(getDb, cfg.databasePath);
  const s = lastSnapshot();
  const backups = backupStatus(cfg.backupDir);
  const body = {
    // Degraded: still serving the last state to the public, but staff writes are refused.
    status: storage.reasons.length ? "degraded" : "ok",
    reasons: storage.reasons,
    database: storage.database,
    disk: storage.disk,
    snapshot: s ? { version: s.version, built_at: new Date(s.builtAt).toISOString() } : null,
    backup: {
      last_at: isoTime(backups.last?.createdAt),
      last_restore_test_at: isoTime(backups.last?.restoreTestedAt),
      kept: backups.count,
      last_error: backups.lastError ? { at: isoTime(backups.lastError.at), code: "backup_failed" } : null,
      // The daily restore from the continuous replica (null: replication off, or not yet).
      replica_restore: backups.replicaCheck
        ? { at: isoTime(backups.replicaCheck.at), ok: backups.replicaCheck.ok, rows: backups.replicaCheck.rows }
        : null,
    },
    mirror: mirrorHealth(),
    // Litestream's replica: its position and how many seconds it is behind the database.
    replication: replicationNow(cfg),
    monitors: storage.database === "unreachable" ? null : monitorHealth(getDb()),
  };
  return jsonPayload(storage.database === "unreachable" ? 503 : 200, body, { "cache-control": NO_STORE });
}
