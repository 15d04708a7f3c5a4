// The outbox against real protocol peers on 127.0.0.1: the X, Mastodon and atproto stand-ins,
// a signature-checking webhook receiver and the SMTP stand-in. Time is virtual (tick(now)).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { testDatabase } from "@/db/testing";
import { seedDemo } from "@/db/seed";
import { deliveries } from "@/db/schema";
import type { Db } from "@/db/client";
import { startSmtp, type StandInSmtp } from "@/e2e/support/smtp";
import { startXStandIn, type XStandIn } from "@/e2e/support/x-stand-in";
import { startMastodonStandIn, type MastodonStandIn } from "@/e2e/support/mastodon-stand-in";
import { startAtprotoStandIn, type AtprotoStandIn } from "@/e2e/support/atproto-stand-in";
import { startWebhookReceiver, type WebhookReceiver } from "@/e2e/support/webhook-receiver";
import { SYSTEM_ACTOR } from "../audit";
import { addIncidentUpdate, createIncident } from "../incidents";
import { acmePage, must } from "../testing";
import { blueskyChannel } from "./bluesky";
import type { Channel } from "./channel";
import { emailChannel } from "./email";
import { mastodonChannel } from "./mastodon";
import { retryDelivery, settleDelivery, switchNetwork } from "./outbox";
import { chatChannel } from "./chat";
import { backoffDelay, Sender } from "./sender";
import { addSubscriber, confirmSubscription, subscribe } from "./subscribers";
import { webhookChannel } from "./webhook";
import { xChannel } from "./x";

const PUBLIC = "http://status.test";
const T0 = Date.parse("2026-11-24T12:00:00Z");
let smtp: StandInSmtp;
let x: XStandIn;
let masto: MastodonStandIn;
let atp: AtprotoStandIn;
let hooks: WebhookReceiver;
const secrets = new Map<string, string>();

beforeAll(async () => {
  smtp = await startSmtp();
  // Which networks are on comes from the configuration, read once per process.
  vi.stubEnv("X_APP_KEY", "key");
  vi.stubEnv("X_APP_SECRET", "secret");
  vi.stubEnv("X_ACCESS_TOKEN", "token");
  vi.stubEnv("X_ACCESS_SECRET", "tsecret");
  vi.stubEnv("MASTODON_URL", "http://127.0.0.1:9");
  vi.stubEnv("MASTODON_TOKEN", "mtoken");
  vi.stubEnv("BLUESKY_IDENTIFIER", "status.test");
  vi.stubEnv("BLUESKY_APP_PASSWORD", "app-password");
  vi.stubEnv("SMTP_URL", smtp.url);
  vi.stubEnv("MAIL_FROM", "Status <status@status.test>");
});
afterAll(async () => {
  await smtp.close();
  vi.unstubAllEnvs();
});

beforeEach(async () => {
  x = await startXStandIn("key");
  masto = await startMastodonStandIn("mtoken");
  atp = await startAtprotoStandIn("status.test", "app-password");
  hooks = await startWebhookReceiver((path) => secrets.get(path));
  smtp.messages.length = 0;
});
afterEach(async () => {
  await Promise.all([x.close(), masto.close(), atp.close(), hooks.close()]);
});

function channels() {
  return {
    x: xChannel({ appKey: "key", appSecret: "secret", accessToken: "token", accessSecret: "tsecret", apiUrl: x.url }),
    mastodon: mastodonChannel({ url: masto.url, token: "mtoken" }),
    bluesky: blueskyChannel({ service: atp.url, identifier: "status.test", password: "app-password" }),
    webhook: webhookChannel({ allowPrivate: true }),
    email: emailChannel(),
  } satisfies Record<string, Channel>;
}

function setup() {
  const db = testDatabase();
  return { db, ...acmePage(db, T0) };
}

function addWebhook(db: Db, path: string, componentIds: string[] = []) {
  const { subscriber, secret } = addSubscriber(
    db,
    SYSTEM_ACTOR,
    { kind: "webhook", url: `${hooks.url}${path}`, componentIds },
    { allowPrivate: true, now: T0 },
  );
  secrets.set(path, secret!);
  return subscriber;
}

function addEmail(db: Db, address: string) {
  const { subscriber } = subscribe(db, { kind: "email", email: address }, { allowPrivate: false, now: T0 });
  confirmSubscription(db, subscriber.token, T0);
  return subscriber;
}

const rows = (db: Db) => db.select().from(deliveries).orderBy(deliveries.seq).all();
const ofChannel = (db: Db, channel: string) =>
  db.select().from(deliveries).where(eq(deliveries.channel, channel)).orderBy(deliveries.seq).all();

/** Ticks on a virtual clock until nothing is pending or sending. */
async function drain(sender: Sender, db: Db, start: number, step = 60_000): Promise<number> {
  let now = start;
  for (let i = 0; i < 500; i++) {
    sender.tick(now);
    await sender.idle();
    if (!rows(db).some((r) => r.state === "pending" || r.state === "sending")) return now;
    now += step;
  }
  throw new Error(
    `the outbox did not drain: ${JSON.stringify(rows(db).map((r) => [r.channel, r.state, r.lastError]))}`,
  );
}

function threeUpdates(db: Db, componentId: string) {
  const incident = createIncident(
    db,
    SYSTEM_ACTOR,
    {
      name: "API errors",
      status: "investigating",
      body: "We are looking into errors.",
      components: { [componentId]: "major_outage" },
    },
    T0,
  );
  addIncidentUpdate(db, SYSTEM_ACTOR, incident.id, { status: "identified", body: "A bad deploy." }, T0 + 1000);
  addIncidentUpdate(
    db,
    SYSTEM_ACTOR,
    incident.id,
    { status: "resolved", body: "Rolled back.", components: { [componentId]: "operational" } },
    T0 + 2000,
  );
  return incident;
}

describe("the outbox", () => {
  it("never announces the demo data", () => {
    const db = testDatabase();
    seedDemo(db, { name: "Demo", timeZone: "Etc/UTC", now: T0 });
    expect(rows(db)).toHaveLength(0);
  });

  it("writes one delivery per enabled network and matching confirmed subscriber, in the update's transaction", () => {
    const { db, api, web } = setup();
    const all = addWebhook(db, "/all");
    const apiOnly = addWebhook(db, "/api", [api.id]);
    addWebhook(db, "/web", [web.id]);
    subscribe(db, { kind: "email", email: "unconfirmed@example.com" }, { allowPrivate: false, now: T0 });
    const incident = createIncident(
      db,
      SYSTEM_ACTOR,
      { name: "Down", status: "investigating", components: { [api.id]: "major_outage" } },
      T0,
    );
    expect(
      rows(db)
        .map((r) => r.target)
        .sort(),
    ).toEqual(["bluesky", "mastodon", "x", all.id, apiOnly.id].sort());

    addIncidentUpdate(db, SYSTEM_ACTOR, incident.id, { status: "identified", deliverNotifications: false }, T0 + 1);
    expect(rows(db)).toHaveLength(5);
    // A failed write leaves no delivery behind.
    expect(() =>
      addIncidentUpdate(
        db,
        SYSTEM_ACTOR,
        incident.id,
        { status: "identified", components: { nosuch: "major_outage" } },
        T0 + 2,
      ),
    ).toThrow();
    expect(rows(db)).toHaveLength(5);
    switchNetwork(db, SYSTEM_ACTOR, "x", false, T0);
    addIncidentUpdate(db, SYSTEM_ACTOR, incident.id, { status: "monitoring" }, T0 + 3);
    expect(
      rows(db)
        .filter((r) => r.seq === rows(db).at(-1)!.seq)
        .map((r) => r.channel)
        .sort(),
    ).toEqual(["bluesky", "mastodon", "webhook", "webhook"]);
  });

  it("delivers every update exactly once, in order and threaded, through 503s and 429s", async () => {
    const { db, api } = setup();
    addWebhook(db, "/hook");
    addEmail(db, "reader@example.com");
    x.fail("/2/tweets", { status: 503, times: 2 });
    masto.fail("/api/v1/statuses", { status: 429, times: 2, headers: { "retry-after": "120" } });
    atp.fail("/xrpc/com.atproto.repo.createRecord", { status: 503, times: 1 });
    hooks.fail("/hook", { status: 503, times: 2 });
    const incident = threeUpdates(db, api.id);
    const sender = new Sender({
      db,
      publicUrl: PUBLIC,
      channels: channels(),
      baseDelayMs: 1000,
      maxDelayMs: 10_000,
      random: () => 0.5,
      log: () => {},
    });

    sender.tick(T0);
    await sender.idle();
    // The 429's Retry-After holds the next attempt back at least that long.
    expect(ofChannel(db, "mastodon")[0]?.nextAttemptAt).toBeGreaterThanOrEqual(T0 + 120_000);
    expect(ofChannel(db, "mastodon")[0]?.lastError).toMatch(/429/);
    await drain(sender, db, T0 + 5_000, 30_000);

    expect(rows(db).every((r) => r.state === "sent")).toBe(true);
    const statuses = ["Investigating", "Identified", "Resolved"];
    expect(x.tweets.map((t) => /\((\w+)\)/.exec(t.text)![1])).toEqual(statuses);
    expect(x.tweets.map((t) => t.replyTo)).toEqual([null, x.tweets[0]?.id, x.tweets[1]?.id]);
    expect(x.tweets.every((t) => t.text.includes(`${PUBLIC}/incidents/${incident.id}?d=`))).toBe(true);
    expect(masto.statuses.map((t) => /\((\w+)\)/.exec(t.text)![1])).toEqual(statuses);
    expect(masto.statuses.map((t) => t.inReplyToId)).toEqual([null, masto.statuses[0]?.id, masto.statuses[1]?.id]);
    expect(atp.records).toHaveLength(3);
    const r0 = must(atp.records[0], "the first record");
    const r1 = must(atp.records[1], "the second record");
    const r2 = must(atp.records[2], "the third record");
    expect(r0.value.reply).toBeUndefined();
    expect(r1.value.reply).toEqual({ root: { uri: r0.uri, cid: r0.cid }, parent: { uri: r0.uri, cid: r0.cid } });
    expect(r2.value.reply).toEqual({ root: { uri: r0.uri, cid: r0.cid }, parent: { uri: r1.uri, cid: r1.cid } });
    const facet = must((r0.value.facets as { features: { uri: string }[] }[])[0]?.features[0], "a facet feature");
    expect(facet.uri).toMatch(new RegExp(`^${PUBLIC}/incidents/${incident.id}\\?d=`));
    expect(hooks.received.map((h) => h.valid)).toEqual([true, true, true]);
    expect(
      hooks.received.map((h) => (h.body.incident as { incident_updates: unknown[] }).incident_updates.length),
    ).toEqual([1, 2, 3]);
    expect(hooks.received.map((h) => (h.body.incident as { status: string }).status)).toEqual([
      "investigating",
      "identified",
      "resolved",
    ]);
    expect(new Set(hooks.received.map((h) => h.delivery)).size).toBe(3);
    expect(smtp.messages.map((m) => m.subject)).toEqual([
      "[Acme] API errors: Investigating",
      "[Acme] API errors: Identified",
      "[Acme] API errors: Resolved",
    ]);
    const mail = must(smtp.messages[0], "the first mail");
    const headers = mail.raw.replace(/\r?\n[ \t]+/g, " ");
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect(headers).toMatch(/^List-Unsubscribe: <http:\/\/status\.test\/subscriptions\/unsubscribe\?token=/m);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
  });

  it("never posts twice when the process dies between sending and recording", async () => {
    const { db, api } = setup();
    const abandon = (c: Channel): Channel => ({
      ...c,
      send: async (job) => (await c.send(job), new Promise(() => {})),
    });
    const real = channels();
    const dying = new Sender({
      db,
      publicUrl: PUBLIC,
      channels: { x: abandon(real.x), mastodon: abandon(real.mastodon), bluesky: abandon(real.bluesky) },
      log: () => {},
    });
    const incident = createIncident(
      db,
      SYSTEM_ACTOR,
      { name: "API errors", status: "investigating", body: "Looking.", components: { [api.id]: "major_outage" } },
      T0,
    );
    dying.tick(T0);
    await vi.waitFor(() => expect([x.tweets.length, masto.statuses.length, atp.records.length]).toEqual([1, 1, 1]));
    expect(rows(db).every((r) => r.state === "sending")).toBe(true);
    // Mastodon's memory of idempotency keys has run out: only the marker can tell.
    masto.forgetIdempotencyKeys();

    const restarted = new Sender({ db, publicUrl: PUBLIC, channels: channels(), log: () => {} });
    expect(restarted.tick(T0 + 1000)).toBe(0); // the dead process still holds the lease
    restarted.tick(T0 + 31_000);
    await restarted.idle();
    expect([x.tweets.length, masto.statuses.length, atp.records.length]).toEqual([1, 1, 1]);
    const xd = must(ofChannel(db, "x")[0], "the X delivery");
    expect(xd.state).toBe("unknown");
    expect(ofChannel(db, "mastodon")[0]).toMatchObject({ state: "sent", remoteId: masto.statuses[0]?.id });
    expect(ofChannel(db, "bluesky")[0]).toMatchObject({ state: "sent", remoteId: atp.records[0]?.uri });

    // Staff look at the account and settle: it was posted. The thread continues under it.
    const tweet = must(x.tweets[0], "the first tweet");
    settleDelivery(db, SYSTEM_ACTOR, xd.id, "posted", `https://x.com/status/status/${tweet.id}`, T0 + 40_000);
    addIncidentUpdate(db, SYSTEM_ACTOR, incident.id, { status: "identified", body: "Found it." }, T0 + 50_000);
    await drain(restarted, db, T0 + 50_000);
    expect(x.tweets.map((t) => t.replyTo)).toEqual([null, tweet.id]);
    expect(masto.statuses.map((t) => t.inReplyToId)).toEqual([null, masto.statuses[0]?.id]);
    const reply = must(atp.records[1], "the reply record");
    expect((reply.value.reply as { parent: { uri: string } }).parent.uri).toBe(atp.records[0]?.uri);
  });

  it("a resend after a lost answer is refused by Mastodon's Idempotency-Key and Bluesky's record key", async () => {
    const { db, api } = setup();
    createIncident(
      db,
      SYSTEM_ACTOR,
      { name: "API errors", status: "investigating", body: "Looking.", components: { [api.id]: "major_outage" } },
      T0,
    );
    const real = channels();
    // Both sends reach the network; the first answer is lost on the way back.
    const loseFirstAnswer = (c: Channel): Channel => {
      let lost = false;
      return {
        ...c,
        find: undefined,
        idempotent: true,
        send: async (job) => {
          const sent = await c.send(job);
          if (!lost) {
            lost = true;
            throw Object.assign(new Error("socket hang up"), { opts: { maybeSent: true } });
          }
          return sent;
        },
      };
    };
    const sender = new Sender({
      db,
      publicUrl: PUBLIC,
      channels: { mastodon: loseFirstAnswer(real.mastodon), bluesky: loseFirstAnswer(real.bluesky) },
      baseDelayMs: 1000,
      log: () => {},
    });
    switchNetwork(db, SYSTEM_ACTOR, "x", false, T0);
    db.delete(deliveries).where(eq(deliveries.channel, "x")).run();
    await drain(sender, db, T0);
    expect(masto.statuses).toHaveLength(1);
    expect(atp.records).toHaveLength(1);
    expect(ofChannel(db, "mastodon")[0]).toMatchObject({ state: "sent", remoteId: masto.statuses[0]?.id, attempts: 2 });
    expect(ofChannel(db, "bluesky")[0]).toMatchObject({ state: "sent", remoteId: atp.records[0]?.uri, attempts: 2 });
  });

  it("one channel down does not hold up the others; it fails after N attempts with its last error", async () => {
    const { db, api } = setup();
    addWebhook(db, "/ok");
    x.fail("/2/tweets", { status: 503, times: 10_000 });
    threeUpdates(db, api.id);
    const sender = new Sender({
      db,
      publicUrl: PUBLIC,
      channels: channels(),
      maxAttempts: 4,
      baseDelayMs: 1000,
      maxDelayMs: 5000,
      log: () => {},
    });
    await drain(sender, db, T0, 10_000);
    expect(ofChannel(db, "x").map((d) => [d.state, d.attempts])).toEqual([
      ["failed", 4],
      ["failed", 4],
      ["failed", 4],
    ]);
    expect(ofChannel(db, "x")[0]?.lastError).toMatch(/503/);
    expect(x.tweets).toHaveLength(0);
    expect(masto.statuses).toHaveLength(3);
    expect(atp.records).toHaveLength(3);
    expect(hooks.received.filter((h) => h.valid)).toHaveLength(3);
  });

  it("does not queue the networks behind a large subscriber fan-out", async () => {
    const { db, api } = setup();
    for (let i = 0; i < 40; i++) addWebhook(db, `/fan/${i}`);
    createIncident(
      db,
      SYSTEM_ACTOR,
      { name: "Down", status: "investigating", components: { [api.id]: "major_outage" } },
      T0,
    );
    const sender = new Sender({ db, publicUrl: PUBLIC, channels: channels(), concurrency: 2, log: () => {} });
    sender.tick(T0);
    await sender.idle();
    expect([x.tweets.length, masto.statuses.length, atp.records.length]).toEqual([1, 1, 1]);
    expect(hooks.received).toHaveLength(2);
    await drain(sender, db, T0 + 1000, 1000);
    expect(hooks.received.filter((h) => h.valid)).toHaveLength(40);
  });

  it("posts to chat webhooks in the product's format; an unknown outcome there waits for staff", async () => {
    const { db, api } = setup();
    addSubscriber(db, SYSTEM_ACTOR, { kind: "slack", url: `${hooks.url}/slack` }, { allowPrivate: true, now: T0 });
    const incident = createIncident(
      db,
      SYSTEM_ACTOR,
      { name: "API <errors>", status: "investigating", body: "Looking.", components: { [api.id]: "major_outage" } },
      T0,
    );
    for (const n of ["x", "mastodon", "bluesky"] as const) db.delete(deliveries).where(eq(deliveries.channel, n)).run();
    let lose = true;
    const slack = chatChannel("slack", { allowPrivate: true });
    const flaky: Channel = {
      ...slack,
      send: async (job) => {
        const sent = await slack.send(job);
        if (lose) {
          lose = false;
          throw Object.assign(new Error("socket hang up"), { opts: { maybeSent: true } });
        }
        return sent;
      },
    };
    const sender = new Sender({ db, publicUrl: PUBLIC, channels: { slack: flaky }, baseDelayMs: 1000, log: () => {} });
    await drain(sender, db, T0);
    const d = must(ofChannel(db, "slack")[0], "the Slack delivery");
    expect(d.state).toBe("unknown");
    expect(hooks.received).toHaveLength(1);
    const body = must(hooks.received[0], "the Slack request").body as {
      text: string;
      blocks: { text: { text: string } }[];
    };
    expect(body.text).toBe("API &lt;errors&gt; (Investigating): Looking.");
    expect(body.blocks[0]?.text.text).toContain(`<${PUBLIC}/incidents/${incident.id}|`);
    // Staff checked the channel: it never arrived. Send it.
    settleDelivery(db, SYSTEM_ACTOR, d.id, "not_posted", undefined, T0 + 100_000);
    await drain(sender, db, T0 + 100_000);
    expect(ofChannel(db, "slack")[0]?.state).toBe("sent");
    expect(hooks.received).toHaveLength(2);
    expect(() => settleDelivery(db, SYSTEM_ACTOR, d.id, "posted")).toThrow(/Only a delivery with an unknown outcome/);
    expect(() => retryDelivery(db, SYSTEM_ACTOR, d.id)).toThrow(/Only a failed delivery/);
  });

  it("staff retry a failed delivery from its first attempt", async () => {
    const { db, api } = setup();
    createIncident(
      db,
      SYSTEM_ACTOR,
      { name: "Down", status: "investigating", components: { [api.id]: "major_outage" } },
      T0,
    );
    for (const n of ["mastodon", "bluesky"] as const) db.delete(deliveries).where(eq(deliveries.channel, n)).run();
    x.fail("/2/tweets", { status: 403, times: 1, headers: {} });
    const sender = new Sender({ db, publicUrl: PUBLIC, channels: channels(), log: () => {} });
    await drain(sender, db, T0);
    const d = must(ofChannel(db, "x")[0], "the X delivery");
    expect(d).toMatchObject({ state: "failed", attempts: 1 });
    expect(d.lastError).toMatch(/X answered 403/);
    retryDelivery(db, SYSTEM_ACTOR, d.id, T0 + 1000);
    await drain(sender, db, T0 + 1000);
    const tweet = must(x.tweets[0], "the tweet");
    expect(ofChannel(db, "x")[0]).toMatchObject({
      state: "sent",
      remoteId: tweet.id,
      remoteUrl: `https://x.com/i/web/status/${tweet.id}`,
    });
  });

  it("targets backing off never crowd out a healthy one", async () => {
    const { db, api } = setup();
    for (let i = 0; i < 210; i++) addWebhook(db, `/down/${i}`);
    addWebhook(db, "/up");
    hooks.fail("/down", { status: 503, times: 100_000 });
    createIncident(
      db,
      SYSTEM_ACTOR,
      { name: "Down", status: "investigating", components: { [api.id]: "major_outage" } },
      T0,
    );
    const sender = new Sender({
      db,
      publicUrl: PUBLIC,
      channels: channels(),
      concurrency: 50,
      baseDelayMs: 60_000,
      log: () => {},
    });
    for (let i = 0; i < 10; i++) {
      sender.tick(T0 + i * 1000);
      await sender.idle();
    }
    expect(hooks.received.map((h) => h.path)).toEqual(["/up"]);
  });

  it("lets only the lease holder send", async () => {
    const { db, api } = setup();
    const a = new Sender({ db, publicUrl: PUBLIC, channels: channels(), log: () => {} });
    const b = new Sender({ db, publicUrl: PUBLIC, channels: channels(), log: () => {} });
    a.tick(T0);
    createIncident(
      db,
      SYSTEM_ACTOR,
      { name: "Down", status: "investigating", components: { [api.id]: "major_outage" } },
      T0,
    );
    expect(b.tick(T0 + 100)).toBe(0);
    a.stop();
    expect(b.tick(T0 + 200)).toBe(3);
    await b.idle();
    expect(x.tweets).toHaveLength(1);
  });

  it("refuses private webhook targets unless allowed", async () => {
    const { db, api } = setup();
    addWebhook(db, "/private");
    createIncident(
      db,
      SYSTEM_ACTOR,
      { name: "Down", status: "investigating", components: { [api.id]: "major_outage" } },
      T0,
    );
    const sender = new Sender({
      db,
      publicUrl: PUBLIC,
      channels: { webhook: webhookChannel({ allowPrivate: false }) },
      log: () => {},
    });
    for (const n of ["x", "mastodon", "bluesky"] as const) db.delete(deliveries).where(eq(deliveries.channel, n)).run();
    await drain(sender, db, T0);
    expect(ofChannel(db, "webhook")[0]).toMatchObject({ state: "failed", attempts: 1 });
    expect(ofChannel(db, "webhook")[0]?.lastError).toMatch(/private or local/);
    expect(hooks.received).toHaveLength(0);
  });
});

describe("backoff", () => {
  it("grows exponentially with jitter, is capped, and yields to a longer Retry-After", () => {
    const o = { baseDelayMs: 1000, maxDelayMs: 60_000 };
    expect(backoffDelay(1, { ...o, random: () => 0 })).toBe(500);
    expect(backoffDelay(1, { ...o, random: () => 1 })).toBe(1000);
    expect(backoffDelay(4, { ...o, random: () => 1 })).toBe(8000);
    expect(backoffDelay(30, { ...o, random: () => 1 })).toBe(60_000);
    expect(backoffDelay(1, { ...o, random: () => 1, retryAfterMs: 90_000 })).toBe(90_000);
  });
});
