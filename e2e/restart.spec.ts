// A reload (SIGHUP) under load with public workers: the primary keeps the listening socket,
// the writer stops then starts, each worker is replaced by one already listening. Load comes
// from this process, bounded in rate and time, aimed at 127.0.0.1 only.
import http from "node:http";
import path from "node:path";
import { must } from "../lib/testing";
import { E2E_API_TOKEN } from "./support/auth";
import { startServer, tempDir } from "./support/server";
import { expect, test } from "./fixtures";

/** Public bytes (workers), a page of Next (the writer), and a POST (the writer). */
const PATHS = ["/", "/api/v2/summary.json", "/admin/sign-in", "/history", "/badge.svg"];
const CLIENTS = 12;
const PAUSE_MS = 25;

type Tally = { answers: number; statuses: Map<number, number>; errors: string[] };

function request(url: string, agent: http.Agent | false): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, timeout: 60_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
  });
}

/** Half the clients reuse kept-alive connections, half open a fresh one per request. */
function load(base: string, tally: Tally, running: () => boolean) {
  const keepAlive = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const clients = Array.from({ length: CLIENTS }, async (_, c) => {
    for (let i = c; running(); i++) {
      const p = PATHS[i % PATHS.length];
      try {
        const status = await request(base + p, c % 2 ? keepAlive : false);
        tally.answers++;
        tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
      } catch (err) {
        tally.errors.push(`${p}: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, PAUSE_MS));
    }
  });
  return Promise.all(clients).finally(() => keepAlive.destroy());
}

test("[restart] SIGHUP under load with two workers: no refused connection, no 5xx, a new writer, writes visible after", async () => {
  test.setTimeout(180_000);
  const dir = tempDir();
  const server = await startServer({
    OUTPOST_WORKERS: "2",
    OUTPOST_MONITORS: "0",
    OUTPOST_API_TOKEN: E2E_API_TOKEN,
    DATABASE_PATH: path.join(dir, "outpost.db"),
    BACKUP_DIR: path.join(dir, "backups"),
  });
  try {
    const writers = () => [...server.output().matchAll(/writer ready \(pid (\d+)\)/g)].map((m) => Number(m[1]));
    expect(writers()).toHaveLength(1);
    expect(server.output().match(/outpost: serving /g)).toHaveLength(1);
    const pageId = ((await (await fetch(`${server.url}/api/v2/summary.json`)).json()) as { page: { id: string } }).page
      .id;

    const tally: Tally = { answers: 0, statuses: new Map(), errors: [] };
    let running = true;
    const loading = load(server.url, tally, () => running);
    await new Promise((r) => setTimeout(r, 3_000));
    const before = tally.answers;
    server.child.kill("SIGHUP");
    await expect.poll(() => server.output(), { timeout: 120_000, intervals: [250] }).toMatch(/outpost: reloaded /);
    // Some load on the new processes too.
    await new Promise((r) => setTimeout(r, 2_000));
    running = false;
    await loading;

    const fivexx = [...tally.statuses].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
    test.info().annotations.push({
      type: "reload",
      description: `${tally.answers} answers (${tally.answers - before} from the SIGHUP on), statuses ${JSON.stringify([...tally.statuses])}, ${tally.errors.length} errors`,
    });
    expect(tally.errors).toEqual([]);
    expect(fivexx).toBe(0);
    expect(tally.answers - before).toBeGreaterThan(100);

    const [first, second] = writers();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const retired = must(first, "the first writer's pid");
    expect(() => process.kill(retired, 0)).toThrow();
    expect(server.child.exitCode).toBeNull();

    const name = `Written after the reload ${Date.now()}`;
    const created = await fetch(`${server.url}/api/v1/pages/${pageId}/incidents`, {
      method: "POST",
      headers: { authorization: `OAuth ${E2E_API_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ incident: { name, status: "investigating", body: "After the reload." } }),
    });
    expect(created.status).toBe(201);
    // Every worker answers from the same file: ask often enough to reach both.
    for (let i = 0; i < 6; i++) {
      await expect
        .poll(async () => await (await fetch(`${server.url}/api/v2/incidents/unresolved.json`)).text(), {
          timeout: 5_000,
        })
        .toContain(name);
    }
  } finally {
    await server.stop();
  }
});
