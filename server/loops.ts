// The background loops of the one process: maintenance transitions, recurring occurrences,
// overdue reminders, verified backups (and the daily restore from the replica), the replica's
// lag alert, pruning old "I am affected" reports and spent throttle rows (hourly), publishing the static mirror, the monitor scheduler and the outbox sender. Each
// tick is short and bounded; a failure is logged and the next tick retries.
import type { Db } from "@/db/client";
import { readDataVersion } from "@/db/queries/version";
import { backupDatabase, backupDue, backupStatus, recordReplicaCheck } from "@/lib/backup";
import { config } from "@/lib/config";
import { generateOccurrences, runMaintenanceClock } from "@/lib/maintenance";
import { MonitorScheduler } from "@/lib/monitors/scheduler";
import { sendOverdueReminders } from "@/lib/reminders";
import { pruneAffectedReports } from "@/lib/affected";
import { pruneSignInThrottles } from "@/lib/auth/sign-in";
import { pruneSubscribeThrottles } from "@/lib/syndication/subscribers";
import { startMirrorPublisher } from "./mirror-publisher";
import { checkReplicaRestore } from "./replication";
import { configuredChannels } from "@/lib/syndication/channels";
import { currentSnapshot } from "@/lib/snapshot";
import { Sender } from "@/lib/syndication/sender";
import { deliverStaffNotices } from "@/lib/monitors/alerts";
import { describeReplica, lagNoticeText, lagTransition, replicationNow } from "@/lib/replication";

export const LOOP_INTERVAL_MS = 2_000;
const SENDER_INTERVAL_MS = 1_000;
const RECURRENCE_INTERVAL_MS = 60 * 60_000;
/** The replica is restored and compared once a day; a skipped or failed check is tried again sooner. */
const REPLICA_CHECK_EVERY_MS = 24 * 60 * 60_000;
const REPLICA_CHECK_RETRY_MS = 10 * 60_000;

export function startLoops(db: Db): () => void {
  let running = false;
  let lastRecurrence = 0;
  const existing = backupStatus(config().backupDir).last;
  // Backups already on disk count: a restart does not take one at once.
  let lastBackup: { at: number; version: number } | null = existing ? { at: existing.createdAt, version: -1 } : null;
  let lagAlerting = false;
  const lastCheck = backupStatus(config().backupDir).replicaCheck;
  // The first check a minute after start (the replica's first sync), unless one passed today.
  let nextReplicaCheck =
    lastCheck?.ok && Date.now() - lastCheck.at < REPLICA_CHECK_EVERY_MS
      ? lastCheck.at + REPLICA_CHECK_EVERY_MS
      : Date.now() + 60_000;
  let checkingReplica = false;
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
      lagAlerting = watchReplicationLag(db, lagAlerting, now);
      if (config().replication && !checkingReplica && now >= nextReplicaCheck) {
        checkingReplica = true;
        nextReplicaCheck = now + REPLICA_CHECK_RETRY_MS;
        void checkReplicaRestore(db, config(), now)
          .then((check) => {
            if (check === "skipped") return;
            recordReplicaCheck(config().backupDir, check);
            if (check.ok) nextReplicaCheck = now + REPLICA_CHECK_EVERY_MS;
            console.log(
              check.ok
                ? `outpost: restored the replica into a scratch database: integrity_check ok, ${check.rows} rows matched`
                : `outpost: the replica's restore check failed: ${check.message}`,
            );
          })
          .catch((err: Error) => console.error(`outpost: replica restore check failed: ${err.message}`))
          .finally(() => (checkingReplica = false));
      }
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

/** Tells staff when the replica falls behind and when it catches up; returns whether it is behind. */
function watchReplicationLag(db: Db, alerting: boolean, now: number): boolean {
  const cfg = config();
  if (!cfg.replication) return false;
  const health = replicationNow(cfg, now);
  const kind = lagTransition(alerting, health, cfg.replication.lagAlertSeconds);
  if (!kind || health.state === "off") return alerting;
  const { title, text } = lagNoticeText(kind, health, describeReplica(cfg.replication.replica));
  console.log(`outpost: ${title.toLowerCase()}`);
  void deliverStaffNotices(db, [
    { title, text, url: `${cfg.publicUrl}/infrastructure`, severity: kind === "behind" ? "warning" : "ok" },
  ]);
  return kind === "behind";
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
