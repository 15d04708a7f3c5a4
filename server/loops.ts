// The background loops of the one process: maintenance transitions, recurring occurrences,
// overdue reminders, verified backups, pruning old "I am affected" reports and spent throttle
// rows (hourly), publishing the static mirror, the monitor scheduler and the outbox sender. Each
// tick is short and bounded; a failure is logged and the next tick retries.
import type { Db } from "@/db/client";
import { readDataVersion } from "@/db/queries/version";
import { backupDatabase, backupDue, backupStatus } from "@/lib/backup";
import { config } from "@/lib/config";
import { generateOccurrences, runMaintenanceClock } from "@/lib/maintenance";
import { MonitorScheduler } from "@/lib/monitors/scheduler";
import { sendOverdueReminders } from "@/lib/reminders";
import { pruneAffectedReports } from "@/lib/affected";
import { pruneSignInThrottles } from "@/lib/auth/sign-in";
import { pruneSubscribeThrottles } from "@/lib/syndication/subscribers";
import { startMirrorPublisher } from "./mirror-publisher";
import { configuredChannels } from "@/lib/syndication/channels";
import { currentSnapshot } from "@/lib/snapshot";
import { Sender } from "@/lib/syndication/sender";

export const LOOP_INTERVAL_MS = 2_000;
const SENDER_INTERVAL_MS = 1_000;
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
        pruneSignInThrottles(db, now);
        pruneSubscribeThrottles(db, now);
        lastRecurrence = now;
      }
      await sendOverdueReminders(db, now);
      const version = readDataVersion(db);
      if (backupDue(lastBackup, version, now)) {
        lastBackup = { at: now, version };
        await backupDatabase(db, config().backupDir, now).catch((err: Error) =>
          console.error(`outpost: backup failed: ${err.message}`),
        );
      }
    } catch (err) {
      console.error(`outpost: background loop failed: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), LOOP_INTERVAL_MS);
  void tick();
  const stopSender = startSender(db);
  const stopMirror = startMirrorPublisher();
  const monitors = config().monitors;
  const stopMonitors = monitors.enabled
    ? new MonitorScheduler(db, { retentionDays: monitors.retentionDays }).start()
    : () => {};
  return () => {
    clearInterval(timer);
    stopSender();
    stopMirror();
    stopMonitors();
  };
}

/** The outbox sender: a lease row makes sure one process sends, whatever the number running. */
function startSender(db: Db): () => void {
  // The server's own snapshot: posts describe exactly what the page shows.
  const sender = new Sender({
    db,
    publicUrl: config().publicUrl,
    channels: configuredChannels(),
    snapshot: () => currentSnapshot(),
  });
  const tick = () => {
    try {
      sender.tick();
    } catch (err) {
      console.error(`outpost: outbox sender failed: ${(err as Error).message}`);
    }
  };
  const timer = setInterval(tick, SENDER_INTERVAL_MS);
  tick();
  return () => {
    clearInterval(timer);
    try {
      sender.stop();
    } catch {
      /* the database may already be closed */
    }
  };
}
