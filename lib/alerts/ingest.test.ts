// Alert ingest on a migrated in-memory database: rules map alerts to drafts, repeats and late
// deliveries change nothing, trusted rules set and restore a status after their time, maintenance
// mutes, unmapped alerts wait for a rule, and a storm makes one draft per component.
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { inTransaction } from "@/db/client";
import { getAlert, listDeliveries, listSourceAlerts, type AlertSourceRow } from "@/db/queries/alerts";
import { listAudit } from "@/db/queries/audit";
import { getComponent } from "@/db/queries/components";
import { getIncident } from "@/db/queries/incidents";
import { getComponentState, listOpenDrafts, openDraftFor } from "@/db/queries/monitors";
import { insertUser } from "@/db/queries/users";
import { ensurePage } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { SYSTEM_ACTOR, type Actor } from "../audit";
import { createComponent } from "../components";
import { createIncident } from "../incidents";
import { reconcileComponent, recordCheck } from "../monitors/engine";
import { createMonitor } from "../monitors/monitors";
import { createTemplate } from "../templates";
import { deliverAlerts } from "./deliver";
import { confirmAlerts, receiveAlerts } from "./ingest";
import type { NormalizedAlert } from "./kind";
import { createAlertRule, createAlertSource, moveAlertRule, sourceRules, updateAlertSource } from "./sources";

const editor: Actor = { type: "user", id: "e", label: "editor@example.com", role: "editor" };
const T0 = Date.parse("2026-12-01T12:00:00Z");

let db: Db;
let payments: string;
let search: string;
let source: AlertSourceRow;

beforeEach(() => {
  db = testDatabase();
  ensurePage(db, { name: "Test", timeZone: "Etc/UTC", now: T0 - 60_000 });
  insertUser(db, { id: "e", email: "editor@example.com", name: "Ed", role: "editor", createdAt: T0, updatedAt: T0 });
  payments = createComponent(db, SYSTEM_ACTOR, { name: "Payments" }, T0 - 60_000).id;
  search = createComponent(db, SYSTEM_ACTOR, { name: "Search" }, T0 - 60_000).id;
  source = createAlertSource(db, editor, { name: "Prod Alertmanager", kind: "alertmanager" }, T0);
});

function alert(fingerprint: string, state: "firing" | "resolved", at: number, labels: Record<string, string> = {}) {
  return {
    fingerprint,
    state,
    at,
    startedAt: null,
    summary: `Alert ${fingerprint}`,
    url: `https://prometheus.example.com/graph?${fingerprint}`,
    labels: { alertname: "HighErrorRate", service: "payments", severity: "critical", ...labels },
  } satisfies NormalizedAlert;
}

const receive = (alerts: NormalizedAlert[], now: number, s = source) =>
  inTransaction(db, () => receiveAlerts(db, s, alerts, now));
const status = (id: string) => getComponent(db, id)!.status;

describe("an untrusted rule", () => {
  beforeEach(() => {
    createAlertRule(
      db,
      editor,
      source.id,
      { matchers: 'service="payments"', componentId: payments, status: "major_outage" },
      T0,
    );
  });

  it("opens a draft with the alert's summary and link, and leaves the status alone", () => {
    const [effect] = receive([alert("a1", "firing", T0)], T0 + 1000);
    expect(effect!.effect).toBe("opened a draft: Payments major outage");
    expect(effect!.rule).toBe('service="payments"');
    const draft = openDraftFor(db, payments)!;
    expect(draft).toMatchObject({
      state: "open",
      status: "major_outage",
      alertSourceId: source.id,
      firstError: "Alert a1",
      link: "https://prometheus.example.com/graph?a1",
      monitorId: null,
    });
    expect(status(payments)).toBe("operational");
  });

  it("a resend changes nothing, and resolving marks the draft recovered", () => {
    receive([alert("a1", "firing", T0)], T0 + 1000);
    const [again] = receive([alert("a1", "firing", T0)], T0 + 60_000);
    expect(again!.effect).toBe("repeat: no change");
    expect(getAlert(db, source.id, "a1")!.repeats).toBe(1);
    expect(listOpenDrafts(db)).toHaveLength(1);
    const [done] = receive([alert("a1", "resolved", T0 + 120_000)], T0 + 121_000);
    expect(done!.effect).toBe("resolved");
    expect(listOpenDrafts(db)[0]!.recoveredAt).toBe(T0 + 121_000);
  });

  it("a resolved that arrives before its firing wins: the late firing is ignored", () => {
    receive([alert("a1", "resolved", T0 + 60_000)], T0 + 61_000);
    const [late] = receive([alert("a1", "firing", T0)], T0 + 62_000);
    expect(late!.effect).toBe("ignored: older than the resolved state already held");
    expect(getAlert(db, source.id, "a1")!.state).toBe("resolved");
    expect(listOpenDrafts(db)).toHaveLength(0);
  });

  it("a state dated far ahead of this clock counts as arriving now, so a later resolve still ends it", () => {
    receive([alert("a1", "firing", Date.parse("2099-01-01T00:00:00Z"))], T0 + 1000);
    expect(getAlert(db, source.id, "a1")!.at).toBe(T0 + 1000);
    const [done] = receive([alert("a1", "resolved", T0 + 120_000)], T0 + 121_000);
    expect(done!.effect).toBe("resolved");
    // Within five minutes ahead, the source's own time is kept (clocks drift a little).
    receive([alert("a2", "firing", T0 + 200_000)], T0 + 1000);
    expect(getAlert(db, source.id, "a2")!.at).toBe(T0 + 200_000);
  });

  it("in one delivery, several states of one alert settle to the newest", () => {
    receive([alert("a1", "resolved", T0 + 60_000), alert("a1", "firing", T0)], T0 + 61_000);
    expect(getAlert(db, source.id, "a1")!.state).toBe("resolved");
  });

  it("fires anew after it resolved (a newer start)", () => {
    receive([alert("a1", "firing", T0)], T0 + 1000);
    receive([alert("a1", "resolved", T0 + 60_000)], T0 + 61_000);
    const [again] = receive([alert("a1", "firing", T0 + 120_000)], T0 + 121_000);
    expect(again!.effect).toBe("joined the draft for Payments");
    expect(openDraftFor(db, payments)!.recoveredAt).toBeNull();
  });

  it("two alerts on one component share its draft, which takes the worse status", () => {
    createAlertRule(
      db,
      editor,
      source.id,
      { matchers: 'severity="warning"', componentId: search, status: "degraded_performance" },
      T0,
    );
    receive([alert("w1", "firing", T0, { service: "search", severity: "warning" })], T0 + 1000);
    createAlertRule(
      db,
      editor,
      source.id,
      { matchers: 'service="search"', componentId: search, status: "partial_outage" },
      T0,
    );
    receive([alert("s2", "firing", T0, { service: "search", severity: "critical" })], T0 + 2000);
    const drafts = listOpenDrafts(db).filter((d) => d.componentId === search);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.status).toBe("partial_outage");
  });

  it("an open incident on the component means no draft", () => {
    createIncident(
      db,
      editor,
      { name: "Payments down", status: "investigating", body: "Looking.", componentIds: [payments] },
      T0,
    );
    const [effect] = receive([alert("a1", "firing", T0)], T0 + 1000);
    expect(effect!.effect).toBe("an open incident already covers Payments");
    expect(listOpenDrafts(db)).toHaveLength(0);
  });
});

describe("a trusted rule", () => {
  it("sets the status once confirmed, as the source, and restores it when resolved", () => {
    createAlertRule(
      db,
      editor,
      source.id,
      { matchers: 'service="payments"', componentId: payments, status: "major_outage", setsStatus: true },
      T0,
    );
    receive([alert("a1", "firing", T0)], T0 + 1000);
    expect(status(payments)).toBe("major_outage");
    const change = listAudit(db, { entityType: "component" }).find((a) => a.action.startsWith("component."));
    expect(change).toMatchObject({ actorLabel: "alert source Prod Alertmanager", actorId: source.id });
    receive([alert("a1", "resolved", T0 + 60_000)], T0 + 61_000);
    expect(status(payments)).toBe("operational");
  });

  it("waits for its time before it counts (anti-flap)", () => {
    createAlertRule(
      db,
      editor,
      source.id,
      {
        matchers: 'service="payments"',
        componentId: payments,
        status: "partial_outage",
        setsStatus: true,
        forSeconds: 60,
      },
      T0,
    );
    const [effect] = receive([alert("a1", "firing", T0)], T0);
    expect(effect!.effect).toContain("if still firing in 60 s");
    expect(openDraftFor(db, payments)).toBeDefined(); // the draft does not wait
    expect(inTransaction(db, () => confirmAlerts(db, T0 + 30_000))).toBe(0);
    expect(status(payments)).toBe("operational");
    expect(inTransaction(db, () => confirmAlerts(db, T0 + 60_000))).toBe(1);
    expect(status(payments)).toBe("partial_outage");
  });

  it("a flap shorter than its time never touches the status", () => {
    createAlertRule(
      db,
      editor,
      source.id,
      { matchers: "", componentId: payments, status: "major_outage", setsStatus: true, forSeconds: 60 },
      T0,
    );
    receive([alert("a1", "firing", T0)], T0);
    receive([alert("a1", "resolved", T0 + 20_000)], T0 + 20_000);
    inTransaction(db, () => confirmAlerts(db, T0 + 90_000));
    expect(status(payments)).toBe("operational");
    expect(listAudit(db, { entityType: "component" }).filter((a) => a.actorId === source.id)).toHaveLength(0);
  });

  it("does not restore a status staff set by hand meanwhile", () => {
    createAlertRule(
      db,
      editor,
      source.id,
      { matchers: "", componentId: payments, status: "major_outage", setsStatus: true },
      T0,
    );
    receive([alert("a1", "firing", T0)], T0);
    expect(status(payments)).toBe("major_outage");
    // Staff take over: the component is degraded by hand.
    inTransaction(db, () =>
      db.$client.prepare("UPDATE components SET status = 'degraded_performance' WHERE id = ?").run(payments),
    );
    receive([alert("a1", "resolved", T0 + 60_000)], T0 + 60_000);
    expect(status(payments)).toBe("degraded_performance");
  });

  it("leaves staff a note that says the alerts, not the monitors, want another status", () => {
    createAlertRule(
      db,
      editor,
      source.id,
      { matchers: "", componentId: payments, status: "partial_outage", setsStatus: true },
      T0,
    );
    receive([alert("a1", "firing", T0)], T0);
    inTransaction(db, () =>
      db.$client.prepare("UPDATE components SET status = 'degraded_performance' WHERE id = ?").run(payments),
    );
    inTransaction(db, () => reconcileComponent(db, payments, T0 + 30_000)); // as housekeeping does
    expect(status(payments)).toBe("degraded_performance");
    expect(getComponentState(db, payments)?.disagreement).toBe(
      "Set by staff to degraded performance; alerts report partial outage",
    );
  });

  it("monitors that still see the component down keep the draft open when the alert resolves", () => {
    createAlertRule(db, editor, source.id, { matchers: "", componentId: payments, status: "major_outage" }, T0);
    const monitor = createMonitor(
      db,
      editor,
      {
        componentId: payments,
        name: "Pay",
        kind: "http",
        settings: { url: "https://pay.example.com/" },
        failThreshold: 1,
      },
      T0,
    );
    receive([alert("a1", "firing", T0)], T0);
    const outcome = recordCheck(
      db,
      monitor,
      { ok: false, latencyMs: 10, error: "HTTP 503" },
      { now: T0 + 1000, lateMs: 0 },
    );
    expect(outcome.monitor.health).toBe("down");
    receive([alert("a1", "resolved", T0 + 60_000)], T0 + 60_000);
    expect(openDraftFor(db, payments)!.recoveredAt).toBeNull();
  });
});

describe("maintenance, unmapped alerts and defaults", () => {
  it("during a maintenance of the component, an alert is recorded and changes nothing", () => {
    createAlertRule(
      db,
      editor,
      source.id,
      { matchers: "", componentId: payments, status: "major_outage", setsStatus: true },
      T0,
    );
    createIncident(
      db,
      editor,
      {
        kind: "maintenance",
        name: "Upgrade",
        status: "in_progress",
        componentIds: [payments],
        components: { [payments]: "under_maintenance" },
        scheduledFor: T0,
        scheduledUntil: T0 + 3_600_000,
      },
      T0,
    );
    const [effect] = receive([alert("a1", "firing", T0 + 1000)], T0 + 1000);
    expect(effect!.effect).toBe("recorded only: the component is under maintenance");
    expect(getAlert(db, source.id, "a1")).toMatchObject({ state: "firing", muted: true });
    expect(listOpenDrafts(db)).toHaveLength(0);
    expect(status(payments)).toBe("under_maintenance");
  });

  it("an alert no rule matches is kept for staff, and a new rule maps it at once", () => {
    const [effect] = receive([alert("x1", "firing", T0, { service: "ledger" })], T0);
    expect(effect).toMatchObject({ rule: null, effect: "unmapped: kept for staff to map" });
    expect(getAlert(db, source.id, "x1")!.componentId).toBeNull();
    expect(listOpenDrafts(db)).toHaveLength(0);
    createAlertRule(
      db,
      editor,
      source.id,
      { matchers: 'service="ledger"', componentId: payments, status: "partial_outage" },
      T0 + 5000,
    );
    expect(getAlert(db, source.id, "x1")!.componentId).toBe(payments);
    expect(openDraftFor(db, payments)).toMatchObject({ status: "partial_outage", firstError: "Alert x1" });
  });

  it("the source's default maps what no rule does", () => {
    source = updateAlertSource(
      db,
      editor,
      source.id,
      { defaultComponentId: search, defaultStatus: "degraded_performance" },
      T0,
    );
    const [effect] = receive([alert("x1", "firing", T0, { service: "ledger" })], T0);
    expect(effect!.rule).toBe("default");
    expect(openDraftFor(db, search)!.status).toBe("degraded_performance");
  });

  it("a paused source records and changes nothing", () => {
    createAlertRule(
      db,
      editor,
      source.id,
      { matchers: "", componentId: payments, status: "major_outage", setsStatus: true },
      T0,
    );
    source = updateAlertSource(db, editor, source.id, { paused: true }, T0);
    const [effect] = receive([alert("a1", "firing", T0)], T0);
    expect(effect!.effect).toBe("recorded only: the source is paused");
    expect(status(payments)).toBe("operational");
    expect(listOpenDrafts(db)).toHaveLength(0);
  });
});

describe("the order of rules", () => {
  it("the first match wins; moving a rule up makes it win for new alerts, audited; at the top it stays", () => {
    createAlertRule(db, editor, source.id, {
      matchers: 'service="payments"',
      componentId: payments,
      status: "degraded_performance",
    });
    const critical = createAlertRule(db, editor, source.id, {
      matchers: 'severity="critical"',
      componentId: search,
      status: "major_outage",
    });
    const [first] = receive([alert("a1", "firing", T0)], T0 + 1000);
    expect(first!.rule).toBe('service="payments"');

    moveAlertRule(db, editor, source.id, critical.id, "up", T0 + 2000);
    expect(sourceRules(db, source.id).map((r) => [r.matchers, r.position])).toEqual([
      ['severity="critical"', 0],
      ['service="payments"', 1],
    ]);
    expect(listAudit(db).find((a) => a.action === "alert_rule.move")).toMatchObject({
      before: { position: 1 },
      after: { position: 0 },
    });
    const [second] = receive([alert("a2", "firing", T0 + 3000)], T0 + 4000);
    expect(second!.rule).toBe('severity="critical"');
    expect(getAlert(db, source.id, "a2")!.componentId).toBe(search);

    moveAlertRule(db, editor, source.id, critical.id, "up", T0 + 5000);
    expect(sourceRules(db, source.id)[0]!.id).toBe(critical.id);
    expect(listAudit(db).filter((a) => a.action === "alert_rule.move")).toHaveLength(1);
  });
});

describe("auto-publish", () => {
  it("publishes from the template once confirmed, and resolves the incident when the alerts resolve", () => {
    const template = createTemplate(
      db,
      editor,
      { name: "Payments", title: "Payments are failing", body: "Card payments fail; we are on it.", impact: "major" },
      T0,
    );
    source = updateAlertSource(db, editor, source.id, { autoPublish: true, templateId: template.id }, T0);
    createAlertRule(
      db,
      editor,
      source.id,
      { matchers: "", componentId: payments, status: "major_outage", setsStatus: true },
      T0,
    );
    const [effect] = receive([alert("a1", "firing", T0)], T0);
    expect(effect!.effect).toMatch(/published incident \w+/);
    const draft = openDraftFor(db, payments)!;
    expect(draft).toMatchObject({ state: "published", autoPublished: true });
    const incident = getIncident(db, draft.publishedIncidentId!)!;
    expect(incident.name).toBe("Payments are failing");
    receive([alert("a1", "resolved", T0 + 60_000)], T0 + 60_000);
    expect(getIncident(db, incident.id)!.status).toBe("resolved");
    expect(status(payments)).toBe("operational");
  });
});

describe("a storm", () => {
  it("1,000 alerts on 20 components in 100 deliveries: one draft per component, each alert once", () => {
    const components = Array.from(
      { length: 20 },
      (_, i) => createComponent(db, SYSTEM_ACTOR, { name: `Svc ${i}` }, T0).id,
    );
    components.forEach((id, i) =>
      createAlertRule(
        db,
        editor,
        source.id,
        { matchers: `service="svc-${i}"`, componentId: id, status: "partial_outage" },
        T0,
      ),
    );
    for (let d = 0; d < 100; d++) {
      const batch = Array.from({ length: 10 }, (_, k) => {
        const n = d * 10 + k;
        return alert(`storm-${n}`, "firing", T0 + n, { service: `svc-${n % 20}` });
      });
      receive(batch, T0 + 10_000 + d * 100);
    }
    // Resent, as Alertmanager does: nothing changes.
    receive(
      Array.from({ length: 10 }, (_, n) => alert(`storm-${n}`, "firing", T0 + n, { service: `svc-${n % 20}` })),
      T0 + 30_000,
    );
    const drafts = listOpenDrafts(db);
    expect(drafts).toHaveLength(20);
    expect(new Set(drafts.map((d) => d.componentId))).toEqual(new Set(components));
    const count = db.$client.prepare("SELECT count(*) AS n, sum(repeats) AS r FROM alerts").get() as {
      n: number;
      r: number;
    };
    expect(count).toEqual({ n: 1000, r: 10 });
  });
});

/** One Alertmanager delivery: Payments down, firing (fingerprint f1). */
const paymentsDown = () =>
  JSON.stringify({
    version: "4",
    status: "firing",
    receiver: "outpost",
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: "http://am.example.com",
    groupKey: "{}:{}",
    alerts: [
      {
        status: "firing",
        labels: { alertname: "Down", service: "payments" },
        annotations: { summary: "Payments down" },
        startsAt: "2026-12-01T12:00:00Z",
        endsAt: "0001-01-01T00:00:00Z",
        generatorURL: "http://prom.example.com/graph",
        fingerprint: "f1",
      },
    ],
  });

describe("deliveries", () => {
  it("keep what each delivery did, refused ones too", () => {
    createAlertRule(db, editor, source.id, { matchers: "", componentId: payments, status: "major_outage" }, T0);
    const body = paymentsDown();
    const ok = deliverAlerts(db, source.token, body, () => null, T0 + 1000);
    expect(ok.status).toBe(202);
    const bad = deliverAlerts(db, source.token, "{not json", () => null, T0 + 2000);
    expect(bad).toEqual({ status: 400, detail: "The body is not JSON" });
    expect(deliverAlerts(db, "no-such-token-0123", body, () => null, T0 + 3000).status).toBe(404);
    const kept = listDeliveries(db, source.id);
    expect(kept.map((d) => d.httpStatus)).toEqual([400, 202]);
    expect(JSON.parse(kept[1]!.effects)[0]).toMatchObject({
      fingerprint: "f1",
      effect: "opened a draft: Payments major outage",
    });
  });

  it("with a secret set, refuse a delivery that does not carry it (401, kept) and take one that does", () => {
    createAlertRule(db, editor, source.id, { matchers: "", componentId: payments, status: "major_outage" }, T0);
    source = updateAlertSource(db, editor, source.id, { signingSecret: "am-secret-7c1d" }, T0);
    const body = paymentsDown();
    const withAuth = (value: string | null) => (name: string) => (name === "authorization" ? value : null);
    const refused = deliverAlerts(db, source.token, body, withAuth(null), T0 + 1000);
    expect(refused).toEqual({ status: 401, detail: expect.stringMatching(/Authorization header does not carry/) });
    expect(deliverAlerts(db, source.token, body, withAuth("Bearer another"), T0 + 1500).status).toBe(401);
    expect(listSourceAlerts(db, source.id)).toHaveLength(0);
    expect(deliverAlerts(db, source.token, body, withAuth("Bearer am-secret-7c1d"), T0 + 2000).status).toBe(202);
    expect(listDeliveries(db, source.id).map((d) => d.httpStatus)).toEqual([202, 401, 401]);
    expect(listSourceAlerts(db, source.id)).toHaveLength(1);
  });
});
