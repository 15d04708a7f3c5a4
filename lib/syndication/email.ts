// Email subscribers, through lib/mail.ts (nodemailer over SMTP_URL): plain-text and HTML parts,
// one-click unsubscribe (a link, List-Unsubscribe and List-Unsubscribe-Post). The Message-ID is
// derived from the delivery, so a resend after an unknown outcome is the same message to the
// receiving side.
import type { Locale } from "../i18n/locales";
import { sendMail, type Mail } from "../mail";
import { markdownToText } from "../markdown";
import { SendError, type Channel, type Job } from "./channel";
import { confirmUrl, localisedUrl, subscriberTranslator, unsubscribeUrl } from "./links";

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
/** Header values never carry line breaks. */
const oneLine = (s: string) => s.replace(/[\r\n\u0000-\u001F]+/g, " ").trim();

function unsubscribeHeaders(url: string) {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export function updateMail(job: Job): Mail {
  const sub = job.subscriber!;
  const tr = subscriberTranslator(sub.locale, job.page.defaultLocale);
  const status = tr.t(`update.${job.update.status}`);
  // The header's one-click POST stays on the address without a prefix, which always answers.
  const unsubscribeHeader = unsubscribeUrl(job.page.url, sub.token);
  const unsubscribe = localisedUrl(tr, job.page.url, unsubscribeHeader);
  const details = localisedUrl(tr, job.page.url, job.incident.url);
  const host = new URL(job.page.url).hostname;
  const body = markdownToText(job.update.body);
  const footer = tr.t("mail.footer", { page: job.page.name });
  const text = [
    `${job.incident.name}`,
    body ? `${status}: ${body}` : status,
    "",
    tr.t("mail.details", { url: details }),
    "",
    footer,
    tr.t("mail.unsubscribeText", { url: unsubscribe }),
  ].join("\n");
  const html = `<!DOCTYPE html><html lang="${tr.locale}" dir="${tr.dir}"><body style="font-family:sans-serif;line-height:1.5;color:#111">
<h1 style="font-size:18px">${esc(job.incident.name)}</h1>
<p><strong>${esc(status)}</strong></p>
${job.update.bodyHtml}
<p><a href="${esc(details)}">${esc(tr.t("mail.seeIncident"))}</a></p>
<hr><p style="font-size:12px;color:#555">${esc(footer)} <a href="${esc(unsubscribe)}">${esc(tr.t("mail.unsubscribe"))}</a></p>
</body></html>`;
  return {
    to: sub.address,
    subject: oneLine(`[${job.page.name}] ${job.incident.name}: ${status}`),
    text,
    html,
    headers: {
      ...unsubscribeHeaders(unsubscribeHeader),
      "Message-ID": `<${job.delivery.id}.${job.update.id}@${host}>`,
    },
  };
}

export function confirmationMail(opts: {
  pageName: string;
  publicUrl: string;
  address: string;
  token: string;
  locale?: string;
  defaultLocale?: Locale;
}): Mail {
  const tr = subscriberTranslator(opts.locale, opts.defaultLocale);
  const confirm = localisedUrl(tr, opts.publicUrl, confirmUrl(opts.publicUrl, opts.token));
  const ask = tr.t("mail.confirmAsk", { page: opts.pageName });
  const ignore = tr.t("mail.confirmIgnore");
  const text = [ask, confirm, "", ignore].join("\n");
  const html = `<!DOCTYPE html><html lang="${tr.locale}" dir="${tr.dir}"><body style="font-family:sans-serif;line-height:1.5">
<p>${esc(ask)}</p>
<p><a href="${esc(confirm)}">${esc(tr.t("mail.confirmButton"))}</a></p>
<p style="font-size:12px;color:#555">${esc(ignore)}</p>
</body></html>`;
  return {
    to: opts.address,
    subject: oneLine(tr.t("mail.confirmSubject", { page: opts.pageName })),
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
