// `npm run bench:probes`: probe-result ingest. The built server on 127.0.0.1 with a fresh database,
// 1,000 HTTP monitors (on 100 components) each checked from 10 probe agents, quorum by default.
// Ten simulated agents (plain fetch, each with its own probe token and the agent's headers) post
// for BENCH_PROBE_SECONDS (default 20) per run: as fast as the server answers, batches of 500
// results, then of 50; then the load itself (each agent sends every 2 s what a minute's checks
// give in 2 s); then 500-result batches already accepted (every result a duplicate: the request's
// own cost without recording anything). GET /api/health (answered by the writer, as the results
// are) from ten clients in the same run is the baseline. A few monitors fail everywhere for a
// while (and any result fails 2% of the time), so verdicts, component statuses and drafts change
// as they would. Reports results/s, batches/s, batch latency p50/p95/max, the server's CPU and the
// headroom over 10 agents × 1,000 monitors at 60 s (167 results/s); refuses to report a run in
// which a batch was refused or a result was not accepted, and checks that the database holds
// every accepted result once. Prints a table and writes bench/results.json under
// "probe_ingest", keeping the other keys. 127.0.0.1 only.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { ensureBuild } from "./ensure-build.mjs";
import { cpuTicks, freePort, healthBaseline, pct, round1, serverEnv, sleep, waitForHealth } from "./bench-common.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.BENCH_PROBE_SECONDS ?? 20);
const AGENTS = 10;
const MONITORS = Number(process.env.BENCH_PROBE_MONITORS ?? 1000);
const COMPONENTS = Number(process.env.BENCH_PROBE_COMPONENTS ?? 100);
const INTERVAL_S = 60;
/** How often a real agent sends what waits (lib/monitors/agent/sender.ts). */
const SEND_EVERY_MS = 2000;
/** What the load asks of one server: every monitor checked from every agent once a minute. */
const NEEDED_PER_S = (AGENTS * MONITORS) / INTERVAL_S;
const TOKEN = `bench-${Math.random().toString(36).slice(2)}-0123456789abcdef`;
// The agent's headers (lib/monitors/agent/protocol.ts).
const AGENT_NAME_HEADER = "x-outpost-agent";
const AGENT_VERSION_HEADER = "x-outpost-agent-version";
const AGENT_TIME_HEADER = "x-outpost-agent-time";

/** A small seeded generator, so every run fails the same results. */
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

const agentHeaders = (agent) => ({
  authorization: `Bearer ${agent.token}`,
  [AGENT_NAME_HEADER]: agent.name,
  [AGENT_VERSION_HEADER]: "bench",
  [AGENT_TIME_HEADER]: new Date().toISOString(),
});

/**
 * The agent's next `size` results, one per monitor in turn (a pass over all its monitors is one
 * round). A monitor is in an outage, seen from every agent, for four rounds in every fifty (2% of
 * monitors at any time, a different 2% every four rounds); any result also fails 2% of the time.
 */
function nextBatch(agent, size) {
  const at = new Date().toISOString();
  const results = [];
  for (let k = 0; k < size; k++) {
    const m = agent.cursor;
    const outage = (m * 7 + Math.floor(agent.round / 4)) % 50 === 0;
    const ok = !outage && agent.rand() >= 0.02;
    results.push({
      seq: ++agent.seq,
      monitor_id: agent.monitorIds[m],
      at,
      ok,
      latency_ms: ok ? 20 + Math.floor(agent.rand() * 60) : null,
      error: ok ? null : "connect ECONNREFUSED",
    });
    if (++agent.cursor === agent.monitorIds.length) {
      agent.cursor = 0;
      agent.round++;
    }
  }
  return { agent: { boot: agent.boot, version: "bench" }, results };
}

/**
 * Every agent posts batches one after the other for SECONDS: as fast as the server answers, or,
 * with `paceMs`, one batch each time that passes (as a real agent does: every 2 s what its checks
 * gave meanwhile). A 503 (the writer busy for longer than a worker waits for it, so it never saw
 * the batch) is counted and the same batch sent again after a second, as the agent does.
 */
async function ingestRun(base, pageId, server, agents, { size, replay = false, paceMs = 0 }) {
  const url = `${base}/api/v1/pages/${pageId}/probe/results`;
  const latencies = [];
  const totals = { results: 0, accepted: 0, duplicates: 0, ignored: 0 };
  let busy = 0;
  const refused = [];
  const cpu0 = cpuTicks(server.pid);
  const t0 = performance.now();
  const end = t0 + SECONDS * 1000;
  await Promise.all(
    agents.map(async (agent, i) => {
      // Paced agents start spread over one period, as independent agents would be.
      if (paceMs) await sleep((paceMs * i) / agents.length);
      let body = null;
      while (performance.now() < end && refused.length === 0) {
        body ??= replay ? agent.last : nextBatch(agent, size);
        const json = JSON.stringify(body);
        const started = performance.now();
        const res = await fetch(url, {
          method: "POST",
          headers: { ...agentHeaders(agent), "content-type": "application/json" },
          body: json,
        });
        const text = await res.text();
        const ms = performance.now() - started;
        if (res.status === 503) {
          busy++;
          await sleep(1000);
          continue;
        }
        if (res.status !== 200) {
          refused.push(`${agent.name}: HTTP ${res.status} ${text.slice(0, 300)}`);
          break;
        }
        const answer = JSON.parse(text);
        latencies.push(ms);
        totals.results += body.results.length;
        totals.accepted += answer.accepted;
        totals.duplicates += answer.duplicates;
        totals.ignored += answer.ignored;
        if (!replay) agent.last = body;
        body = null;
        if (paceMs) await sleep(Math.max(0, paceMs - (performance.now() - started)));
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  if (refused.length) throw new Error(`a batch was refused, so nothing was measured: ${refused[0]}`);
  const expected = replay ? { accepted: 0, duplicates: totals.results } : { accepted: totals.results, duplicates: 0 };
  if (totals.accepted !== expected.accepted || totals.duplicates !== expected.duplicates || totals.ignored !== 0)
    throw new Error(
      `results do not add up (${JSON.stringify(totals)}; expected ${JSON.stringify(expected)} and none ignored)`,
    );
  latencies.sort((a, b) => a - b);
  const perS = totals.results / elapsed;
  return {
    batch_size: replay ? agents[0].last.results.length : size,
    duplicates_only: replay,
    paced_every_ms: paceMs || null,
    seconds: round1(elapsed),
    batches: latencies.length,
    ...totals,
    busy_503: busy,
    results_per_s: Math.round(perS),
    batches_per_s: round1(latencies.length / elapsed),
    batch_ms: { p50: round1(pct(latencies, 50)), p95: round1(pct(latencies, 95)), max: round1(latencies.at(-1)) },
    server_cpu_percent_of_one_core: Math.round((cpuTicks(server.pid) - cpu0) / elapsed),
    headroom: replay || paceMs ? null : round1(perS / NEEDED_PER_S),
    // Paced: every answer came before the agent's next batch was due (the server kept up).
    kept_pace: paceMs ? latencies.at(-1) < paceMs : null,
  };
}

async function main() {
  if (!(SECONDS > 0)) throw new Error("BENCH_PROBE_SECONDS must be a number of seconds above 0");
  await ensureBuild(root);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-bench-probes-"));
  const port = await freePort();
  // Agents are simulated: nothing needs to answer the monitors' URL.
  const targetUrl = `http://127.0.0.1:${await freePort()}/health`;
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

  process.stdout.write(`bench: ${COMPONENTS} components, ${AGENTS} probe agents, ${MONITORS} HTTP monitors `);
  const components = [];
  for (let i = 0; i < COMPONENTS; i++)
    components.push((await adminPost(base, pageId, "components", { component: { name: `Service ${i + 1}` } })).id);
  const agents = [];
  for (let i = 0; i < AGENTS; i++) {
    const name = `bench-${i + 1}`;
    const made = await adminPost(base, pageId, "probe-agents", { probe_agent: { name, label: `Place ${i + 1}` } });
    agents.push({
      name,
      token: made.token,
      boot: `bench-boot-${i + 1}-${Date.now()}`,
      seq: 0,
      cursor: 0,
      round: 0,
      rand: mulberry32(i + 1),
      monitorIds: [],
      last: null,
    });
  }
  const locations = agents.map((a) => a.name);
  for (let i = 0; i < MONITORS; i++) {
    await adminPost(base, pageId, "monitors", {
      monitor: {
        component_id: components[i % COMPONENTS],
        name: `Bench ${i + 1}`,
        kind: "http",
        settings: { url: targetUrl },
        interval_seconds: INTERVAL_S,
        internal_target: true,
        locations,
      },
    });
    if (i % 100 === 0) process.stdout.write(".");
  }
  console.log("");
  // Each agent learns its monitors as the real one does (this also marks it as heard from).
  for (const agent of agents) {
    const res = await fetch(`${base}/api/v1/pages/${pageId}/probe/assignments`, { headers: agentHeaders(agent) });
    if (!res.ok) throw new Error(`${agent.name}'s assignments: HTTP ${res.status} ${await res.text()}`);
    agent.monitorIds = (await res.json()).monitors.map((m) => m.id);
    if (agent.monitorIds.length !== MONITORS)
      throw new Error(`${agent.name} was assigned ${agent.monitorIds.length} monitors, not ${MONITORS}`);
  }

  console.log(`bench: ${SECONDS} s per run, ${AGENTS} agents posting at once`);
  const health = await healthBaseline(base, server.pid, { clients: AGENTS, seconds: SECONDS });
  process.stdout.write("h");
  const batch500 = await ingestRun(base, pageId, server, agents, { size: 500 });
  process.stdout.write("5");
  const batch50 = await ingestRun(base, pageId, server, agents, { size: 50 });
  process.stdout.write("5");
  // The load itself, once every monitor has a verdict: each agent sends every 2 s what a
  // minute's checks give in 2 s (33 results).
  const paced = await ingestRun(base, pageId, server, agents, {
    size: Math.round((MONITORS * SEND_EVERY_MS) / (INTERVAL_S * 1000)),
    paceMs: SEND_EVERY_MS,
  });
  process.stdout.write("p");
  // The last batches were smaller: one more of 500 each, to send again.
  for (const agent of agents) {
    const body = nextBatch(agent, 500);
    const res = await fetch(`${base}/api/v1/pages/${pageId}/probe/results`, {
      method: "POST",
      headers: { ...agentHeaders(agent), "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = await res.json();
    if (res.status !== 200 || answer.accepted !== 500) throw new Error(`${agent.name}: ${JSON.stringify(answer)}`);
    agent.last = body;
  }
  const replay = await ingestRun(base, pageId, server, agents, { replay: true });
  console.log("r");
  server.kill("SIGTERM");
  await new Promise((r) => (server.exitCode !== null ? r() : server.once("exit", r)));

  // What the database holds: every accepted result once, and what the verdicts did.
  const db = new Database(dbPath, { readonly: true });
  const one = (sql) => db.prepare(sql).pluck().get();
  const stored = one("select count(*) from check_results where location != 'local'");
  const accepted = paced.accepted + batch500.accepted + batch50.accepted + AGENTS * 500;
  const effects = {
    checks_stored: stored,
    component_status_changes: one("select count(*) from audit_log where action = 'component.status'"),
    drafts: one("select count(*) from monitor_drafts"),
    monitors_down_at_end: one("select count(*) from monitors where health = 'down'"),
  };
  db.close();
  if (stored !== accepted) throw new Error(`the database holds ${stored} agents' checks, ${accepted} were accepted`);

  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    agents: AGENTS,
    monitors: MONITORS,
    components: COMPONENTS,
    interval_s: INTERVAL_S,
    needed_results_per_s: round1(NEEDED_PER_S),
    seconds_per_run: SECONDS,
    health,
    paced,
    batch_500: batch500,
    batch_50: batch50,
    duplicates_500: replay,
    ...effects,
  };
  const file = path.join(root, "bench/results.json");
  const previous = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  fs.writeFileSync(file, JSON.stringify({ ...previous, probe_ingest: result }, null, 2) + "\n");
  fs.rmSync(work, { recursive: true, force: true });
  print(result);
}

function print(r) {
  console.log(
    `\nProbe ingest: ${r.agents} agents × ${r.monitors} monitors on ${r.components} components at ${r.interval_s} s (${r.needed_results_per_s} results/s needed), ${r.seconds_per_run} s per run`,
  );
  const row = (name, x) =>
    console.log(
      `  ${name.padEnd(28)} ${String(x.results_per_s).padStart(7)} results/s ${String(x.batches_per_s).padStart(7)} batches/s   batch p50 ${x.batch_ms.p50} / p95 ${x.batch_ms.p95} / max ${x.batch_ms.max} ms   server CPU ${x.server_cpu_percent_of_one_core}%${x.headroom !== null ? `   ${x.headroom}× what is needed` : ""}${x.kept_pace === null ? "" : x.kept_pace ? "   kept pace" : "   fell behind"}${x.busy_503 ? `   (${x.busy_503} answered 503, sent again)` : ""}`,
    );
  row(`the load: ${r.paced.batch_size} every ${r.paced.paced_every_ms / 1000} s`, r.paced);
  row("batches of 500", r.batch_500);
  row("batches of 50", r.batch_50);
  row("500 sent again (duplicates)", r.duplicates_500);
  const h = r.health;
  console.log(
    `  ${"GET /api/health (baseline)".padEnd(28)} ${String(h.requests_per_s).padStart(7)} req/s   p50 ${h.ms.p50} / p95 ${h.ms.p95} / max ${h.ms.max} ms   server CPU ${h.server_cpu_percent_of_one_core}%`,
  );
  console.log(
    `  stored ${r.checks_stored} checks (every accepted result once); ${r.component_status_changes} component status changes by the monitors, ${r.drafts} drafts, ${r.monitors_down_at_end} monitors down at the end`,
  );
}

main().catch((err) => {
  console.error(`bench: ${err.message}`);
  process.exit(1);
});
