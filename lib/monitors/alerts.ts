// Staff alerts: a monitor went down, degraded or came back (and other notices to staff, such as
// replication falling behind). Mailed to every enabled staff account
// (SMTP_URL) and posted to OUTPOST_ALERT_WEBHOOK_URL in its chat format. Delivery happens after
// the check's transaction; a failed delivery is logged and never blocks the scheduler.
import type { Db } from "@/db/client";
import { listUsers } from "@/db/queries/users";
import { chatPayload, type ChatKind, type ChatSeverity } from "../chat-format";
import { config } from "../config";
import { mailConfigured, sendMail, type Mail } from "../mail";
import type { Alert } from "./engine";

const SEVERITY: Record<Alert["kind"], ChatSeverity> = {
  down: "critical",
  degraded: "warning",
  regional: "warning",
  up: "ok",
};
const WEBHOOK_TIMEOUT_MS = 10_000;

export function alertText(a: Alert): { title: string; text: string } {
  const title = {
    down: `DOWN: ${a.monitorName} (${a.componentName})`,
    degraded: `DEGRADED: ${a.monitorName} (${a.componentName})`,
    regional: `REGIONAL: ${a.monitorName} (${a.componentName}) fails from some locations`,
    up: `UP: ${a.monitorName} (${a.componentName}) is back`,
  }[a.kind];
  const lines = [
    {
      down: `The monitor ${a.monitorName} reports a problem with ${a.componentName}.`,
      degraded: `The monitor ${a.monitorName} reports a problem with ${a.componentName}.`,
      regional: `The monitor ${a.monitorName} fails from some of its locations, fewer than its quorum: the public status of ${a.componentName} is unchanged until you confirm it.`,
      up: `The monitor ${a.monitorName} reports ${a.componentName} healthy again.`,
    }[a.kind],
    a.error && a.kind !== "up" ? `${a.kind === "regional" ? "Where" : "Last error"}: ${a.error}` : null,
    `At ${new Date(a.at).toISOString()}.`,
  ].filter(Boolean);
  return { title, text: lines.join("\n") };
}

export type AlertSinks = {
  sendMail?: (m: Mail) => Promise<unknown>;
  webhook?: { url: string; format: ChatKind } | null;
  fetch?: typeof fetch;
};

/** One message to staff: mailed to every enabled account and posted to the alert webhook. */
export type StaffNotice = { title: string; text: string; url: string; severity: ChatSeverity };

/** Delivers alerts; resolves when every attempt has finished. Returns how many deliveries succeeded. */
export async function deliverAlerts(db: Db, alerts: readonly Alert[], sinks: AlertSinks = {}): Promise<number> {
  const url = `${config().publicUrl}/admin/monitors`;
  return deliverStaffNotices(
    db,
    alerts.map((a) => ({ ...alertText(a), url: `${url}/${a.monitorId}`, severity: SEVERITY[a.kind] })),
    sinks,
  );
}

/** Delivers notices to staff (monitor alerts, replication lag); a failed delivery is logged. */
export async function deliverStaffNotices(
  db: Db,
  notices: readonly StaffNotice[],
  sinks: AlertSinks = {},
): Promise<number> {
  if (notices.length === 0) return 0;
  const cfg = config();
  const send = sinks.sendMail ?? (mailConfigured() ? sendMail : null);
  const webhook = sinks.webhook === undefined ? cfg.monitors.alertWebhook : sinks.webhook;
  const doFetch = sinks.fetch ?? fetch;
  const staff = listUsers(db)
    .filter((u) => !u.disabledAt)
    .map((u) => u.email);
  let delivered = 0;
  const jobs: Promise<void>[] = [];
  for (const { title, text, url, severity } of notices) {
    if (send && staff.length) {
      jobs.push(
        Promise.resolve(send({ to: staff, subject: title, text: `${text}\n\n${url}` }))
          .then(() => void delivered++)
          .catch((err) => console.error(`outpost: alert mail failed: ${(err as Error).message}`)),
      );
    }
    if (webhook) {
      const body = JSON.stringify(chatPayload(webhook.format, { title, text, url, severity }));
      jobs.push(
        doFetch(webhook.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
          signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        })
          .then((res) => {
            if (!res.ok) throw new Error(`HTTP ${res.status}`);
            delivered++;
          })
          .catch((err) => console.error(`outpost: alert webhook failed: ${(err as Error).message}`)),
      );
    }
  }
  await Promise.all(jobs);
  return delivered;
}
