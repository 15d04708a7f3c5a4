// The background loops of the one process: maintenance transitions, recurring occurrences,
// overdue reminders, verified backups, pruning old "I am affected" reports, publishing the static
// mirror, and the monitor scheduler. Each tick is short and bounded; a failure is logged and the
// next tick retries.
import type { Db } from "@/db/client";
import { readDataVersion } from "@/db/queries/version";
import { backupDatabase, backupDue, backupStatus } from "@/lib/backup";
import { config } from "@/lib/config";
import { generateOccurrences, runMaintenanceClock } from "@/lib/maintenance";
import { MonitorScheduler } from "@/lib/monitors/scheduler";
import { sendOverdueReminders } from "@/lib/reminders";
import { pruneAffectedReports } from "@/lib/affected";
import { startMirrorPublisher } from "./mirror-publisher";

export const LOOP_INTERVAL_MS = 2_000;
const RECURRENCE_INTERVAL_MS = 60 * 60_000;

export function startLoops(db: Db): () => void {
  let running = false;
  let lastRecurrence = 0;
  const existing = backupStatus(config().backupDir).last;
  // Backups already on disk count: a restart does not take one at once.
  let lastBackup: { at: number; version: number } | null = existing ? { at: existing.createdAt, version: -1 } : null;
  const tick = async () => {
    if (running) return;
    running = true;
    const now = Date.now();
    try {
      runMaintenanceClock(db, now);
      if (now - lastRecurrence >= RECURRENCE_INTERVAL_MS) {
        generateOccurrences(db, now);
        pruneAffectedReports(db, now);
        lastRecurrence = now;
      }
      await sendOverdueReminders(db, now);
      const version = readDataVersion(db);
      if (backupDue(lastBackup, version, now)) {
        lastBackup = { at: now, version };
        await backupDatabase(db, config().backupDir, now).catch((err: Error) => console.error(`outpost: backup failed: ${err.message}`));
      }
    } catch (err) {
      console.error(`outpost: background loop failed: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), LOOP_INTERVAL_MS);
  void tick();
  const stopMirror = startMirrorPublisher();
  const monitors = config().monitors;
  const stopMonitors = monitors.enabled ? new MonitorScheduler(db, { retentionDays: monitors.retentionDays }).start() : () => {};
  return () => {
    clearInterval(timer);
    stopMirror();
    stopMonitors();
  };
}
