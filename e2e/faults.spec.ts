// Faults, bounded in time and aimed at 127.0.0.1 only: the server killed mid-stream of writes,
// the disk filling up under it, and a restart in the middle of a surge.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { E2E_API_TOKEN } from "./support/auth";
import { freePort, startServer, tempDir, type RunningServer } from "./support/server";
import { expect, test } from "./fixtures";

const auth = { authorization: `OAuth ${E2E_API_TOKEN}`, "content-type": "application/json" };

async function pageIdOf(url: string): Promise<string> {
  return ((await (await fetch(`${url}/api/v2/summary.json`)).json()) as { page: { id: string } }).page.id;
}

function postIncident(url: string, pageId: string, name: string) {
  return fetch(`${url}/api/v1/pages/${pageId}/incidents`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ incident: { name, status: "investigating", body: "Fault test." } }),
  });
}

test("[faults] kill -9 during a stream of writes: every acknowledged write survives, the file passes integrity_check", async () => {
  test.setTimeout(120_000);
  const dir = tempDir();
  const env = {
    DATABASE_PATH: path.join(dir, "outpost.db"),
    BACKUP_DIR: path.join(dir, "backups"),
    OUTPOST_API_TOKEN: E2E_API_TOKEN,
    OUTPOST_MONITORS: "0",
  };
  let server: RunningServer = await startServer(env);
  const pageId = await pageIdOf(server.url);
  const acknowledged: string[] = [];
  let stop = false;
  // Four writers in parallel; the server is killed while they are busy.
  const writers = Array.from({ length: 4 }, async (_, w) => {
    for (let i = 0; !stop; i++) {
      try {
        const res = await postIncident(server.url, pageId, `kill test ${w}-${i}`);
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
      } catch {
        return; // the connection died with the server
      }
    }
  });
  while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
  server.child.kill("SIGKILL");
  stop = true;
  await Promise.all(writers);
  // It may already have gone while the writers noticed: then there is no exit event left to wait for.
  if (server.child.exitCode === null && server.child.signalCode === null)
    await new Promise((r) => server.child.once("exit", r));

  const check = new Database(env.DATABASE_PATH);
  expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
  const stored = new Set(check.prepare("SELECT id FROM incidents").pluck().all() as string[]);
  check.close();
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

  server = await startServer(env);
  try {
    const listed = (await (await fetch(`${server.url}/api/v2/incidents/unresolved.json`)).json()) as {
      incidents: unknown[];
    };
    expect(listed.incidents.length).toBeGreaterThan(0);
  } finally {
    await server.stop();
  }
});

test("[faults] a full disk: writes are refused with a clear 503, the public page keeps serving, nothing is half-written", async () => {
  test.setTimeout(120_000);
  const mnt = tempDir("outpost-fulldisk-");
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=12m", "tmpfs", mnt], { stdio: "ignore" });
  } catch {
    test.skip(true, "this machine does not allow mounting a small tmpfs");
  }
  const env = {
    DATABASE_PATH: path.join(mnt, "outpost.db"),
    BACKUP_DIR: path.join(tempDir(), "backups"),
    OUTPOST_API_TOKEN: E2E_API_TOKEN,
    OUTPOST_MONITORS: "0",
  };
  const server = await startServer(env);
  try {
    const pageId = await pageIdOf(server.url);
    expect((await postIncident(server.url, pageId, "before the disk filled")).status).toBe(201);
    // Fill every free byte.
    const filler = path.join(mnt, "filler");
    const fd = fs.openSync(filler, "w");
    const block = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) fs.writeSync(fd, block);
    } catch {
      /* ENOSPC: the disk is full */
    }
    try {
      for (;;) fs.writeSync(fd, Buffer.alloc(512, 1));
    } catch {
      /* and the last crumbs */
    }
    fs.closeSync(fd);

    let refused: Response | undefined;
    for (let i = 0; i < 20 && !refused; i++) {
      const res = await postIncident(server.url, pageId, `while full ${i}`);
      if (res.status !== 201) refused = res;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.headers.get("content-type")).toContain("application/problem+json");
    expect(((await refused!.json()) as { detail: string }).detail).toMatch(/disk is full|cannot be written/);

    // Health says so with a reason; a visitor's subscription is a 503 to retry, not a crash.
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { status: string; reasons: string[] };
    expect(health).toMatchObject({ status: "degraded", reasons: expect.arrayContaining(["disk_full"]) });
    const subscribe = await fetch(`${server.url}/subscribe`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ kind: "webhook", url: "https://hooks.example.com/outpost" }),
    });
    expect(subscribe.status).toBe(503);

    const during = await fetch(`${server.url}/`);
    expect(during.status).toBe(200);
    expect(await during.text()).toContain("before the disk filled");
    expect((await fetch(`${server.url}/api/v2/summary.json`)).status).toBe(200);

    fs.rmSync(filler);
    await expect
      .poll(async () => (await postIncident(server.url, pageId, "after space was freed")).status, { timeout: 15_000 })
      .toBe(201);
    expect(((await (await fetch(`${server.url}/api/health`)).json()) as { status: string }).status).toBe("ok");
  } finally {
    await server.stop();
    try {
      execFileSync("umount", [mnt], { stdio: "ignore" });
    } catch {
      /* already gone */
    }
  }
});

test("[faults] a restart during a surge: no 5xx at all, refused connections only briefly, the same page after", async () => {
  test.setTimeout(120_000);
  const dir = tempDir();
  const port = await freePort();
  const env = {
    DATABASE_PATH: path.join(dir, "outpost.db"),
    BACKUP_DIR: path.join(dir, "backups"),
    PORT: String(port),
    OUTPOST_MONITORS: "0",
  };
  let server = await startServer(env);
  const title = async () => /<title>([^<]*)<\/title>/.exec(await (await fetch(`${server.url}/`)).text())?.[1];
  const before = await title();
  const statuses = new Map<number, number>();
  let refused = 0;
  let stop = false;
  const clients = Array.from({ length: 16 }, async () => {
    while (!stop) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      } catch {
        refused++;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });
  await new Promise((r) => setTimeout(r, 1_500));
  const restartAt = Date.now();
  await server.stop();
  server = await startServer(env);
  const downFor = Date.now() - restartAt;
  await new Promise((r) => setTimeout(r, 1_500));
  stop = true;
  await Promise.all(clients);
  try {
    const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
    test.info().annotations.push({
      type: "restart",
      description: `${[...statuses.values()].reduce((a, n) => a + n, 0)} answers, ${refused} refused connections, back after ${downFor} ms`,
    });
    expect(fivexx).toBe(0);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(await title()).toBe(before);
  } finally {
    await server.stop();
  }
});
