// The golden corpus: real-looking updates (corpus/updates.json) rendered for every channel, with
// the expected outputs committed as readable files in corpus/expected/. After an intended change,
// rewrite them with `npx vitest run lib/syndication/corpus.test.ts -u` and read the diff.
// Besides the files, each case checks that nothing typed is lost but markup: every word of the
// update reaches every channel that was not shortened, the fragments a case lists arrive as typed,
// and a shortened post is the start of the full text, within the network's limit, with the link.
import { describe, expect, it } from "vitest";
import { chatPayload } from "../chat-format";
import { graphemes } from "../cut";
import { must } from "../testing";
import { markdownToText, renderMarkdown } from "../markdown";
import type { Job } from "./channel";
import { chatMessage } from "./chat";
import { updateMail } from "./email";
import { buildAtom, buildRss } from "./feeds";
import { mastodonText } from "./mastodon";
import { postRecord } from "./bluesky-client";
import { LIMITS, type Network } from "./networks";
import { postWeight } from "./text";
import { xText } from "./x";
import cases from "./corpus/updates.json";

type Case = { id: string; title: string; status: Job["update"]["status"]; body: string; keep: string[] };

const SITE = "https://status.example.com";
const NOW = Date.parse("2026-11-24T10:45:00Z");
const INCIDENT = `${SITE}/incidents/inc7Hk2pQ`;
const POST_URL = `${INCIDENT}?d=del9Qx4mZ2aB`;

function jobFor(c: Case): Job {
  return {
    delivery: { id: "del9Qx4mZ2aB", createdAt: NOW },
    incident: {
      id: "inc7Hk2pQ",
      name: c.title,
      url: INCIDENT,
      impact: "major",
      kind: c.status === "completed" ? "maintenance" : "incident",
    },
    update: {
      id: "upd1",
      status: c.status,
      body: c.body,
      bodyHtml: renderMarkdown(c.body),
      customTweet: null,
      createdAt: NOW,
    },
    url: POST_URL,
    marker: "d=del9Qx4mZ2aB",
    parent: null,
    subscriber: { address: "reader@example.com", token: "tok" },
    page: { id: "p", name: "Example", url: SITE, indicator: "major", description: "Partial outage" },
    components: new Map(),
  } as unknown as Job;
}

type Facet = {
  index: { byteStart: number; byteEnd: number };
  features: { $type: string; uri?: string; tag?: string }[];
};
type Rendered = {
  email: { text: string; html: string };
  posts: Record<Network, string>;
  facets: Facet[];
  /** Slack's notification text and its section block's text. */
  slack: { text: string; section: string };
  /** Discord's embed description. */
  discord: string;
  /** The Teams card's body. */
  teams: TeamsCard["body"];
  rss: string;
  atom: string;
};
type SlackBody = { text: string; blocks: { text: { text: string } }[] };
type DiscordBody = { embeds: { description: string }[] };
type TeamsCard = { body: { inlines?: { text: string; selectAction?: { url: string } }[] }[] };
type TeamsBody = { attachments: { content: TeamsCard }[] };

function render(c: Case): Rendered {
  const job = jobFor(c);
  const mail = updateMail(job);
  const record = postRecord(job, new Date(NOW).toISOString()) as { text: string; facets: Facet[] };
  const entry = {
    updateId: "upd1",
    incidentId: "inc7Hk2pQ",
    incidentName: c.title,
    kind: "incident" as const,
    status: c.status,
    body: c.body,
    displayAt: NOW,
    updatedAt: NOW,
  };
  const channel = { title: "Example status", description: "Example", siteUrl: SITE, feedPath: "/history" };
  const slack = chatPayload("slack", chatMessage(job)) as SlackBody;
  const discord = chatPayload("discord", chatMessage(job)) as DiscordBody;
  const teams = chatPayload("teams", chatMessage(job)) as TeamsBody;
  return {
    email: { text: String(mail.text), html: String(mail.html) },
    posts: { x: xText(job), mastodon: mastodonText(job), bluesky: record.text },
    facets: record.facets,
    slack: { text: slack.text, section: must(slack.blocks[0], "a Slack section block").text.text },
    discord: must(discord.embeds[0], "a Discord embed").description,
    teams: must(teams.attachments[0], "a Teams card").content.body,
    rss: buildRss(channel, [entry], NOW).match(/<item>[\s\S]*<\/item>/)![0],
    atom: buildAtom(channel, [entry], NOW).match(/<entry>[\s\S]*<\/entry>/)![0],
  };
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

function facetLines(text: string, facets: Facet[]): string {
  const bytes = utf8.encode(text);
  const what = (f: Facet) => {
    const feature = must(f.features[0], "a facet feature");
    return feature.uri ? `link ${feature.uri}` : `tag ${feature.tag}`;
  };
  return (
    facets
      .map(
        (f) =>
          `  bytes ${f.index.byteStart}–${f.index.byteEnd} "${fromUtf8.decode(bytes.slice(f.index.byteStart, f.index.byteEnd))}" → ${what(f)}`,
      )
      .join("\n") || "  (none)"
  );
}

function goldenFile(c: Case, r: Rendered): string {
  const weight = (n: Network) => `${postWeight(r.posts[n], LIMITS[n])}/${LIMITS[n].max}`;
  const section = (name: string, body: string) => `===== ${name} =====\n${body}\n`;
  return [
    `# ${c.id}: ${c.title} (${c.status})\n`,
    section("source (markdown)", c.body || "(no message: a status-only update)"),
    section("email: text part", r.email.text),
    section("email: HTML part", r.email.html),
    section(`X (${weight("x")})`, r.posts.x),
    section(`Mastodon (${weight("mastodon")})`, r.posts.mastodon),
    section(
      `Bluesky (${weight("bluesky")} graphemes)`,
      `${r.posts.bluesky}\nfacets:\n${facetLines(r.posts.bluesky, r.facets)}`,
    ),
    section("Slack (section block, mrkdwn)", r.slack.section),
    section("Slack (notification text)", r.slack.text),
    section("Discord (embed description)", r.discord),
    section("Teams (card body)", JSON.stringify(r.teams, null, 2)),
    section("RSS item", r.rss),
    section("Atom entry", r.atom),
  ].join("\n");
}

// What a reader sees of each channel's output, markup resolved, addresses included.
const decodeEntities = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&");
const slackVisible = (s: string) => decodeEntities(s.replace(/<([^|>]*)\|([^>]*)>/g, "$2 $1"));
const discordVisible = (s: string) =>
  s.replace(/\[((?:\\.|[^\]\\])*)\]\(<([^>]*)>\)/g, "$1 $2").replace(/\\(.)/g, "$1");
const teamsVisible = (body: TeamsCard["body"]) =>
  body
    .slice(1)
    .map((block) =>
      (block.inlines ?? []).map((r) => r.text + (r.selectAction ? ` ${r.selectAction.url}` : "")).join(""),
    )
    .join("\n");
const htmlVisible = (html: string) =>
  decodeEntities(`${html.replace(/<[^>]*>/g, "")} ${[...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).join(" ")}`);
const decodeUrls = (s: string) =>
  s.replace(/https?:\/\/\S+/g, (u) => {
    try {
      return decodeURI(u);
    } catch {
      return u;
    }
  });

/** Words: letters, marks and digits. Markup never is one, so every word typed must arrive. */
const words = (s: string) => new Set(s.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []);
/** The source's words, less those of its markup: a code fence's language, ordered-list numbers, link schemes. */
const typedWords = (markdown: string) =>
  words(
    markdown
      .replace(/^```\S*/gm, "")
      .replace(/^\s*\d+[.)]\s/gm, "")
      .replace(/\]\(mailto:/g, "]("),
  );
/** Words are looked for as substrings: scripts without spaces run words together once a link's brackets go. */
const missingWords = (from: string, to: string) => {
  const have = decodeUrls(to);
  return [...typedWords(decodeUrls(from))].filter((w) => !have.includes(w));
};

const all = cases as Case[];

describe("golden corpus", () => {
  it("holds at least 20 updates, one of them 5,000 characters", () => {
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(Math.max(...all.map((c) => c.body.length))).toBeGreaterThanOrEqual(5_000);
  });

  for (const c of all) {
    describe(c.id, () => {
      const r = render(c);
      const plain = markdownToText(c.body);

      it("matches its expected file", async () => {
        await expect(goldenFile(c, r)).toMatchFileSnapshot(`./corpus/expected/${c.id}.txt`);
      });

      it("loses nothing typed in the channels that are not shortened", () => {
        const text: Record<string, string> = {
          "email text": r.email.text,
          slack: slackVisible(r.slack.section),
          discord: discordVisible(r.discord),
          teams: teamsVisible(r.teams),
        };
        // In HTML, quotes, tables and list numbers are markup: only the words are compared.
        const html: Record<string, string> = {
          "email HTML": htmlVisible(r.email.html),
          rss: htmlVisible(r.rss.replace(/<!\[CDATA\[|\]\]>/g, "")),
          atom: htmlVisible(decodeEntities(r.atom)),
        };
        for (const [name, out] of Object.entries({ ...text, ...html })) {
          if (out.includes("…") && !c.body.includes("…")) continue;
          expect(missingWords(c.body, out), name).toEqual([]);
          if (name in text)
            for (const fragment of c.keep)
              expect(decodeUrls(out), `${name} keeps ${fragment}`).toContain(decodeUrls(fragment));
        }
      });

      it("fits every network's limit, keeps the link, and shortens only by cutting the end", () => {
        for (const network of Object.keys(LIMITS) as Network[]) {
          const post = r.posts[network];
          expect(postWeight(post, LIMITS[network]), network).toBeLessThanOrEqual(LIMITS[network].max);
          expect(post.endsWith(POST_URL), network).toBe(true);
          const message = post.slice(post.indexOf("): ") + 3, post.length - POST_URL.length).trim();
          if (!plain) continue;
          if (message.endsWith("…")) expect(plain.startsWith(message.slice(0, -1)), network).toBe(true);
          else expect(message, network).toBe(plain);
        }
        expect(graphemes(r.posts.bluesky).length).toBeLessThanOrEqual(300);
      });

      it("gives Bluesky a link facet for every address, at its exact UTF-8 bytes", () => {
        const bytes = utf8.encode(r.posts.bluesky);
        const links = r.facets
          .filter((f) => f.features[0]?.$type === "app.bsky.richtext.facet#link")
          .map((f) => ({
            uri: f.features[0]?.uri ?? "",
            text: fromUtf8.decode(bytes.slice(f.index.byteStart, f.index.byteEnd)),
          }));
        for (const { uri, text } of links) expect(uri.endsWith(text.replace(/^https?:\/\//, "")), text).toBe(true);
        const linked = links.map((l) => l.text);
        expect(linked).toContain(POST_URL);
        for (const m of r.posts.bluesky.matchAll(/https?:\/\/[^\s)]+[^\s).,;]/g))
          expect(
            linked.some((l) => l.startsWith(m[0]) || m[0].startsWith(l)),
            m[0],
          ).toBe(true);
      });
    });
  }
});
