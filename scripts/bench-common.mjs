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
