import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { insertComponent, listComponents } from "@/db/queries/components";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { deliverAlerts } from "../alerts/deliver";
import { AppError } from "../errors";
import { createToken, revokeToken } from "../tokens";
import { SYSTEM_ACTOR } from "../audit";
import { must } from "../testing";
import { handleApiRequest, problemOf, withoutJsonSuffix } from "./dispatch";
import { MAX_BODY_BYTES } from "./http";
import { API_ROUTES } from "./routes";
import { apiFixture, ENV_TOKEN, PUBLIC_URL, type ApiAnswer } from "./testing";

const sample = (path: string) => path.replace(/\{\w+\}/g, "x");
const body = { incident: { name: "Probe", status: "investigating" } };

function expectProblem(res: ApiAnswer, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
  expect(res.json).toMatchObject({
    type: "about:blank",
    status,
    title: expect.any(String),
    detail: expect.any(String),
  });
}

afterEach(() => vi.restoreAllMocks());

describe("authentication", () => {
  it("accepts the token as OAuth (Statuspage's scheme) or Bearer, in any case", async () => {
    const f = apiFixture();
    for (const auth of [`OAuth ${ENV_TOKEN}`, `Bearer ${ENV_TOKEN}`, `oauth ${ENV_TOKEN}`]) {
      expect((await f.call("GET", "incidents/unresolved", { auth })).status).toBe(200);
    }
  });

  it("refuses every registered route without a valid token: 401 with a challenge, nothing written", async () => {
    const f = apiFixture();
    const { token } = createToken(f.db, SYSTEM_ACTOR, { name: "old", scope: "admin" });
    revokeToken(f.db, SYSTEM_ACTOR, (await f.call("GET", "api-tokens")).json[0].id);
    const v = f.version();
    const audits = f.audit().length;
    expect(API_ROUTES.length).toBeGreaterThanOrEqual(24);
    for (const r of API_ROUTES) {
      for (const auth of [null, "OAuth wrong-token", `Bearer ${token}`, "Basic dXNlcjpwYXNz", `OAuth`]) {
        const res = await f.call(r.method, sample(r.pattern), { auth, json: r.body ? body : undefined });
        expectProblem(res, 401);
        expect(res.headers.get("www-authenticate"), `${r.method} ${r.pattern}`).toMatch(
          /^OAuth realm="Outpost", Bearer realm="Outpost"/,
        );
      }
    }
    expect(f.version()).toBe(v);
    expect(f.audit()).toHaveLength(audits);
  });
});

describe("token scopes", () => {
  it("every route declares the scope it needs: read for public-facing content, write for changes and for reading what holds secrets or personal data", () => {
    for (const r of API_ROUTES) {
      // A probe agent's own routes take its token only.
      if (r.pattern.startsWith("probe/")) {
        expect(r.scope, `${r.method} ${r.pattern}`).toBe("probe");
        continue;
      }
      expect(["read", "write", "admin"], `${r.method} ${r.pattern}`).toContain(r.scope);
      // The page's own settings are an admin's, as in the staff area; so is making probe agents (each is a token).
      const adminOnly =
        r.pattern === "export" ||
        r.pattern.startsWith("api-tokens") ||
        (r.pattern.startsWith("probe-agents") && r.method !== "GET") ||
        (r.pattern === "" && r.method !== "GET");
      const sensitive = ["monitors", "subscribers", "probe-agents"].some((p) => r.pattern.startsWith(p));
      expect(r.scope, `${r.method} ${r.pattern}`).toBe(
        adminOnly ? "admin" : r.method === "GET" && !sensitive ? "read" : "write",
      );
    }
  });

  it("a weaker token gets 403 problem+json on every route, with nothing written; probe tokens reach only probe routes", async () => {
    const f = apiFixture();
    const tokens = Object.fromEntries(
      (["read", "write", "admin"] as const).map((scope) => [
        scope,
        createToken(f.db, SYSTEM_ACTOR, { name: scope, scope }).token,
      ]),
    );
    f.db.$client
      .prepare(
        "INSERT INTO api_tokens (id, name, token_hash, prefix, scope, created_at) VALUES ('probe1', 'agent', ?, 'op_prb', 'probe', 1)",
      )
      .run(createHash("sha256").update("op_probe-token").digest("hex"));
    const v = f.version();
    const audits = f.audit().length;
    // Probe routes are not "above" admin: they are a different door, closed to every other token.
    const weaker = { read: [], write: ["read"], admin: ["read", "write"], probe: ["read", "write", "admin"] } as const;
    let refusals = 0;
    for (const r of API_ROUTES) {
      const others = weaker[r.scope].map((s) => `Bearer ${tokens[s]}`);
      for (const auth of r.scope === "probe" ? others : [...others, "Bearer op_probe-token"]) {
        const res = await f.call(r.method, sample(r.pattern), { auth, json: r.body ? body : undefined });
        expectProblem(res, 403);
        expect(res.json.detail, `${r.method} ${r.pattern}`).toMatch(new RegExp(`needs a ${r.scope} token`));
        expect(res.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThan(API_ROUTES.length);
    expect(f.version()).toBe(v);
    expect(f.audit()).toHaveLength(audits);
  });

  it("a read token reads; a write token writes but cannot export or manage tokens; an admin token does all", async () => {
    const f = apiFixture();
    const token = (scope: "read" | "write" | "admin") =>
      `Bearer ${createToken(f.db, SYSTEM_ACTOR, { name: scope, scope }).token}`;
    const [read, write, admin] = [token("read"), token("write"), token("admin")];
    expect((await f.call("GET", "components", { auth: read })).status).toBe(200);
    expectProblem(await f.call("POST", "incidents", { auth: read, json: body }), 403);
    expectProblem(await f.call("GET", "subscribers", { auth: read }), 403);
    expectProblem(await f.call("GET", "monitors", { auth: read }), 403);
    expect((await f.call("GET", "subscribers", { auth: write })).status).toBe(200);
    expectProblem(await f.call("GET", "export", { auth: read }), 403);
    expect((await f.call("POST", "incidents", { auth: write, json: body })).status).toBe(201);
    expectProblem(await f.call("GET", "export", { auth: write }), 403);
    expectProblem(await f.call("GET", "api-tokens", { auth: write }), 403);
    expect((await f.call("GET", "export", { auth: admin })).status).toBe(200);
    expect((await f.call("GET", "api-tokens", { auth: admin })).status).toBe(200);
  });
});

describe(".json aliases", () => {
  it("takes one .json suffix off the last segment only", () => {
    expect(withoutJsonSuffix("pages/p/incidents.json")).toBe("pages/p/incidents");
    expect(withoutJsonSuffix("pages/p/incidents/abc.json")).toBe("pages/p/incidents/abc");
    expect(withoutJsonSuffix("pages/p/components/x.json.json")).toBe("pages/p/components/x.json");
    expect(withoutJsonSuffix("pages/p.json/incidents")).toBe("pages/p.json/incidents");
    expect(withoutJsonSuffix("pages/p/incidents/.json")).toBe("pages/p/incidents/.json");
    expect(withoutJsonSuffix("pages/p/incidents.json/")).toBe("pages/p/incidents.json/");
  });

  it("the GET routes answer the same with a .json suffix, the spelling Statuspage documents", async () => {
    const f = apiFixture();
    const incident = (await f.call("POST", "incidents", { json: body })).json;
    const component = (await f.call("GET", "components")).json.find((c: { group: boolean }) => !c.group);
    const group = (await f.call("GET", "component-groups")).json[0];
    for (const path of [
      "incidents",
      "incidents/unresolved",
      "incidents/upcoming",
      "incidents/scheduled",
      `incidents/${incident.id}`,
      "components",
      `components/${component.id}`,
      "component-groups",
      `component-groups/${group.id}`,
      "incident_templates",
    ]) {
      const plain = await f.call("GET", path);
      const aliased = await f.call("GET", `${path}.json`);
      expect(aliased.status, path).toBe(200);
      expect(aliased.json, path).toEqual(plain.json);
    }
    // A literal segment still wins: unresolved.json is the list, not an incident named so.
    expect(Array.isArray((await f.call("GET", "incidents/unresolved.json")).json)).toBe(true);
  });

  it("writes through the alias with the route's own scope, and 405 and 404 read as without it", async () => {
    const f = apiFixture();
    const read = `Bearer ${createToken(f.db, SYSTEM_ACTOR, { name: "r", scope: "read" }).token}`;
    expectProblem(await f.call("POST", "incidents.json", { auth: read, json: body }), 403);
    const created = await f.call("POST", "incidents.json", { json: body });
    expect(created.status).toBe(201);
    const patched = await f.call("PATCH", `incidents/${created.json.id}.json`, {
      json: { incident: { status: "resolved" } },
    });
    expect(patched.json.status).toBe("resolved");
    const wrong = await f.call("DELETE", "incidents.json");
    expectProblem(wrong, 405);
    expect(wrong.headers.get("allow")).toBe("GET, POST");
    expectProblem(await f.call("GET", "no-such-thing.json"), 404);
    expectProblem(await f.call("GET", "components/nope.json"), 404);
  });

  it("reaches an item whose id itself ends in .json by adding one more suffix", async () => {
    const f = apiFixture();
    const [one] = listComponents(f.db, f.pageId);
    insertComponent(f.db, { ...must(one, "a component"), id: "legacy.json", slug: "legacy", position: 99 });
    expect((await f.call("GET", "components/legacy.json.json")).json.id).toBe("legacy.json");
    expect((await f.call("GET", "components/legacy%2Ejson")).json.id).toBe("legacy.json");
  });
});

describe("routing", () => {
  it("is 404 for another page's id, an unknown path or an unknown item", async () => {
    const f = apiFixture();
    const wrongPage = await f.call("GET", "/pages/abcdefghijkl/incidents");
    expectProblem(wrongPage, 404);
    expect(wrongPage.json.detail).toContain("abcdefghijkl");
    expectProblem(await f.call("GET", "no-such-thing"), 404);
    expectProblem(await f.call("GET", "/nothing"), 404);
    expectProblem(await f.call("GET", "components/%E0%A4%A"), 404);
  });

  it("is 405 with Allow for a method a path does not take; literal segments win over ids", async () => {
    const f = apiFixture();
    const res = await f.call("DELETE", "incidents");
    expectProblem(res, 405);
    expect(res.headers.get("allow")).toBe("GET, POST");
    expect((await f.call("PATCH", "incidents/unresolved", { json: body })).headers.get("allow")).toBe("GET");
    expect((await f.call("POST", "/openapi.json", { json: {} })).status).toBe(405);
  });
});

describe("request bodies", () => {
  it("is 413 for a body over 1 MB, by Content-Length before reading and by counting while reading", async () => {
    const f = apiFixture();
    const big = JSON.stringify({ incident: { name: "x", body: "a".repeat(MAX_BODY_BYTES) } });
    expectProblem(
      await f.call("POST", "incidents", { raw: big, headers: { "content-type": "application/json" } }),
      413,
    );
    const declared = await f.call("POST", "incidents", {
      raw: "{}",
      headers: { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) },
    });
    expectProblem(declared, 413);
    // A stream that would never end: refused once it passes the limit, not read to the end.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    expectProblem(
      await f.call("POST", "incidents", { raw: endless, headers: { "content-type": "application/json" } }),
      413,
    );
    expect(pulled).toBeLessThan(MAX_BODY_BYTES + 256 * 1024);
  });

  it("is 415 for anything but JSON or a form, saying what to send", async () => {
    const f = apiFixture();
    const text = await f.call("POST", "incidents", { raw: "incident", headers: { "content-type": "text/csv" } });
    expectProblem(text, 415);
    expect(text.json.detail).toMatch(/application\/json.*application\/x-www-form-urlencoded/);
    expect(text.headers.get("accept-post")).toBe("application/json, application/x-www-form-urlencoded");
    expectProblem(
      await f.call("POST", "incidents", {
        raw: "incident[name]=x",
        headers: { "content-type": "application/x-www-form-urlencoded; charset=iso-8859-1" },
      }),
      415,
    );
    expectProblem(
      await f.call("POST", "incidents", {
        raw: "incident[name]=x",
        headers: { "content-type": "multipart/form-data" },
      }),
      415,
    );
    expectProblem(await f.call("POST", "incidents", { raw: JSON.stringify(body) }), 415);
    expectProblem(
      await f.call("POST", "incidents", { raw: JSON.stringify(body), headers: { "content-type": "text/plain" } }),
      415,
    );
    expectProblem(
      await f.call("POST", "incidents", {
        json: body,
        headers: { "content-type": "application/json; charset=iso-8859-1" },
      }),
      415,
    );
    expect(
      (
        await f.call("POST", "incidents", {
          json: body,
          headers: { "content-type": "application/json; charset=UTF-8" },
        })
      ).status,
    ).toBe(201);
  });

  it("is 400 for malformed JSON, an empty body or invalid UTF-8", async () => {
    const f = apiFixture();
    const json = { "content-type": "application/json" };
    const malformed = await f.call("POST", "incidents", { raw: '{"incident": {"name": ', headers: json });
    expectProblem(malformed, 400);
    expect(malformed.json.detail).toMatch(/^The body is not valid JSON/);
    expectProblem(await f.call("POST", "incidents", { raw: "", headers: json }), 400);
    expectProblem(await f.call("POST", "incidents", { raw: new Uint8Array([0x7b, 0xff, 0x7d]), headers: json }), 400);
  });

  it("is 422 for valid JSON of the wrong shape, with each field named", async () => {
    const f = apiFixture();
    for (const wrong of [[], "incident", null, 42, { incident: "x" }]) {
      const res = await f.call("POST", "incidents", { json: wrong });
      expectProblem(res, 422);
      expect(res.json.errors.length).toBeGreaterThan(0);
    }
  });
});

describe("form-encoded bodies", () => {
  const FORM = { "content-type": "application/x-www-form-urlencoded" };

  it("creates an incident from Statuspage's bracket notation, as the same JSON body would", async () => {
    const f = apiFixture();
    const [a, b] = (await f.call("GET", "components")).json.filter((c: { group: boolean }) => !c.group);
    const form = new URLSearchParams([
      ["incident[name]", "Checkout errors"],
      ["incident[status]", "identified"],
      ["incident[body]", "Payments fail for some cards & wallets."],
      ["incident[component_ids][]", a.id],
      ["incident[component_ids][]", b.id],
      [`incident[components][${a.id}]`, "major_outage"],
      ["incident[deliver_notifications]", "false"],
      ["incident[metadata][jira][issue]", "OPS-1"],
    ]);
    const res = await f.call("POST", "incidents.json", { raw: form.toString(), headers: FORM });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: "Checkout errors", status: "identified", impact: "critical" });
    expect(res.json.components.map((c: { id: string }) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(res.json.incident_updates[0]).toMatchObject({
      body: "Payments fail for some cards & wallets.",
      deliver_notifications: false,
      affected_components: [expect.objectContaining({ code: a.id, new_status: "major_outage" })],
    });
  });

  it("coerces booleans and numbers only where the schema expects them", async () => {
    const f = apiFixture();
    const [c] = (await f.call("GET", "components")).json.filter((x: { group: boolean }) => !x.group);
    const patched = await f.call("PATCH", `components/${c.id}`, {
      raw: "component[name]=true&component[showcase]=false&component[description]=15",
      headers: FORM,
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ name: "true", showcase: false, description: "15" });
    const monitor = await f.call("POST", "monitors", {
      raw: new URLSearchParams({
        "monitor[component_id]": c.id,
        "monitor[name]": "Beat",
        "monitor[kind]": "heartbeat",
        "monitor[settings][period_seconds]": "300",
        "monitor[settings][grace_seconds]": "60",
        "monitor[interval_seconds]": "30",
        "monitor[fail_threshold]": "3",
        "monitor[paused]": "true",
      }).toString(),
      headers: FORM,
    });
    expect(monitor.status, JSON.stringify(monitor.json)).toBe(201);
    expect(monitor.json).toMatchObject({ interval_seconds: 30, fail_threshold: 3, paused: true });
  });

  it("every boolean and integer a route's body declares takes form text", () => {
    type Prop = { type?: string; anyOf?: Prop[]; minimum?: number };
    const kinds = (p: Prop): string[] => [...(p.type ? [p.type] : []), ...(p.anyOf ?? []).flatMap(kinds)];
    let checked = 0;
    for (const r of API_ROUTES) {
      if (!r.body) continue;
      const doc = z.toJSONSchema(r.body, { io: "input", unrepresentable: "any" }) as {
        properties: Record<string, { properties?: Record<string, Prop> }>;
      };
      for (const [wrapper, inner] of Object.entries(doc.properties))
        for (const [name, prop] of Object.entries(inner.properties ?? {})) {
          const value = kinds(prop).includes("boolean")
            ? "true"
            : kinds(prop).includes("integer")
              ? String(prop.minimum ?? 1)
              : null;
          if (value === null) continue;
          const parsed = r.body.safeParse({ [wrapper]: { [name]: value } });
          const refused = parsed.error?.issues.filter((i) => i.path.join(".") === `${wrapper}.${name}`) ?? [];
          expect(refused, `${r.method} ${r.pattern} ${wrapper}[${name}]=${value}`).toEqual([]);
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("is 422 for a form value of the wrong kind, 400 for a malformed form, 413 past the same limit", async () => {
    const f = apiFixture();
    const v = f.version();
    const maybe = await f.call("POST", "incidents", {
      raw: "incident[name]=x&incident[deliver_notifications]=maybe",
      headers: FORM,
    });
    expectProblem(maybe, 422);
    expect(maybe.json.errors.map((e: { field: string }) => e.field)).toEqual(["incident.deliver_notifications"]);
    for (const raw of [
      "incident[name=x",
      "incident[name]=a&incident[name]=b",
      "__proto__[name]=x",
      "incident[x][][y]=1",
    ]) {
      const res = await f.call("POST", "incidents", { raw, headers: FORM });
      expectProblem(res, 400);
      expect(res.json.detail, raw).toMatch(/^The form body is not valid: /);
    }
    expectProblem(await f.call("POST", "incidents", { raw: "", headers: FORM }), 400);
    expectProblem(
      await f.call("POST", "incidents", {
        raw: `incident[name]=${"x".repeat(MAX_BODY_BYTES)}`,
        headers: FORM,
      }),
      413,
    );
    expect(f.version()).toBe(v);
  });
});

describe("errors", () => {
  it("maps each domain error code to its HTTP status", async () => {
    const statuses = Object.fromEntries(
      (["not_found", "forbidden", "validation", "conflict", "unavailable"] as const).map((code) => [
        code,
        problemOf(new AppError(code, "x"), undefined).status,
      ]),
    );
    expect(statuses).toEqual({ not_found: 404, forbidden: 403, validation: 422, conflict: 409, unavailable: 503 });
    const conflict = problemOf(
      new AppError("conflict", "Taken", { slug: ["is taken"] }),
      API_ROUTES.find((r) => r.pattern === "components" && r.method === "POST"),
    );
    expect(await conflict.json()).toMatchObject({
      status: 409,
      errors: [{ field: "component.slug", pointer: "/component/slug", detail: "is taken" }],
    });
  });

  it("names a verb's refused field the way the API spells it, in detail as in errors", async () => {
    const create = API_ROUTES.find((r) => r.pattern === "incidents" && r.method === "POST");
    const prefixed = await problemOf(
      new AppError("validation", "scheduledFor: Use an ISO 8601 time", { scheduledFor: ["Use an ISO 8601 time"] }),
      create,
    ).json();
    expect(prefixed).toMatchObject({
      detail: "incident.scheduled_for: Use an ISO 8601 time",
      errors: [{ field: "incident.scheduled_for" }],
    });
    const sentence = await problemOf(
      new AppError("validation", "A backfilled incident ends after it starts", { startedAt: ["must be in the past"] }),
      create,
    ).json();
    expect(sentence).toMatchObject({
      detail: "incident.backfill_date: A backfilled incident ends after it starts",
      errors: [{ field: "incident.backfill_date" }],
    });
    // Without field errors, or without a route, the message stays as the verb wrote it.
    expect((await problemOf(new AppError("validation", "Nope"), create).json()).detail).toBe("Nope");
    expect((await problemOf(new AppError("validation", "x: y", { x: ["y"] }), undefined).json()).detail).toBe("x: y");
  });

  it("names the field in detail for a refusal that comes from a verb over the API", async () => {
    const f = apiFixture();
    const res = await f.call("POST", "incidents", {
      json: {
        incident: {
          name: "Window",
          scheduled_for: "2026-12-01T10:00:00Z",
          scheduled_until: "2026-12-01T09:00:00Z",
        },
      },
    });
    expectProblem(res, 422);
    expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(["incident.scheduled_until"]);
    expect(res.json.detail).toBe("incident.scheduled_until: The window must end after it starts");
  });

  it("answers 500 problem+json without details when something unexpected breaks", async () => {
    const f = apiFixture();
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    f.db.$client.close();
    const res = await handleApiRequest(
      new Request(`${PUBLIC_URL}/api/v1/pages/${f.pageId}/components`, {
        headers: { authorization: `OAuth ${ENV_TOKEN}` },
      }),
      {
        db: f.db,
        apiToken: undefined,
        publicUrl: PUBLIC_URL,
      },
    );
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await res.json()).detail).not.toMatch(/database|sqlite/i);
    expect(log).toHaveBeenCalled();
  });
});

describe("responses", () => {
  it("hold every GET route to its documented schema", async () => {
    const f = apiFixture();
    const ids: Record<string, string> = {
      incident_id: (await f.call("GET", "incidents/unresolved")).json[0].id,
      component_id: "website",
      group_id: (await f.call("GET", "component-groups")).json[0].id,
      template_id: (
        await f.call("POST", "incident_templates", { json: { template: { name: "Errors", title: "Elevated errors" } } })
      ).json.id,
      monitor_id: (
        await f.call("POST", "monitors", {
          json: {
            monitor: { component_id: "website", name: "Home", kind: "http", settings: { url: "https://192.0.2.1/" } },
          },
        })
      ).json.id,
      subscriber_id: (
        await f.call("POST", "subscribers", { json: { subscriber: { endpoint: "https://hooks.example.com/x" } } })
      ).json.id,
    };
    const agent = (
      await f.call("POST", "probe-agents", { json: { probe_agent: { name: "eu-west", label: "Frankfurt" } } })
    ).json;
    ids.agent_id = agent.id;
    // An alert source with a rule, a delivery and a waiting unmapped alert, so its lists have rows to hold.
    const source = (
      await f.call("POST", "alert-sources", { json: { alert_source: { name: "Jobs", kind: "generic" } } })
    ).json;
    ids.alert_source_id = source.id;
    await f.call("POST", `alert-sources/${source.id}/rules`, {
      json: { alert_rule: { matchers: 'service="web"', component_id: "website", status: "major_outage" } },
    });
    const alert = JSON.stringify({ status: "firing", summary: "Backup failed", labels: { service: "backups" } });
    expect(deliverAlerts(f.db, source.ingest_url.split("/").at(-1), alert, () => null, f.now()).status).toBe(202);
    expect(
      (await f.call("PATCH", `monitors/${ids.monitor_id}`, { json: { monitor: { locations: ["local", "eu-west"] } } }))
        .status,
    ).toBe(200);
    for (const r of API_ROUTES.filter((x) => x.method === "GET")) {
      const res = await f.call(
        "GET",
        r.pattern.replace(/\{(\w+)\}/g, (_, name: string) => must(ids[name], `an id for {${name}}`)),
        r.scope === "probe" ? { auth: `Bearer ${agent.token}` } : {},
      );
      expect(res.status, r.pattern).toBe(r.status);
      expect(() => r.response!.parse(res.json), r.pattern).not.toThrow();
    }
  });
});

describe("openapi.json", () => {
  it("describes every tag, names the licence and states the .json aliases and form bodies", async () => {
    const doc = (await apiFixture().call("GET", "/openapi.json", { auth: null })).json;
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { license: string };
    expect(doc.info.license.identifier).toBe(pkg.license);
    expect(doc.tags.map((t: { name: string }) => t.name).sort()).toEqual(
      [...new Set(API_ROUTES.map((r) => r.tag))].sort(),
    );
    for (const tag of doc.tags) expect(tag.description, tag.name).toMatch(/\w{3,}/);
    expect(doc.info.description).toContain("incidents.json");
    expect(doc.info.description).toContain("application/x-www-form-urlencoded");
    const patch = doc.paths["/api/v1/pages/{page_id}/incidents/{incident_id}/incident_updates/{incident_update_id}"];
    expect(Object.keys(patch)).toEqual(["patch", "put"]);
    expect(patch.patch["x-outpost-scope"]).toBe("write");
  });

  it("states every limit the verbs enforce on what a body sends", async () => {
    const doc = (await apiFixture().call("GET", "/openapi.json", { auth: null })).json;
    const body = (path: string, method: string, wrapper: string) =>
      doc.paths[`/api/v1/pages/{page_id}/${path}`][method].requestBody.content["application/json"].schema.properties[
        wrapper
      ].properties;
    const limits = (p: {
      minimum?: number;
      maximum?: number;
      minLength?: number;
      maxLength?: number;
      anyOf?: object[];
    }) => {
      const plain = (p.anyOf?.find((a) => !("type" in a) || (a as { type: string }).type !== "null") ?? p) as typeof p;
      return [plain.minimum ?? plain.minLength, plain.maximum ?? plain.maxLength];
    };
    const monitor = body("monitors", "post", "monitor");
    expect(limits(monitor.interval_seconds)).toEqual([15, 86_400]);
    expect(limits(monitor.timeout_ms)).toEqual([100, 60_000]);
    expect(limits(monitor.latency_threshold_ms)).toEqual([1, 60_000]);
    expect(limits(monitor.fail_threshold)).toEqual([1, 20]);
    expect(limits(monitor.recover_threshold)).toEqual([1, 20]);
    expect(limits(monitor.name)).toEqual([1, 100]);
    const incident = body("incidents", "post", "incident");
    expect(limits(incident.name)).toEqual([1, 200]);
    expect(limits(incident.body)).toEqual([undefined, 20_000]);
    const component = body("components", "post", "component");
    expect(limits(component.name)).toEqual([1, 100]);
    expect(limits(component.description)).toEqual([undefined, 1000]);
    expect(limits(component.outpost_browser_probe_url)).toEqual([undefined, 500]);
    expect(limits(body("component-groups", "post", "component_group").name)).toEqual([1, 100]);
    const template = body("incident_templates", "post", "template");
    expect([limits(template.name), limits(template.title), limits(template.body)]).toEqual([
      [1, 100],
      [1, 200],
      [undefined, 20_000],
    ]);
    expect(limits(body("api-tokens", "post", "api_token").name)).toEqual([1, 100]);
    expect(limits(body("incidents/{incident_id}/postmortem", "put", "postmortem").body_draft)).toEqual([1, 100_000]);
    const update = body("incidents/{incident_id}/incident_updates/{incident_update_id}", "patch", "incident_update");
    expect([limits(update.body), limits(update.custom_tweet)]).toEqual([
      [1, 20_000],
      [undefined, 280],
    ]);
    const subscriber = body("subscribers", "post", "subscriber");
    expect(subscriber.component_ids.maxItems).toBe(200);
    const list = doc.paths["/api/v1/pages/{page_id}/incidents"].get.parameters;
    expect(limits(list.find((p: { name: string }) => p.name === "limit").schema)).toEqual([1, 100]);
  });

  it("the documented limits are the verbs' own: the bounds themselves are accepted", async () => {
    const f = apiFixture();
    const [c] = (await f.call("GET", "components")).json.filter((x: { group: boolean }) => !x.group);
    const monitor = (extra: Record<string, unknown>) =>
      f.call("POST", "monitors", {
        json: {
          monitor: {
            component_id: c.id,
            name: "m".repeat(100),
            kind: "heartbeat",
            settings: { period_seconds: 300, grace_seconds: 0 },
            ...extra,
          },
        },
      });
    for (const bounds of [
      { interval_seconds: 15, timeout_ms: 100, latency_threshold_ms: 1, fail_threshold: 1, recover_threshold: 1 },
      {
        interval_seconds: 86_400,
        timeout_ms: 60_000,
        latency_threshold_ms: 60_000,
        fail_threshold: 20,
        recover_threshold: 20,
      },
    ])
      expect((await monitor(bounds)).status, JSON.stringify(bounds)).toBe(201);
    for (const [field, value] of [
      ["interval_seconds", 14],
      ["timeout_ms", 60_001],
      ["fail_threshold", 21],
      ["recover_threshold", 0],
    ] as const) {
      const res = await monitor({ [field]: value });
      expectProblem(res, 422);
      expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual([`monitor.${field}`]);
    }
    const named = await f.call("POST", "incidents", {
      json: { incident: { name: "n".repeat(200), body: "b".repeat(20_000) } },
    });
    expect(named.status).toBe(201);
    const component = await f.call("POST", "components", {
      json: { component: { name: "c".repeat(100), description: "d".repeat(1000) } },
    });
    expect(component.status).toBe(201);
  });

  it("is public and documents every registered route with its body schema", async () => {
    const f = apiFixture();
    const res = await f.call("GET", "/openapi.json", { auth: null });
    expect(res.status).toBe(200);
    const doc = res.json;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: PUBLIC_URL }]);
    for (const r of API_ROUTES) {
      const op = doc.paths[`/api/v1/pages/{page_id}${r.pattern ? `/${r.pattern}` : ""}`]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.pattern}`).toBeDefined();
      expect(Object.keys(op.responses)).toContain(String(r.status));
      expect(op.responses["401"]).toBeDefined();
      expect(op.responses["403"]).toBeDefined();
      expect(op["x-outpost-scope"], `${r.method} ${r.pattern}`).toBe(r.scope);
      expect(op.security).toEqual([{ statuspageKey: [r.scope] }, { bearer: [r.scope] }]);
      expect(Boolean(op.requestBody)).toBe(Boolean(r.body));
    }
    const post = doc.paths["/api/v1/pages/{page_id}/incidents"].post;
    const incident = post.requestBody.content["application/json"].schema.properties.incident;
    expect(incident.required).toEqual(["name"]);
    expect(incident.properties.components.anyOf[0].additionalProperties.enum).toContain("major_outage");
    const list = doc.paths["/api/v1/pages/{page_id}/incidents"].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(["page_id", "q", "limit", "per_page", "page"]);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(["statuspageKey", "bearer"]);
    z.object({
      openapi: z.string(),
      info: z.object({ title: z.string() }),
      paths: z.record(z.string(), z.unknown()),
    }).parse(doc);
  });
});
