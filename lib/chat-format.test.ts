import { describe, expect, it } from "vitest";
import { chatPayload, shorten, type ChatMessage } from "./chat-format";
import { must } from "./testing";

const msg: ChatMessage = {
  title: "API <errors> & timeouts",
  text: "We are investigating @everyone",
  url: "https://status.example.com/incidents/abc",
  severity: "critical",
};

describe("chat formats", () => {
  it("Slack: escapes its control characters and links the title", () => {
    const body = chatPayload("slack", msg) as { text: string; blocks: { text: { text: string } }[] };
    expect(body.blocks[0]?.text.text).toBe(
      "*<https://status.example.com/incidents/abc|API &lt;errors&gt; &amp; timeouts>*\nWe are investigating @everyone",
    );
    expect(body.text).toContain("API &lt;errors&gt;");
  });

  it("Discord: an embed with the link and colour, and no mentions", () => {
    const body = chatPayload("discord", msg) as {
      allowed_mentions: { parse: string[] };
      embeds: { url: string; color: number; title: string }[];
    };
    expect(body.allowed_mentions.parse).toEqual([]);
    expect(body.embeds[0]).toMatchObject({ title: msg.title, url: msg.url, color: 0xb91c1c });
  });

  it("Teams: an adaptive card with an open-link action", () => {
    const body = chatPayload("teams", msg) as {
      attachments: { contentType: string; content: { actions: { url: string }[] } }[];
    };
    expect(body.attachments[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(body.attachments[0]?.content.actions[0]?.url).toBe(msg.url);
  });

  it("ends with its links whatever the text's length, each product in its own way", () => {
    const links = [{ label: "Unsubscribe *now*", url: "https://status.example.com/subscriptions/unsubscribe?token=t" }];
    const long = { ...msg, text: "x".repeat(10_000), links, open: "Öffnen" };
    const discord = chatPayload("discord", long) as { embeds: { description: string }[] };
    const description = must(discord.embeds[0], "an embed").description;
    expect(Array.from(description)).toHaveLength(4000);
    expect(description).toMatch(
      /…\n\n\[Unsubscribe \\\*now\\\*\]\(<https:\/\/status\.example\.com\/subscriptions\/unsubscribe\?token=t>\)$/,
    );
    const slack = chatPayload("slack", long) as { blocks: { type: string; elements?: { text: string }[] }[] };
    expect(slack.blocks[1]).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: `<${links[0]!.url}|Unsubscribe *now*>` }],
    });
    const teams = chatPayload("teams", long) as {
      attachments: { content: { actions: { title: string; url: string }[] } }[];
    };
    expect(teams.attachments[0]?.content.actions.map((a) => [a.title, a.url])).toEqual([
      ["Öffnen", msg.url],
      ["Unsubscribe *now*", links[0]!.url],
    ]);
    // Without links, nothing is added (staff alerts and staff channels look as before).
    expect((chatPayload("slack", msg) as { blocks: unknown[] }).blocks).toHaveLength(1);
    expect(chatPayload("json", msg)).toEqual({
      title: msg.title,
      text: msg.text,
      url: msg.url,
      severity: msg.severity,
    });
  });

  it("shortens long text at a code point, with an ellipsis", () => {
    expect(shorten("😀".repeat(10), 4)).toBe("😀😀😀…");
    const long = chatPayload("discord", { ...msg, text: "x".repeat(10_000) }) as { embeds: { description: string }[] };
    expect(Array.from(must(long.embeds[0], "an embed").description)).toHaveLength(4000);
  });
});
