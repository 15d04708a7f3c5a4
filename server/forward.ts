// A public worker passes what it does not answer itself to the writer over the writer's unix
// socket, streamed both ways. While the writer restarts (never overlapped with another writer),
// requests wait for it, connecting again for a bounded time, so none fails.
import http from "node:http";
import net from "node:net";
import { ACCEPTED, PEER_HEADER } from "./cluster-messages";
import { NO_STORE } from "./payload";

/** Longer than a writer restart (stop, then the new process prepares the database and Next). */
export const WRITER_WAIT_MS = 30_000;
/** A health check answers sooner: a writer away this long is worth reporting. */
const HEALTH_WAIT_MS = 10_000;
const RETRY_MS = [20, 50, 100, 200, 400];

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
]);

/**
 * A connection the writer has accepted (it sends one byte first). A connection the kernel queued
 * for a writer that then stopped is refused or reset before that byte, and is tried again.
 */
function acceptedConnection(socketPath: string): Promise<net.Socket | null> {
  return new Promise((resolve) => {
    const sock = net.connect(socketPath);
    const done = (ok: boolean) => {
      sock.removeAllListeners("data").removeAllListeners("error").removeAllListeners("close");
      clearTimeout(timer);
      if (!ok) sock.destroy();
      resolve(ok ? sock : null);
    };
    const timer = setTimeout(() => done(false), 5_000);
    sock.once("data", (chunk: Buffer) => {
      sock.pause();
      done(chunk.length === 1 && chunk[0] === ACCEPTED);
    });
    sock.once("error", () => done(false));
    sock.once("close", () => done(false));
  });
}

async function connectUntil(socketPath: string, deadline: number, gone: () => boolean): Promise<net.Socket | null> {
  for (let attempt = 0; ; attempt++) {
    const sock = await acceptedConnection(socketPath);
    if (sock) return sock;
    if (gone() || Date.now() >= deadline) return null;
    await new Promise((r) => setTimeout(r, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
  }
}

function unavailable(res: http.ServerResponse, health: boolean) {
  if (res.headersSent) return void res.destroy();
  if (health) {
    res.writeHead(503, { "content-type": "application/json; charset=utf-8", "cache-control": NO_STORE });
    return void res.end(JSON.stringify({ status: "degraded", writer: "unreachable" }) + "\n");
  }
  res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "cache-control": NO_STORE, "retry-after": "5" });
  res.end("The status page is briefly unavailable. Please retry.\n");
}

function responseHeaders(raw: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const [name = "", value = ""] = raw.slice(i, i + 2);
    if (!HOP_BY_HOP.has(name.toLowerCase())) out.push(name, value);
  }
  return out;
}

export function createForwarder(socketPath: string, waits = { writerMs: WRITER_WAIT_MS, healthMs: HEALTH_WAIT_MS }) {
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const health = (req.url ?? "").split("?")[0] === "/api/health";
    const gone = () => res.destroyed || req.destroyed;
    const sock = await connectUntil(socketPath, Date.now() + (health ? waits.healthMs : waits.writerMs), gone);
    if (!sock) return unavailable(res, health);
    if (gone()) return void sock.destroy();

    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers))
      if (!HOP_BY_HOP.has(name) && name !== PEER_HEADER) headers[name] = value;
    // The writer takes this as the client's socket address; it trusts it only on this socket.
    headers[PEER_HEADER] = req.socket.remoteAddress ?? "unknown";
    // One request per connection: the writer closes it after answering, so a stopping writer
    // never has an idle connection a worker might reuse.
    headers.connection = "close";
    if (req.headers["transfer-encoding"]) headers["transfer-encoding"] = req.headers["transfer-encoding"];

    const upstream = http.request({ createConnection: () => sock, method: req.method, path: req.url, headers });
    sock.resume();
    upstream.on("response", (answer) => {
      // Answered here already (a body over its limit is refused before the writer sees it all).
      if (res.headersSent) return void answer.resume();
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, responseHeaders(answer.rawHeaders));
      answer.pipe(res);
      answer.on("error", () => res.destroy());
      answer.on("aborted", () => res.destroy());
    });
    upstream.on("error", (err) => {
      if (res.writableEnded) return;
      // The writer accepted the request, then went away (a crash): nothing can be retried safely.
      console.error(`outpost: the writer did not answer ${req.method} ${req.url}: ${err.message}`);
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, {
        "content-type": "text/plain; charset=utf-8",
        "cache-control": NO_STORE,
        "retry-after": "5",
      });
      res.end("The status page is briefly unavailable. Please retry.\n");
    });
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };
}
