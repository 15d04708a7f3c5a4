// Component changes outside an incident reach webhook subscribers as Statuspage's component_update,
// through the same outbox and sender as incident updates, against a signature-checking receiver
// on 127.0.0.1. Time is virtual (tick(now)).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq, isNotNull } from "drizzle-orm";
import { testDatabase } from "@/db/testing";
import { componentChanges, deliveries } from "@/db/schema";
import type { Db } from "@/db/client";
import { startWebhookReceiver, verify, type WebhookReceiver } from "@/e2e/support/webhook-receiver";
import { SYSTEM_ACTOR } from "../audit";
import { setComponentStatus, updateComponent } from "../components";
import { addIncidentUpdate, createIncident } from "../incidents";
import { acmePage, must } from "../testing";
import { channelsView } from "../views/channels";
import { deliveriesNeedingAttention } from "../views/deliveries";
import { chatChannel } from "./chat";
import { SendError, type Channel } from "./channel";
import { Sender } from "./sender";
import { addSubscriber, subscribe, confirmSubscription } from "./subscribers";
import { webhookChannel } from "./webhook";

const PUBLIC = "http://status.test";
const T0 = Date.parse("2026-11-24T12:00:00.000Z");
let hooks: WebhookReceiver;
const secrets = new Map<string, string>();

beforeAll(() => {
  // A network with credentials is on: it must still hear nothing of component changes.
  vi.stubEnv("X_APP_KEY", "key");
  vi.stubEnv("X_APP_SECRET", "secret");
  vi.stubEnv("X_ACCESS_TOKEN", "token");
  vi.stubEnv("X_ACCESS_SECRET", "tsecret");
});
afterAll(() => vi.unstubAllEnvs());
beforeEach(async () => {
  hooks = await startWebhookReceiver((path) => secrets.get(path));
});
afterEach(() => hooks.close());

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
  secrets.set(path, must(secret ?? undefined, "a webhook secret"));
  return subscriber;
}

const componentDeliveries = (db: Db) =>
  db.select().from(deliveries).where(isNotNull(deliveries.componentChangeId)).orderBy(deliveries.seq).all();
const changes = (db: Db) => db.select().from(componentChanges).orderBy(componentChanges.seq).all();

function sender(
  db: Db,
  channels: Partial<Record<string, Channel>> = { webhook: webhookChannel({ allowPrivate: true }) },
  baseDelayMs = 1000,
) {
  return new Sender({ db, publicUrl: PUBLIC, channels, baseDelayMs, random: () => 0.5, log: () => {} });
}

/** Ticks on a virtual clock until nothing is pending or sending. */
async function drain(s: Sender, db: Db, start: number, step = 60_000): Promise<number> {
  let now = start;
  const open = () =>
    db
      .select()
      .from(deliveries)
      .all()
      .some((r) => r.state === "pending" || r.state === "sending");
  for (let i = 0; i < 100; i++) {
    s.tick(now);
    await s.idle();
    if (!open()) return now;
    now += step;
  }
  throw new Error("the outbox did not drain");
}

describe("component_update deliveries", () => {
  it("are written with a status change outside an incident, for matching webhook subscribers only", () => {
    const { db, api, web } = setup();
    const all = addWebhook(db, "/all");
    const apiOnly = addWebhook(db, "/api", [api.id]);
    addWebhook(db, "/web", [web.id]);
    const email = subscribe(db, { kind: "email", email: "reader@example.com" }, { allowPrivate: false, now: T0 });
    confirmSubscription(db, email.subscriber.token, T0);
    addSubscriber(db, SYSTEM_ACTOR, { kind: "slack", url: `${hooks.url}/slack` }, { allowPrivate: true, now: T0 });

    setComponentStatus(db, SYSTEM_ACTOR, { id: api.id, status: "major_outage" }, T0 + 1);
    const [change] = changes(db);
    expect(change).toMatchObject({ componentId: api.id, oldStatus: "operational", newStatus: "major_outage" });
    expect(componentDeliveries(db).map((d) => d.target)).toEqual(expect.arrayContaining([all.id, apiOnly.id]));
    expect(componentDeliveries(db)).toHaveLength(2);
    expect(componentDeliveries(db).every((d) => d.channel === "webhook" && d.componentChangeId === change?.id)).toBe(
      true,
    );
    expect(db.select().from(deliveries).all()).toHaveLength(2);

    // The same status again is no change.
    setComponentStatus(db, SYSTEM_ACTOR, { id: api.id, status: "major_outage" }, T0 + 2);
    updateComponent(db, SYSTEM_ACTOR, api.id, { status: "major_outage", description: "Edited" }, T0 + 3);
    expect(changes(db)).toHaveLength(1);
    expect(componentDeliveries(db)).toHaveLength(2);

    // The staff form and the admin API change it through updateComponent: the same outbox rows.
    updateComponent(db, SYSTEM_ACTOR, web.id, { status: "degraded_performance" }, T0 + 4);
    expect(changes(db).map((c) => [c.seq, c.componentId])).toEqual([
      [1, api.id],
      [2, web.id],
    ]);
    expect(componentDeliveries(db)).toHaveLength(4);
  });

  it("are not written for changes made by an incident update, nor when nobody listens", () => {
    const { db, api, web } = setup();
    setComponentStatus(db, SYSTEM_ACTOR, { id: web.id, status: "partial_outage" }, T0);
    expect(changes(db)).toHaveLength(0);
    addWebhook(db, "/api", [api.id]);
    setComponentStatus(db, SYSTEM_ACTOR, { id: web.id, status: "operational" }, T0 + 1);
    expect(changes(db)).toHaveLength(0);
    const incident = createIncident(
      db,
      SYSTEM_ACTOR,
      { name: "Down", status: "investigating", components: { [api.id]: "major_outage" } },
      T0 + 2,
    );
    addIncidentUpdate(
      db,
      SYSTEM_ACTOR,
      incident.id,
      { status: "resolved", components: { [api.id]: "operational" } },
      T0 + 3,
    );
    expect(changes(db)).toHaveLength(0);
    expect(componentDeliveries(db)).toHaveLength(0);
    // A failed write leaves no delivery behind.
    expect(() => setComponentStatus(db, SYSTEM_ACTOR, { id: api.id, status: "nope" as never }, T0 + 4)).toThrow();
    expect(componentDeliveries(db)).toHaveLength(0);
  });

  it("carry Statuspage's component_update body exactly, signed", async () => {
    const { db, api, pageId } = setup();
    const sub = addWebhook(db, "/hook");
    setComponentStatus(db, SYSTEM_ACTOR, { id: api.id, status: "partial_outage" }, T0 + 5_000);
    await drain(sender(db), db, T0 + 6_000);

    const got = must(hooks.received[0], "the component_update");
    const change = must(changes(db)[0], "the change");
    const delivery = must(componentDeliveries(db)[0], "the delivery");
    expect(got.valid).toBe(true);
    expect(
      verify(
        must(secrets.get("/hook"), "the secret"),
        String(got.headers["x-outpost-timestamp"]),
        got.raw,
        String(got.headers["x-outpost-signature"]),
      ),
    ).toBe(true);
    expect(got.delivery).toBe(delivery.id);
    expect(got.body).toEqual({
      meta: {
        unsubscribe: `${PUBLIC}/subscriptions/unsubscribe?token=${sub.token}`,
        documentation: `${PUBLIC}/api/v2/summary.json`,
      },
      page: { id: pageId, status_indicator: "minor", status_description: "Minor Service Outage" },
      component_update: {
        id: change.id,
        created_at: "2026-11-24T12:00:05.000Z",
        old_status: "operational",
        new_status: "partial_outage",
        component_id: api.id,
      },
      component: {
        id: api.id,
        name: "API",
        status: "partial_outage",
        created_at: "2026-11-24T12:00:00.000Z",
        updated_at: "2026-11-24T12:00:05.000Z",
        position: 0,
        description: null,
        showcase: true,
        start_date: null,
        group_id: null,
        page_id: pageId,
        group: false,
        only_show_if_degraded: false,
      },
    });
    expect(delivery).toMatchObject({ state: "sent", remoteId: "HTTP 200", attempts: 1 });
  });

  it("retry after a 500 and are never sent twice once delivered", async () => {
    const { db, api } = setup();
    addWebhook(db, "/hook");
    hooks.fail("/hook", { status: 500, times: 2 });
    setComponentStatus(db, SYSTEM_ACTOR, { id: api.id, status: "major_outage" }, T0);
    const s = sender(db);
    s.tick(T0);
    await s.idle();
    const first = must(componentDeliveries(db)[0], "the delivery");
    expect(first).toMatchObject({ state: "pending", attempts: 1 });
    expect(first.lastError).toMatch(/500/);
    expect(first.nextAttemptAt).toBeGreaterThan(T0);
    const end = await drain(s, db, T0 + 1000, 10_000);
    expect(componentDeliveries(db)[0]).toMatchObject({ state: "sent", attempts: 3 });
    expect(hooks.requests).toHaveLength(3);
    expect(hooks.received).toHaveLength(1);
    for (let i = 1; i <= 5; i++) {
      s.tick(end + i * 600_000);
      await s.idle();
    }
    expect(hooks.requests).toHaveLength(3);
  });

  it("go out in change order, in a lane of their own beside the subscriber's incident updates", async () => {
    const { db, api, web } = setup();
    addWebhook(db, "/hook");
    const incident = createIncident(
      db,
      SYSTEM_ACTOR,
      { name: "Down", status: "investigating", components: { [api.id]: "major_outage" } },
      T0,
    );
    addIncidentUpdate(db, SYSTEM_ACTOR, incident.id, { status: "identified" }, T0 + 1);
    setComponentStatus(db, SYSTEM_ACTOR, { id: web.id, status: "degraded_performance" }, T0 + 2);
    setComponentStatus(db, SYSTEM_ACTOR, { id: web.id, status: "major_outage" }, T0 + 2);
    setComponentStatus(db, SYSTEM_ACTOR, { id: web.id, status: "operational" }, T0 + 2);
    db.delete(deliveries).where(eq(deliveries.channel, "x")).run();
    // The receiver refuses incident updates for a while: they back off while the changes go out.
    let incidentFailures = 2;
    const real = webhookChannel({ allowPrivate: true });
    const webhook: Channel = {
      ...real,
      send: async (job) => {
        if (incidentFailures-- > 0) throw new SendError("The webhook answered 503", { status: 503 });
        return real.send(job);
      },
    };
    await drain(sender(db, { webhook }, 60_000), db, T0 + 10, 5000);
    const kinds = hooks.received.map((h) =>
      h.body.incident
        ? (h.body.incident as { status: string }).status
        : (h.body.component_update as { new_status: string }).new_status,
    );
    expect(kinds.filter((k) => ["investigating", "identified"].includes(k))).toEqual(["investigating", "identified"]);
    expect(kinds.filter((k) => !["investigating", "identified"].includes(k))).toEqual([
      "degraded_performance",
      "major_outage",
      "operational",
    ]);
    // The changes did not wait for the incident lane's retries.
    expect(kinds.slice(0, 3)).toEqual(["degraded_performance", "major_outage", "operational"]);
  });

  it("fail for a channel that does not announce component changes", async () => {
    const { db, api } = setup();
    addWebhook(db, "/hook");
    setComponentStatus(db, SYSTEM_ACTOR, { id: api.id, status: "major_outage" }, T0);
    await drain(sender(db, { webhook: chatChannel("slack", { allowPrivate: true }) }), db, T0);
    expect(componentDeliveries(db)[0]).toMatchObject({
      state: "failed",
      lastError: "webhook does not announce component changes",
    });
    expect(hooks.requests).toHaveLength(0);
    // Staff find it where failed notifications are listed, named by what it announced.
    const { incidents, componentUpdates } = deliveriesNeedingAttention(db);
    expect(incidents.size).toBe(0);
    expect(componentUpdates.map((d) => d.subject)).toEqual(["component update: API → Major outage"]);
    expect(channelsView(db).problems.map((p) => [p.subject, p.href])).toEqual([
      ["component update: API → Major outage", "/admin/deliveries#component-updates"],
    ]);
  });
});

describe("webhook meta", () => {
  it("holds exactly Statuspage's keys in incident bodies too", async () => {
    const { db, api } = setup();
    addWebhook(db, "/hook");
    createIncident(
      db,
      SYSTEM_ACTOR,
      { name: "Down", status: "investigating", components: { [api.id]: "major_outage" } },
      T0,
    );
    db.delete(deliveries).where(eq(deliveries.channel, "x")).run();
    await drain(sender(db), db, T0);
    const got = must(hooks.received[0], "the incident webhook");
    expect(Object.keys(got.body)).toEqual(["meta", "page", "incident"]);
    expect(Object.keys(got.body.meta as object)).toEqual(["unsubscribe", "documentation"]);
  });
});
