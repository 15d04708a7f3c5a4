// Chat channels configured by staff (Slack, Discord, Teams incoming webhooks), each message in
// its product's format (lib/chat-format.ts). A chat cannot be searched or deduplicated, so an
// uncertain attempt becomes "unknown" for staff to settle.
import { chatPayload, type ChatKind, type ChatSeverity } from "../chat-format";
import { markdownToText } from "../markdown";
import { UPDATE_STATUS_LABELS } from "../constants";
import { postJson } from "./net";
import type { Channel, Job } from "./channel";

export function severityOf(job: Pick<Job, "incident" | "update">): ChatSeverity {
  if (["resolved", "postmortem", "completed"].includes(job.update.status)) return "ok";
  if (job.incident.kind === "maintenance") return "info";
  return job.incident.impact === "critical" ? "critical" : job.incident.impact === "none" ? "info" : "warning";
}

export function chatMessage(job: Pick<Job, "incident" | "update">) {
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
