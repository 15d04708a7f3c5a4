// `npm run bench`: loads the production server with wrk and compares it, in the same run, with
// nginx (when installed) and a bare in-memory Node server serving the same bytes, with and
// without the same headers (node+h: the ratio against it is Outpost's own per-request overhead).
// Writes bench/results.json. Targets 127.0.0.1 only; every load is bounded in time.
import { execFile, execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchRestart, printRestart } from "./bench-restart.mjs";
import { benchStaff, printStaff } from "./bench-staff.mjs";
import { ensureBuild } from "./ensure-build.mjs";
import { freePort, processTree, serverEnv, sleep } from "./bench-common.mjs";
import { writeEdgeNginxConfig } from "./edge-nginx.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// fetch reuses pooled keep-alive sockets. While wrk runs (execFileSync) this process's event loop
// does not see the server close them, so the next requests may go out on dead sockets (EPIPE,
// ECONNRESET, "other side closed"): such a request is sent again, on the next pooled socket or
// a new one, up to five times.
const fetchOnce = globalThis.fetch;
const DEAD_SOCKET = new Set(["EPIPE", "ECONNRESET", "UND_ERR_SOCKET"]);
globalThis.fetch = async (url, init) => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchOnce(url, init);
    } catch (err) {
      if (attempt === 5 || !DEAD_SOCKET.has(err?.cause?.code)) throw err;
    }
  }
};

const DURATION = process.env.BENCH_DURATION ?? "5s";
const WRITES_DURATION = process.env.BENCH_WRITES_DURATION ?? "10s";
const CONNECTIONS = [64, 256];
/** The hot public bytes; each baseline serves the very same bytes with the same content type. */
/** Headers a baseline does not copy: its own HTTP stack sets them per response. */
const PER_RESPONSE_HEADERS = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding"]);
const ENDPOINTS = [
  { path: "/", file: "index.html" },
  { path: "/api/v2/summary.json", file: "summary.json" },
  { path: "/badge.svg", file: "badge.svg" },
  { path: "/history.rss", file: "history.rss" },
];
const BENCH_TOKEN = "bench-api-token-0123456789abcdef";
/** Scale: [components, past incidents]. */
const SCALES = [
  [10, 100],
  [100, 100],
  [1000, 100],
  [10, 10_000],
  [10, 100_000],
];

/** Outpost's headers for nginx to add (its own ETag stands in for Outpost's). */
const nginxHeaders = (headers) =>
  Object.entries(headers)
    .filter(([name]) => name !== "content-type" && name !== "etag")
    .map(([name, value]) => `add_header ${name} "${value.replace(/"/g, '\\"')}";`)
    .join(" ");

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

/** Up to two minutes: the writer and its workers start one after the other, and a large page's first build is slow. */
async function waitFor(url, child) {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer`);
}

function stop(child) {
  if (child.exitCode === null) child.kill("SIGTERM");
}

/** Every server this run starts: stopped when it ends, however it ends (a failed run left them). */
const spawned = [];
process.on("exit", () => spawned.forEach(stop));
function spawnTracked(...args) {
  const child = spawn(...args);
  spawned.push(child);
  return child;
}

/** Peak resident memory of the server: its processes together (the primary, writer and workers). */
function peakMemoryMb(pid) {
  const all = processTree(pid);
  let kb = 0;
  for (const p of all) {
    try {
      kb += Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))[1]);
    } catch {
      /* gone meanwhile */
    }
  }
  return kb ? Math.round(kb / 1024) : null;
}

/** Parses wrk's output (with --latency). Latencies in milliseconds. */
function wrk(url, connections) {
  return wrkFigures(
    execFileSync("wrk", ["-t2", `-c${connections}`, `-d${DURATION}`, "--latency", url], { encoding: "utf8" }),
  );
}

/** wrk in the background, so the bench can write while it reads. */
function wrkAsync(url, connections, duration) {
  return new Promise((resolve, reject) =>
    execFile("wrk", ["-t2", `-c${connections}`, `-d${duration}`, "--latency", url], { encoding: "utf8" }, (err, out) =>
      err ? reject(err) : resolve(wrkFigures(out)),
    ),
  );
}

function wrkFigures(out) {
  const ms = (v, unit) => Number(v) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? 1);
  const pct = (p) => {
    const m = new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    return m ? Math.round(ms(m[1], m[2]) * 100) / 100 : null;
  };
  const errors = [
    /Non-2xx or 3xx responses: (\d+)/,
    /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/,
  ]
    .map((re) => re.exec(out))
    .filter(Boolean)
    .reduce((sum, m) => sum + m.slice(1).reduce((a, b) => a + Number(b), 0), 0);
  return { rps: Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1])), p50: pct(50), p99: pct(99), errors };
}

async function main() {
  if (!has("wrk")) {
    console.error("bench: wrk is not installed (apt-get install -y wrk)");
    process.exit(1);
  }
  await ensureBuild(root);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-bench-"));
  // nginx workers run as an unprivileged user: mkdtemp's 0700 would make every request a 403.
  fs.chmodSync(work, 0o755);
  const edgeDir = path.join(work, "edge");
  const port = await freePort();
  const server = spawnTracked(process.execPath, ["dist/server.js"], {
    cwd: root,
    env: serverEnv(port, path.join(work, "outpost.db"), {
      OUTPOST_DEMO: "1",
      OUTPOST_API_TOKEN: BENCH_TOKEN,
      EDGE_DIR: edgeDir,
      // Every locale offered: the localised pages are measured against the default one below.
      OUTPOST_LOCALES: "en,de,fr,es,ja,ar",
    }),
    stdio: "ignore",
  });
  const outpost = `http://127.0.0.1:${port}`;
  await waitFor(`${outpost}/api/health`, server);
  const memoryFile = path.join(work, "memory.json");
  const sampler = spawnTracked(
    process.execPath,
    [path.join(root, "bench/memory-sampler.mjs"), String(server.pid), memoryFile],
    {
      stdio: "ignore",
    },
  );

  // The same bytes for the baselines.
  const site = path.join(work, "site");
  fs.mkdirSync(path.join(site, "api/v2"), { recursive: true });
  const weight = {};
  for (const e of ENDPOINTS) {
    // fetch asks for gzip unless told otherwise: these are the plain bytes and their headers.
    const res = await fetch(outpost + e.path, { headers: { "accept-encoding": "identity" } });
    e.type = res.headers.get("content-type");
    e.headers = Object.fromEntries([...res.headers].filter(([name]) => !PER_RESPONSE_HEADERS.has(name)));
    const body = Buffer.from(await res.arrayBuffer());
    fs.writeFileSync(path.join(site, e.file), body);
    const gz = await fetch(outpost + e.path, { headers: { "accept-encoding": "gzip" } });
    weight[e.path] = { bytes: body.length, gzip_bytes: Number(gz.headers.get("content-length")) };
  }
  fs.writeFileSync(path.join(site, "routes.json"), JSON.stringify(ENDPOINTS));
  for (const dir of [site, path.join(site, "api"), path.join(site, "api/v2")]) fs.chmodSync(dir, 0o755);

  const targets = [{ name: "outpost", base: outpost }];
  const children = [server];
  const nodePort = await freePort();
  const bare = spawnTracked(process.execPath, [path.join(root, "bench/baseline-server.mjs"), String(nodePort), site], {
    stdio: "ignore",
  });
  children.push(bare);
  await waitFor(`http://127.0.0.1:${nodePort}/`, bare);
  targets.push({ name: "node", base: `http://127.0.0.1:${nodePort}` });
  // The same bytes with the same headers: outpost/node+h is Outpost's own overhead per request.
  const headersPort = await freePort();
  const bareHeaders = spawnTracked(
    process.execPath,
    [path.join(root, "bench/baseline-server.mjs"), String(headersPort), site, "--headers"],
    { stdio: "ignore" },
  );
  children.push(bareHeaders);
  await waitFor(`http://127.0.0.1:${headersPort}/`, bareHeaders);
  targets.push({ name: "node+h", base: `http://127.0.0.1:${headersPort}` });

  const nginxBin = ["/usr/sbin/nginx", "nginx"].find((b) => (b.startsWith("/") ? fs.existsSync(b) : has(b)));
  if (nginxBin) {
    const nginxPort = await freePort();
    const conf = path.join(work, "nginx.conf");
    fs.writeFileSync(
      conf,
      `worker_processes auto; daemon off; pid ${work}/nginx.pid; error_log ${work}/nginx-error.log;
events { worker_connections 4096; }
http { access_log off; default_type application/octet-stream; client_body_temp_path ${work}/nb; proxy_temp_path ${work}/np; fastcgi_temp_path ${work}/nf; uwsgi_temp_path ${work}/nu; scgi_temp_path ${work}/ns;
  server { listen 127.0.0.1:${nginxPort}; root ${site};
    ${ENDPOINTS.map((e) => `location = ${e.path} { types { } default_type "${e.type}"; ${nginxHeaders(e.headers)} try_files /${e.file} =404; }`).join("\n    ")} } }\n`,
    );
    const nginx = spawnTracked(nginxBin, ["-c", conf, "-p", work], { stdio: "ignore" });
    children.push(nginx);
    await waitFor(`http://127.0.0.1:${nginxPort}/`, nginx);
    targets.push({ name: "nginx", base: `http://127.0.0.1:${nginxPort}` });
    // deploy/nginx.conf itself in front of this Outpost, answering the edge files it exports.
    // nginx reads the locations Outpost writes only when it starts.
    for (let i = 0; i < 600 && !fs.existsSync(path.join(edgeDir, "outpost-edge.conf")); i++) await sleep(100);
    const edgePort = await freePort();
    const edgeNginx = startEdgeNginx(nginxBin, work, edgePort, port, edgeDir);
    children.push(edgeNginx);
    await waitFor(`http://127.0.0.1:${edgePort}/`, edgeNginx);
    targets.push({ name: "edge", base: `http://127.0.0.1:${edgePort}` });
  } else {
    console.log("bench: nginx is not installed (apt-get install -y nginx-light); skipping that baseline");
  }

  const load = [];
  for (const e of ENDPOINTS) {
    for (const c of CONNECTIONS) {
      const row = { endpoint: e.path, connections: c };
      for (const t of targets) {
        row[t.name] = wrk(t.base + e.path, c);
        process.stdout.write(".");
      }
      for (const t of targets.slice(1))
        row[`ratio_vs_${t.name}`] = Math.round((row.outpost.rps / row[t.name].rps) * 100) / 100;
      // nginx answering Outpost's exported files, against nginx answering a plain folder.
      if (row.edge && row.nginx) row.edge_vs_nginx = Math.round((row.edge.rps / row.nginx.rps) * 100) / 100;
      load.push(row);
    }
  }
  console.log("");

  // The memory peaks of each phase: the sampler writes each second, and SIGUSR2 starts the next.
  const memory = {};
  const phaseEnds = async (name) => {
    await sleep(1100);
    if (fs.existsSync(memoryFile)) memory[name] = JSON.parse(fs.readFileSync(memoryFile, "utf8"));
    sampler.kill("SIGUSR2");
  };
  const locales = measureLocales(outpost);
  await phaseEnds("start and load");
  const freshness = await measureFreshness(outpost);
  const edgeTarget = targets.find((t) => t.name === "edge");
  const freshnessEdge = edgeTarget ? await measureFreshness(outpost, edgeTarget.base) : null;
  await phaseEnds("freshness");
  const hostile = await measureHostile(outpost);
  await phaseEnds("hostile (junk URLs, 10,000 idle sockets)");
  const peak = peakMemoryMb(server.pid);
  stop(sampler);
  children.forEach(stop);
  const scale = await measureScale(work, nginxBin);
  const workerScaling = await measureWorkers(work);
  const restart = await benchRestart();
  // The staff screens under stress: the scripted person's clicks and seconds (e2e/staff-stress.spec.ts).
  const staffStress = benchStaff();
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    duration_per_run: DURATION,
    load,
    locales,
    freshness_ms: freshness,
    freshness_edge_ms: freshnessEdge,
    hostile,
    page_weight: weight,
    outpost_peak_memory_mb: peak,
    // Sampled every 250 ms: the largest sum at one moment (RSS, and PSS with shared pages once).
    outpost_peak_memory_sampled: memory,
    scale,
    workers: workerScaling,
    restart,
    staff_stress: staffStress,
  };
  const file = path.join(root, "bench/results.json");
  // Other benchmarks (the monitor run) keep their figures under their own keys.
  const previous = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  fs.writeFileSync(file, JSON.stringify({ ...previous, ...result }, null, 2) + "\n");
  printTable(
    result,
    targets.map((t) => t.name),
  );
  printLocales(locales);
  printRestart(restart);
  printStaff(staffStress);
  if (staffStress.error) process.exitCode = 1;
  fs.rmSync(work, { recursive: true, force: true });
  // BENCH_PROBE_SECONDS=0 skips the probe-ingest run (10 agents × 1,000 monitors, about four minutes).
  if (process.env.BENCH_PROBE_SECONDS !== "0") {
    const run = spawnSync(process.execPath, [path.join(root, "scripts/bench-probes.mjs")], { stdio: "inherit" });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  // BENCH_ALERTS=0 skips the alert-ingest run (1,000 Alertmanager alerts fired, sent again, resolved; under a minute).
  if (process.env.BENCH_ALERTS !== "0") {
    const run = spawnSync(process.execPath, [path.join(root, "scripts/bench-alerts.mjs")], { stdio: "inherit" });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  // BENCH_MONITOR_MINUTES=0 skips the monitor run (1,000 HTTP monitors for a few minutes).
  if (process.env.BENCH_MONITOR_MINUTES !== "0") {
    const run = spawnSync(process.execPath, [path.join(root, "scripts/bench-monitors.mjs")], { stdio: "inherit" });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}

/** deploy/nginx.conf itself in front of Outpost and its EDGE_DIR, without the per-client cap (wrk is one client). */
function startEdgeNginx(nginxBin, work, port, outpostPort, edgeDir, name = "edge") {
  const conf = writeEdgeNginxConfig({
    root,
    prefix: path.join(work, `${name}-nginx`),
    port,
    outpostPort,
    edgeDir,
    perClientCap: false,
  });
  return spawnTracked(nginxBin, ["-c", conf, "-p", path.dirname(conf)], { stdio: "ignore" });
}

/** The edge folder's copy of a file, as nginx would open it now (through `current`). */
function edgeFile(edgeDir, file) {
  try {
    const conf = fs.readFileSync(path.join(edgeDir, "outpost-edge.conf"), "utf8");
    return fs.readFileSync(path.join(/ root "([^"]+)";/.exec(conf)[1], file), "utf8");
  } catch {
    return "";
  }
}

/** Admin API write -> in EDGE_DIR's summary.json (what nginx serves), `n` times; ms. */
async function measureEdgeFreshness(base, edgeDir, n = 5) {
  const summary = await (await fetch(`${base}/api/v2/summary.json`)).json();
  const times = [];
  for (let i = 0; i < n; i++) {
    const name = `Edge probe ${i} ${Date.now()}`;
    const started = performance.now();
    const res = await api(base, summary.page.id, "incidents", "POST", {
      incident: { name, status: "investigating", body: "Benchmark probe." },
    });
    const { id } = await res.json();
    while (!edgeFile(edgeDir, "api/v2/summary.json").includes(name) && performance.now() - started < 10_000)
      await sleep(5);
    times.push(performance.now() - started);
    await api(base, summary.page.id, `incidents/${id}`, "PATCH", { incident: { status: "resolved", body: "Done." } });
    await sleep(500);
  }
  times.sort((a, b) => a - b);
  return { median: Math.round(times[Math.floor(n / 2)]), max: Math.round(times[n - 1]) };
}

/**
 * 1 vs 2 public workers on the demo page, wrk on one thread pinned to the second core (taskset,
 * when installed): how the public throughput scales with workers on this machine.
 */
async function measureWorkers(work) {
  const pin = has("taskset") ? ["taskset", "-c", String(os.cpus().length - 1)] : [];
  const rows = [];
  for (const workers of [1, 2]) {
    const port = await freePort();
    const server = spawnTracked(process.execPath, ["dist/server.js"], {
      cwd: root,
      env: serverEnv(port, path.join(work, `workers-${workers}.db`), {
        OUTPOST_DEMO: "1",
        OUTPOST_WORKERS: String(workers),
      }),
      stdio: "ignore",
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`, server);
    const row = { workers, pinned: pin.length > 0 };
    for (const [k, p] of [
      ["summary", "/api/v2/summary.json"],
      ["page", "/"],
    ]) {
      const [cmd, ...args] = [...pin, "wrk", "-t1", "-c64", `-d${DURATION}`, "--latency", base + p];
      row[k] = wrkFigures(execFileSync(cmd, args, { encoding: "utf8" }));
    }
    stop(server);
    rows.push(row);
    process.stdout.write("w");
  }
  console.log("");
  return rows;
}

const api = (base, pageId, p, method, body) =>
  fetch(`${base}/api/v1/pages/${pageId}/${p}`, {
    method,
    headers: { authorization: `OAuth ${BENCH_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/**
 * Time from an admin API write until each view shows it: the page and summary.json (the incident's
 * name), the feed (its first update) and the badge (its message changes with the component).
 */
async function measureFreshness(base, readBase = base) {
  const summary = await (await fetch(`${base}/api/v2/summary.json`)).json();
  const pageId = summary.page.id;
  const component = summary.components.find((c) => !c.group && c.status === "operational").id;
  const views = { page: "/", summary: "/api/v2/summary.json", feed: "/history.rss", badge: "/badge.svg" };
  const samples = Object.fromEntries(Object.keys(views).map((k) => [k, []]));
  for (let i = 0; i < 20; i++) {
    const name = `Freshness probe ${i} ${Date.now()}`;
    const badgeBefore = await (await fetch(`${readBase}/badge.svg`)).text();
    const started = performance.now();
    const res = await api(base, pageId, "incidents", "POST", {
      incident: {
        name,
        status: "investigating",
        body: "Benchmark probe.",
        components: { [component]: "major_outage" },
        component_ids: [component],
      },
    });
    const { id } = await res.json();
    const seen = {};
    while (Object.keys(seen).length < 4 && performance.now() - started < 5000) {
      for (const [k, p] of Object.entries(views)) {
        if (seen[k]) continue;
        const text = await (await fetch(readBase + p)).text();
        if (k === "badge" ? text !== badgeBefore : text.includes(name)) seen[k] = performance.now() - started;
      }
      await sleep(5);
    }
    for (const k of Object.keys(views)) samples[k].push(seen[k] ?? Infinity);
    await api(base, pageId, `incidents/${id}`, "PATCH", {
      incident: { status: "resolved", body: "Done.", components: { [component]: "operational" } },
    });
    await sleep(300 + Math.random() * 200);
  }
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return { median: Math.round(s[Math.floor(s.length / 2)]), max: Math.round(s[s.length - 1]) };
  };
  return Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, stats(xs)]));
}

/** Runs `read` while posting one update a second to an open incident; the figures gain `writes`. */
async function duringWrites(base, read) {
  const summary = await (await fetch(`${base}/api/v2/summary.json`)).json();
  const pageId = summary.page.id;
  const created = await api(base, pageId, "incidents", "POST", {
    incident: { name: "Writes during reads", status: "investigating", body: "Benchmark writer." },
  });
  const { id } = await created.json();
  let writes = 0;
  let running = true;
  const writer = (async () => {
    while (running) {
      const started = performance.now();
      const res = await api(base, pageId, `incidents/${id}`, "PATCH", {
        incident: { status: "identified", body: `Update ${writes + 1}.` },
      });
      if (res.ok) writes++;
      await res.arrayBuffer();
      await sleep(Math.max(0, 1000 - (performance.now() - started)));
    }
  })();
  const figures = await read();
  running = false;
  await writer;
  await api(base, pageId, `incidents/${id}`, "PATCH", { incident: { status: "resolved", body: "Done." } });
  return { ...figures, writes };
}

/** Milliseconds for `n` sequential requests from `localAddress` (a second loopback address = another client). */
async function timedRequests(base, path, n, localAddress) {
  const { port } = new URL(base);
  const times = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await new Promise((resolve, reject) => {
      const s = net.connect({ port: Number(port), host: "127.0.0.1", localAddress }, () =>
        s.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
      );
      s.on("data", () => {});
      s.on("end", resolve);
      s.on("error", reject);
    });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: Math.round(times[Math.floor(n / 2)] * 100) / 100, max: Math.round(times[n - 1] * 100) / 100 };
}

/**
 * Hostile traffic, each against a baseline in the same run: summary.json throughput right after a
 * write followed by 2,100 junk badge URLs (they must not push it out of the cache), and another
 * client's latency while one address holds 10,000 idle sockets (the per-client cap closes most).
 */
async function measureHostile(base) {
  const summary = await (await fetch(`${base}/api/v2/summary.json`)).json();
  const before = wrk(`${base}/api/v2/summary.json`, 64);
  await api(base, summary.page.id, "incidents", "POST", {
    incident: { name: `Cache flood ${Date.now()}`, status: "investigating", body: "Benchmark." },
  });
  for (let i = 0; i < 2_100; i++) await (await fetch(`${base}/badge.svg?label=junk${i}`)).arrayBuffer();
  const after = wrk(`${base}/api/v2/summary.json`, 64);
  const quiet = await timedRequests(base, "/api/v2/status.json", 50, "127.0.0.2");
  const sockets = [];
  let closed = 0;
  await Promise.all(
    Array.from(
      { length: 10_000 },
      () =>
        new Promise((resolve) => {
          const s = net.connect(
            { port: Number(new URL(base).port), host: "127.0.0.1", localAddress: "127.0.0.1" },
            resolve,
          );
          s.on("close", () => closed++);
          s.on("error", resolve);
          sockets.push(s);
        }),
    ),
  );
  await sleep(1000);
  const flooded = await timedRequests(base, "/api/v2/status.json", 50, "127.0.0.2");
  for (const s of sockets) s.destroy();
  await sleep(500);
  return {
    summary_after_junk_rps: after.rps,
    summary_before_junk_rps: before.rps,
    junk_ratio: Math.round((after.rps / before.rps) * 100) / 100,
    idle_sockets_opened: 10_000,
    idle_sockets_closed_by_server: closed,
    other_client_ms_quiet: quiet,
    other_client_ms_flooded: flooded,
  };
}

/**
 * The page in each locale against the default one, in the same run: a localised page should cost
 * no more per request (its bytes are built once per change, like the default's).
 */
function measureLocales(base) {
  const rows = {};
  for (const p of ["/", "/de/", "/ja/", "/ar/", "/de/history"]) rows[p] = wrk(base + p, 64);
  const ratio = (p) => Math.round((rows[p].rps / rows["/"].rps) * 100) / 100;
  return { rows, ratio_vs_default: { de: ratio("/de/"), ja: ratio("/ja/"), ar: ratio("/ar/") } };
}

/** Page and summary.json latency as the page grows: the cost should stay flat. */
async function measureScale(work, nginxBin) {
  const { generatePage } = await import("../dist/bench-support.js");
  const rows = [];
  for (const [components, incidents] of SCALES) {
    const file = path.join(work, `scale-${components}-${incidents}.db`);
    const edgeDir = path.join(work, `scale-${components}-${incidents}-edge`);
    generatePage(file, components, incidents);
    const port = await freePort();
    const server = spawnTracked(process.execPath, ["dist/server.js"], {
      cwd: root,
      env: serverEnv(port, file, { OUTPOST_DEMO: "0", OUTPOST_API_TOKEN: BENCH_TOKEN, EDGE_DIR: edgeDir }),
      stdio: "ignore",
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`, server);
    const row = { components, incidents };
    for (const [k, p] of [
      ["page", "/"],
      ["summary", "/api/v2/summary.json"],
    ]) {
      const started = performance.now();
      await (await fetch(base + p)).text(); // the first build after start
      row[`${k}_first_ms`] = Math.round(performance.now() - started);
      row[k] = wrk(base + p, 64);
    }
    row.page_bytes = (await (await fetch(base + "/")).arrayBuffer()).byteLength;
    // Reads during writes: status.json at 256 connections, quiet and then while the admin API
    // posts one incident update a second (goal: p99 under 50 ms at 1,000 components).
    row.status_quiet = await wrkAsync(`${base}/api/v2/status.json`, 256, WRITES_DURATION);
    row.status_during_writes = await duringWrites(base, () =>
      wrkAsync(`${base}/api/v2/status.json`, 256, WRITES_DURATION),
    );
    row.edge_freshness_ms = await measureEdgeFreshness(base, edgeDir);
    // The same reads through deploy/nginx.conf in front, answering status.json from EDGE_DIR.
    if (nginxBin) {
      const edgePort = await freePort();
      const nginx = startEdgeNginx(nginxBin, work, edgePort, port, edgeDir, `scale-${components}-${incidents}`);
      await waitFor(`http://127.0.0.1:${edgePort}/`, nginx);
      row.status_during_writes_edge = await duringWrites(base, () =>
        wrkAsync(`http://127.0.0.1:${edgePort}/api/v2/status.json`, 256, WRITES_DURATION),
      );
      stop(nginx);
    }
    stop(server);
    rows.push(row);
    process.stdout.write("s");
  }
  console.log("");
  return rows;
}

function printLocales(l) {
  console.log("\nThe page per locale (wrk c=64): r/s, p50, p99 ms");
  for (const [p, x] of Object.entries(l.rows)) console.log(`   ${p.padEnd(12)} ${x.rps} r/s p50 ${x.p50} p99 ${x.p99}`);
  console.log(`   localised / default: ${JSON.stringify(l.ratio_vs_default)}`);
}

function printTable(r, names) {
  const cell = (x) =>
    x
      ? `${String(x.rps).padStart(6)} r/s p50 ${String(x.p50).padStart(6)} p99 ${String(x.p99).padStart(7)} err ${x.errors}`
      : "-";
  console.log(`\nThroughput and latency (wrk, ${r.duration_per_run} per run, ms)`);
  for (const row of r.load) {
    console.log(`${row.endpoint.padEnd(22)} c=${String(row.connections).padEnd(4)}`);
    for (const n of names)
      console.log(
        `   ${n.padEnd(8)} ${cell(row[n])}${n === "outpost" ? "" : `   outpost/${n} = ${row[`ratio_vs_${n}`]}`}`,
      );
  }
  const edgeRows = r.load.filter((row) => row.edge_vs_nginx !== undefined);
  if (edgeRows.length)
    console.log(
      `\nnginx in front (deploy/nginx.conf, Outpost's exported files) / nginx with a plain folder: ${edgeRows
        .map((row) => `${row.endpoint} c=${row.connections} ${row.edge_vs_nginx}`)
        .join("; ")}`,
    );
  const fresh = (f) =>
    Object.entries(f)
      .map(([k, v]) => `${k} median ${v.median} max ${v.max}`)
      .join("; ");
  console.log(`\nFreshness (admin API write -> visible, ms, 20 writes): ${fresh(r.freshness_ms)}`);
  if (r.freshness_edge_ms) console.log(`Freshness through nginx's edge files: ${fresh(r.freshness_edge_ms)}`);
  console.log(`\nScale (wrk c=64, ${r.duration_per_run}; rps / p50 / p99 ms)`);
  for (const x of r.scale) {
    const f = (w) => `${String(w.rps).padStart(6)} / ${w.p50} / ${w.p99}`;
    console.log(
      `  ${String(x.components).padStart(5)} components ${String(x.incidents).padStart(7)} incidents: page ${f(x.page)} (${x.page_bytes} bytes, first ${x.page_first_ms} ms)   summary ${f(x.summary)}`,
    );
    console.log(
      `        status.json c=256: quiet ${f(x.status_quiet)}; during ${x.status_during_writes.writes} writes (1/s) ${f(x.status_during_writes)}; write -> EDGE_DIR median ${x.edge_freshness_ms.median} max ${x.edge_freshness_ms.max} ms`,
    );
    if (x.status_during_writes_edge)
      console.log(
        `        status.json c=256 through deploy/nginx.conf (EDGE_DIR) during ${x.status_during_writes_edge.writes} writes ${f(x.status_during_writes_edge)}`,
      );
  }
  console.log(
    `\nPublic workers (wrk -t1 -c64${r.workers[0]?.pinned ? ", pinned to one core" : ""}; rps / p50 / p99 ms)`,
  );
  for (const w of r.workers)
    console.log(
      `  ${w.workers} worker${w.workers === 1 ? " " : "s"}: summary.json ${w.summary.rps} / ${w.summary.p50} / ${w.summary.p99}; page ${w.page.rps} / ${w.page.p50} / ${w.page.p99}`,
    );
  for (const [p, w] of Object.entries(r.page_weight))
    console.log(`Weight ${p}: ${w.bytes} bytes, ${w.gzip_bytes} gzipped`);
  console.log(`Outpost peak memory: ${r.outpost_peak_memory_mb} MB (each process's own peak RSS, summed)`);
  for (const [phase, m] of Object.entries(r.outpost_peak_memory_sampled))
    console.log(
      `  at its peak in ${phase} (${m.processes} processes): PSS ${m.pss_mb} MB (shared pages once), RSS ${m.rss_mb} MB`,
    );
  const h = r.hostile;
  console.log(
    `\nHostile: summary.json after 2,100 junk badge URLs ${h.summary_after_junk_rps} r/s vs ${h.summary_before_junk_rps} before (ratio ${h.junk_ratio})`,
  );
  console.log(
    `Hostile: ${h.idle_sockets_opened} idle sockets from one address, ${h.idle_sockets_closed_by_server} closed by the server; another client's request median ${h.other_client_ms_flooded.median} ms (max ${h.other_client_ms_flooded.max}) vs ${h.other_client_ms_quiet.median} ms (max ${h.other_client_ms_quiet.max}) without them`,
  );
}

main().catch((err) => {
  console.error(`bench: ${err.message}${err.cause ? ` (${err.cause.message ?? err.cause})` : ""}`, err.stack);
  process.exit(1);
});
