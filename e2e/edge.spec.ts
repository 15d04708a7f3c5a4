// nginx in front, as deploy/nginx.conf sets it up: the hot public files come from the folder
// Outpost exports (EDGE_DIR) with Outpost's own headers, and everything else goes to Outpost.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { writeEdgeNginxConfig } from "../scripts/edge-nginx.mjs";
import { EDGE_PATHS } from "../server/routes";
import { E2E_API_TOKEN } from "./support/auth";
import { freePort, ROOT, startServer, tempDir, type RunningServer } from "./support/server";
import { expect, test } from "./fixtures";

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/**
 * One request with exactly these headers (fetch would add and decode its own), on a connection of
 * its own: the cluster hands each new connection to the next worker.
 */
function get(base: string, target: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: target, method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** What differs between any two HTTP servers sending the same bytes. */
const THEIR_OWN = new Set(["date", "etag", "last-modified", "server", "connection", "keep-alive", "accept-ranges"]);
/** The headers both should send alike, in one order. */
const comparable = (h: http.IncomingHttpHeaders) =>
  JSON.stringify(
    Object.entries(h)
      .filter(([name]) => !THEIR_OWN.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/** deploy/nginx.conf as it is, on a local port without TLS, in front of this server and folder. */
function startNginx(port: number, outpostPort: number, edgeDir: string): { child: ChildProcess; prefix: string } {
  const nginx = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  expect(nginx, "CI installs nginx (.ci/run)").not.toBe("");
  const prefix = tempDir("outpost-nginx-");
  const conf = writeEdgeNginxConfig({ root: ROOT, prefix, port, outpostPort, edgeDir, workers: 1 });
  expect(fs.readFileSync(path.join(prefix, "site.conf"), "utf8")).toContain(`include ${edgeDir}/outpost-edge*.conf;`);
  const child = spawn(nginx, ["-c", conf, "-p", prefix], { stdio: "ignore" });
  return { child, prefix };
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeout = 20_000) {
  await expect.poll(check, { timeout, message: what }).toBe(true);
}

test("[edge] nginx serves the exported hot files with Outpost's headers and bytes, fresh after a write, and passes the rest on", async () => {
  test.setTimeout(120_000);
  const edgeDir = tempDir("outpost-edge-");
  // nginx's workers read the files as their own user.
  fs.chmodSync(edgeDir, 0o755);
  let server: RunningServer | null = await startServer({
    OUTPOST_WORKERS: "2",
    OUTPOST_MONITORS: "0",
    OUTPOST_API_TOKEN: E2E_API_TOKEN,
    EDGE_DIR: edgeDir,
  });
  const outpostPort = Number(new URL(server.url).port);
  const nginxPort = await freePort();
  let nginx: ReturnType<typeof startNginx> | null = null;
  try {
    await until("Outpost writes the nginx locations", () => fs.existsSync(path.join(edgeDir, "outpost-edge.conf")));
    nginx = startNginx(nginxPort, outpostPort, edgeDir);
    const front = `http://127.0.0.1:${nginxPort}`;
    await until("nginx answers", async () => (await get(front, "/").catch(() => null))?.status === 200);

    // Every hot file, plain and gzip: the same status, bytes and headers as Outpost's own answer.
    // Each worker builds its own snapshot, and a few documents carry its build time (status.js's
    // generated_at), so the answer is asked again until it comes from the exporting worker.
    for (const url of EDGE_PATHS)
      for (const encoding of ["identity", "gzip"]) {
        const headers = { "accept-encoding": encoding };
        const differences = async () => {
          const [direct, edge] = [await get(server!.url, url, headers), await get(front, url, headers)];
          const problems = [];
          if (edge.status !== 200) problems.push(`status ${edge.status}`);
          if (!edge.body.equals(direct.body)) problems.push("bytes");
          if (comparable(edge.headers) !== comparable(direct.headers))
            problems.push(`headers ${comparable(edge.headers)} vs ${comparable(direct.headers)}`);
          return problems.join("; ");
        };
        await expect.poll(differences, { timeout: 5_000, message: `${url} (${encoding})` }).toBe("");
      }
    // HEAD and a conditional GET with nginx's own validator.
    const head = await get(front, "/api/v2/summary.json", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const revalidated = await get(front, "/api/v2/summary.json", { "if-none-match": String(head.headers.etag) });
    expect(revalidated.status).toBe(304);

    // What the files cannot answer is Outpost's: a query, a preflight, a page that is not exported.
    const labelled = await get(front, "/badge.svg?label=Edge%20probe");
    expect(labelled.status).toBe(200);
    expect(labelled.body.toString()).toContain("Edge probe");
    const preflight = await get(front, "/api/v2/summary.json", { origin: "https://elsewhere.example" }, "OPTIONS");
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-methods"]).toContain("GET");
    expect((await get(front, "/history")).status).toBe(200);

    // A write reaches the files: the new incident is in nginx's summary.json within the poll.
    const summary = JSON.parse((await get(front, "/api/v2/summary.json")).body.toString()) as { page: { id: string } };
    const name = `Edge probe ${Date.now()}`;
    const written = Date.now();
    const created = await fetch(`${server.url}/api/v1/pages/${summary.page.id}/incidents`, {
      method: "POST",
      headers: { authorization: `OAuth ${E2E_API_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ incident: { name, status: "investigating", body: "Checking the edge." } }),
    });
    expect(created.status).toBe(201);
    await until("the write shows in nginx's summary.json", async () =>
      (await get(front, "/api/v2/summary.json")).body.toString().includes(name),
    );
    test.info().annotations.push({ type: "write to nginx", description: `${Date.now() - written} ms` });
    expect((await get(front, "/")).body.toString()).toContain(name);

    // With Outpost stopped, nginx still answers the hot files (the last export); the rest fails.
    await server.stop();
    server = null;
    expect((await get(front, "/api/v2/summary.json")).body.toString()).toContain(name);
    expect((await get(front, "/")).status).toBe(200);
    expect((await get(front, "/history")).status).toBe(502);
  } finally {
    if (nginx) {
      nginx.child.kill("SIGTERM");
      await new Promise((r) => (nginx!.child.exitCode === null ? nginx!.child.once("exit", r) : r(null)));
    }
    await server?.stop();
  }
});
