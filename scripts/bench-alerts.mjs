// `npm run bench:alerts`: alert ingest. The built server on 127.0.0.1 with a fresh database, 20
// components and one Alertmanager source whose 20 rules map `service="svc-N"` to component N as a
// partial outage, half of them trusted (they set the status at once, for 0 s). Then, each phase
// measured on its own: a storm of 1,000 distinct firing alerts in Alertmanager's webhook format,
// 100 deliveries of 10 (one notification group per service), 4 in flight, as fast as answered;
// the same 1,000 sent again (every one a repeat, as Alertmanager's repeat_interval resends); all
// 1,000 resolved; and GET /api/health from 4 clients for as long as the storm took (3 s at least)
// as the baseline in the same run. Reports alerts/s, delivery latency p50/p95/max and the server's
// CPU per phase. Refuses to report a run in which a delivery was not answered 202 with what each
// alert should have done, or in which the database does not end with 1,000 resolved alerts seen
// twice while firing, 20 drafts all recovered and every trusted component operational again.
// Prints a table and writes bench/results.json under "alert_ingest", keeping the other keys.
// 127.0.0.1 only.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { ensureBuild } from "./ensure-build.mjs";
import { cpuTicks, freePort, healthBaseline, pct, round1, serverEnv, waitForHealth } from "./bench-common.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const COMPONENTS = 20;
/** Components 1-10 have trusted rules (they set the status); 11-20 only open drafts. */
const TRUSTED = 10;
const ALERTS = 1000;
const PER_DELIVERY = 10;
const IN_FLIGHT = 4;
const CLIENTS = 4;
const MIN_BASELINE_S = 3;
const STATUS = "partial_outage";
const TOKEN = `bench-${Math.random().toString(36).slice(2)}-0123456789abcdef`;

async function adminPost(base, pageId, p, body) {
  const res = await fetch(`${base}/api/v1/pages/${pageId}/${p}`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${p}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/**
 * The 1,000 alerts, 10 to a delivery. Alertmanager groups by labels (here by service), so each
 * delivery is one service's group: delivery d carries 10 alerts of svc-(d mod 20 + 1), each with
 * its own instance and so its own fingerprint (Alertmanager's is a 16-hex-digit hash of the labels).
 */
function stormAlerts(startsAt) {
  const groups = [];
  for (let d = 0; d < ALERTS / PER_DELIVERY; d++) {
    const service = `svc-${(d % COMPONENTS) + 1}`;
    const alerts = [];
    for (let k = 0; k < PER_DELIVERY; k++) {
      const labels = {
        alertname: "HighErrorRate",
        service,
        instance: `${service}-${d * PER_DELIVERY + k}:8080`,
        severity: "critical",
      };
      alerts.push({
        labels,
        annotations: { summary: `High error rate on ${labels.instance}` },
        startsAt,
        generatorURL: `http://127.0.0.1:9090/graph?g0.expr=errors%7Bservice%3D%22${service}%22%7D`,
        fingerprint: createHash("sha256").update(JSON.stringify(labels)).digest("hex").slice(0, 16),
      });
    }
    groups.push({ service, alerts });
  }
  return groups;
}

/** One notification as Alertmanager's webhook receiver sends it (payload version 4). */
function webhookBody(group, status, endsAt) {
  const common = { alertname: "HighErrorRate", service: group.service, severity: "critical" };
  return JSON.stringify({
    version: "4",
    groupKey: `{}:{service="${group.service}"}`,
    truncatedAlerts: 0,
    status,
    receiver: "outpost",
    groupLabels: { service: group.service },
    commonLabels: common,
    commonAnnotations: {},
    externalURL: "http://127.0.0.1:9093",
    alerts: group.alerts.map((a) => ({ ...a, status, endsAt })),
  });
}

/**
 * Posts every body to the ingest URL, IN_FLIGHT at a time, each as soon as one is answered. Every
 * answer must be 202 with each alert's effect matching `expected`; returns the phase's figures and
 * how many effects began with each of `tally`'s words.
 */
async function deliverAll(url, server, bodies, expected, tally = []) {
  const latencies = [];
  const failures = [];
  const counts = Object.fromEntries(tally.map((t) => [t, 0]));
  let next = 0;
  const cpu0 = cpuTicks(server.pid);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < bodies.length && failures.length === 0) {
        const body = bodies[next++];
        const started = performance.now();
        const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
        const text = await res.text();
        latencies.push(performance.now() - started);
        if (res.status !== 202) {
          failures.push(`HTTP ${res.status} ${text.slice(0, 300)}`);
          break;
        }
        const answer = JSON.parse(text);
        const wrong = answer.effects.find((e) => !expected.test(e.effect));
        if (answer.accepted !== PER_DELIVERY || answer.effects.length !== PER_DELIVERY || wrong) {
          failures.push(`accepted ${answer.accepted}, ${wrong ? `an alert "${wrong.effect}"` : "effects missing"}`);
          break;
        }
        for (const e of answer.effects) for (const t of tally) if (e.effect.startsWith(t)) counts[t]++;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  if (failures.length)
    throw new Error(`a delivery was not taken as it should be, so nothing is reported: ${failures[0]}`);
  latencies.sort((a, b) => a - b);
  return {
    figures: {
      seconds: round1(elapsed),
      deliveries: latencies.length,
      alerts: latencies.length * PER_DELIVERY,
      alerts_per_s: Math.round((latencies.length * PER_DELIVERY) / elapsed),
      deliveries_per_s: round1(latencies.length / elapsed),
      delivery_ms: { p50: round1(pct(latencies, 50)), p95: round1(pct(latencies, 95)), max: round1(latencies.at(-1)) },
      server_cpu_percent_of_one_core: Math.round((cpuTicks(server.pid) - cpu0) / elapsed),
    },
    counts,
  };
}

/** Components' statuses and the alert drafts as the database holds them (read-only; the server may run). */
function readState(dbPath, componentIds) {
  const db = new Database(dbPath, { readonly: true });
  try {
    const statusOf = db.prepare("select status from components where id = ?").pluck();
    const one = (sql) => db.prepare(sql).pluck().get();
    return {
      statuses: componentIds.map((id) => statusOf.get(id)),
      drafts: one("select count(*) from monitor_drafts where alert_source_id is not null"),
      draftsRecovered: one(
        "select count(*) from monitor_drafts where alert_source_id is not null and recovered_at is not null",
      ),
      draftsOpen: one("select count(*) from monitor_drafts where alert_source_id is not null and state = 'open'"),
      alerts: one("select count(*) from alerts"),
      alertsResolvedOnce: one("select count(*) from alerts where state = 'resolved' and repeats = 1"),
      // The source keeps its last 100 deliveries: none of them may be a refusal.
      deliveriesRefused: one("select count(*) from alert_deliveries where http_status != 202"),
      statusChanges: one("select count(*) from audit_log where action = 'component.status'"),
    };
  } finally {
    db.close();
  }
}

async function main() {
  await ensureBuild(root);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-bench-alerts-"));
  const port = await freePort();
  const dbPath = path.join(work, "outpost.db");
  const server = spawn(process.execPath, ["dist/server.js"], {
    cwd: root,
    env: serverEnv(port, dbPath, { OUTPOST_DEMO: "0", OUTPOST_API_TOKEN: TOKEN }),
    stdio: ["ignore", "ignore", "inherit"],
  });
  process.on("exit", () => server.exitCode === null && server.kill("SIGTERM"));
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(server, base, 600);
  const pageId = (await (await fetch(`${base}/api/v2/summary.json`)).json()).page.id;

  const components = [];
  for (let i = 0; i < COMPONENTS; i++)
    components.push((await adminPost(base, pageId, "components", { component: { name: `Service ${i + 1}` } })).id);
  const source = await adminPost(base, pageId, "alert-sources", {
    alert_source: { name: "Bench Alertmanager", kind: "alertmanager" },
  });
  for (let i = 0; i < COMPONENTS; i++)
    await adminPost(base, pageId, `alert-sources/${source.id}/rules`, {
      alert_rule: {
        matchers: `service="svc-${i + 1}"`,
        component_id: components[i],
        status: STATUS,
        sets_status: i < TRUSTED,
        for_seconds: 0,
      },
    });
  // The ingest URL names the configured public address; the path is what the tool posts to.
  const ingest = `${base}${new URL(source.ingest_url).pathname}`;
  console.log(
    `bench: ${COMPONENTS} components, ${ALERTS} alerts in ${ALERTS / PER_DELIVERY} deliveries of ${PER_DELIVERY}, ${IN_FLIGHT} in flight`,
  );

  const groups = stormAlerts(new Date(Date.now() - 60_000).toISOString());
  const firingBodies = groups.map((g) => webhookBody(g, "firing", "0001-01-01T00:00:00Z"));
  const storm = await deliverAll(ingest, server, firingBodies, /^(opened a draft|joined the draft)/, [
    "opened a draft",
  ]);
  process.stdout.write("s");
  // In the middle: one open draft per component, the trusted components in an outage, the others not.
  const during = readState(dbPath, components);
  const trustedDown = during.statuses.slice(0, TRUSTED).every((s) => s === STATUS);
  const othersUp = during.statuses.slice(TRUSTED).every((s) => s === "operational");
  if (storm.counts["opened a draft"] !== COMPONENTS || during.draftsOpen !== COMPONENTS || !trustedDown || !othersUp)
    throw new Error(
      `after the storm: ${storm.counts["opened a draft"]} drafts opened, ${during.draftsOpen} open, statuses ${during.statuses.join(", ")}`,
    );
  const resend = await deliverAll(ingest, server, firingBodies, /^repeat: no change$/);
  process.stdout.write("r");
  const endsAt = new Date().toISOString();
  const resolve = await deliverAll(
    ingest,
    server,
    groups.map((g) => webhookBody(g, "resolved", endsAt)),
    /^resolved/,
  );
  process.stdout.write("r");
  const health = await healthBaseline(base, server.pid, {
    clients: CLIENTS,
    seconds: Math.max(MIN_BASELINE_S, storm.figures.seconds),
  });
  console.log("h");
  server.kill("SIGTERM");
  await new Promise((r) => (server.exitCode !== null ? r() : server.once("exit", r)));

  // What the database holds at the end: every alert once, resolved, seen twice while firing;
  // every draft recovered; every component operational again (the trusted ones restored).
  const after = readState(dbPath, components);
  const problems = [
    after.alerts !== ALERTS && `${after.alerts} alerts stored, not ${ALERTS}`,
    after.alertsResolvedOnce !== ALERTS && `${after.alertsResolvedOnce} alerts resolved with one repeat, not ${ALERTS}`,
    after.drafts !== COMPONENTS && `${after.drafts} alert drafts, not ${COMPONENTS}`,
    after.draftsRecovered !== COMPONENTS && `${after.draftsRecovered} drafts recovered, not ${COMPONENTS}`,
    after.deliveriesRefused !== 0 && `${after.deliveriesRefused} deliveries recorded as refused`,
    !after.statuses.every((s) => s === "operational") && `statuses at the end: ${after.statuses.join(", ")}`,
  ].filter(Boolean);
  if (problems.length) throw new Error(`the database does not add up, so nothing is reported: ${problems.join("; ")}`);

  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    components: COMPONENTS,
    trusted_components: TRUSTED,
    alerts: ALERTS,
    alerts_per_delivery: PER_DELIVERY,
    in_flight: IN_FLIGHT,
    storm: storm.figures,
    resend: resend.figures,
    resolve: resolve.figures,
    health,
    drafts: after.drafts,
    drafts_recovered: after.draftsRecovered,
    component_status_changes: after.statusChanges,
  };
  const file = path.join(root, "bench/results.json");
  const previous = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  fs.writeFileSync(file, JSON.stringify({ ...previous, alert_ingest: result }, null, 2) + "\n");
  fs.rmSync(work, { recursive: true, force: true });
  print(result);
}

function print(r) {
  console.log(
    `\nAlert ingest: ${r.alerts} Alertmanager alerts on ${r.components} components (${r.trusted_components} trusted), ${r.alerts_per_delivery} a delivery, ${r.in_flight} in flight`,
  );
  const row = (name, x) =>
    console.log(
      `  ${name.padEnd(28)} ${String(x.alerts_per_s).padStart(6)} alerts/s ${String(x.deliveries_per_s).padStart(6)} deliveries/s   p50 ${x.delivery_ms.p50} / p95 ${x.delivery_ms.p95} / max ${x.delivery_ms.max} ms   server CPU ${x.server_cpu_percent_of_one_core}%   (${x.seconds} s)`,
    );
  row("storm (1,000 firing)", r.storm);
  row("resend (every one a repeat)", r.resend);
  row("resolve (all 1,000)", r.resolve);
  const h = r.health;
  console.log(
    `  ${"GET /api/health (baseline)".padEnd(28)} ${String(h.requests_per_s).padStart(6)} req/s      p50 ${h.ms.p50} / p95 ${h.ms.p95} / max ${h.ms.max} ms   server CPU ${h.server_cpu_percent_of_one_core}%   (${h.seconds} s)`,
  );
  console.log(
    `  ${r.drafts} drafts (one per component), all recovered; ${r.component_status_changes} component status changes; every alert stored once, resolved, one repeat`,
  );
}

main().catch((err) => {
  console.error(`bench: ${err.message}`);
  process.exit(1);
});
