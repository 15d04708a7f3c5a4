// A visitor subscribes a Slack, Discord or Teams channel: validated like webhooks, confirmed by a
// message posted to the channel in its product's format, then sent updates in that format with
// an unsubscribe link. Real HTTP to a stand-in on 127.0.0.1; time is virtual.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { subscriberByToken } from "@/db/queries/subscribers";
import { deliveries } from "@/db/schema";
import { testDatabase } from "@/db/testing";
import { startStandIn, type StandIn } from "@/e2e/support/http-stand-in";
import { SYSTEM_ACTOR } from "../audit";
import { chatPayload } from "../chat-format";
import { createIncident } from "../incidents";
import { buildSnapshot } from "../snapshot";
import { acmePage, must } from "../testing";
import { chatChannel, chatConfirmation } from "./chat";
import { requestSubscription } from "./request-subscription";
import { Sender } from "./sender";
import { addSubscriber, chatProductOf, confirmSubscription, subscribe, SUBSCRIBE_LIMIT } from "./subscribers";

const PUBLIC = "http://status.test";
const T0 = Date.parse("2026-11-24T12:00:00Z");

let chat: StandIn;
let db: Db;
let ids: ReturnType<typeof acmePage>;
beforeEach(async () => {
  chat = await startStandIn(() => ({ status: 200, body: { ok: true } }));
  db = testDatabase();
  ids = acmePage(db, T0);
});
afterEach(() => chat.close());

const page = () => buildSnapshot(db, { publicUrl: PUBLIC, now: T0 });
let client = 0;
/** Each request from its own address, so the throttle only counts where a test means it to. */
const opts = (over: Partial<{ allowPrivate: boolean; clientAddress: string }> = {}) => ({
  clientAddress: `198.51.100.${++client}`,
  allowPrivate: true,
  now: T0,
  ...over,
});

type SlackBody = {
  text: string;
  blocks: { type: string; text?: { text: string }; elements?: { text: string }[] }[];
  unfurl_links: boolean;
};
type DiscordBody = { allowed_mentions: { parse: string[] }; embeds: { title: string; description: string }[] };
type TeamsBody = { attachments: { content: { actions: { title: string; url: string }[] } }[] };

const link = (text: string) =>
  must(/(http:\/\/status\.test\/(?:de\/)?subscriptions\/\w+\?token=[\w-]+)/.exec(text)?.[1], "a link");

describe("the chat product of a URL", () => {
  it("is told by Slack's, Discord's and Teams' own hosts, and by nothing else", () => {
    expect(chatProductOf("https://hooks.slack.com/services/T0/B0/x")).toBe("slack");
    expect(chatProductOf("https://discord.com/api/webhooks/1/abc")).toBe("discord");
    expect(chatProductOf("https://canary.discordapp.com/api/webhooks/1/abc")).toBe("discord");
    // Discord's Slack-compatible endpoint takes Slack's format: no opinion.
    expect(chatProductOf("https://discord.com/api/webhooks/1/abc/slack")).toBeNull();
    expect(chatProductOf("https://acme.webhook.office.com/webhookb2/x")).toBe("teams");
    expect(chatProductOf("https://chat.example.com/hooks/xyz")).toBeNull();
    expect(chatProductOf("https://hooks.slack.com.evil.example/services/x")).toBeNull();
    expect(chatProductOf("not a url")).toBeNull();
  });
});

describe("a chat subscription's input", () => {
  it("takes its product from the host when none was chosen", () => {
    const { subscriber } = subscribe(
      db,
      { kind: "chat", url: "https://hooks.slack.com/services/T0/B0/x" },
      { allowPrivate: false, now: T0 },
    );
    expect(subscriber.kind).toBe("slack");
    expect(subscriber.confirmedAt).toBeNull();
  });

  const ask = (input: { url: string; product?: "slack" | "discord" | "teams" | "" }, allowPrivate = false) =>
    requestSubscription(db, page(), { kind: "chat", componentIds: [], ...input }, opts({ allowPrivate }));

  it("needs the product when the host does not tell it", async () => {
    const r = await ask({ url: "https://chat.example.com/hooks/xyz" });
    expect(r).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { product: ["Choose Slack, Discord or Microsoft Teams"] },
    });
  });

  it("refuses a product the URL's host contradicts", async () => {
    const r = await ask({ url: "https://discord.com/api/webhooks/1/abc", product: "slack" });
    expect(r).toMatchObject({
      ok: false,
      fieldErrors: { product: ["This is a Discord webhook URL: choose Discord"] },
    });
  });

  it("follows the URL rules of webhooks: http(s) only, no credentials, no private address", async () => {
    expect(await ask({ url: "ftp://chat.example.com/x", product: "slack" })).toMatchObject({
      fieldErrors: { url: ["Only http:// and https:// URLs can receive webhooks"] },
    });
    expect(await ask({ url: "https://u:p@chat.example.com/x", product: "slack" })).toMatchObject({
      fieldErrors: { url: ["Leave user names and passwords out of the URL"] },
    });
    expect(await ask({ url: `${chat.url}/hook`, product: "slack" })).toMatchObject({
      fieldErrors: { url: ["This address is private or local; webhooks go to public addresses only"] },
    });
    expect(await ask({ url: "", product: "" })).toMatchObject({
      fieldErrors: { url: ["Enter the channel's incoming webhook URL"], product: [expect.any(String)] },
    });
    expect(chat.requests).toHaveLength(0);
  });

  it("says so beside the URL when the channel refuses the confirmation", async () => {
    chat.fail("/gone", { status: 404, times: 1 });
    const r = await ask({ url: `${chat.url}/gone`, product: "discord" }, true);
    expect(r).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { url: [expect.stringMatching(/did not accept/)] },
    });
  });

  it("is throttled with the other public subscriptions of the same client", async () => {
    const same = opts();
    for (let i = 0; i < SUBSCRIBE_LIMIT; i++)
      await requestSubscription(db, page(), { kind: "webhook", url: "not a url", componentIds: [] }, same);
    const r = await requestSubscription(
      db,
      page(),
      { kind: "chat", product: "slack", url: `${chat.url}/hook`, componentIds: [] },
      same,
    );
    expect(r).toMatchObject({ ok: false, status: 429 });
    expect(chat.requests).toHaveLength(0);
  });
});

describe("the confirmation posted to the channel", () => {
  const message = (locale?: string) =>
    chatConfirmation({ pageName: "Acme", publicUrl: PUBLIC, token: "tok-1", locale, defaultLocale: "en" });
  const confirm = `${PUBLIC}/subscriptions/confirm?token=tok-1`;

  it("Slack: the question, and the confirm link as the title and on a line of its own", () => {
    const body = chatPayload("slack", message()) as SlackBody;
    expect(body.blocks[0]?.text?.text).toBe(
      `*<${confirm}|Confirm Acme status updates in this channel>*\n` +
        "Someone asked to post Acme status updates (incidents and maintenance) to this channel.\n" +
        "Follow the link to start. If nobody here asked for this, ignore this message: nothing more is posted without confirmation.",
    );
    expect(body.blocks[1]).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: `<${confirm}|Confirm>` }] });
    expect(body.unfurl_links).toBe(false);
  });

  it("Discord: an embed ending with the confirm link, pinging nobody", () => {
    const body = chatPayload("discord", message()) as DiscordBody;
    expect(body.allowed_mentions.parse).toEqual([]);
    expect(body.embeds[0]?.title).toBe("Confirm Acme status updates in this channel");
    expect(body.embeds[0]?.description).toMatch(
      new RegExp(`\\n\\n\\[Confirm\\]\\(<${confirm.replace(/[?.]/g, "\\$&")}>\\)$`),
    );
  });

  it("Teams: an adaptive card whose buttons open the confirm link", () => {
    const body = chatPayload("teams", message()) as TeamsBody;
    expect(body.attachments[0]?.content.actions).toEqual([
      { type: "Action.OpenUrl", title: "Confirm", url: confirm },
      { type: "Action.OpenUrl", title: "Confirm", url: confirm },
    ]);
  });

  it("speaks the locale subscribed on, with the link in it", () => {
    const body = chatPayload("slack", message("de")) as SlackBody;
    expect(body.blocks[1]?.elements?.[0]?.text).toBe(`<${PUBLIC}/de/subscriptions/confirm?token=tok-1|Bestätigen>`);
    expect(body.blocks[0]?.text?.text).toContain("Status-Updates von Acme");
  });
});

describe("a chat channel subscribed by a visitor", () => {
  const sent = (path: string) => chat.requests.filter((r) => r.path === path);

  it("is confirmed by the link posted to it, then gets updates in Slack's format with a way out", async () => {
    const asked = await requestSubscription(
      db,
      page(),
      { kind: "chat", product: "slack", url: `${chat.url}/slack`, componentIds: [ids.api.id], locale: "de" },
      opts(),
    );
    expect(asked).toEqual({ ok: true, kind: "chat", product: "slack", alreadySubscribed: false });
    const confirmation = must(sent("/slack")[0], "the confirmation").json() as SlackBody;
    const confirmLink = link(must(confirmation.blocks[1]?.elements?.[0], "the confirm link").text);
    expect(confirmLink).toMatch(/^http:\/\/status\.test\/de\/subscriptions\/confirm\?token=/);

    // Nothing is posted before the link is followed.
    createIncident(
      db,
      SYSTEM_ACTOR,
      { name: "Early", status: "investigating", components: { [ids.api.id]: "degraded_performance" } },
      T0,
    );
    expect(db.select().from(deliveries).where(eq(deliveries.channel, "slack")).all()).toHaveLength(0);

    const token = must(new URL(confirmLink).searchParams.get("token"), "the token");
    const confirmed = confirmSubscription(db, token, T0 + 1000);
    expect(confirmed.kind).toBe("slack");
    expect(confirmed.confirmedAt).toBe(T0 + 1000);

    const incident = createIncident(
      db,
      SYSTEM_ACTOR,
      {
        name: "API <errors>",
        status: "investigating",
        body: "Looking **now**.",
        components: { [ids.api.id]: "major_outage" },
      },
      T0 + 2000,
    );
    const sender = new Sender({
      db,
      publicUrl: PUBLIC,
      channels: { slack: chatChannel("slack", { allowPrivate: true }) },
      log: () => {},
    });
    sender.tick(T0 + 3000);
    await sender.idle();
    const update = must(sent("/slack")[1], "the update").json() as SlackBody;
    expect(sent("/slack")).toHaveLength(2);
    expect(update.text).toBe("API &lt;errors&gt; (Wird untersucht): Looking now.");
    expect(update.blocks[0]?.text?.text).toContain(
      `<${PUBLIC}/de/incidents/${incident.id}|API &lt;errors&gt; (Wird untersucht)>`,
    );
    const unsubscribe = link(must(update.blocks[1]?.elements?.[0], "the unsubscribe link").text);
    expect(unsubscribe).toBe(`${PUBLIC}/de/subscriptions/unsubscribe?token=${token}`);
    expect(update.blocks[1]?.elements?.[0]?.text).toContain("|Diesen Kanal abbestellen>");

    // Asking again changes nothing and says so.
    const again = await requestSubscription(
      db,
      page(),
      { kind: "chat", product: "slack", url: `${chat.url}/slack`, componentIds: [] },
      opts(),
    );
    expect(again).toEqual({ ok: true, kind: "chat", product: "slack", alreadySubscribed: true });
    expect(sent("/slack")).toHaveLength(2);
  });

  it("is stored as its product's subscriber, so Discord's deliveries use Discord's format", async () => {
    const { subscriber } = subscribe(
      db,
      { kind: "chat", product: "discord", url: `${chat.url}/discord` },
      { allowPrivate: true, now: T0 },
    );
    expect(subscriber.kind).toBe("discord");
    confirmSubscription(db, subscriber.token, T0);
    createIncident(db, SYSTEM_ACTOR, { name: "Down", status: "investigating", body: "@everyone", components: {} }, T0);
    const sender = new Sender({
      db,
      publicUrl: PUBLIC,
      channels: { discord: chatChannel("discord", { allowPrivate: true }) },
      log: () => {},
    });
    sender.tick(T0 + 1000);
    await sender.idle();
    const body = must(sent("/discord")[0], "the Discord update").json() as DiscordBody;
    expect(body.allowed_mentions.parse).toEqual([]);
    expect(body.embeds[0]?.title).toBe("Down (Investigating)");
    expect(body.embeds[0]?.description).toBe(
      `@everyone\n\n[Unsubscribe this channel](<${PUBLIC}/subscriptions/unsubscribe?token=${subscriber.token}>)`,
    );
  });

  it("leaves a channel staff added as it was: no unsubscribe link", async () => {
    addSubscriber(db, SYSTEM_ACTOR, { kind: "slack", url: `${chat.url}/staff` }, { allowPrivate: true, now: T0 });
    createIncident(db, SYSTEM_ACTOR, { name: "Down", status: "investigating", body: "Looking.", components: {} }, T0);
    const sender = new Sender({
      db,
      publicUrl: PUBLIC,
      channels: { slack: chatChannel("slack", { allowPrivate: true }) },
      log: () => {},
    });
    sender.tick(T0 + 1000);
    await sender.idle();
    const body = must(sent("/staff")[0], "the staff channel's update").json() as SlackBody;
    expect(body.blocks).toHaveLength(1);
    expect(body.text).toBe("Down (Investigating): Looking.");
  });

  it("an unconfirmed channel stays unconfirmed until its token is used", () => {
    const { subscriber } = subscribe(
      db,
      { kind: "chat", product: "teams", url: `${chat.url}/teams` },
      { allowPrivate: true, now: T0 },
    );
    expect(subscriberByToken(db, subscriber.token)?.confirmedAt).toBeNull();
    expect(() => confirmSubscription(db, "not-a-token")).toThrow(/not valid/);
  });
});
