// The front under hostile traffic: bounded bodies, malformed requests, a cache junk URLs cannot
// flood, and the per-client connection cap. Real sockets on 127.0.0.1.
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { currentSnapshot } from "@/lib/snapshot";
import type { LoadedAssets } from "./assets";
import { DEFAULT_LIMIT, FORM_LIMIT } from "./body";
import { cacheStats, VARIANT_ENTRIES } from "./cache";
import { capConnectionsPerClient } from "./connections";
import { createFrontHandler, route } from "./front";

const ASSETS: LoadedAssets = { css: "body{}", script: "/* page */", embed: "/* widget */", csp: "default-src 'none'" };
const MB = 1024 * 1024;

/** What the stand-in for Next saw: how many requests, and how many body bytes it could read. */
const seenByNext = { requests: 0, bodyBytes: 0 };
let server: http.Server;
let port: number;

beforeAll(async () => {
  const db = testDatabase();
  seedDemo(db, { name: "Front Demo", timeZone: "Etc/UTC" });
  setDatabase(db);
  const front = createFrontHandler({
    assets: ASSETS,
    // Reads the whole body, as Next does for sign-in and server actions.
    next: (req, res) => {
      seenByNext.requests++;
      req.on("data", (c: Buffer) => (seenByNext.bodyBytes += c.length));
      req.on("end", () => res.end("next"));
    },
  });
  server = http.createServer(front);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

type Outcome = { head: string; sent: number; closed: boolean };

/**
 * Sends a request head, then streams up to `total` body bytes (as chunks when `chunked`), and
 * stops as soon as the server answers or closes. Returns the status line and what was sent.
 */
function stream(head: string, total: number, chunked: boolean, from?: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1", localAddress: from });
    let received = "";
    let sent = 0;
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      socket.destroy();
      const [head = ""] = received.split("\r\n");
      resolve({ head, sent, closed });
    };
    socket.on("data", (d) => {
      received += d.toString("latin1");
      if (received.includes("\r\n\r\n")) setTimeout(() => finish(false), 50);
    });
    socket.on("error", () => finish(true));
    socket.on("close", () => finish(true));
    const chunk = Buffer.alloc(16 * 1024, "a");
    const pump = () => {
      while (!done && sent < total) {
        const piece = chunked
          ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")])
          : chunk;
        sent += chunk.length;
        if (!socket.write(piece)) return void socket.once("drain", pump);
      }
      if (!done && chunked) socket.write("0\r\n\r\n");
    };
    socket.write(head, pump);
  });
}

const post = (path: string, lengthHeader: string) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n${lengthHeader}\r\n\r\n`;

describe("request bodies", () => {
  it("refuse a declared length over the limit before reading any of it", async () => {
    const out = await stream(post("/subscribe", `Content-Length: ${480 * MB}`), 32 * MB, false);
    expect(out.head).toBe("HTTP/1.1 413 Payload Too Large");
    expect(out.sent).toBeLessThan(32 * MB);
  });

  it("cut a chunked body off at the public form limit", async () => {
    for (const path of [
      "/subscribe",
      "/subscriptions/confirm",
      "/subscriptions/unsubscribe",
      "/components/nope/affected",
    ]) {
      const out = await stream(post(path, "Transfer-Encoding: chunked"), 32 * MB, true);
      // The report route may answer (404: no such component) before the body is cut off.
      expect(out.head, path).toMatch(/^HTTP\/1.1 (413|404)|^$/);
      expect(out.sent, path).toBeLessThan(32 * MB);
    }
  });

  it("bound what Next can read on sign-in, chunked or declared", async () => {
    const before = seenByNext.bodyBytes;
    const chunked = await stream(post("/api/auth/callback/credentials", "Transfer-Encoding: chunked"), 32 * MB, true);
    expect(chunked.sent).toBeLessThan(32 * MB);
    expect(seenByNext.bodyBytes - before).toBeLessThanOrEqual(DEFAULT_LIMIT);
    const declared = await stream(
      post("/api/auth/callback/credentials", `Content-Length: ${DEFAULT_LIMIT + 1}`),
      DEFAULT_LIMIT + 1,
      false,
    );
    expect(declared.head).toBe("HTTP/1.1 413 Payload Too Large");
  });

  it("let bodies within the limit through", async () => {
    const out = await stream(
      post("/api/auth/callback/credentials", `Content-Length: ${FORM_LIMIT}`),
      FORM_LIMIT,
      false,
    );
    expect(out.head).toBe("HTTP/1.1 200 OK");
  });
});

describe("malformed requests", () => {
  const send = (raw: string) => stream(raw, 0, false).then((o) => o.head);
  it("are answered with a 4xx and never reach Next", async () => {
    const before = seenByNext.requests;
    expect(await send("GET /api/v1/pages/x/%ZZ HTTP/1.1\r\nHost: a\r\n\r\n")).toBe("HTTP/1.1 400 Bad Request");
    expect(await send("GET /api/auth/%ZZ HTTP/1.1\r\nHost: a\r\n\r\n")).toBe("HTTP/1.1 400 Bad Request");
    expect(await send("GET /api/heartbeat/%ZZ HTTP/1.1\r\nHost: a\r\n\r\n")).toBe("HTTP/1.1 400 Bad Request");
    expect(await send("TRACE / HTTP/1.1\r\nHost: a\r\n\r\n")).toBe("HTTP/1.1 405 Method Not Allowed");
    expect(await send("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n")).toBe("HTTP/1.1 400 Bad Request");
    expect(await send("GET http://evil.example/admin HTTP/1.1\r\nHost: evil.example\r\n\r\n")).toBe(
      "HTTP/1.1 400 Bad Request",
    );
    expect(await send("GET //evil.example/ HTTP/1.1\r\nHost: a\r\n\r\n")).toBe("HTTP/1.1 400 Bad Request");
    expect(seenByNext.requests).toBe(before);
  });
});

describe("the public route table", () => {
  const send = (raw: string) => stream(raw, 0, false).then((o) => o.head);
  it("answers methods a row does not take with 405 and its Allow, and preflights only cross-origin rows", async () => {
    expect(await send("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")).toBe(
      "HTTP/1.1 405 Method Not Allowed",
    );
    expect(await send("GET /components/x/affected HTTP/1.1\r\nHost: a\r\n\r\n")).toBe(
      "HTTP/1.1 405 Method Not Allowed",
    );
    expect(await send("OPTIONS /api/v2/summary.json HTTP/1.1\r\nHost: a\r\n\r\n")).toBe("HTTP/1.1 204 No Content");
    expect(await send("OPTIONS /history HTTP/1.1\r\nHost: a\r\n\r\n")).toBe("HTTP/1.1 405 Method Not Allowed");
    expect(await send("HEAD /badge.svg HTTP/1.1\r\nHost: a\r\n\r\n")).toBe("HTTP/1.1 200 OK");
  });

  it("answers names on every object's prototype with 404, never the snapshot or a 5xx", async () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf"]) {
      const payload = route(`/api/v2/${name}`, new URLSearchParams(), ASSETS);
      expect(payload?.status, name).toBe(404);
    }
    expect(await send("GET /api/v2/constructor HTTP/1.1\r\nHost: a\r\n\r\n")).toBe("HTTP/1.1 404 Not Found");
  });

  it("sends every other path to Next", async () => {
    const before = seenByNext.requests;
    expect(await send("GET /admin HTTP/1.1\r\nHost: a\r\n\r\n")).toBe("HTTP/1.1 200 OK");
    expect(seenByNext.requests).toBe(before + 1);
  });
});

describe("the byte cache", () => {
  it("keeps the hot documents after 2,100 junk variants", () => {
    const s = currentSnapshot();
    // A fresh snapshot's cache is empty: junk arrives first, as in a flood right after a write.
    for (let i = 0; i < 2_100; i++) route("/badge.svg", new URLSearchParams({ label: `junk${i}` }), ASSETS);
    for (let i = 0; i < 40; i++) route("/history", new URLSearchParams({ page: String(i + 1) }), ASSETS);
    for (let i = 0; i < 300; i++) route(`/incidents/junk${i}`, new URLSearchParams(), ASSETS);
    const summary = route("/api/v2/summary.json", new URLSearchParams(), ASSETS);
    const page = route("/", new URLSearchParams(), ASSETS);
    expect(currentSnapshot()).toBe(s);
    expect(route("/api/v2/summary.json", new URLSearchParams(), ASSETS)).toBe(summary);
    expect(route("/", new URLSearchParams(), ASSETS)).toBe(page);
    expect(cacheStats().variants).toBeLessThanOrEqual(VARIANT_ENTRIES);
    // Unknown incident ids share one 404.
    expect(route("/incidents/junk1", new URLSearchParams(), ASSETS)).toBe(
      route("/incidents/junk2", new URLSearchParams(), ASSETS),
    );
    expect(route("/incidents/junk1", new URLSearchParams(), ASSETS)?.status).toBe(404);
  }, 120_000);
});

describe("idle connections", () => {
  it("one address over the cap is closed while another address is served", async () => {
    const guarded = http.createServer((_req, res) => res.end("ok"));
    const counts = capConnectionsPerClient(guarded, 20);
    await new Promise<void>((resolve) => guarded.listen(0, "127.0.0.1", resolve));
    const gport = (guarded.address() as net.AddressInfo).port;
    const sockets: net.Socket[] = [];
    let closedByServer = 0;
    await Promise.all(
      Array.from(
        { length: 60 },
        () =>
          new Promise<void>((resolve) => {
            const s = net.connect({ port: gport, host: "127.0.0.1", localAddress: "127.0.0.1" }, () => resolve());
            s.on("close", () => closedByServer++);
            s.on("error", () => resolve());
            sockets.push(s);
          }),
      ),
    );
    for (let waited = 0; closedByServer < 40 && waited < 10_000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    expect(closedByServer).toBe(40);
    expect(counts().get("127.0.0.1")).toBe(20);
    const other = await new Promise<number>((resolve, reject) =>
      http
        .get({ host: "127.0.0.1", port: gport, path: "/", localAddress: "127.0.0.2", agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on("error", reject),
    );
    expect(other).toBe(200);
    for (const s of sockets) s.destroy();
    guarded.closeAllConnections();
    guarded.close();
  });
});
