// Messages for team chat incoming webhooks (Slack, Discord, Microsoft Teams) and a plain JSON
// form. Pure: one message in, the request body that product expects out. Subscriber chat
// channels and staff alerts both send through here, so each product looks the same everywhere.
// The words are written in each product's own markup by lib/chat-text.ts, from the markdown
// document when there is one, so a typed * or <b> arrives as typed and links stay links.
import { discordEscape, discordText, slackEscape, slackText, teamsBlocks } from "./chat-text";
import { cutText } from "./cut";
import { parseMarkdown } from "./markdown";
import type { Doc } from "./markdown-doc";
export const CHAT_KINDS = ["slack", "discord", "teams", "json"] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

export type ChatSeverity = "ok" | "info" | "warning" | "critical";

export type ChatMessage = {
  /** One line: the incident or alert title. */
  title: string;
  /** Plain text (no markup); shortened to what each product accepts. */
  text: string;
  /** The markdown the text came from, when there is one: products that show links and lists use it. */
  markdown?: string;
  /** Absolute link back to the page (the incident, or the admin view for staff alerts). */
  url: string;
  severity: ChatSeverity;
  /**
   * Links shown after the text and never cut with it (a subscription's confirm or unsubscribe
   * link), each in the product's own way: Slack a context line, Discord the embed's last line,
   * Teams a button.
   */
  links?: readonly { label: string; url: string }[];
  /** The words of Teams' button that opens `url` (the subscriber's language); "Open" by default. */
  open?: string;
};

const COLORS: Record<ChatSeverity, number> = { ok: 0x15803d, info: 0x1d4ed8, warning: 0xb45309, critical: 0xb91c1c };
const TEAMS_COLORS: Record<ChatSeverity, string> = {
  ok: "Good",
  info: "Accent",
  warning: "Warning",
  critical: "Attention",
};

/** Cuts at a word boundary when one is near, never inside a character, and marks the cut with an ellipsis. */
export function shorten(text: string, max: number): string {
  return cutText(text, max, (t) => Array.from(t).length);
}

/** The message's words as a document: its markdown, or its plain text line by line. */
function docOf(m: ChatMessage): Doc {
  if (m.markdown?.trim()) return parseMarkdown(m.markdown);
  return m.text.split("\n").map((line) => ({ prefix: "", inlines: [{ kind: "text", text: line }], gap: false }));
}

function slack(m: ChatMessage) {
  const title = slackEscape(shorten(m.title, 200));
  const doc = docOf(m);
  const links = (m.links ?? []).map((l) => `<${l.url}|${slackEscape(shorten(l.label, 80))}>`).join("  ·  ");
  return {
    text: `${title}: ${slackText(doc, 300)}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*<${m.url}|${title}>*\n${slackText(doc, 2800)}` } },
      ...(links ? [{ type: "context", elements: [{ type: "mrkdwn", text: links }] }] : []),
    ],
    unfurl_links: false,
  };
}

function discord(m: ChatMessage) {
  const links = (m.links ?? []).map((l) => `[${discordEscape(shorten(l.label, 80))}](<${l.url}>)`).join("  ·  ");
  // The links end the description whatever its length: the words are cut to leave them room.
  const tail = links ? `\n\n${links}` : "";
  const description = discordText(docOf(m), 4000 - Array.from(tail).length) + tail;
  return {
    // No pings: a status message must never mention @everyone, whatever its text says.
    allowed_mentions: { parse: [] },
    embeds: [{ title: shorten(m.title, 256), description, url: m.url, color: COLORS[m.severity] }],
  };
}

function teams(m: ChatMessage) {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            // A TextBlock would read the title as markdown; a TextRun shows it as typed.
            {
              type: "RichTextBlock",
              inlines: [
                {
                  type: "TextRun",
                  text: shorten(m.title, 200),
                  weight: "Bolder",
                  size: "Medium",
                  color: TEAMS_COLORS[m.severity],
                },
              ],
            },
            ...teamsBlocks(docOf(m), 4000),
          ],
          actions: [
            { type: "Action.OpenUrl", title: m.open ?? "Open", url: m.url },
            ...(m.links ?? []).map((l) => ({ type: "Action.OpenUrl", title: shorten(l.label, 80), url: l.url })),
          ],
        },
      },
    ],
  };
}

/** The JSON body to POST to a webhook of the given kind. */
export function chatPayload(kind: ChatKind, m: ChatMessage): unknown {
  switch (kind) {
    case "slack":
      return slack(m);
    case "discord":
      return discord(m);
    case "teams":
      return teams(m);
    case "json":
      return { title: m.title, text: m.text, url: m.url, severity: m.severity, ...(m.links ? { links: m.links } : {}) };
  }
}
