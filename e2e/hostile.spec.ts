// Hostile traffic against a real server of its own (no trusted proxy, so the per-client cap
// applies): oversized and endless bodies, malformed request lines, and a flood of idle sockets.
// Bounded in size and time; everything on 127.0.0.1 (and 127.0.0.2 as "another client").
import { execFileSync } from "node:child_process";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { startServer, type RunningServer } from "./support/server";

let server: RunningServer;
let port: number;

test.beforeAll(async () => {
  server = await startServer({ OUTPOST_DEMO: "1", OUTPOST_MONITORS: "0", TRUST_PROXY: "0" });
  port = Number(new URL(server.url).port);
});
test.afterAll(async () => {
  await server?.stop();
});

/** Resident memory of the server's processes (the launcher and any children), in MB. */
function rssMb(pid: number): number {
  const out = execFileSync("ps", ["-o", "rss=", "--pid", String(pid), "--ppid", String(pid)], { encoding: "utf8" });
  return (
    out
      .split("\n")
      .filter(Boolean)
      .reduce((sum, kb) => sum + Number(kb), 0) / 1024
  );
}

/** Streams up to `total` bytes after `head`, stopping when the server answers or closes. */
function flood(
  head: string,
  total: number,
  chunked: boolean,
  from = "127.0.0.1",
): Promise<{ status: string; sent: number }> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1", localAddress: from });
    let received = "";
    let sent = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      const [status = ""] = received.split("\r\n");
      resolve({ status, sent });
    };
    socket.on("data", (d) => {
      received += d.toString("latin1");
      if (received.includes("\r\n\r\n")) finish();
    });
    socket.on("error", finish);
    socket.on("close", finish);
    socket.setTimeout(20_000, finish);
    const chunk = Buffer.alloc(64 * 1024, "x");
    const frame = chunked
      ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")])
      : chunk;
    const pump = () => {
      while (!done && sent < total) {
        sent += chunk.length;
        if (!socket.write(frame)) return void socket.once("drain", pump);
      }
    };
    socket.write(head, pump);
  });
}

const MB = 1024 * 1024;
const postHead = (path: string, length: string) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n${length}\r\n\r\n`;

test("[hostile] 32 parallel oversized bodies to the public forms and sign-in are refused without buffering them", async ({
  request,
}) => {
  const before = rssMb(server.child.pid!);
  const attacks = [];
  for (let i = 0; i < 8; i++) {
    attacks.push(flood(postHead("/subscribe", `Content-Length: ${480 * MB}`), 32 * MB, false));
    attacks.push(flood(postHead("/subscribe", "Transfer-Encoding: chunked"), 32 * MB, true));
    attacks.push(flood(postHead("/api/auth/callback/credentials", "Transfer-Encoding: chunked"), 32 * MB, true));
    attacks.push(flood(postHead("/api/v1/pages/x/incidents", `Content-Length: ${64 * MB}`), 32 * MB, false));
  }
  const results = await Promise.all(attacks);
  for (const r of results) {
    // Each was answered 413 (or cut off) long before its 32 MB were sent.
    expect(r.status === "" || r.status.startsWith("HTTP/1.1 413")).toBe(true);
    expect(r.sent).toBeLessThan(32 * MB);
  }
  expect((await request.get(`${server.url}/api/v2/summary.json`)).status()).toBe(200);
  // 32 x 32 MB = 1 GB was offered; none of it may stay in memory.
  expect(rssMb(server.child.pid!) - before).toBeLessThan(200);
});

test("[hostile] malformed request lines get a 4xx from the real server and never a redirect elsewhere", async () => {
  const raw = (line: string, host = `127.0.0.1:${port}`) =>
    new Promise<string>((resolve) => {
      const socket = net.connect({ port, host: "127.0.0.1" });
      let got = "";
      socket.on("data", (d) => (got += d.toString("latin1")));
      socket.on("close", () => resolve(got));
      socket.on("error", () => resolve(got));
      socket.write(`${line}\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    });
  const status = (text: string) => Number(text.split(" ")[1]);
  for (const line of [
    "GET /api/v1/pages/x/%ZZ HTTP/1.1",
    "GET /api/auth/%ZZ HTTP/1.1",
    "GET /api/heartbeat/%ZZ HTTP/1.1",
    "GET /admin/%ZZ HTTP/1.1",
  ]) {
    expect(status(await raw(line)), line).toBe(400);
  }
  expect(status(await raw("TRACE / HTTP/1.1"))).toBe(405);
  expect(status(await raw("OPTIONS * HTTP/1.1"))).toBe(400);
  for (const line of [
    "GET http://evil.example/admin HTTP/1.1",
    "GET //evil.example/ HTTP/1.1",
    "GET //evil.example/admin/ HTTP/1.1",
  ]) {
    const answer = await raw(line, "evil.example");
    expect(status(answer), line).toBeGreaterThanOrEqual(400);
    expect(status(answer), line).toBeLessThan(500);
    expect(answer).not.toMatch(/^location:.*evil\.example/im);
  }
});

test("[hostile] 2,000 idle sockets from one address do not starve another client", async ({ request }) => {
  // The primary hands each accepted socket to a worker over IPC; on a loaded machine closing the
  // surplus took longer than 15 s once (a clean-clone CI run), so the wait is bounded at 60 s.
  test.setTimeout(90_000);
  const sockets: net.Socket[] = [];
  let closedByServer = 0;
  try {
    await Promise.all(
      Array.from(
        { length: 2_000 },
        () =>
          new Promise<void>((resolve) => {
            const s = net.connect({ port, host: "127.0.0.1", localAddress: "127.0.0.1" }, () => resolve());
            s.on("close", () => closedByServer++);
            s.on("error", () => resolve());
            sockets.push(s);
          }),
      ),
    );
    for (let waited = 0; closedByServer < 2_000 - 514 && waited < 60_000; waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    // The server keeps about 512 of them (the per-client cap, shared out between the public
    // workers) and closes the rest at once.
    expect(closedByServer).toBeGreaterThanOrEqual(2_000 - 512 - 2);
    const other = await new Promise<number>((resolve, reject) =>
      net
        .connect({ port, host: "127.0.0.1", localAddress: "127.0.0.2" }, function (this: net.Socket) {
          let got = "";
          this.on("data", (d) => (got += d));
          this.on("end", () => resolve(Number(got.split(" ")[1])));
          this.write(`GET /api/v2/status.json HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
        })
        .on("error", reject),
    );
    expect(other).toBe(200);
  } finally {
    for (const s of sockets) s.destroy();
  }
  expect((await request.get(`${server.url}/`)).status()).toBe(200);
});
