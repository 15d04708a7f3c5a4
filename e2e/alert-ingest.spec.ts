// Alert ingest over HTTP, against a server of its own: a real Prometheus Alertmanager delivering
// to /api/alerts/{token} with the source's secret as its Bearer token; the committed Grafana, PagerDuty (signed), Opsgenie and generic payloads
// replayed, with every refusal; and a storm of 1,000 alerts across 20 components. Sources and
// rules are made with the domain verbs on the server's database file, and what the deliveries did
// is read back from it. Waits poll with a deadline; times are logged as figures, never asserted.
import { createHash, createHmac } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { openDatabase, type Db } from "../db/client";
import { DELIVERIES_KEPT } from "../db/queries/alerts";
import { createAlertRule, createAlertSource, type AlertSourceInput } from "../lib/alerts/sources";
import { SYSTEM_ACTOR } from "../lib/audit";
import { createComponent } from "../lib/components";
import type { ComponentStatus } from "../lib/constants";
import { expect, test } from "./fixtures";
import { startAlertmanager, type RunningAlertmanager } from "./support/alertmanager";
import { startServer, tempDir, type RunningServer } from "./support/server";

const FIXTURES = path.join(import.meta.dirname, "../lib/alerts/fixtures");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, `${name}.json`), "utf8");
const JSON_TYPE = { "content-type": "application/json" };

let dir: string;
let server: RunningServer;
let db: Db;
let alertmanager: RunningAlertmanager | undefined;

test.describe.configure({ mode: "serial", timeout: 60_000 });

test.beforeAll(async () => {
  dir = tempDir("outpost-alert-ingest-");
  server = await startServer({ DATABASE_PATH: path.join(dir, "outpost.db"), OUTPOST_DEMO: "0" });
  db = openDatabase(server.databasePath);
});

test.afterAll(async ({}, testInfo) => {
  await alertmanager?.stop();
  db?.$client.close();
  await server?.stop();
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  if (server) fs.writeFileSync(testInfo.outputPath("server.log"), server.output());
  if (alertmanager) fs.writeFileSync(testInfo.outputPath("alertmanager.log"), alertmanager.output());
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// ---- the stored state, read straight from the server's database

type DraftRow = {
  id: string;
  status: string;
  state: string;
  alert_source_id: string | null;
  link: string | null;
  first_error: string;
  created_at: number;
  recovered_at: number | null;
};
type AlertRow = {
  fingerprint: string;
  state: string;
  component_id: string | null;
  draft_id: string | null;
  repeats: number;
};
type AuditRow = { action: string; actor_label: string };

const all = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];
const drafts = (componentId: string) =>
  all<DraftRow>("SELECT * FROM monitor_drafts WHERE component_id = ? ORDER BY created_at", componentId);
const alertsOf = (sourceId: string) =>
  all<AlertRow>("SELECT * FROM alerts WHERE source_id = ? ORDER BY fingerprint", sourceId);
const alertOf = (sourceId: string, fingerprint: string) =>
  alertsOf(sourceId).find((a) => a.fingerprint === fingerprint);
const statusOf = (componentId: string) =>
  all<{ status: string }>("SELECT status FROM components WHERE id = ?", componentId)[0]?.status;
const componentAudit = (componentId: string) =>
  all<AuditRow>(
    "SELECT action, actor_label FROM audit_log WHERE entity_type = 'component' AND entity_id = ? ORDER BY id",
    componentId,
  );
const deliveries = (sourceId: string) =>
  all<{ http_status: number; error: string | null }>(
    "SELECT http_status, error FROM alert_deliveries WHERE source_id = ? ORDER BY id",
    sourceId,
  );

/** Polls `read` until it gives a truthy value (every 20 ms, so a measured time is close). */
async function until<T>(read: () => T | undefined | null | false, what: string, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeout} ms\n${server.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function publicStatus(name: string): Promise<string | undefined> {
  const doc = (await (await fetch(`${server.url}/api/v2/components.json`)).json()) as {
    components: { name: string; status: string }[];
  };
  return doc.components.find((c) => c.name === name)?.status;
}

// ---- sources, rules and deliveries

function source(
  input: AlertSourceInput,
  component?: { name: string; rule: string; status: ComponentStatus; sets?: boolean },
) {
  const row = createAlertSource(db, SYSTEM_ACTOR, input);
  if (!component) return { source: row, componentId: "" };
  const c = createComponent(db, SYSTEM_ACTOR, { name: component.name });
  createAlertRule(db, SYSTEM_ACTOR, row.id, {
    matchers: component.rule,
    componentId: c.id,
    status: component.status,
    setsStatus: component.sets ?? false,
  });
  return { source: row, componentId: c.id };
}

type Answer = {
  status: number;
  type: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON answer, reached into freely
  body: any;
  ms: number;
};

async function deliver(token: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(`${server.url}/api/alerts/${token}`, {
    method: "POST",
    headers: { ...JSON_TYPE, ...headers },
    body,
  });
  const text = await res.text();
  const ms = performance.now() - started;
  const type = res.headers.get("content-type") ?? "";
  return { status: res.status, type, body: type.includes("json") && text ? JSON.parse(text) : text, ms };
}

/**
 * The status a client reads when it uploads `body`. node:http, not fetch: the front answers 413
 * as soon as it sees the declared length and closes the connection after a short linger, and
 * fetch sometimes reports the unfinished upload (EPIPE) instead of the answer it already has.
 */
function statusOfUpload(url: string, body: string): Promise<number | string> {
  return new Promise((resolve) => {
    let status: number | undefined;
    const req = http.request(url, {
      method: "POST",
      headers: { ...JSON_TYPE, "content-length": Buffer.byteLength(body) },
    });
    req.on("response", (res) => {
      status = res.statusCode;
      res.resume();
      res.on("end", () => resolve(status!));
      res.on("error", () => resolve(status!));
    });
    req.on("error", (err: NodeJS.ErrnoException) => resolve(status ?? `no answer: ${err.code ?? err.message}`));
    req.end(body);
  });
}

const sign = (secret: string, raw: string) => `v1=${createHmac("sha256", secret).update(raw, "utf8").digest("hex")}`;
const effects = (a: Answer) => (a.body.effects as { effect: string }[]).map((e) => e.effect);

function expectProblem(a: Answer, status: number, detail?: RegExp) {
  expect(a.status, JSON.stringify(a.body)).toBe(status);
  expect(a.type).toContain("application/problem+json");
  expect(a.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  if (detail) expect(a.body.detail).toMatch(detail);
}

// ---- 1. the real Alertmanager

test("[alerts] a real Alertmanager: firing opens a draft and sets the status, a resend changes nothing, resolving restores", async () => {
  // The source has a secret; Alertmanager sends it as a Bearer token (its receiver's http_config).
  const secret = "am-bearer-5e0c9a41";
  const { source: am, componentId: payments } = source(
    { name: "Production Alertmanager", kind: "alertmanager", signingSecret: secret },
    { name: "Payments", rule: 'service="payments", severity="critical"', status: "major_outage", sets: true },
  );
  alertmanager = await startAlertmanager(`${server.url}/api/alerts/${am.token}`, {
    groupWait: "1s",
    groupInterval: "1s",
    repeatInterval: "5s",
    credentials: secret,
  });
  const alert = {
    labels: { alertname: "HighErrorRate", service: "payments", severity: "critical" },
    annotations: { summary: "Payments error rate above 5%" },
    generatorURL: "http://prometheus.example.com/graph?g0.expr=payments_errors",
    startsAt: new Date().toISOString(),
  };
  const toAlertmanager = (alerts: unknown[]) =>
    fetch(`${alertmanager!.url}/api/v2/alerts`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify(alerts) });

  const posted = Date.now();
  expect((await toAlertmanager([alert])).status).toBe(200);
  const draft = await until(() => drafts(payments)[0], "the draft from Alertmanager's notification");
  // The draft's own creation time (same host clock): free of this test's polling interval.
  console.log(`alertmanager→draft ms: ${draft.created_at - posted}`);
  expect(draft).toMatchObject({
    state: "open",
    status: "major_outage",
    alert_source_id: am.id,
    link: alert.generatorURL,
    first_error: "Payments error rate above 5%",
    recovered_at: null,
  });
  const [held] = alertsOf(am.id);
  expect(held).toMatchObject({ state: "firing", component_id: payments, draft_id: draft.id, repeats: 0 });
  // Alertmanager's own fingerprint identifies the alert.
  expect(held!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  // The rule is trusted: the status followed in the same delivery, recorded with the source as actor.
  expect(statusOf(payments)).toBe("major_outage");
  const statusChanges = () => componentAudit(payments).filter((r) => r.action === "component.status");
  expect(statusChanges()).toEqual([
    { action: "component.status", actor_label: "alert source Production Alertmanager" },
  ]);
  await expect.poll(() => publicStatus("Payments"), { message: "the public page follows" }).toBe("major_outage");
  // Knowing the address is not enough: the same kind of body without the secret is refused.
  const unsigned = await fetch(`${server.url}/api/alerts/${am.token}`, {
    method: "POST",
    headers: JSON_TYPE,
    body: fixture("alertmanager-firing"),
  });
  expect(unsigned.status).toBe(401);
  expect(unsigned.headers.get("content-type")).toContain("application/problem+json");

  // Alertmanager resends every repeat_interval: recorded as a repeat, and nothing else moves.
  const audited = componentAudit(payments).length;
  const delivered = deliveries(am.id).length;
  await until(() => (alertOf(am.id, held!.fingerprint)?.repeats ?? 0) > 0, "a resend after repeat_interval", 20_000);
  expect(deliveries(am.id).length).toBeGreaterThan(delivered);
  // Every one of Alertmanager's deliveries carried the secret: the one refused is the test's own.
  expect(deliveries(am.id).filter((d) => d.http_status !== 202)).toHaveLength(1);
  expect(drafts(payments)).toEqual([draft]);
  expect(statusOf(payments)).toBe("major_outage");
  expect(componentAudit(payments)).toHaveLength(audited);

  // Resolved at Alertmanager: its resolved notification restores the status and marks the draft recovered.
  const resolvedAt = Date.now();
  expect((await toAlertmanager([{ ...alert, endsAt: new Date().toISOString() }])).status).toBe(200);
  await until(() => alertOf(am.id, held!.fingerprint)?.state === "resolved", "the resolved notification");
  console.log(`alertmanager resolved→restored ms: ${Date.now() - resolvedAt}`);
  expect(statusOf(payments)).toBe("operational");
  expect(drafts(payments)).toEqual([{ ...draft, recovered_at: expect.any(Number) }]);
  expect(statusChanges()).toEqual([
    { action: "component.status", actor_label: "alert source Production Alertmanager" },
    { action: "component.status", actor_label: "alert source Production Alertmanager" },
  ]);
  await expect.poll(() => publicStatus("Payments"), { message: "the public page is restored" }).toBe("operational");
});

// ---- 2. the vendors' documented payloads, replayed

test("[alerts] Grafana's contact point payload opens one draft for its two alerts; resolving one keeps it open", async () => {
  const { source: grafana, componentId: memory } = source(
    { name: "Grafana", kind: "grafana" },
    { name: "Memory", rule: 'team="blue"', status: "degraded_performance" },
  );
  const firing = await deliver(grafana.token, fixture("grafana-firing"));
  expect(firing.status, JSON.stringify(firing.body)).toBe(202);
  expect(firing.body.accepted).toBe(2);
  expect(effects(firing)).toEqual(["opened a draft: Memory degraded performance", "joined the draft for Memory"]);
  const [draft] = drafts(memory);
  expect(drafts(memory)).toHaveLength(1);
  expect(draft).toMatchObject({
    state: "open",
    status: "degraded_performance",
    alert_source_id: grafana.id,
    // The panel that fired, from the older of the two alerts.
    link: "https://grafana.example.com/d/a1b2c3d4?orgId=1&viewPanel=2",
    first_error: "High memory usage in zone us-1",
  });
  expect(alertsOf(grafana.id).map((a) => [a.fingerprint, a.state, a.draft_id])).toEqual([
    ["bc97ff14869b13e3", "firing", draft!.id],
    ["c6eadffa33fcdf37", "firing", draft!.id],
  ]);
  // Not a trusted rule: the component's status is left to staff.
  expect(statusOf(memory)).toBe("operational");

  const resolved = await deliver(grafana.token, fixture("grafana-resolved"));
  expect(resolved.status).toBe(202);
  expect(effects(resolved)).toEqual(["resolved"]);
  expect(alertOf(grafana.id, "c6eadffa33fcdf37")?.state).toBe("resolved");
  // The CPU alert still fires, so the draft has not recovered.
  expect(drafts(memory)).toEqual([draft]);
});

test("[alerts] PagerDuty v3 webhooks are verified by signature; resolved wins over a late trigger", async () => {
  const secret = "pd-signing-secret-0123456789";
  const { source: pd, componentId: checkout } = source(
    { name: "PagerDuty", kind: "pagerduty", signingSecret: secret },
    { name: "Checkout", rule: 'service="Checkout API", urgency="high"', status: "major_outage", sets: true },
  );
  const triggered = fixture("pagerduty-incident-triggered");

  expectProblem(
    await deliver(pd.token, triggered, { "x-pagerduty-signature": sign("not-the-secret", triggered) }),
    401,
    /signature/,
  );
  expectProblem(await deliver(pd.token, triggered), 401);
  // A signature over other bytes (the same JSON, formatted differently) does not pass either.
  const compact = JSON.stringify(JSON.parse(triggered));
  expectProblem(await deliver(pd.token, triggered, { "x-pagerduty-signature": sign(secret, compact) }), 401);
  expect(drafts(checkout)).toEqual([]);
  expect(deliveries(pd.id).map((d) => d.http_status)).toEqual([401, 401, 401]);

  const ping = fixture("pagerduty-pagey-ping");
  const pinged = await deliver(pd.token, ping, { "x-pagerduty-signature": sign(secret, ping) });
  expect(pinged.status).toBe(202);
  expect(pinged.body).toEqual({ accepted: 0, effects: [] });

  // PagerDuty sends one signature per active secret while a secret is rotated: any one will do.
  const rotating = `${sign("the-old-secret", triggered)},${sign(secret, triggered)}`;
  const fired = await deliver(pd.token, triggered, { "x-pagerduty-signature": rotating });
  expect(fired.status, JSON.stringify(fired.body)).toBe(202);
  expect(effects(fired)).toEqual(["opened a draft: Checkout major outage; sets the status to major outage"]);
  expect(drafts(checkout)).toEqual([
    expect.objectContaining({
      state: "open",
      alert_source_id: pd.id,
      link: "https://acme.pagerduty.com/incidents/Q2K7L1ZPXW4V9M",
      first_error: "Checkout latency above 2s (p95)",
    }),
  ]);
  expect(statusOf(checkout)).toBe("major_outage");

  const resolvedBody = fixture("pagerduty-incident-resolved");
  const resolved = await deliver(pd.token, resolvedBody, { "x-pagerduty-signature": sign(secret, resolvedBody) });
  expect(resolved.status).toBe(202);
  expect(effects(resolved)).toEqual(["resolved: restores the status"]);
  expect(statusOf(checkout)).toBe("operational");
  expect(drafts(checkout)[0]!.recovered_at).not.toBeNull();

  // The trigger again, delivered late: older than the resolution held, so it changes nothing.
  const late = await deliver(pd.token, triggered, { "x-pagerduty-signature": sign(secret, triggered) });
  expect(late.status).toBe(202);
  expect(effects(late)).toEqual(["ignored: older than the resolved state already held"]);
  expect(alertOf(pd.id, "Q2K7L1ZPXW4V9M")?.state).toBe("resolved");
  expect(statusOf(checkout)).toBe("operational");
  expect(drafts(checkout)).toHaveLength(1);
});

test("[alerts] Opsgenie's webhook: create opens a draft, acknowledge repeats, close recovers it", async () => {
  const { source: og, componentId: database } = source(
    { name: "Opsgenie", kind: "opsgenie" },
    { name: "Database", rule: 'entity="db-primary-1", tag:production="true"', status: "partial_outage" },
  );
  const created = await deliver(og.token, fixture("opsgenie-create"));
  expect(created.status, JSON.stringify(created.body)).toBe(202);
  expect(effects(created)).toEqual(["opened a draft: Database partial outage"]);
  expect(drafts(database)).toEqual([
    expect.objectContaining({
      state: "open",
      status: "partial_outage",
      first_error: "Disk usage above 90% on db-primary-1",
    }),
  ]);
  const acknowledged = await deliver(og.token, fixture("opsgenie-acknowledge"));
  expect(effects(acknowledged)).toEqual(["repeat: no change"]);
  const closed = await deliver(og.token, fixture("opsgenie-close"));
  expect(effects(closed)).toEqual(["resolved"]);
  expect(alertOf(og.id, "70413a06-38d6-4c85-92b8-5ebc900d42e2")).toMatchObject({ state: "resolved", repeats: 1 });
  expect(drafts(database)).toEqual([expect.objectContaining({ recovered_at: expect.any(Number) })]);
});

test("[alerts] Outpost's generic format: mapped, resolved-before-seen and unmapped alerts are all kept", async () => {
  const { source: generic, componentId: orders } = source(
    { name: "Scripts", kind: "generic" },
    { name: "Orders", rule: 'service="orders"', status: "major_outage" },
  );
  const list = await deliver(generic.token, fixture("generic-list"));
  expect(list.status, JSON.stringify(list.body)).toBe(202);
  expect(list.body.accepted).toBe(3);
  expect(effects(list).sort()).toEqual([
    "opened a draft: Orders major outage",
    "recorded: resolved before it was seen firing",
    "unmapped: kept for staff to map",
  ]);
  expect(drafts(orders)).toEqual([
    expect.objectContaining({ link: "https://grafana.example.com/d/queues?var-queue=orders" }),
  ]);
  const single = await deliver(generic.token, fixture("generic-single"));
  expect(effects(single)).toEqual(["unmapped: kept for staff to map"]);
  const stored = alertsOf(generic.id);
  expect(stored).toHaveLength(4);
  expect(stored.filter((a) => a.state === "firing" && a.component_id === null)).toHaveLength(2);
});

test("[alerts] refusals: bad JSON and wrong shapes 400, unknown token 404, over 1 MiB 413, GET not served", async () => {
  const { source: am } = source({ name: "Refusals", kind: "alertmanager" });
  const { source: generic } = source({ name: "Refusals generic", kind: "generic" });

  expectProblem(await deliver(am.token, '{"alerts": ['), 400, /not JSON/);
  expectProblem(await deliver(am.token, "alertname=HighErrorRate"), 400, /not JSON/);
  expectProblem(await deliver(am.token, JSON.stringify({ alerts: "none" })), 400, /alerts must be a list/);
  expectProblem(await deliver(am.token, JSON.stringify([{ status: "firing" }])), 400, /Expected a JSON object/);
  const noStatus = JSON.parse(fixture("alertmanager-firing"));
  delete noStatus.alerts[0].status;
  expectProblem(await deliver(am.token, JSON.stringify(noStatus)), 400, /alerts\.0\.status/);
  expectProblem(
    await deliver(generic.token, JSON.stringify({ status: "burning", summary: "x" })),
    400,
    /"firing" or "resolved"/,
  );
  // Refused deliveries are kept for staff, with what was wrong.
  expect(deliveries(am.id).map((d) => d.http_status)).toEqual([400, 400, 400, 400, 400]);
  expect(deliveries(am.id)[0]!.error).toBe("The body is not JSON");
  expect(alertsOf(am.id)).toEqual([]);

  expectProblem(await deliver("no-such-source-token-0123456789", fixture("alertmanager-firing")), 404);
  expectProblem(await deliver("x", fixture("alertmanager-firing")), 404);

  // The front refuses a body over 1 MiB before Next reads it; one just under is read.
  const padded = (size: number) => {
    const head = '{"status":"firing","summary":"Big delivery","pad":"';
    return `${head}${"x".repeat(size - head.length - 2)}"}`;
  };
  expect(await statusOfUpload(`${server.url}/api/alerts/${generic.token}`, padded(1024 * 1024 + 1))).toBe(413);
  const under = await deliver(generic.token, padded(1024 * 1024 - 64));
  expect(under.status, JSON.stringify(under.body).slice(0, 500)).toBe(202);

  const get = await fetch(`${server.url}/api/alerts/${am.token}`);
  expect(get.status, `GET answered ${get.status}`).toBeGreaterThanOrEqual(400);
});

// ---- 3. a storm

/** One Alertmanager notification (webhook payload v4) of firing alerts for one service. */
function notification(service: string, instances: number[], startsAt: string): string {
  const alerts = instances.map((i) => {
    const labels = { alertname: "HighLatency", service, severity: "critical", instance: `node-${i}` };
    return {
      status: "firing",
      labels,
      annotations: { summary: `Latency high on ${service} node-${i}` },
      startsAt,
      endsAt: "0001-01-01T00:00:00Z",
      generatorURL: `http://prometheus.example.com/graph?g0.expr=latency&service=${service}`,
      fingerprint: createHash("sha256").update(JSON.stringify(labels)).digest("hex").slice(0, 16),
    };
  });
  const groupLabels = { alertname: "HighLatency", service };
  return JSON.stringify({
    receiver: "outpost",
    status: "firing",
    alerts,
    groupLabels,
    commonLabels: { ...groupLabels, severity: "critical" },
    commonAnnotations: {},
    externalURL: "http://alertmanager.example.com:9093",
    version: "4",
    groupKey: `{}:{alertname="HighLatency", service="${service}"}`,
    truncatedAlerts: 0,
  });
}

/** Sends `bodies` with at most `lanes` in flight, the i-th not before i × `spacingMs`. */
async function send(token: string, bodies: string[], lanes: number, spacingMs: number) {
  const answers: Answer[] = new Array(bodies.length);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let i = next++; i < bodies.length; i = next++) {
        const wait = started + i * spacingMs - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        answers[i] = await deliver(token, bodies[i]!);
      }
    }),
  );
  return { answers, elapsed: performance.now() - started };
}

function figures(label: string, run: { answers: Answer[]; elapsed: number }) {
  const ms = run.answers.map((a) => a.ms).sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1);
  console.log(
    `${label}: ${run.answers.length} POSTs in ${Math.round(run.elapsed)} ms; answer ms p50 ${at(0.5)}, p95 ${at(0.95)}, max ${at(1)}`,
  );
}

test("[alerts] a storm of 1,000 alerts across 20 components: one draft each, nothing lost, a resend changes nothing", async () => {
  test.setTimeout(90_000);
  const storm = createAlertSource(db, SYSTEM_ACTOR, { name: "Storm Alertmanager", kind: "alertmanager" });
  const components = Array.from({ length: 20 }, (_, n) => {
    const service = `storm-${String(n).padStart(2, "0")}`;
    const c = createComponent(db, SYSTEM_ACTOR, { name: `Storm ${service}` });
    createAlertRule(db, SYSTEM_ACTOR, storm.id, {
      matchers: `service="${service}"`,
      componentId: c.id,
      status: "major_outage",
      setsStatus: true,
    });
    return { id: c.id, service };
  });
  // 50 alerts per component, as Alertmanager groups them (by alert name and service), 10 a notification.
  const startsAt = new Date().toISOString();
  const bodies = components.flatMap((c) =>
    [0, 10, 20, 30, 40].map((from) =>
      notification(
        c.service,
        Array.from({ length: 10 }, (_, k) => from + k),
        startsAt,
      ),
    ),
  );
  // Interleaved, so every component is hit from the first second on.
  const order = bodies.map((_, i) => (i % 20) * 5 + Math.floor(i / 20));
  const shuffled = order.map((i) => bodies[i]!);

  // 1,000 alerts in about 10 s: a POST every 100 ms, up to 4 in flight.
  const first = await send(storm.token, shuffled, 4, 100);
  figures("storm (1,000 alerts, 100 POSTs of 10)", first);
  for (const a of first.answers) {
    expect(a.status, JSON.stringify(a.body)).toBe(202);
    expect(a.body.accepted).toBe(10);
    expect(effects(a).some((e) => e.startsWith("repeat") || e.startsWith("ignored"))).toBe(false);
  }
  // Alertmanager resends them all (repeat_interval), as fast as 4 lanes go.
  const again = await send(storm.token, shuffled, 4, 0);
  figures("storm resend (1,000 alerts)", again);
  for (const a of again.answers) {
    expect(a.status, JSON.stringify(a.body)).toBe(202);
    expect(effects(a)).toEqual(Array(10).fill("repeat: no change"));
  }

  const stored = alertsOf(storm.id);
  expect(stored).toHaveLength(1000);
  expect(stored.every((a) => a.state === "firing" && a.repeats === 1)).toBe(true);
  for (const c of components) {
    const own = drafts(c.id);
    expect(own, c.service).toHaveLength(1);
    expect(own[0]).toMatchObject({ state: "open", status: "major_outage", alert_source_id: storm.id });
    expect(stored.filter((a) => a.component_id === c.id && a.draft_id === own[0]!.id)).toHaveLength(50);
    expect(statusOf(c.id)).toBe("major_outage");
    // One status change per component, however many alerts and resends.
    expect(componentAudit(c.id).filter((r) => r.action === "component.status")).toHaveLength(1);
  }
  // Recent deliveries are bounded per source: the newest are kept.
  const kept = deliveries(storm.id);
  expect(kept).toHaveLength(DELIVERIES_KEPT);
  expect(kept.every((d) => d.http_status === 202)).toBe(true);
});
