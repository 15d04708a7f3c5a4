// Messages for team chat incoming webhooks (Slack, Discord, Microsoft Teams) and a plain JSON
// form. Pure: one message in, the request body that product expects out. Subscriber chat
// channels and staff alerts both send through here, so each product looks the same everywhere.
export const CHAT_KINDS = ["slack", "discord", "teams", "json"] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

export type ChatSeverity = "ok" | "info" | "warning" | "critical";

export type ChatMessage = {
  /** One line: the incident or alert title. */
  title: string;
  /** Plain text (no markup); shortened to what each product accepts. */
  text: string;
  /** Absolute link back to the page (the incident, or the admin view for staff alerts). */
  url: string;
  severity: ChatSeverity;
};

const COLORS: Record<ChatSeverity, number> = { ok: 0x15803d, info: 0x1d4ed8, warning: 0xb45309, critical: 0xb91c1c };
const TEAMS_COLORS: Record<ChatSeverity, string> = { ok: "Good", info: "Accent", warning: "Warning", critical: "Attention" };

/** Cuts at a code-point boundary and marks the cut with an ellipsis. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** Slack reads &, < and > as control characters in mrkdwn; everything else is literal. */
function slackEscape(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function slack(m: ChatMessage) {
  const title = slackEscape(shorten(m.title, 200));
  return {
    text: `${title}: ${slackEscape(shorten(m.text, 300))}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*<${m.url}|${title}>*\n${slackEscape(shorten(m.text, 2800))}` } },
    ],
    unfurl_links: false,
  };
}

function discord(m: ChatMessage) {
  return {
    // No pings: a status message must never mention @everyone, whatever its text says.
    allowed_mentions: { parse: [] },
    embeds: [{ title: shorten(m.title, 256), description: shorten(m.text, 4000), url: m.url, color: COLORS[m.severity] }],
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
            { type: "TextBlock", text: shorten(m.title, 200), weight: "Bolder", size: "Medium", wrap: true, color: TEAMS_COLORS[m.severity] },
            { type: "TextBlock", text: shorten(m.text, 4000), wrap: true },
          ],
          actions: [{ type: "Action.OpenUrl", title: "Open", url: m.url }],
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
      return { title: m.title, text: m.text, url: m.url, severity: m.severity };
  }
}
