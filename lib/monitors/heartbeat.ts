// Beats arrive at /api/heartbeat/{token}: the token is the secret, so a beat needs no sign-in.
import type { Db } from "@/db/client";
import { findMonitorByToken, updateMonitorRow } from "@/db/queries/monitors";

/** Records a beat; false when no heartbeat monitor has this token. */
export function recordBeat(db: Db, token: string, now = Date.now()): boolean {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(token)) return false;
  const monitor = findMonitorByToken(db, token);
  if (!monitor) return false;
  updateMonitorRow(db, monitor.id, { lastBeatAt: now });
  return true;
}
