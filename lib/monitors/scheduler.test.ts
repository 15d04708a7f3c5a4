// The scheduler end to end on a migrated in-memory database, against real sockets on 127.0.0.1,
// with a clock moved by hand.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startSmtp, type StandInSmtp } from "@/e2e/support/smtp";
import type { Db } from "@/db/client";
import { getComponent, listPeriodsSince } from "@/db/queries/components";
import { getIncident, listUpdates } from "@/db/queries/incidents";
import {
  getComponentState,
  getMonitor,
  insertCheck,
  listOpenDrafts,
  listRecentChecks,
  listRollupsSince,
  updateMonitorRow,
  type MonitorRow,
} from "@/db/queries/monitors";
import { insertUser } from "@/db/queries/users";
import { ensurePage } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import type { Actor } from "../audit";
import { createComponent } from "../components";
import { createIncident } from "../incidents";
import { must, setComponentStatus } from "../testing";
import { deliverAlerts } from "./alerts";
import { dismissDraft, publishDraft } from "./drafts";
import type { Alert } from "./engine";
import { recordBeat } from "./heartbeat";
import { createMonitor, setComponentManual } from "./monitors";
import { PUBLIC_ONLY, type TargetPolicy } from "../net/targets";
import { MonitorScheduler } from "./scheduler";
import { ManualClock, startStatuspage, startTarget, type StatuspageStandIn, type Target } from "./test-support";

const ed: Actor = { type: "user", id: "u", label: "ed@example.com", role: "editor" };
const T0 = Date.parse("2026-11-24T12:00:00Z");
const MIN = 60_000;

let smtp: StandInSmtp;
let target: Target;
let upstream: StatuspageStandIn;

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Outpost <status@example.com>";
  target = await startTarget();
  upstream = await startStatuspage([{ id: "s3", name: "Object Storage", status: "operational" }]);
});
afterAll(async () => {
  await target.close();
  await upstream.close();
  await smtp.close();
});
beforeEach(() => {
  target.mode = "up";
  smtp.messages.length = 0;
});

type World = {
  db: Db;
  clock: ManualClock;
  sched: MonitorScheduler;
  alerts: Alert[];
  deliveries: Promise<unknown>[];
  componentId: string;
};

function world(opts: { mail?: boolean; targets?: TargetPolicy } = {}): World {
  const db = testDatabase();
  ensurePage(db, { name: "Test", timeZone: "Etc/UTC", now: T0 - 60 * MIN });
  insertUser(db, {
    id: "u1",
    email: "oncall@example.com",
    name: "On call",
    role: "editor",
    createdAt: T0,
    updatedAt: T0,
  });
  const componentId = createComponent(db, ed, { name: "API" }, T0 - 60 * MIN).id;
  const clock = new ManualClock(T0);
  const alerts: Alert[] = [];
  const deliveries: Promise<unknown>[] = [];
  const sched = new MonitorScheduler(db, {
    clock,
    owner: "test",
    // The stand-ins listen on 127.0.0.1, as with OUTPOST_ALLOW_PRIVATE_TARGETS=1.
    targets: opts.targets ?? { allowPrivate: true, allowMetadata: false },
    onAlerts: async (a) => {
      alerts.push(...a);
      if (opts.mail) deliveries.push(deliverAlerts(db, a, { webhook: null }));
    },
  });
  return { db, clock, sched, alerts, deliveries, componentId };
}

/** A monitor due right now. */
function monitor(
  w: World,
  input: Partial<Parameters<typeof createMonitor>[2]> & Pick<Parameters<typeof createMonitor>[2], "kind" | "settings">,
): MonitorRow {
  const m = createMonitor(
    w.db,
    ed,
    { componentId: w.componentId, name: `${input.kind} check`, timeoutMs: 1000, ...input },
    w.clock.now(),
  );
  return updateMonitorRow(w.db, m.id, { nextCheckAt: w.clock.now() });
}

/** Moves the clock one interval and runs what is due. */
async function step(w: World, ms = MIN) {
  w.clock.advance(ms);
  return w.sched.runDue();
}

const status = (w: World) => getComponent(w.db, w.componentId)!.status;
const http = () => ({ url: target.url });

describe("detection and confirmation", () => {
  it("takes the component down on the second failed check and back up after two successes", async () => {
    const w = world();
    const m = monitor(w, { kind: "http", settings: http() });
    expect(await w.sched.runDue()).toBe(1);
    expect(getMonitor(w.db, m.id)!.health).toBe("up");
    target.mode = "down";
    await step(w);
    expect(status(w)).toBe("operational"); // one failure: not yet
    await step(w);
    expect(status(w)).toBe("major_outage"); // confirmed within two intervals
    expect(getMonitor(w.db, m.id)!.lastError).toBe("HTTP 503 (expected 200-299)");
    target.mode = "up";
    await step(w);
    expect(status(w)).toBe("major_outage");
    await step(w);
    expect(status(w)).toBe("operational");
    // The outage is in the component's history, so the uptime bars show it.
    const periods = listPeriodsSince(w.db, T0)
      .filter((p) => p.componentId === w.componentId)
      .sort((a, b) => a.startedAt - b.startedAt);
    expect(periods.map((p) => p.status)).toEqual(["operational", "major_outage", "operational"]);
    expect(w.alerts.map((a) => a.kind)).toEqual(["down", "up"]);
    expect(listRecentChecks(w.db, m.id, 10)).toHaveLength(5);
  });

  it("does not flap: alternating failures never take the component down", async () => {
    const w = world();
    monitor(w, { kind: "http", settings: http() });
    await w.sched.runDue();
    for (let i = 0; i < 6; i++) {
      target.mode = i % 2 ? "up" : "down";
      await step(w);
      expect(status(w)).toBe("operational");
    }
    expect(w.alerts).toEqual([]);
    expect(listOpenDrafts(w.db)).toEqual([]);
  });

  it("marks the component degraded when latency stays over the threshold", async () => {
    const w = world();
    target.mode = "slow";
    // Far apart, so a busy machine cannot blur slow and fast.
    target.slowMs = 1200;
    monitor(w, { kind: "http", settings: http(), latencyThresholdMs: 500, timeoutMs: 5000 });
    await w.sched.runDue();
    expect(status(w)).toBe("operational");
    await step(w);
    expect(status(w)).toBe("degraded_performance");
    expect(w.alerts.map((a) => a.kind)).toEqual(["degraded"]);
    target.mode = "up";
    await step(w);
    await step(w);
    expect(status(w)).toBe("operational");
  });

  it("combines monitors: one of two down is a partial outage, both a major one", async () => {
    const w = world();
    const other = await startTarget();
    try {
      monitor(w, { kind: "http", settings: http() });
      monitor(w, { kind: "tcp", settings: { host: "127.0.0.1", port: other.port } });
      await w.sched.runDue();
      target.mode = "down";
      await step(w);
      await step(w);
      expect(status(w)).toBe("partial_outage");
      await other.close();
      await step(w);
      await step(w);
      expect(status(w)).toBe("major_outage");
    } finally {
      await other.close().catch(() => {});
    }
  });

  it("a hung target holds only its own slot: other checks finish and it fails at its deadline", async () => {
    const w = world();
    const hung = await startTarget("hang");
    try {
      const slow = monitor(w, { kind: "http", settings: { url: hung.url }, timeoutMs: 300 });
      const fine = monitor(w, { kind: "tcp", settings: { host: "127.0.0.1", port: target.port } });
      await w.sched.runDue();
      expect(getMonitor(w.db, fine.id)!.health).toBe("up");
      expect(getMonitor(w.db, slow.id)!.lastError).toBe("No answer within 300 ms");
    } finally {
      await hung.close();
    }
  });
});

describe("[security] private targets", () => {
  it("refuses, at connect time, a name that resolves to loopback unless an admin flagged the monitor internal", async () => {
    const w = world({ targets: PUBLIC_ONLY });
    target.mode = "up";
    const hits = target.hits;
    const m = monitor(w, { kind: "http", settings: { url: `http://localhost:${target.port}/` } });
    await w.sched.runDue();
    expect(listRecentChecks(w.db, m.id, 1)[0]).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Refused to connect: localhost resolves to 127\.0\.0\.1/),
    });
    expect(target.hits).toBe(hits);
    updateMonitorRow(w.db, m.id, { internalTarget: true, nextCheckAt: w.clock.now() });
    await w.sched.runDue();
    expect(listRecentChecks(w.db, m.id, 1)[0]).toMatchObject({ ok: true, error: null });
    expect(target.hits).toBe(hits + 1);
  });
});

describe("a database that cannot be written", () => {
  it("backs the scheduler off instead of failing (and logging) every tick", async () => {
    const w = world();
    monitor(w, { kind: "heartbeat", settings: { periodSeconds: 60, graceSeconds: 0 } });
    expect(await w.sched.runDue()).toBe(1);
    w.db.$client.pragma("query_only = 1");
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: string) => void logged.push(line));
    try {
      // Ten seconds of 100 ms ticks with the monitor due all along.
      for (let i = 0; i < 100; i++) {
        w.clock.advance(i === 0 ? MIN : 100);
        await w.sched.runDue();
      }
    } finally {
      spy.mockRestore();
      w.db.$client.pragma("query_only = 0");
    }
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.length).toBeLessThanOrEqual(4); // paused 1, 2, 4 s: at most one line per pause
    expect(logged[0]).toMatch(/^outpost: monitor scheduler paused for 1 s: The database cannot be written/);
  });
});

describe("heartbeat and upstream monitors", () => {
  it("silence past the period plus grace takes the component down; a beat brings it back", async () => {
    const w = world();
    const hb = monitor(w, {
      kind: "heartbeat",
      settings: { periodSeconds: 300, graceSeconds: 60 },
      intervalSeconds: 60,
    });
    expect(recordBeat(w.db, hb.heartbeatToken!, w.clock.now())).toBe(true);
    expect(recordBeat(w.db, "not-a-real-token", w.clock.now())).toBe(false);
    await w.sched.runDue();
    for (let i = 0; i < 6; i++) await step(w);
    expect(status(w)).toBe("operational"); // 6 minutes: within 5 + 1
    await step(w);
    await step(w);
    expect(status(w)).toBe("major_outage");
    expect(getMonitor(w.db, hb.id)!.lastError).toMatch(/^No heartbeat for \d+ s/);
    recordBeat(w.db, hb.heartbeatToken!, w.clock.now());
    await step(w);
    await step(w);
    expect(status(w)).toBe("operational");
  });

  it("follows an upstream component through degraded and outage", async () => {
    const w = world();
    const storage = must(upstream.components[0], "the stand-in's component");
    monitor(w, { kind: "upstream", settings: { url: upstream.url, component: "Object Storage" } });
    await w.sched.runDue();
    storage.status = "degraded_performance";
    await step(w);
    await step(w);
    expect(status(w)).toBe("degraded_performance");
    storage.status = "major_outage";
    await step(w);
    await step(w);
    expect(status(w)).toBe("major_outage");
    storage.status = "operational";
    await step(w);
    await step(w);
    expect(status(w)).toBe("operational");
  });
});

describe("drafts, alerts and who decides", () => {
  it("proposes one draft incident; publishing it creates the incident with the component", async () => {
    const w = world();
    monitor(w, { kind: "http", settings: http() });
    await w.sched.runDue();
    target.mode = "down";
    await step(w);
    await step(w);
    await step(w);
    const drafts = listOpenDrafts(w.db);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      componentId: w.componentId,
      status: "major_outage",
      firstError: "HTTP 503 (expected 200-299)",
    });
    const draft = must(drafts[0], "a draft");
    const incidentId = publishDraft(w.db, ed, draft.id, w.clock.now());
    const incident = getIncident(w.db, incidentId)!;
    expect(incident).toMatchObject({ name: "API is down", status: "investigating", impact: "critical" });
    expect(listOpenDrafts(w.db)).toEqual([]);
    // Recovery: the open incident is staff's now, so the monitors only say they disagree.
    target.mode = "up";
    await step(w);
    await step(w);
    expect(status(w)).toBe("major_outage");
    expect(getComponentState(w.db, w.componentId)!.disagreement).toBe(
      "An open incident sets this status; monitors report operational",
    );
    expect(() => dismissDraft(w.db, ed, draft.id)).toThrow(/already published/);
  });

  it("auto-publish opens the incident at once and resolves it on recovery", async () => {
    const w = world();
    monitor(w, { kind: "http", settings: http(), autoPublish: true });
    await w.sched.runDue();
    target.mode = "down";
    await step(w);
    await step(w);
    const draft = w.db.$client.prepare("select * from monitor_drafts").get() as {
      state: string;
      published_incident_id: string;
    };
    expect(draft.state).toBe("published");
    expect(getIncident(w.db, draft.published_incident_id)!.status).toBe("investigating");
    target.mode = "up";
    await step(w);
    await step(w);
    expect(getIncident(w.db, draft.published_incident_id)!.status).toBe("resolved");
    expect(status(w)).toBe("operational");
    expect(listUpdates(w.db, [draft.published_incident_id]).map((u) => u.status)).toEqual([
      "resolved",
      "investigating",
    ]);
  });

  it("mails staff on down and up, and suppresses a repeat within the window", async () => {
    const w = world({ mail: true });
    monitor(w, { kind: "http", settings: http() });
    await w.sched.runDue();
    for (const mode of ["down", "down", "up", "up", "down", "down"] as const) {
      target.mode = mode;
      await step(w);
    }
    await w.sched.idle();
    await Promise.all(w.deliveries);
    const down = await smtp.waitFor((m) => m.subject.startsWith("DOWN: http check (API)"));
    expect(down.to).toEqual(["oncall@example.com"]);
    expect(down.text).toContain("HTTP 503");
    await smtp.waitFor((m) => m.subject.startsWith("UP: http check (API)"));
    expect(w.alerts.map((a) => a.kind)).toEqual(["down", "up"]); // the second down came 4 minutes later
    expect(
      (
        w.db.$client.prepare("select suppressed from monitor_alerts where kind = 'down'").get() as {
          suppressed: number;
        }
      ).suppressed,
    ).toBe(1);
  });

  it("never overrides a status set by staff, and says so", async () => {
    const w = world();
    monitor(w, { kind: "http", settings: http() });
    await w.sched.runDue();
    setComponentStatus(w.db, w.componentId, "degraded_performance", w.clock.now());
    target.mode = "down";
    await step(w);
    await step(w);
    expect(status(w)).toBe("degraded_performance");
    expect(getComponentState(w.db, w.componentId)!.disagreement).toBe(
      "Set by staff to degraded performance; monitors report major outage",
    );
    // Set back to what the monitors see: they drive it again.
    setComponentStatus(w.db, w.componentId, "major_outage", w.clock.now());
    target.mode = "up";
    await step(w);
    await step(w);
    expect(status(w)).toBe("operational");
  });

  it("manual components are left alone", async () => {
    const w = world();
    monitor(w, { kind: "http", settings: http() });
    setComponentManual(w.db, ed, w.componentId, true, w.clock.now());
    await w.sched.runDue();
    target.mode = "down";
    await step(w);
    await step(w);
    expect(status(w)).toBe("operational");
    expect(getComponentState(w.db, w.componentId)!.disagreement).toBe("Set by hand; monitors report major outage");
    expect(w.alerts).toEqual([]);
    expect(listOpenDrafts(w.db)).toEqual([]);
  });

  it("a maintenance window mutes drafts and alerts but checks still record", async () => {
    const w = world();
    const m = monitor(w, { kind: "http", settings: http() });
    await w.sched.runDue();
    createIncident(
      w.db,
      ed,
      {
        kind: "maintenance",
        name: "Upgrade",
        status: "in_progress",
        componentIds: [w.componentId],
        components: { [w.componentId]: "under_maintenance" },
        scheduledFor: w.clock.now(),
        scheduledUntil: w.clock.now() + 60 * MIN,
      },
      w.clock.now(),
    );
    target.mode = "down";
    await step(w);
    await step(w);
    await step(w);
    expect(status(w)).toBe("under_maintenance");
    expect(getMonitor(w.db, m.id)!.health).toBe("down");
    expect(listRecentChecks(w.db, m.id, 10).filter((c) => !c.ok)).toHaveLength(3);
    expect(w.alerts).toEqual([]);
    expect(listOpenDrafts(w.db)).toEqual([]);
    expect(getComponentState(w.db, w.componentId)!.disagreement).toBe(
      "Under maintenance; monitors report major outage",
    );
  });

  it("a paused monitor is not checked and its verdict does not count", async () => {
    const w = world();
    const m = monitor(w, { kind: "http", settings: http(), paused: true });
    expect(await w.sched.runDue()).toBe(0);
    expect(listRecentChecks(w.db, m.id, 10)).toEqual([]);
  });
});

describe("housekeeping", () => {
  it("rolls up and prunes by itself", async () => {
    const w = world();
    const m = monitor(w, { kind: "tcp", settings: { host: "127.0.0.1", port: target.port } });
    insertCheck(w.db, { monitorId: m.id, at: T0 - 20 * 86_400_000, ok: false, latencyMs: null });
    await w.sched.runDue(); // the first tick prunes past the 14-day retention
    expect(listRecentChecks(w.db, m.id, 10)).toHaveLength(1);
    for (let i = 0; i < 5; i++) await step(w);
    // The five-minute roll-up ran at T0+5 min, before that minute's check finished.
    const hour = listRollupsSince(w.db, "hour", T0 - 3_600_000);
    expect(hour).toEqual([expect.objectContaining({ monitorId: m.id, bucketStart: T0, count: 5, failures: 0 })]);
    expect(must(hour[0], "an hourly roll-up").p50Ms).not.toBeNull();
  });
});

describe("the lease", () => {
  it("lets one scheduler run per database and hands over when it expires", async () => {
    const w = world();
    monitor(w, { kind: "tcp", settings: { host: "127.0.0.1", port: target.port } });
    const other = new MonitorScheduler(w.db, { clock: w.clock, owner: "other", onAlerts: async () => {} });
    expect(await w.sched.runDue()).toBe(1);
    expect(w.sched.isLeader).toBe(true);
    w.clock.advance(10_000);
    expect(await other.runDue()).toBe(0);
    expect(other.isLeader).toBe(false);
    w.sched.stop(); // releases
    w.clock.advance(MIN);
    expect(await other.runDue()).toBe(1);
    expect(other.isLeader).toBe(true);
    // A holder that stops renewing (a crashed process) loses the lease when it expires.
    const third = new MonitorScheduler(w.db, { clock: w.clock, owner: "third", onAlerts: async () => {} });
    w.clock.advance(10_000);
    await third.runDue();
    expect(third.isLeader).toBe(false);
    w.clock.advance(31_000);
    await third.runDue();
    expect(third.isLeader).toBe(true);
  });
});
