// Chat channels (Slack, Discord, Teams incoming webhooks), added by staff or subscribed by a
// visitor through the double opt-in, each message in its product's format (lib/chat-format.ts).
// A visitor's channel hears the words of the locale it subscribed on and gets an unsubscribe
// link in every message; a staff channel is removed by staff. A chat cannot be searched or
// deduplicated, so an uncertain attempt becomes "unknown" for staff to settle.
import type { SubscriberRow } from "@/db/queries/subscribers";
import { chatPayload, type ChatKind, type ChatMessage, type ChatSeverity } from "../chat-format";
import type { Locale } from "../i18n/locales";
import { markdownToText } from "../markdown";
import { UPDATE_STATUS_LABELS } from "../constants";
import { postJson } from "./net";
import type { Channel, Job } from "./channel";
import { confirmUrl, localisedUrl, subscriberTranslator, unsubscribeUrl } from "./links";

export function severityOf(job: Pick<Job, "incident" | "update">): ChatSeverity {
  if (["resolved", "postmortem", "completed"].includes(job.update.status)) return "ok";
  if (job.incident.kind === "maintenance") return "info";
  return job.incident.impact === "critical" ? "critical" : job.incident.impact === "none" ? "info" : "warning";
}

/** Subscribed from the public page (a confirmation was sent), not added by staff. */
export const subscribedByVisitor = (s: Pick<SubscriberRow, "confirmationSentAt"> | null | undefined) =>
  (s?.confirmationSentAt ?? null) !== null;

/** A visitor's channel: the update in its locale, with the way out under it. */
function visitorMessage(job: Pick<Job, "incident" | "update" | "page">, sub: SubscriberRow): ChatMessage {
  const { page } = job;
  const tr = subscriberTranslator(sub.locale, page.defaultLocale);
  const status = tr.t(`update.${job.update.status}`);
  return {
    title: `${job.incident.name} (${status})`,
    text: markdownToText(job.update.body) || status,
    markdown: job.update.body,
    url: localisedUrl(tr, page.url, job.incident.url),
    severity: severityOf(job),
    links: [{ label: tr.t("chat.unsubscribe"), url: localisedUrl(tr, page.url, unsubscribeUrl(page.url, sub.token)) }],
    open: tr.t("chat.open"),
  };
}

export function chatMessage(job: Pick<Job, "incident" | "update"> & Partial<Pick<Job, "subscriber" | "page">>) {
  if (job.page && job.subscriber && subscribedByVisitor(job.subscriber))
    return visitorMessage({ ...job, page: job.page }, job.subscriber);
  const status = UPDATE_STATUS_LABELS[job.update.status] ?? job.update.status;
  return {
    title: `${job.incident.name} (${status})`,
    text: markdownToText(job.update.body) || status,
    markdown: job.update.body,
    url: job.incident.url,
    severity: severityOf(job),
  };
}

export function chatChannel(
  kind: Exclude<ChatKind, "json">,
  opts: { allowPrivate: boolean; allowMetadata?: boolean },
): Channel {
  return {
    name: kind,
    async send(job) {
      const body = JSON.stringify(chatPayload(kind, chatMessage(job)));
      const res = await postJson(
        job.subscriber!.address,
        body,
        {},
        { allowPrivate: opts.allowPrivate, allowMetadata: opts.allowMetadata, what: `The ${kind} webhook` },
      );
      return { remoteId: `HTTP ${res.status}` };
    },
  };
}

/**
 * The message that asks a channel to confirm a visitor's subscription: what was asked, the
 * confirm link, and that nothing more is posted without it. In the locale subscribed on.
 */
export function chatConfirmation(opts: {
  pageName: string;
  publicUrl: string;
  token: string;
  locale?: string;
  defaultLocale?: Locale;
}): ChatMessage {
  const tr = subscriberTranslator(opts.locale, opts.defaultLocale);
  const confirm = localisedUrl(tr, opts.publicUrl, confirmUrl(opts.publicUrl, opts.token));
  return {
    title: tr.t("chat.confirmTitle", { page: opts.pageName }),
    text: [tr.t("chat.confirmAsk", { page: opts.pageName }), tr.t("chat.confirmIgnore")].join("\n"),
    url: confirm,
    severity: "info",
    links: [{ label: tr.t("chat.confirmLink"), url: confirm }],
    open: tr.t("chat.confirmLink"),
  };
}
