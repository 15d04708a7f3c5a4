import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../net/free-port";
import { AgentHttpError, ProbeClient } from "./client";
import { PAGE_ID, TOKEN, assignmentFor, startStandIn, type StandIn } from "./test-support";

let standIn: StandIn | null = null;
const servers: http.Server[] = [];
afterEach(async () => {
  await standIn?.close();
  standIn = null;
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

const client = (server: string, over: Partial<ConstructorParameters<typeof ProbeClient>[0]> = {}) =>
  new ProbeClient({ server, token: TOKEN, name: "eu-west", version: "9.9.9", timeoutMs: 2000, ...over });

async function failure(p: Promise<unknown>): Promise<AgentHttpError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AgentHttpError);
  expect((err as Error).message).not.toContain(TOKEN);
  return err as AgentHttpError;
}

/** A raw server answering every request with fn. */
async function raw(fn: http.RequestListener): Promise<string> {
  const s = http.createServer(fn);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

describe("probe agent client", () => {
  it("learns the page id, fetches assignments and posts results with the agent's headers", async () => {
    standIn = await startStandIn([assignmentFor("m1", "http://127.0.0.1:1/")]);
    const c = client(standIn.url, { now: () => Date.parse("2030-01-02T03:04:05.000Z") });
    const pageId = await c.pageId();
    expect(pageId).toBe(PAGE_ID);
    const a = await c.assignments(pageId);
    expect(a.monitors.map((m) => m.id)).toEqual(["m1"]);
    expect(a.poll_seconds).toBe(1);
    const answer = await c.postResults(pageId, {
      agent: { boot: "boot-0001", version: "9.9.9" },
      results: [{ seq: 1, monitor_id: "m1", at: "2030-01-02T03:04:05.000Z", ok: true, latency_ms: 12, error: null }],
    });
    expect(answer).toMatchObject({ accepted: 1, duplicates: 0, acked_seq: 1 });

    const [summary, assignments, results] = standIn.requests;
    // The summary is public: the token goes only where it is needed.
    expect(summary!.headers.authorization).toBeUndefined();
    for (const r of [assignments!, results!]) {
      expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(r.headers["x-outpost-agent"]).toBe("eu-west");
      expect(r.headers["x-outpost-agent-version"]).toBe("9.9.9");
      expect(r.headers["x-outpost-agent-time"]).toBe("2030-01-02T03:04:05.000Z");
      expect(r.headers["user-agent"]).toBe("outpost-probe/9.9.9");
    }
    expect(results!.headers["content-type"]).toBe("application/json");
  });

  it("turns problem+json answers into errors the agent acts on", async () => {
    standIn = await startStandIn();
    const c = client(standIn.url);
    standIn.mode.assignments = "unauthorized";
    const auth = await failure(c.assignments(PAGE_ID));
    expect(auth).toMatchObject({ kind: "auth", status: 401 });
    expect(auth.message).toContain("The token is not valid (revoked?)");

    standIn.mode.assignments = "unavailable";
    expect(await failure(c.assignments(PAGE_ID))).toMatchObject({ kind: "server", status: 503 });

    expect(await failure(c.assignments("another-page"))).toMatchObject({ kind: "not_found", status: 404 });

    standIn.mode.assignments = "invalid";
    const bad = await failure(c.assignments(PAGE_ID));
    expect(bad.kind).toBe("bad_answer");
    expect(bad.message).toMatch(/unexpected answer/);

    // A wrong token is refused like a revoked one.
    const wrong = await failure(client(standIn.url, { token: "op_probe_other" }).assignments(PAGE_ID));
    expect(wrong.kind).toBe("auth");
  });

  it("says a rejected body, a redirect and a non-JSON answer apart", async () => {
    const url = await raw((req, res) => {
      if (req.url!.endsWith("/results")) {
        res.writeHead(422, { "content-type": "application/problem+json" });
        return res.end(JSON.stringify({ title: "Unprocessable", status: 422, detail: "results.0.seq: too small" }));
      }
      if (req.url!.includes("summary")) return res.writeHead(301, { location: "https://elsewhere.example/" }).end();
      res.writeHead(200, { "content-type": "text/html" }).end("<html>hello</html>");
    });
    const c = client(url);
    const refused = await failure(c.postResults("p", { agent: { boot: "boot-0001", version: "1" }, results: [] }));
    expect(refused).toMatchObject({ kind: "refused", status: 422 });
    expect(refused.message).toContain("results.0.seq: too small");
    const moved = await failure(c.pageId());
    expect(moved.kind).toBe("redirect");
    expect(moved.message).toContain("https://elsewhere.example/");
    const html = await failure(c.assignments("p"));
    expect(html.kind).toBe("bad_answer");
    expect(html.message).toContain("not JSON");
  });

  it("gives up on a server that does not answer, and on a closed port", async () => {
    const url = await raw(() => {
      // never answers
    });
    const hung = await failure(client(url, { timeoutMs: 300 }).assignments(PAGE_ID));
    expect(hung.kind).toBe("unreachable");
    expect(hung.message).toMatch(/no answer within 0.3 s/);

    // Headers first, then a body that never ends: the same deadline holds.
    const stalls = await raw((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("{");
    });
    expect((await failure(client(stalls, { timeoutMs: 300 }).pageId())).kind).toBe("unreachable");

    const closed = `http://127.0.0.1:${await freePort()}`;
    const refused = await failure(client(closed).pageId());
    expect(refused.kind).toBe("unreachable");
    expect(refused.message).toContain("ECONNREFUSED");
  });
});
