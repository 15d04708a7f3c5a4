// What the benchmark scripts share: waiting, a free port on 127.0.0.1, a server's environment,
// its process tree and that tree's CPU time.
import fs from "node:fs";
import net from "node:net";

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until the server answers /api/health, for at most `tries` × 100 ms; throws when it exits first. */
export async function waitForHealth(server, base, tries) {
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error("the server exited");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    if (i > tries) throw new Error("the server did not start");
    await sleep(100);
  }
}

export function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A process and all its descendants (the primary, the writer and the workers), read from /proc. */
export function processTree(pid) {
  const children = (p) => {
    try {
      return fs
        .readdirSync(`/proc/${p}/task`)
        .flatMap((t) =>
          fs.readFileSync(`/proc/${p}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
        );
    } catch {
      return [];
    }
  };
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]));
  return all;
}

/** The environment of a production server on 127.0.0.1:`port` with its database, monitors off. */
export function serverEnv(port, databasePath, extra = {}) {
  return {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_PATH: databasePath,
    OUTPOST_MONITORS: "0",
    ...extra,
  };
}

/** CPU time of a process tree together (the server's primary, writer and workers), in clock ticks (100/s). */
export function cpuTicks(pid) {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      /* gone meanwhile */
    }
  }
  return ticks;
}

/** The q-th percentile of an ascending list (nearest rank), or null when it is empty. */
export const pct = (sorted, q) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)] : null;

export const round1 = (x) => Math.round(x * 10) / 10;

/**
 * The baseline a bench measures against in the same run: `clients` clients asking GET /api/health
 * one request after another for `seconds`, with the server's CPU (its whole process tree) meanwhile.
 */
export async function healthBaseline(base, serverPid, { clients, seconds }) {
  const latencies = [];
  const cpu0 = cpuTicks(serverPid);
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        const res = await fetch(`${base}/api/health`);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`GET /api/health: HTTP ${res.status}`);
        latencies.push(performance.now() - started);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    seconds: round1(elapsed),
    requests_per_s: Math.round(latencies.length / elapsed),
    ms: { p50: round1(pct(latencies, 50)), p95: round1(pct(latencies, 95)), max: round1(latencies.at(-1)) },
    server_cpu_percent_of_one_core: Math.round((cpuTicks(serverPid) - cpu0) / elapsed),
  };
}
