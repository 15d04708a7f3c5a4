import nodeHttp from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  hasOpenssl,
  startDns,
  startStatuspage,
  startTarget,
  startTlsServer,
  type StatuspageStandIn,
  type Target,
} from "../test-support";
import { must } from "../../testing";
import { runProbe } from "../registry";
import { agentProbe, prepare } from "../agent/runner";
import type { HttpSettings } from "../kinds/http";
import type { TargetPolicy } from "../../net/targets";

/** The stand-ins listen on 127.0.0.1: these tests run as an internal-target monitor would. */
const INTERNAL: TargetPolicy = { allowPrivate: true, allowMetadata: false };

const NOW = Date.now();
let target: Target;

beforeAll(async () => {
  target = await startTarget();
});
afterAll(() => target.close());

const http = (over: Partial<HttpSettings> = {}): HttpSettings => ({
  method: "GET",
  url: target.url,
  headers: {},
  statusMin: 200,
  statusMax: 299,
  keyword: null,
  followRedirects: true,
  ...over,
});

describe("HTTP probe", () => {
  it("passes on an accepted status and reports latency", async () => {
    target.mode = "up";
    const r = await runProbe("http", http(), { policy: INTERNAL, timeoutMs: 2000, now: NOW });
    expect(r).toMatchObject({ ok: true, error: null });
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
  });
  it("fails on a status outside the range, and on a missing keyword", async () => {
    target.mode = "down";
    expect(await runProbe("http", http(), { policy: INTERNAL, timeoutMs: 2000, now: NOW })).toMatchObject({
      ok: false,
      error: "HTTP 503 (expected 200-299)",
    });
    target.mode = "up";
    expect(
      await runProbe("http", http({ keyword: "all good" }), { policy: INTERNAL, timeoutMs: 2000, now: NOW }),
    ).toMatchObject({ ok: true });
    expect(
      (await runProbe("http", http({ keyword: "banana" }), { policy: INTERNAL, timeoutMs: 2000, now: NOW })).error,
    ).toMatch(/does not contain/);
  });
  it("follows redirects only when told to", async () => {
    target.mode = "up";
    expect(
      await runProbe("http", http({ url: `${target.url}redirect` }), { policy: INTERNAL, timeoutMs: 2000, now: NOW }),
    ).toMatchObject({ ok: true });
    expect(
      await runProbe("http", http({ url: `${target.url}redirect`, followRedirects: false }), {
        policy: INTERNAL,
        timeoutMs: 2000,
        now: NOW,
      }),
    ).toMatchObject({ ok: false, error: "HTTP 302 (expected 200-299)" });
  });
  it("gives up on a hung target at the deadline and frees the socket", async () => {
    target.mode = "hang";
    const r = await runProbe("http", http(), { policy: INTERNAL, timeoutMs: 300, now: NOW });
    expect(r).toMatchObject({ ok: false, error: "No answer within 300 ms" });
  });
  it("fails on a refused connection", async () => {
    const gone = await startTarget();
    const url = gone.url;
    await gone.close();
    const r = await runProbe("http", http({ url }), { policy: INTERNAL, timeoutMs: 2000, now: NOW });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/ECONNREFUSED/);
  });
});

describe("the location header", () => {
  /** A real server that remembers the x-outpost-location header of each request (or "none"). */
  let seen: string[];
  let server: nodeHttp.Server;
  let url: string;
  beforeAll(async () => {
    seen = [];
    server = nodeHttp.createServer((req, res) => {
      seen.push(String(req.headers["x-outpost-location"] ?? "none"));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ page: { id: "p" }, components: [{ id: "c1", name: "Api", status: "operational" }] }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const ctx = (location?: string) => ({ policy: INTERNAL, timeoutMs: 2000, now: NOW, location });

  it("is sent by HTTP and upstream checks from a location, and not by the server's own", async () => {
    seen.length = 0;
    expect(await runProbe("http", http({ url }), ctx("eu-west"))).toMatchObject({ ok: true });
    expect(await runProbe("http", http({ url }), ctx())).toMatchObject({ ok: true });
    expect(await runProbe("upstream", { url, component: "c1" }, ctx("ap-south"))).toMatchObject({ ok: true });
    expect(await runProbe("upstream", { url, component: "c1" }, ctx())).toMatchObject({ ok: true });
    expect(seen).toEqual(["eu-west", "none", "ap-south", "none"]);
  });

  it("gives way to a header the monitor sets itself, whatever its case", async () => {
    seen.length = 0;
    await runProbe("http", http({ url, headers: { "X-Outpost-Location": "mine" } }), ctx("eu-west"));
    expect(seen).toEqual(["mine"]);
  });

  it("carries the agent's name from its runner", async () => {
    seen.length = 0;
    const a = {
      id: "m1",
      name: "Api",
      kind: "http",
      settings: { url },
      interval_seconds: 15,
      timeout_ms: 2000,
      allow_private: true,
      allow_metadata: false,
    };
    const ready = prepare(a);
    if (!ready.ok) throw new Error(ready.why);
    expect(await agentProbe("us-east")(ready.m, NOW)).toMatchObject({ ok: true });
    expect(seen).toEqual(["us-east"]);
  });
});

describe("TCP probe", () => {
  it("connects to an open port and fails on a closed one", async () => {
    expect(
      await runProbe("tcp", { host: "127.0.0.1", port: target.port }, { policy: INTERNAL, timeoutMs: 2000, now: NOW }),
    ).toMatchObject({ ok: true });
    const gone = await startTarget();
    await gone.close();
    const r = await runProbe(
      "tcp",
      { host: "127.0.0.1", port: gone.port },
      { policy: INTERNAL, timeoutMs: 2000, now: NOW },
    );
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/ECONNREFUSED/);
  });
});

describe("DNS probe", () => {
  it("resolves through the configured server and compares with the expected records", async () => {
    const dns = await startDns({ "api.example.test": ["192.0.2.10"] });
    try {
      const base = { name: "api.example.test", recordType: "A" as const, server: dns.server };
      expect(
        await runProbe("dns", { ...base, expected: [] }, { policy: INTERNAL, timeoutMs: 2000, now: NOW }),
      ).toMatchObject({ ok: true });
      expect(
        await runProbe("dns", { ...base, expected: ["192.0.2.10"] }, { policy: INTERNAL, timeoutMs: 2000, now: NOW }),
      ).toMatchObject({ ok: true });
      const wrong = await runProbe(
        "dns",
        { ...base, expected: ["192.0.2.99"] },
        { policy: INTERNAL, timeoutMs: 2000, now: NOW },
      );
      expect(wrong).toMatchObject({ ok: false, error: "api.example.test A is 192.0.2.10; expected 192.0.2.99" });
      const missing = await runProbe(
        "dns",
        { ...base, name: "nope.example.test", expected: [] },
        { policy: INTERNAL, timeoutMs: 2000, now: NOW },
      );
      expect(missing.ok).toBe(false);
      expect(missing.error).toMatch(/ENOTFOUND/);
    } finally {
      await dns.close();
    }
  });
});

describe.skipIf(!hasOpenssl())("TLS probe", () => {
  it("refuses an untrusted certificate, warns near expiry, fails after it", async () => {
    const server = await startTlsServer(5);
    try {
      const base = { host: "127.0.0.1", port: server.port, warnDays: 14 };
      const untrusted = await runProbe(
        "tls",
        { ...base, allowUntrusted: false },
        { policy: INTERNAL, timeoutMs: 3000, now: Date.now() },
      );
      expect(untrusted.ok).toBe(false);
      expect(untrusted.error).toMatch(/^Certificate not trusted/);
      const soon = await runProbe(
        "tls",
        { ...base, allowUntrusted: true },
        { policy: INTERNAL, timeoutMs: 3000, now: Date.now() },
      );
      expect(soon).toMatchObject({ ok: true, degraded: true });
      expect(soon.error).toMatch(/expires in [45] days/);
      expect(
        await runProbe(
          "tls",
          { ...base, warnDays: 2, allowUntrusted: true },
          { policy: INTERNAL, timeoutMs: 3000, now: Date.now() },
        ),
      ).toMatchObject({ ok: true, error: null });
      const later = await runProbe(
        "tls",
        { ...base, allowUntrusted: true },
        { policy: INTERNAL, timeoutMs: 3000, now: Date.now() + 10 * 86_400_000 },
      );
      expect(later.ok).toBe(false);
      expect(later.error).toMatch(/expired/);
    } finally {
      await server.close();
    }
  });
});

describe("heartbeat probe", () => {
  const s = { periodSeconds: 60, graceSeconds: 30 };
  it("passes within period plus grace and fails after", async () => {
    expect(
      await runProbe("heartbeat", s, { policy: INTERNAL, timeoutMs: 1000, now: NOW, lastBeatAt: NOW - 89_000 }),
    ).toMatchObject({ ok: true });
    const silent = await runProbe("heartbeat", s, {
      policy: INTERNAL,
      timeoutMs: 1000,
      now: NOW,
      lastBeatAt: NOW - 91_000,
    });
    expect(silent).toMatchObject({ ok: false, error: "No heartbeat for 91 s (expected every 60 s, grace 30 s)" });
    expect(
      await runProbe("heartbeat", s, {
        policy: INTERNAL,
        timeoutMs: 1000,
        now: NOW,
        lastBeatAt: null,
        createdAt: NOW - 10_000,
      }),
    ).toMatchObject({ ok: true });
    expect(
      (
        await runProbe("heartbeat", s, {
          policy: INTERNAL,
          timeoutMs: 1000,
          now: NOW,
          lastBeatAt: null,
          createdAt: NOW - 100_000,
        })
      ).error,
    ).toMatch(/^No heartbeat received yet/);
  });
});

describe("upstream probe", () => {
  let page: StatuspageStandIn;
  beforeAll(async () => {
    page = await startStatuspage([
      { id: "abc123", name: "Object Storage", status: "operational" },
      { id: "def456", name: "Compute", status: "operational" },
    ]);
  });
  afterAll(() => page.close());

  it("follows one component by id or name and maps its status", async () => {
    const ctx = { policy: INTERNAL, timeoutMs: 2000, now: NOW };
    const storage = must(page.components[0], "the stand-in's first component");
    expect(await runProbe("upstream", { url: page.url, component: "abc123" }, ctx)).toMatchObject({ ok: true });
    storage.status = "degraded_performance";
    expect(await runProbe("upstream", { url: page.url, component: "object storage" }, ctx)).toMatchObject({
      ok: true,
      degraded: true,
    });
    storage.status = "major_outage";
    expect(
      await runProbe("upstream", { url: `${page.url}/api/v2/components.json`, component: "abc123" }, ctx),
    ).toMatchObject({ ok: false, error: "Upstream Object Storage: major outage" });
    expect((await runProbe("upstream", { url: page.url, component: "Queues" }, ctx)).error).toMatch(/has no component/);
  });
});

describe("[security] probes are not an SSRF oracle", () => {
  const PUBLIC_ONLY: TargetPolicy = { allowPrivate: false, allowMetadata: false };
  const ctx = (policy: TargetPolicy) => ({ policy, timeoutMs: 2000, now: NOW });

  it("refuse a name that resolves to loopback at connect time, and send nothing", async () => {
    target.mode = "up";
    const hits = target.hits;
    const byName = await runProbe("http", http({ url: `http://localhost:${target.port}/` }), ctx(PUBLIC_ONLY));
    expect(byName).toMatchObject({ ok: false });
    expect(byName.error).toMatch(
      /^Refused to connect: localhost resolves to 127\.0\.0\.1, a loopback or private address/,
    );
    const tcp = await runProbe("tcp", { host: "localhost", port: target.port }, ctx(PUBLIC_ONLY));
    expect(tcp.error).toMatch(/^Refused to connect: localhost resolves to 127\.0\.0\.1/);
    const tls = await runProbe(
      "tls",
      { host: "localhost", port: target.port, warnDays: 14, allowUntrusted: true },
      ctx(PUBLIC_ONLY),
    );
    expect(tls.error).toMatch(/^Refused to connect: localhost resolves to 127\.0\.0\.1/);
    expect(target.hits).toBe(hits);
  });

  it("refuse loopback literals in every encoding", async () => {
    const hits = target.hits;
    for (const host of [
      "127.0.0.1",
      "[::1]",
      "[::ffff:127.0.0.1]",
      "[::ffff:7f00:1]",
      "2130706433",
      "0x7f.1",
      "[64:ff9b::7f00:1]",
    ]) {
      const r = await runProbe("http", http({ url: `http://${host}:${target.port}/` }), ctx(PUBLIC_ONLY));
      expect(r.error, host).toMatch(/^Refused to connect: .* is a loopback or private address/);
    }
    expect(target.hits).toBe(hits);
  });

  it("refuse metadata addresses even when private ones are allowed, redirects included", async () => {
    const meta = await runProbe("http", http({ url: "http://169.254.169.254/latest/meta-data/" }), ctx(INTERNAL));
    expect(meta.error).toMatch(/^Refused to connect: 169\.254\.169\.254 is a link-local or cloud metadata address/);
    expect((await runProbe("tcp", { host: "fd00:ec2::254", port: 80 }, ctx(INTERNAL))).error).toMatch(/cloud metadata/);
    const hop = nodeHttp.createServer((_req, res) => {
      res.writeHead(302, { location: "http://[::ffff:169.254.169.254]/latest/meta-data/" });
      res.end();
    });
    await new Promise<void>((r) => hop.listen(0, "127.0.0.1", r));
    try {
      const r = await runProbe(
        "http",
        http({ url: `http://127.0.0.1:${(hop.address() as AddressInfo).port}/` }),
        ctx(INTERNAL),
      );
      expect(r.error).toMatch(/^Refused to connect: .*metadata/);
    } finally {
      hop.close();
    }
  });

  it("refuse a private resolver for DNS checks unless allowed", async () => {
    const r = await runProbe(
      "dns",
      { name: "example.com", recordType: "A", expected: [], server: "10.0.0.53:53" },
      ctx(PUBLIC_ONLY),
    );
    expect(r).toMatchObject({ ok: false, error: "Refused to query 10.0.0.53: a loopback or private address" });
  });

  it("say a keyword is missing without echoing the response body", async () => {
    target.mode = "up";
    const r = await runProbe("http", http({ keyword: "banana" }), ctx(INTERNAL));
    expect(r.error).toBe("The response does not contain “banana”");
    expect(r.error).not.toContain("all good");
  });
});
