// The monitor benchmark: the built server with 1,000 HTTP monitors at a 60 s interval against a
// local target, for a few minutes (BENCH_MONITOR_MINUTES, default 3, after one minute of warm-up
// so every monitor has had its first, randomly spread check). Reports the server process's CPU%
// (of one core), event-loop delay p99, memory and check-start lateness p99; prints a table and
// writes bench/results.json under "monitors", keeping the other keys. 127.0.0.1 only.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { ensureBuild } from "./ensure-build.mjs";
import { freePort, sleep, waitForHealth } from "./bench-common.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MONITORS = Number(process.env.BENCH_MONITORS ?? 1000);
const MINUTES = Number(process.env.BENCH_MONITOR_MINUTES ?? 3);
const WARMUP_MS = 65_000;
const TOKEN = `bench-${Math.random().toString(36).slice(2)}-0123456789abcdef`;

function cpuTicks(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100/s)
}

function memoryMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)[1]);
  return { rss: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
}

const p = (sorted, q) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)] : null;

async function main() {
  await ensureBuild(root);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-bench-monitors-"));
  let hits = 0;
  const target = http.createServer((_req, res) => {
    hits++;
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok");
  });
  await new Promise((r) => target.listen(0, "127.0.0.1", r));
  const targetUrl = `http://127.0.0.1:${target.address().port}/health`;

  const port = await freePort();
  const dbPath = path.join(work, "outpost.db");
  const eldFile = path.join(work, "eld.json");
  const server = spawn(
    process.execPath,
    ["--import", path.join(root, "bench/event-loop-probe.mjs"), "dist/server.js"],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        DATABASE_PATH: dbPath,
        OUTPOST_DEMO: "1",
        OUTPOST_API_TOKEN: TOKEN,
        OUTPOST_BENCH_ELD_FILE: eldFile,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(server, base, 300);
  const summary = await (await fetch(`${base}/api/v2/summary.json`)).json();
  const pageId = summary.page.id;
  const components = summary.components.filter((c) => !c.group).map((c) => c.id);
  process.stdout.write(`bench: creating ${MONITORS} HTTP monitors at 60 s through the admin API `);
  for (let i = 0; i < MONITORS; i++) {
    const res = await fetch(`${base}/api/v1/pages/${pageId}/monitors`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({
        monitor: {
          component_id: components[i % components.length],
          name: `Bench ${i}`,
          kind: "http",
          settings: { url: targetUrl },
          interval_seconds: 60,
          timeout_ms: 5000,
        },
      }),
    });
    if (res.status !== 201) throw new Error(`creating a monitor: HTTP ${res.status} ${await res.text()}`);
    if (i % 100 === 0) process.stdout.write(".");
  }
  console.log(`\nbench: warming up for ${WARMUP_MS / 1000} s, then measuring for ${MINUTES} min`);
  await sleep(WARMUP_MS);
  server.kill("SIGUSR2"); // resets the event-loop histogram
  const t0 = Date.now();
  const cpu0 = cpuTicks(server.pid);
  const hits0 = hits;
  let rssMax = 0;
  while (Date.now() - t0 < MINUTES * 60_000) {
    await sleep(5_000);
    rssMax = Math.max(rssMax, memoryMb(server.pid).rss);
  }
  const elapsed = (Date.now() - t0) / 1000;
  const cpuPct = Math.round(((cpuTicks(server.pid) - cpu0) / 100 / elapsed) * 1000) / 10;
  const eld = JSON.parse(fs.readFileSync(eldFile, "utf8"));
  const health = await (await fetch(`${base}/api/health`)).json();
  const mem = memoryMb(server.pid);
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  target.close();

  const db = new Database(dbPath, { readonly: true });
  const rows = db.prepare("select late_ms as late, ok from check_results where at >= ? order by late_ms").all(t0);
  db.close();
  const late = rows.map((r) => r.late);
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    monitors: MONITORS,
    interval_s: 60,
    measured_s: Math.round(elapsed),
    checks: rows.length,
    checks_per_s: Math.round((rows.length / elapsed) * 10) / 10,
    failed_checks: rows.filter((r) => !r.ok).length,
    target_hits: hits - hits0,
    cpu_percent_of_one_core: cpuPct,
    event_loop_delay_ms: { p50: eld.p50, p99: eld.p99, max: eld.max },
    memory_mb: { rss_end: mem.rss, rss_max: Math.max(rssMax, mem.rss), peak: mem.peak },
    check_start_lateness_ms: { p50: p(late, 50), p99: p(late, 99), max: late.at(-1) ?? null },
    health_late_checks: health.monitors?.late_checks ?? null,
  };
  const file = path.join(root, "bench/results.json");
  const previous = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  fs.writeFileSync(file, JSON.stringify({ ...previous, monitors: result }, null, 2) + "\n");
  fs.rmSync(work, { recursive: true, force: true });

  console.log(
    `\nMonitors: ${MONITORS} HTTP at 60 s, measured ${result.measured_s} s (${result.checks} checks, ${result.checks_per_s}/s, ${result.failed_checks} failed)`,
  );
  const table = [
    ["CPU (% of one core)", `${cpuPct}%`, "< 25%"],
    ["event-loop delay p99", `${eld.p99} ms`, ""],
    ["memory RSS (end / max)", `${mem.rss} / ${result.memory_mb.rss_max} MB`, ""],
    ["check-start lateness p99", `${result.check_start_lateness_ms.p99} ms`, "< 1000 ms"],
    ["late checks at the end (/api/health)", String(result.health_late_checks), ""],
  ];
  for (const [k, v, goal] of table) console.log(`  ${k.padEnd(38)} ${v.padEnd(16)} ${goal}`);
}

main().catch((err) => {
  console.error(`bench: ${err.message}`);
  process.exit(1);
});
