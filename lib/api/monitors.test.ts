import { describe, expect, it } from "vitest";
import { monitorOut } from "./monitors";
import { apiFixture, type ApiAnswer } from "./testing";

function expectProblem(res: ApiAnswer, status: number, fields: string[] = []) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  if (fields.length) expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(fields);
}

describe("monitors over the admin API", () => {
  it("creates, lists, reads, pauses and deletes a monitor", async () => {
    const f = apiFixture();
    const ids = async () => (await f.call("GET", "monitors")).json.map((x: { id: string }) => x.id) as string[];
    const demo = await ids(); // the demo page's own (paused) monitors
    const created = await f.call("POST", "monitors", {
      json: {
        monitor: {
          component_id: "public-api",
          name: "API health",
          kind: "http",
          settings: { url: "http://127.0.0.1:9/health", status_min: 200, status_max: 204, follow_redirects: false },
          interval_seconds: 30,
          latency_threshold_ms: 800,
        },
      },
    });
    expect(created.status).toBe(201);
    const m = monitorOut.parse(created.json);
    expect(m).toMatchObject({
      name: "API health",
      kind: "http",
      interval_seconds: 30,
      fail_threshold: 2,
      recover_threshold: 2,
      paused: false,
      health: "unknown",
      heartbeat_url: null,
    });
    expect(m.settings).toMatchObject({
      url: "http://127.0.0.1:9/health",
      status_min: 200,
      status_max: 204,
      follow_redirects: false,
      method: "GET",
    });
    expect(m.warning).toMatch(/loopback or private/);
    expect(await ids()).toEqual([...demo, m.id]);
    expect((await f.call("GET", `monitors/${m.id}`)).json.name).toBe("API health");
    const paused = await f.call("PATCH", `monitors/${m.id}`, { json: { monitor: { paused: true } } });
    expect(paused.json.paused).toBe(true);
    expect(f.audit("monitor.pause")).toHaveLength(1);
    expect((await f.call("DELETE", `monitors/${m.id}`)).json.id).toBe(m.id);
    expectProblem(await f.call("GET", `monitors/${m.id}`), 404);
  });

  it("gives a heartbeat monitor its secret URL", async () => {
    const f = apiFixture();
    const res = await f.call("POST", "monitors", {
      json: {
        monitor: {
          component_id: "webhooks",
          name: "Nightly export",
          kind: "heartbeat",
          settings: { period_seconds: 86400, grace_seconds: 600 },
        },
      },
    });
    expect(res.json.heartbeat_url).toMatch(/^http:\/\/status\.test\/api\/heartbeat\/[A-Za-z0-9_-]{24}$/);
    expect(res.json.warning).toBeNull();
  });

  it("refuses bad input with problem+json naming the field", async () => {
    const f = apiFixture();
    const base = { component_id: "public-api", name: "x" };
    expectProblem(
      await f.call("POST", "monitors", {
        json: { monitor: { ...base, kind: "http", settings: { url: "ftp://example.com" } } },
      }),
      422,
      ["monitor.settings.url"],
    );
    expectProblem(
      await f.call("POST", "monitors", {
        json: { monitor: { ...base, kind: "tcp", settings: { host: "db", port: 0 } } },
      }),
      422,
      ["monitor.settings.port"],
    );
    expectProblem(
      await f.call("POST", "monitors", {
        json: { monitor: { ...base, kind: "http", interval_seconds: 10, settings: { url: "https://example.com" } } },
      }),
      422,
      ["monitor.interval_seconds"],
    );
    expectProblem(
      await f.call("POST", "monitors", { json: { monitor: { ...base, kind: "smoke", settings: {} } } }),
      422,
    );
    expectProblem(
      await f.call("POST", "monitors", {
        json: { monitor: { ...base, component_id: "nope", kind: "http", settings: { url: "https://example.com" } } },
      }),
      404,
    );
    expectProblem(await f.call("GET", "monitors", { auth: null }), 401);
  });
});
