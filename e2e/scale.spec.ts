// A big page (150 components) with public workers: a change is built and rendered on each
// worker's builder thread while requests are answered from the last snapshot, and the new bytes
// (page, JSON, compressed forms) are the thread's, sent back whole.
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { generatePage } from "../server/bench-support";
import { E2E_API_TOKEN } from "./support/auth";
import { startServer, tempDir } from "./support/server";
import { expect, test } from "./fixtures";

test("[scale] 150 components: a write is built on the workers' threads and shows on the page and in the JSON", async () => {
  test.setTimeout(180_000);
  const dir = tempDir();
  const databasePath = path.join(dir, "outpost.db");
  generatePage(databasePath, 150, 20);
  const server = await startServer({
    OUTPOST_WORKERS: "2",
    OUTPOST_DEMO: "0",
    OUTPOST_MONITORS: "0",
    OUTPOST_API_TOKEN: E2E_API_TOKEN,
    DATABASE_PATH: databasePath,
    BACKUP_DIR: path.join(dir, "backups"),
  });
  try {
    const summary = (await (await fetch(`${server.url}/api/v2/summary.json`)).json()) as {
      page: { id: string };
      components: { id: string; name: string }[];
    };
    expect(summary.components).toHaveLength(150);
    const target = summary.components[0]!;
    const name = `Scale probe ${Date.now()}`;
    const created = await fetch(`${server.url}/api/v1/pages/${summary.page.id}/incidents`, {
      method: "POST",
      headers: { authorization: `OAuth ${E2E_API_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({
        incident: {
          name,
          status: "investigating",
          body: "Checking a big page.",
          component_ids: [target.id],
          components: { [target.id]: "major_outage" },
        },
      }),
    });
    expect(created.status).toBe(201);

    // Every request while the workers build is answered; the change shows within a few seconds.
    const statuses: number[] = [];
    await expect
      .poll(
        async () => {
          const res = await fetch(`${server.url}/api/v2/status.json`);
          statuses.push(res.status);
          return ((await res.json()) as { status: { indicator: string } }).status.indicator;
        },
        { timeout: 20_000, intervals: [50] },
      )
      .toBe("critical");
    await expect
      .poll(async () => (await (await fetch(`${server.url}/`)).text()).includes(name), { timeout: 20_000 })
      .toBe(true);
    expect(statuses.every((s) => s === 200)).toBe(true);

    // The thread's bytes: an ETag, and compressed forms that decode to the page. Each worker
    // builds its own snapshot, so a request may meet the other worker before its build is in:
    // each form is asked until it shows the change, and then every worker shows it.
    const get = (encoding: string) =>
      new Promise<{ body: Buffer; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
        const url = new URL(server.url);
        http
          .get({ host: url.hostname, port: url.port, path: "/", headers: { "accept-encoding": encoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ body: Buffer.concat(chunks), headers: res.headers }));
          })
          .on("error", reject);
      });
    const decode = { gzip: zlib.gunzipSync, br: zlib.brotliDecompressSync, identity: (b: Buffer) => b };
    for (const encoding of ["gzip", "br", "identity"] as const) {
      await expect
        .poll(
          async () => {
            const res = await get(encoding);
            expect(res.headers["content-encoding"] ?? "identity").toBe(encoding);
            expect(res.headers.etag).toMatch(/^"[\w-]{22}"$/);
            const page = decode[encoding](res.body).toString();
            expect(page.trimEnd().endsWith("</html>")).toBe(true);
            return page.includes(name);
          },
          { timeout: 20_000 },
        )
        .toBe(true);
    }
    for (let i = 0; i < 6; i++) expect((await get("identity")).body.toString()).toContain(name);
    expect(server.output()).toMatch(/builds its snapshots on a thread/);
    expect(server.output()).not.toMatch(/snapshot rebuild failed|builder thread stopped/);
  } finally {
    await server.stop();
  }
});
