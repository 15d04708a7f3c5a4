// `npm run bench` (restart part): what a restart costs under wrk load, with public workers.
//  - reload: SIGHUP to the primary (what `systemctl reload outpost` sends);
//  - full stop/start: SIGTERM, then a new server on the same port (what `systemctl restart` does);
// and the memory of all processes together at 2 workers. Writes its figures into
// bench/results.json under "restart". Targets 127.0.0.1 only; every load is bounded in time.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, processTree, serverEnv, sleep } from "./bench-common.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.BENCH_RESTART_SECONDS ?? 40);

function start(port, dbFile, workers) {
  const child = spawn(process.execPath, ["dist/server.js"], {
    cwd: root,
    env: serverEnv(port, dbFile, { OUTPOST_WORKERS: String(workers) }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return { child, output: () => output };
}

async function healthy(base, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  throw new Error(`${base} did not become healthy`);
}

const exited = (child) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once("exit", r));

/** wrk in the background; resolves with its error counts. */
function wrk(url, connections) {
  return new Promise((resolve, reject) => {
    const p = spawn("wrk", ["-t1", `-c${connections}`, `-d${SECONDS}s`, "--timeout", "30s", url]);
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.on("error", reject);
    p.on("exit", () => {
      const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/
        .exec(out)
        ?.slice(1)
        .map(Number) ?? [0, 0, 0, 0];
      resolve({
        requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0),
        connect_errors: sock[0],
        read_errors: sock[1],
        write_errors: sock[2],
        timeouts: sock[3],
        non_2xx_3xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
      });
    });
  });
}

/**
 * Memory of a process and all its descendants, in MB: resident (RSS, counting the pages they share,
 * such as Node's own code, once per process) and proportional (PSS, counting shared pages once).
 */
function treeRssMb(pid) {
  const kbOf = (p, file, re) => Number(re.exec(fs.readFileSync(`/proc/${p}/${file}`, "utf8"))?.[1] ?? 0);
  const all = processTree(pid);
  let rss = 0;
  let pss = 0;
  for (const p of all) {
    try {
      rss += kbOf(p, "status", /VmRSS:\s+(\d+)/);
      pss += kbOf(p, "smaps_rollup", /^Pss:\s+(\d+)/m);
    } catch {
      /* gone meanwhile */
    }
  }
  return { processes: all.length, mb: Math.round(rss / 1024), pss_mb: Math.round(pss / 1024) };
}

/** Public bytes (answered by workers) and a Next page (passed to the writer), both under load. */
function loads(base) {
  return Promise.all([wrk(`${base}/`, 64), wrk(`${base}/admin/sign-in`, 4)]).then(([pub, writer]) => ({
    public: pub,
    writer,
  }));
}

async function measureReload(work) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = start(port, path.join(work, "reload.db"), 2);
  await healthy(base);
  const loading = loads(base);
  await sleep(3_000);
  const memory = treeRssMb(server.child.pid);
  const began = Date.now();
  server.child.kill("SIGHUP");
  while (!/outpost: reloaded /.test(server.output()) && Date.now() - began < SECONDS * 1000) await sleep(100);
  const reloadMs = Date.now() - began;
  const result = { ...(await loading), reload_ms: reloadMs, memory_at_2_workers: memory };
  server.child.kill("SIGTERM");
  await exited(server.child);
  return result;
}

async function measureStopStart(work, workers) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const db = path.join(work, `stop-start-${workers}.db`);
  let server = start(port, db, workers);
  await healthy(base);
  const loading = loads(base);
  await sleep(3_000);
  const memory = treeRssMb(server.child.pid);
  const began = Date.now();
  server.child.kill("SIGTERM");
  await exited(server.child);
  server = start(port, db, workers);
  await healthy(base);
  const downMs = Date.now() - began;
  const result = { ...(await loading), back_after_ms: downMs };
  server.child.kill("SIGTERM");
  await exited(server.child);
  return { ...result, memory };
}

export async function benchRestart() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-bench-restart-"));
  try {
    const reload = await measureReload(work);
    process.stdout.write("r");
    const stopStart = await measureStopStart(work, 2);
    process.stdout.write("r");
    const single = await measureStopStart(work, 0);
    console.log("");
    return {
      seconds_of_load: SECONDS,
      reload_at_2_workers: reload,
      stop_start_at_2_workers: stopStart,
      stop_start_single_process: single,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function printRestart(r) {
  const row = (x) =>
    `public ${x.public.requests} req: ${x.public.connect_errors} refused, ${x.public.read_errors + x.public.write_errors} read/write errors, ${x.public.timeouts} timeouts, ${x.public.non_2xx_3xx} non-2xx/3xx; ` +
    `writer-bound ${x.writer.requests} req: ${x.writer.connect_errors} refused, ${x.writer.read_errors + x.writer.write_errors} read/write errors, ${x.writer.timeouts} timeouts, ${x.writer.non_2xx_3xx} non-2xx/3xx`;
  console.log(`\nRestart under load (wrk ${r.seconds_of_load} s: / at c=64 and /admin/sign-in at c=4)`);
  console.log(
    `  SIGHUP reload, 2 workers (done in ${r.reload_at_2_workers.reload_ms} ms): ${row(r.reload_at_2_workers)}`,
  );
  console.log(
    `  stop/start, 2 workers (back after ${r.stop_start_at_2_workers.back_after_ms} ms): ${row(r.stop_start_at_2_workers)}`,
  );
  console.log(
    `  stop/start, one process (back after ${r.stop_start_single_process.back_after_ms} ms): ${row(r.stop_start_single_process)}`,
  );
  const m = r.reload_at_2_workers.memory_at_2_workers;
  const one = r.stop_start_single_process.memory;
  console.log(
    `  memory under load: RSS ${m.mb} MB (PSS ${m.pss_mb} MB) in ${m.processes} processes at 2 workers (primary, writer, 2 workers); one process: RSS ${one.mb} MB (PSS ${one.pss_mb} MB)`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await benchRestart();
  printRestart(r);
  const file = path.join(root, "bench/results.json");
  const previous = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  fs.writeFileSync(file, JSON.stringify({ ...previous, restart: r }, null, 2) + "\n");
}
