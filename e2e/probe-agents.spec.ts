// Probe agents end to end, all real processes on 127.0.0.1: a server of its own (agents poll every
// 2 s, so an agent is silent after 6 s), three agents run as `node dist/probe.mjs`, a target that
// answers 200 or 503 per location (by the x-outpost-location header each agent sends), and a
// stand-in for the staff alert webhook. One http monitor on "Checkout" is checked from eu-west,
// us-east and ap-south (not from the server), quorum default (a majority: 2 of 3). The tests run
// in order and share the setup; each wait polls with a deadline, none asserts a time.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "./fixtures";
import { ensureProbe } from "../scripts/probe.mjs";
import { MIN_INTERVAL_SECONDS } from "../lib/constants";
import { startStandIn, type StandIn } from "./support/http-stand-in";
import { type RunningServer, startServer, tempDir } from "./support/server";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";

const TOKEN = "probe-agents-e2e-admin-token-0123456789";
const POLL_SECONDS = 2;
const SHOTS = "e2e/.artifacts";
/** A location's new state needs one check (thresholds 1) and a send: three intervals is ample. */
const CHECK_WAIT = 3 * MIN_INTERVAL_SECONDS * 1000;
/** Silent after three polls; the scheduler looks every 5 s. */
const SILENCE_WAIT = 30_000;
/** How long ap-south is cut off from the server (the minute). */
const CUT_OFF_MS = 60_000;

type Name = "eu-west" | "us-east" | "ap-south";
const LABELS: Record<Name, string> = { "eu-west": "Frankfurt", "us-east": "Virginia", "ap-south": "Singapore" };
const NAMES = Object.keys(LABELS) as Name[];

type Agent = {
  name: Name;
  id: string;
  token: string;
  dataDir: string;
  /** Where this agent reaches the server (ap-south goes through a proxy the test can cut). */
  server: string;
  child: ChildProcess | null;
  out: string[];
  exited: Promise<number | null>;
};

/** The checked service: 503 to the locations in `failing`, 200 to the others; remembers who asked. */
type Target = { url: string; failing: Set<string>; seen: string[]; close(): Promise<void> };

async function startTarget(): Promise<Target> {
  const failing = new Set<string>();
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    const location = req.headers["x-outpost-location"];
    seen.push(typeof location === "string" ? location : "(none)");
    // No location header: not one of our agents (the server's own checks must not run here).
    const status = typeof location !== "string" ? 400 : failing.has(location) ? 503 : 200;
    res.writeHead(status, { "content-type": "text/plain" });
    res.end(status === 200 ? "ok" : "unavailable");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`,
    failing,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

let bundle: string;
let dir: string;
let server: RunningServer;
let target: Target;
let webhook: StandIn;
let proxy: TcpProxy;
let db: Database.Database;
let api: string;
let monitorId: string;
const agents = {} as Record<Name, Agent>;

type Answer = { status: number; type: string; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(method: string, route: string, body?: unknown, token = TOKEN): Promise<Answer> {
  const res = await fetch(`${api}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: text ? JSON.parse(text) : null };
}

function startAgent(a: Agent): void {
  const child = spawn(process.execPath, [bundle, "--server", a.server, "--name", a.name, "--data-dir", a.dataDir], {
    cwd: path.dirname(a.dataDir),
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", OUTPOST_PROBE_TOKEN: a.token },
    stdio: ["ignore", "pipe", "pipe"],
  });
  a.child = child;
  const collect = (chunk: Buffer) => a.out.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  a.exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function stopAgent(a: Agent, signal: NodeJS.Signals): Promise<number | null> {
  if (!a.child || a.child.exitCode !== null || a.child.signalCode !== null) return a.child?.exitCode ?? null;
  a.child.kill(signal);
  const code = await Promise.race([a.exited, new Promise<"late">((r) => setTimeout(() => r("late"), 10_000))]);
  if (code === "late") {
    a.child.kill("SIGKILL");
    return a.exited;
  }
  return code;
}

const monitorHealth = async () => (await call("GET", `/monitors/${monitorId}`)).body.health as string;

/** The stored anti-flap state of each location, straight from the server's database. */
function locationStates(): Record<string, string> {
  const rows = db
    .prepare(
      "SELECT a.name AS name, l.health AS health FROM monitor_locations l JOIN probe_agents a ON a.id = l.location WHERE l.monitor_id = ?",
    )
    .all(monitorId) as { name: string; health: string }[];
  return Object.fromEntries(rows.map((r) => [r.name, r.health]));
}

async function publicStatus(): Promise<string | undefined> {
  const doc = (await (await fetch(`${server.url}/api/v2/components.json`)).json()) as {
    components: { name: string; status: string }[];
  };
  return doc.components.find((c) => c.name === "Checkout")?.status;
}

type LocationsDoc = {
  locations: { name: string; label: string | null; reporting: boolean }[];
  components: {
    name: string;
    status: string;
    monitors: { id: string; verdict: string; quorum: number; locations: { name: string; status: string }[] }[];
  }[];
};

/** Checkout's monitor in /api/v2/outpost/locations.json: its verdict and each location's status. */
async function publicLocations() {
  const doc = (await (await fetch(`${server.url}/api/v2/outpost/locations.json`)).json()) as LocationsDoc;
  const component = doc.components.find((c) => c.name === "Checkout");
  const monitor = component?.monitors.find((m) => m.id === monitorId);
  return {
    status: component?.status,
    verdict: monitor?.verdict,
    quorum: monitor?.quorum,
    locations: Object.fromEntries((monitor?.locations ?? []).map((l) => [l.name, l.status])),
  };
}

/** Titles of the staff notices the webhook stand-in received from index `from` on. */
const notices = (from = 0) => webhook.requests.slice(from).map((r) => (r.json() as { title: string }).title);

const poll = <T>(fn: () => T | Promise<T>, message: string, timeout = CHECK_WAIT) =>
  expect.poll(fn, { message: `${message}\n${server.output().slice(-2000)}`, timeout, intervals: [250, 500, 1000] });

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  bundle = await ensureProbe();
  target = await startTarget();
  webhook = await startStandIn(() => ({ status: 200, body: { ok: true } }));
  dir = tempDir("outpost-probe-agents-");
  server = await startServer({
    DATABASE_PATH: path.join(dir, "outpost.db"),
    OUTPOST_DEMO: "0",
    OUTPOST_WORKERS: "1",
    OUTPOST_API_TOKEN: TOKEN,
    OUTPOST_PROBE_POLL_SECONDS: String(POLL_SECONDS),
    OUTPOST_ALLOW_PRIVATE_TARGETS: "1",
    OUTPOST_ALERT_WEBHOOK_URL: `${webhook.url}/alerts`,
    OUTPOST_ALERT_WEBHOOK_FORMAT: "json",
  });
  proxy = await startTcpProxy(Number(new URL(server.url).port));
  db = new Database(server.databasePath, { readonly: true });
  const summary = (await (await fetch(`${server.url}/api/v2/summary.json`)).json()) as { page: { id: string } };
  api = `${server.url}/api/v1/pages/${summary.page.id}`;

  for (const name of NAMES) {
    const made = await call("POST", "/probe-agents", { probe_agent: { name, label: LABELS[name] } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    agents[name] = {
      name,
      id: made.body.id,
      token: made.body.token,
      dataDir: path.join(dir, "agents", name, "data"),
      server: name === "ap-south" ? proxy.url : server.url,
      child: null,
      out: [],
      exited: Promise.resolve(null),
    };
    fs.mkdirSync(path.dirname(agents[name].dataDir), { recursive: true });
  }
  const component = await call("POST", "/components", { component: { name: "Checkout" } });
  expect(component.status, JSON.stringify(component.body)).toBe(201);
  const monitor = await call("POST", "/monitors", {
    monitor: {
      component_id: component.body.id,
      name: "Checkout health",
      kind: "http",
      settings: { url: target.url },
      interval_seconds: MIN_INTERVAL_SECONDS,
      timeout_ms: 2_000,
      fail_threshold: 1,
      recover_threshold: 1,
      locations: NAMES,
    },
  });
  expect(monitor.status, JSON.stringify(monitor.body)).toBe(201);
  expect(monitor.body).toMatchObject({ locations: expect.arrayContaining(NAMES), quorum: null });
  monitorId = monitor.body.id;
  for (const name of NAMES) startAgent(agents[name]);
});

test.afterAll(async ({}, testInfo) => {
  await Promise.all(NAMES.filter((n) => agents[n]).map((n) => stopAgent(agents[n], "SIGTERM")));
  db?.close();
  await server?.stop();
  // What each process said, beside the results (a failure's first clue).
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  if (server) fs.writeFileSync(testInfo.outputPath("server.log"), server.output());
  for (const n of NAMES.filter((x) => agents[x]))
    fs.writeFileSync(testInfo.outputPath(`agent-${n}.log`), agents[n].out.join("\n"));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  await proxy?.close();
  await webhook?.close();
  await target?.close();
});

test("[probe agents] e. a probe token reaches only its own routes, and an admin token not those", async () => {
  const probeToken = agents["eu-west"].token;
  const refusals: [string, string, unknown?][] = [
    ["GET", ""],
    ["GET", "/components"],
    ["GET", "/monitors"],
    ["GET", `/monitors/${monitorId}`],
    ["GET", "/probe-agents"],
    ["GET", "/incidents"],
    ["POST", "/incidents", { incident: { name: "From a probe token", status: "investigating" } }],
    ["POST", "/probe-agents", { probe_agent: { name: "sneaky", label: "Nowhere" } }],
    ["PATCH", `/monitors/${monitorId}`, { monitor: { paused: true } }],
  ];
  for (const [method, route, body] of refusals) {
    const r = await call(method, route, body, probeToken);
    expect(r.status, `${method} ${route}`).toBe(403);
    expect(r.type, `${method} ${route}`).toContain("application/problem+json");
  }
  // Its own routes answer it...
  const own = await call("GET", "/probe/assignments", undefined, probeToken);
  expect(own.status).toBe(200);
  expect(own.body.monitors.map((m: { id: string }) => m.id)).toEqual([monitorId]);
  // ...and not an admin token.
  const results = {
    agent: { boot: "admin-token-boot", version: "0.0.0" },
    results: [{ seq: 1, monitor_id: monitorId, at: new Date().toISOString(), ok: false, latency_ms: 1, error: "x" }],
  };
  for (const [method, route, body] of [
    ["GET", "/probe/assignments"],
    ["POST", "/probe/results", results],
  ] as const) {
    const r = await call(method, route, body);
    expect(r.status, `${method} ${route} with the admin token`).toBe(403);
    expect(r.type).toContain("application/problem+json");
  }
  expect((await call("GET", `/monitors/${monitorId}`)).body.paused).toBe(false);
});

test("[probe agents] a. all up is up; one location failing is regional, and the public status stays operational", async ({
  page,
}) => {
  await poll(locationStates, "every location reports up").toEqual({
    "eu-west": "up",
    "us-east": "up",
    "ap-south": "up",
  });
  expect(await monitorHealth()).toBe("up");
  for (const name of NAMES)
    expect(agents[name].out[0]).toBe(
      `outpost probe ${name}: 1 monitor from ${agents[name].server}; results wait in ${agents[name].dataDir}`,
    );

  target.failing.add("eu-west");
  await poll(monitorHealth, "one location of three down: regional").toBe("regional");
  expect(locationStates()).toEqual({ "eu-west": "down", "us-east": "up", "ap-south": "up" });
  expect(await publicStatus()).toBe("operational");
  expect((await call("GET", "/components")).body.find((c: { name: string }) => c.name === "Checkout").status).toBe(
    "operational",
  );
  await page.goto(server.url);
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await expect(page.locator("[data-where-from]")).toHaveCount(0);
  // Staff hear of it (a regional alert, saying where from), the public does not.
  const regional = () =>
    webhook.requests
      .map((r) => r.json() as { title: string; text: string })
      .find((n) => n.title === "REGIONAL: Checkout health (Checkout) fails from some locations");
  await poll(() => regional()?.text ?? "", "the regional alert").toContain(
    "Where: Down from eu-west; up from ap-south, us-east",
  );
});

test("[probe agents] b. two of three failing take the component down and the page says from where; it recovers", async ({
  page,
}) => {
  target.failing.add("us-east");
  await poll(monitorHealth, "two locations of three down: down").toBe("down");
  expect(await publicStatus()).toBe("major_outage");
  // A status change rebuilds the public snapshot, so the locations document is current.
  expect(await publicLocations()).toEqual({
    status: "major_outage",
    verdict: "down",
    quorum: 2,
    locations: { "ap-south": "up", "eu-west": "down", "us-east": "down" },
  });
  const whereFrom = "Unreachable from 2 of 3 locations (Frankfurt, Virginia); reachable from Singapore";
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(server.url);
    await expect(page.locator("[data-where-from]")).toHaveText(whereFrom);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `no sideways scroll at ${width} px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/probe-agents-where-from-${width}.png`, fullPage: true });
  }

  // us-east recovers first: one of three is down again, regional, and the component is back up.
  target.failing.delete("us-east");
  await poll(monitorHealth, "one location of three down again: regional").toBe("regional");
  await poll(publicStatus, "the component follows the verdict").toBe("operational");
  expect(await publicLocations()).toEqual({
    status: "operational",
    verdict: "regional",
    quorum: 2,
    locations: { "ap-south": "up", "eu-west": "down", "us-east": "up" },
  });
  await page.goto(server.url);
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await expect(page.locator("[data-where-from]")).toHaveCount(0);

  target.failing.delete("eu-west");
  await poll(monitorHealth, "every location up again").toBe("up");
  expect(await publicStatus()).toBe("operational");
});

test("[probe agents] c. an agent killed while failing falls silent: staff are told, its vote stops counting, it comes back", async () => {
  const eu = agents["eu-west"];
  target.failing.add("eu-west");
  await poll(monitorHealth, "eu-west down: regional").toBe("regional");
  const before = webhook.requests.length;
  await stopAgent(eu, "SIGKILL");

  await poll(
    () => notices(before).some((t) => t === "SILENT: probe agent eu-west (Frankfurt)"),
    "the silent notice reaches the webhook",
    SILENCE_WAIT,
  ).toBe(true);
  expect((await call("GET", `/probe-agents/${eu.id}`)).body.silent).toBe(true);
  // Its location still says down, but only live locations vote: the others say up.
  await poll(monitorHealth, "the silent location does not count").toBe("up");
  expect(locationStates()["eu-west"]).toBe("down");

  // A second location fails: two of three are down, one of them silent: regional, not down.
  target.failing.add("us-east");
  await poll(() => locationStates()["us-east"], "us-east reports down").toBe("down");
  expect(locationStates()).toEqual({ "eu-west": "down", "us-east": "down", "ap-south": "up" });
  await poll(monitorHealth, "one live location down of a quorum of two").toBe("regional");
  expect(await publicStatus()).toBe("operational");

  // Restarted on the same data dir, it reports again: its vote counts and the quorum is reached.
  const back = webhook.requests.length;
  startAgent(eu);
  await poll(
    () => notices(back).some((t) => t === "BACK: probe agent eu-west (Frankfurt) reports again"),
    "the back notice reaches the webhook",
    SILENCE_WAIT,
  ).toBe(true);
  await poll(monitorHealth, "two live locations down: down").toBe("down");
  expect(await publicStatus()).toBe("major_outage");
  expect((await call("GET", `/probe-agents/${eu.id}`)).body.silent).toBe(false);

  target.failing.clear();
  await poll(monitorHealth, "all up again").toBe("up");
  await poll(publicStatus, "the component is back").toBe("operational");
});

test("[probe agents] d. an agent cut off for a minute keeps checking and delivers what waited, once", async () => {
  test.setTimeout(180_000);
  const ap = agents["ap-south"];
  const checks = (from: number, to: number) =>
    db
      .prepare(
        "SELECT count(*) FROM check_results WHERE monitor_id = ? AND location = 'ap-south' AND at >= ? AND at <= ?",
      )
      .pluck()
      .get(monitorId, from, to) as number;
  const before = webhook.requests.length;
  const lines = ap.out.length;
  const said = (text: string) => ap.out.slice(lines).find((l) => l.includes(text)) ?? "";
  const cutAt = Date.now();
  proxy.cut();
  await poll(() => said("cannot reach the server"), "the agent says the server is away").toMatch(
    /^outpost probe ap-south: cannot reach the server: .*; checks go on, results wait on disk$/,
  );
  await poll(
    () => notices(before).includes("SILENT: probe agent ap-south (Singapore)"),
    "the cut-off agent falls silent",
    SILENCE_WAIT,
  ).toBe(true);
  await new Promise((r) => setTimeout(r, Math.max(0, cutAt + CUT_OFF_MS - Date.now())));
  // Nothing of the gap has reached the server yet.
  expect(checks(cutAt + 1, Date.now())).toBe(0);
  const restoredAt = Date.now();
  proxy.restore();

  await poll(() => said("the server is back"), "the agent says it is back and what it sent").toMatch(
    /^outpost probe ap-south: the server is back after \d+ s; sent \d+ results? that waited$/,
  );
  const sent = Number(/sent (\d+) result/.exec(said("the server is back"))![1]);
  await poll(
    () => notices(before).includes("BACK: probe agent ap-south (Singapore) reports again"),
    "the agent is back for staff too",
    SILENCE_WAIT,
  ).toBe(true);

  // The minute was checked (one check per interval, so at least three in it), every check is
  // stored once, and what was sent back covers it.
  const inGap = checks(cutAt, restoredAt);
  expect(inGap).toBeGreaterThanOrEqual(Math.floor(CUT_OFF_MS / (MIN_INTERVAL_SECONDS * 1000)) - 1);
  expect(sent).toBeGreaterThanOrEqual(inGap);
  const repeated = db
    .prepare(
      "SELECT at, count(*) AS n FROM check_results WHERE monitor_id = ? AND location = 'ap-south' GROUP BY at HAVING n > 1",
    )
    .all(monitorId);
  expect(repeated).toEqual([]);
  expect(await monitorHealth()).toBe("up");
});

test("[probe agents] every check came from an agent, each saying where from; none from the server", () => {
  expect(new Set(target.seen)).toEqual(new Set(NAMES));
  expect(
    db.prepare("SELECT count(*) FROM check_results WHERE monitor_id = ? AND location = 'local'").pluck().get(monitorId),
  ).toBe(0);
  for (const name of NAMES) expect(agents[name].out.join("\n")).not.toContain(agents[name].token);
});
