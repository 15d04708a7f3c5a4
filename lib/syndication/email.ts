// Email subscribers, through lib/mail.ts (nodemailer over SMTP_URL): plain-text and HTML parts,
// one-click unsubscribe (a link, List-Unsubscribe and List-Unsubscribe-Post). The Message-ID is
// derived from the delivery, so a resend after an unknown outcome is the same message to the
// receiving side.
import { UPDATE_STATUS_LABELS } from "../constants";
import { sendMail, type Mail } from "../mail";
import { markdownToText } from "../markdown";
import { SendError, type Channel, type Job } from "./channel";
import { confirmUrl, unsubscribeUrl } from "./links";

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
/** Header values never carry line breaks. */
const oneLine = (s: string) => s.replace(/[\r\n\u0000-\u001F]+/g, " ").trim();

function unsubscribeHeaders(url: string) {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export function updateMail(job: Job): Mail {
  const sub = job.subscriber!;
  const status = UPDATE_STATUS_LABELS[job.update.status] ?? job.update.status;
  const unsubscribe = unsubscribeUrl(job.page.url, sub.token);
  const host = new URL(job.page.url).hostname;
  const body = markdownToText(job.update.body);
  const text = [
    `${job.incident.name}`,
    body ? `${status}: ${body}` : status,
    "",
    `Details: ${job.incident.url}`,
    "",
    `You receive this because you subscribed to ${job.page.name} status updates.`,
    `Unsubscribe: ${unsubscribe}`,
  ].join("\n");
  const html = `<!DOCTYPE html><html><body style="font-family:sans-serif;line-height:1.5;color:#111">
<h1 style="font-size:18px">${esc(job.incident.name)}</h1>
<p><strong>${esc(status)}</strong></p>
${job.update.bodyHtml}
<p><a href="${esc(job.incident.url)}">See the incident on the status page</a></p>
<hr><p style="font-size:12px;color:#555">You receive this because you subscribed to ${esc(job.page.name)} status updates. <a href="${esc(unsubscribe)}">Unsubscribe</a></p>
</body></html>`;
  return {
    to: sub.address,
    subject: oneLine(`[${job.page.name}] ${job.incident.name}: ${status}`),
    text,
    html,
    headers: { ...unsubscribeHeaders(unsubscribe), "Message-ID": `<${job.delivery.id}.${job.update.id}@${host}>` },
  };
}

export function confirmationMail(opts: { pageName: string; publicUrl: string; address: string; token: string }): Mail {
  const confirm = confirmUrl(opts.publicUrl, opts.token);
  const text = [
    `Please confirm that you want ${opts.pageName} status updates at this address:`,
    confirm,
    "",
    "If you did not ask for this, ignore this message: nothing will be sent without confirmation.",
  ].join("\n");
  const html = `<!DOCTYPE html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Please confirm that you want ${esc(opts.pageName)} status updates at this address.</p>
<p><a href="${esc(confirm)}">Confirm my subscription</a></p>
<p style="font-size:12px;color:#555">If you did not ask for this, ignore this message: nothing will be sent without confirmation.</p>
</body></html>`;
  return {
    to: opts.address,
    subject: oneLine(`Confirm your subscription to ${opts.pageName} status updates`),
    text,
    html,
    headers: unsubscribeHeaders(`${opts.publicUrl}/subscriptions/unsubscribe?token=${encodeURIComponent(opts.token)}`),
  };
}

export function emailChannel(send: (m: Mail) => Promise<string> = sendMail): Channel {
  return {
    name: "email",
    idempotent: true,
    async send(job) {
      try {
        return { remoteId: await send(updateMail(job)) };
      } catch (err) {
        const e = err as { responseCode?: number; message?: string };
        const code = e.responseCode ?? 0;
        // SMTP 5xx is a permanent refusal (bad mailbox); 4xx and connection trouble are retried.
        throw new SendError(`Mail: ${e.message ?? String(err)}`, { permanent: code >= 500, maybeSent: code === 0 });
      }
    },
  };
}
