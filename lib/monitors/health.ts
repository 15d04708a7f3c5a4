// The scheduler's part of /api/health: when it last ran and how many checks are late.
import type { Db } from "@/db/client";
import { countLateMonitors, getLease } from "@/db/queries/monitors";
import { LATE_AFTER_MS } from "./scheduler";

export function monitorHealth(db: Db, now = Date.now()): { last_run: string | null; late_checks: number } {
  const lastRun = getLease(db)?.lastRunAt ?? null;
  return {
    last_run: lastRun ? new Date(lastRun).toISOString() : null,
    late_checks: countLateMonitors(db, now - LATE_AFTER_MS),
  };
}
