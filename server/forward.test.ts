import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PEER_HEADER } from "./cluster-messages";
import { createForwarder } from "./forward";
import { drainable } from "./graceful";
import { listenWriterSocket, type WriterSocket } from "./writer-socket";

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** A public worker's server that forwards everything to the writer's socket. */
async function worker(socketPath: string, waits?: { writerMs: number; healthMs: number }): Promise<string> {
  const server = http.createServer(createForwarder(socketPath, waits));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  cleanup.push(() => new Promise<void>((r) => server.close(() => r())));
  server.closeIdleConnections();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A writer stand-in: echoes what it was asked and who it believes asked. */
function writer(socketPath: string): Promise<WriterSocket> {
  return new Promise((resolve) => {
    const socket = listenWriterSocket(
      socketPath,
      (req, res) => {
        let body = "";
        req.on("data", (d) => (body += d));
        req.on("end", () => {
          res.writeHead(201, { "content-type": "application/json", "x-from": "writer" });
          res.end(
            JSON.stringify({
              method: req.method,
              url: req.url,
              body,
              peer: req.socket.remoteAddress,
              claimed: req.headers[PEER_HEADER] ?? null,
            }),
          );
        });
      },
      () => resolve(socket),
    );
    cleanup.push(() => socket.close(1_000));
  });
}

const socketPathIn = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-forward-"));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, "writer.sock");
};

describe("forwarding to the writer", () => {
  it("streams a request and its answer, with the visitor's socket address and never one the visitor claims", async () => {
    const socketPath = socketPathIn();
    await writer(socketPath);
    const base = await worker(socketPath);
    const res = await fetch(`${base}/admin/x?y=1`, {
      method: "POST",
      body: "a=1",
      headers: { [PEER_HEADER]: "203.0.113.9" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-from")).toBe("writer");
    expect(await res.json()).toEqual({
      method: "POST",
      url: "/admin/x?y=1",
      body: "a=1",
      peer: "127.0.0.1",
      claimed: null,
    });
  });

  it("holds a request while no writer listens (a restart) and answers it once one does", async () => {
    const socketPath = socketPathIn();
    const base = await worker(socketPath);
    const answer = fetch(`${base}/api/v1/things`, { method: "POST", body: "held" });
    await new Promise((r) => setTimeout(r, 400));
    await writer(socketPath);
    const res = await answer;
    expect(res.status).toBe(201);
    expect(((await res.json()) as { body: string }).body).toBe("held");
  });

  it("after its bounded wait answers 503: health says degraded, other requests say retry", async () => {
    const base = await worker(socketPathIn(), { writerMs: 200, healthMs: 200 });
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: "degraded", writer: "unreachable" });
    const other = await fetch(`${base}/admin`);
    expect(other.status).toBe(503);
    expect(other.headers.get("retry-after")).toBe("5");
  });
});

describe("a draining server", () => {
  it("answers the next request on a kept-alive connection with Connection: close, then finishes", async () => {
    const server = http.createServer((_req, res) => res.end("ok"));
    const drain = drainable(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    cleanup.push(() => agent.destroy());
    const get = () =>
      new Promise<http.IncomingMessage>((resolve, reject) => {
        http
          .get({ port, host: "127.0.0.1", agent }, (res) => {
            res.resume();
            res.on("end", () => resolve(res));
          })
          .on("error", reject);
      });
    expect((await get()).headers.connection).toBe("keep-alive");
    const closed = drain.close(5_000);
    const last = await get();
    expect(last.statusCode).toBe(200);
    expect(last.headers.connection).toBe("close");
    await closed;
    expect(server.listening).toBe(false);
  });
});
