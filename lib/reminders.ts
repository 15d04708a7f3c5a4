// The overdue-update reminder: when an open incident's "next update by" passes, whoever posted
// last (or, failing that, every enabled staff account) gets one mail per missed promise.
import type { Db } from "@/db/client";
import { listOverdueUnreminded, listUpdates, updateIncidentRow, type IncidentRow } from "@/db/queries/incidents";
import { getPage } from "@/db/queries/page";
import { getUser, listUsers } from "@/db/queries/users";
import { config } from "./config";
import { mailConfigured, sendMail, type Mail } from "./mail";
import { formatDateTime } from "./time";

const RETRY_MS = 60_000;
const failedAt = new Map<string, number>();

export function reminderRecipients(db: Db, incident: IncidentRow): string[] {
  const lastBy = listUpdates(db, [incident.id])[0]?.createdBy;
  const last = lastBy ? getUser(db, lastBy) : undefined;
  if (last && !last.disabledAt) return [last.email];
  return listUsers(db)
    .filter((u) => !u.disabledAt)
    .map((u) => u.email);
}

export function reminderMail(incident: IncidentRow, to: string[], timeZone: string, publicUrl: string): Mail {
  const due = formatDateTime(incident.nextUpdateAt!, timeZone);
  return {
    to,
    subject: `Update overdue: ${incident.name}`,
    text: [
      `The next public update for "${incident.name}" was promised by ${due}.`,
      "People are waiting for word. Post an update, even if it is only that you are still working on it:",
      `${publicUrl}/admin/incidents/${incident.id}`,
    ].join("\n\n"),
  };
}

/** Sends what is due; returns how many reminders went out. A failed send is retried a minute later. */
export async function sendOverdueReminders(
  db: Db,
  now = Date.now(),
  send: (m: Mail) => Promise<unknown> = sendMail,
): Promise<number> {
  if (!mailConfigured()) return 0;
  const timeZone = getPage(db)?.timeZone ?? "Etc/UTC";
  let sent = 0;
  for (const incident of listOverdueUnreminded(db, now)) {
    if (now - (failedAt.get(incident.id) ?? -Infinity) < RETRY_MS) continue;
    const to = reminderRecipients(db, incident);
    if (to.length === 0) continue;
    try {
      await send(reminderMail(incident, to, timeZone, config().publicUrl));
      updateIncidentRow(db, incident.id, { overdueRemindedAt: now });
      failedAt.delete(incident.id);
      sent++;
    } catch (err) {
      failedAt.set(incident.id, now);
      console.error(`outpost: overdue reminder for incident ${incident.id} failed: ${(err as Error).message}`);
    }
  }
  return sent;
}
