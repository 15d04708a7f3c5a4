// The background loops of the one process: maintenance transitions, recurring occurrences and
// overdue reminders. Each tick is short and bounded; a failure is logged and the next tick retries.
import type { Db } from "@/db/client";
import { generateOccurrences, runMaintenanceClock } from "@/lib/maintenance";
import { config } from "@/lib/config";
import { MonitorScheduler } from "@/lib/monitors/scheduler";
import { sendOverdueReminders } from "@/lib/reminders";

export const LOOP_INTERVAL_MS = 2_000;
const RECURRENCE_INTERVAL_MS = 60 * 60_000;

export function startLoops(db: Db): () => void {
  let running = false;
  let lastRecurrence = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    const now = Date.now();
    try {
      runMaintenanceClock(db, now);
      if (now - lastRecurrence >= RECURRENCE_INTERVAL_MS) {
        generateOccurrences(db, now);
        lastRecurrence = now;
      }
      await sendOverdueReminders(db, now);
    } catch (err) {
      console.error(`outpost: background loop failed: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), LOOP_INTERVAL_MS);
  void tick();
  const monitors = config().monitors;
  const stopMonitors = monitors.enabled ? new MonitorScheduler(db, { retentionDays: monitors.retentionDays }).start() : () => {};
  return () => {
    clearInterval(timer);
    stopMonitors();
  };
}
