// A stand-in for the server's side of the probe protocol, on 127.0.0.1, for the agent's tests:
// summary.json, the assignments and the results routes, validating what the agent sends as the
// real routes do, remembering the highest seq per boot and counting duplicates. A test can make
// it answer 503, 401, hang, or close its port for a while and open it again on the same port.
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  AGENT_NAME_HEADER,
  AGENT_TIME_HEADER,
  AGENT_VERSION_HEADER,
  resultsBody,
  type Assignment,
  type Result,
} from "./protocol";

export const PAGE_ID = "page-standin";
export const TOKEN = "op_probe_standin_secret_token";

export type Mode = "ok" | "unavailable" | "unauthorized" | "hang" | "invalid";

export type StandIn = {
  url: string;
  port: number;
  monitors: Assignment[];
  pollSeconds: number;
  /** How each route answers. */
  mode: { assignments: Mode; results: Mode };
  /** Every results body that was accepted, in arrival order. */
  posts: { boot: string; seqs: number[] }[];
  /** Every result accepted, in arrival order (duplicates not included). */
  accepted: Result[];
  duplicates: number;
  highest: Map<string, number>;
  /** Requests seen (method, path, headers). */
  requests: { method: string; path: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
  reopen(): Promise<void>;
};

function send(res: http.ServerResponse, status: number, body: unknown, type = "application/json"): void {
  res.writeHead(status, { "content-type": type });
  res.end(JSON.stringify(body));
}

const problem = (res: http.ServerResponse, status: number, detail: string) =>
  send(res, status, { type: "about:blank", title: "Error", status, detail }, "application/problem+json");

export function assignmentFor(id: string, url: string, over: Partial<Assignment> = {}): Assignment {
  return {
    id,
    name: `monitor ${id}`,
    kind: "http",
    settings: { url, method: "GET", statusMin: 200, statusMax: 299, headers: {}, keyword: null, followRedirects: true },
    interval_seconds: 1,
    timeout_ms: 2000,
    allow_private: true,
    allow_metadata: false,
    ...over,
  };
}

export async function startStandIn(monitors: Assignment[] = [], port = 0): Promise<StandIn> {
  const s: StandIn = {
    url: "",
    port: 0,
    monitors,
    pollSeconds: 1,
    mode: { assignments: "ok", results: "ok" },
    posts: [],
    accepted: [],
    duplicates: 0,
    highest: new Map(),
    requests: [],
    close: async () => {},
    reopen: async () => {},
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    s.requests.push({ method: req.method ?? "", path, headers: req.headers });
    const now = new Date().toISOString();
    if (req.method === "GET" && path === "/api/v2/summary.json")
      return send(res, 200, { page: { id: PAGE_ID, name: "Stand-in", url: s.url, updated_at: now } });
    const route = /^\/api\/v1\/pages\/([^/]+)\/probe\/(assignments|results)$/.exec(path);
    if (!route) return problem(res, 404, "No such route");
    if (route[1] !== PAGE_ID) return problem(res, 404, "No such page");
    const which = route[2] as "assignments" | "results";
    const mode = s.mode[which];
    if (mode === "hang") return; // never answers
    if (mode === "unavailable") return problem(res, 503, "Down for a moment");
    if (mode === "unauthorized" || req.headers.authorization !== `Bearer ${TOKEN}`)
      return problem(res, 401, "The token is not valid (revoked?)");
    if (!req.headers[AGENT_NAME_HEADER] || !req.headers[AGENT_VERSION_HEADER] || !req.headers[AGENT_TIME_HEADER])
      return problem(res, 422, "The agent headers are missing");
    if (mode === "invalid") return send(res, 200, { surprise: true });
    if (which === "assignments") {
      if (req.method !== "GET") return problem(res, 405, "GET only");
      return send(res, 200, {
        agent: { id: "agent-1", name: String(req.headers[AGENT_NAME_HEADER]), label: "Stand-in location" },
        server_time: now,
        poll_seconds: s.pollSeconds,
        monitors: s.monitors,
      });
    }
    if (req.method !== "POST") return problem(res, 405, "POST only");
    let parsed;
    try {
      parsed = resultsBody.safeParse(JSON.parse(body));
    } catch {
      return problem(res, 400, "Not JSON");
    }
    if (!parsed.success) return problem(res, 422, parsed.error.issues[0]?.message ?? "Invalid");
    const { agent, results } = parsed.data;
    let high = s.highest.get(agent.boot) ?? 0;
    let accepted = 0;
    let duplicates = 0;
    for (const r of results) {
      if (r.seq <= high) {
        duplicates++;
        continue;
      }
      high = r.seq;
      accepted++;
      s.accepted.push(r);
    }
    s.highest.set(agent.boot, high);
    s.duplicates += duplicates;
    s.posts.push({ boot: agent.boot, seqs: results.map((r) => r.seq) });
    send(res, 200, {
      accepted,
      duplicates,
      ignored: 0,
      acked_seq: high,
      server_time: now,
      poll_seconds: s.pollSeconds,
    });
  };

  let server: http.Server;
  const listen = (p: number) =>
    new Promise<void>((resolve, reject) => {
      server = http.createServer((req, res) => {
        let body = "";
        req.setEncoding("utf8");
        req.on("data", (c: string) => (body += c));
        req.on("end", () => handle(req, res, body));
      });
      server.once("error", reject);
      server.listen(p, "127.0.0.1", () => {
        s.port = (server.address() as AddressInfo).port;
        s.url = `http://127.0.0.1:${s.port}`;
        resolve();
      });
    });
  await listen(port);
  s.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  s.reopen = () => listen(s.port);
  return s;
}

/** A monitored target on 127.0.0.1 that answers 200 (or what `status` says at the time). */
export async function startTarget(): Promise<{ url: string; status: number; hits: number; close(): Promise<void> }> {
  const t = { url: "", status: 200, hits: 0, close: async () => {} };
  const server = http.createServer((_req, res) => {
    t.hits++;
    res.writeHead(t.status).end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
  t.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return t;
}

/** Polls until check() is truthy (tests never assert timings, so the bound is generous). */
export async function until<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
