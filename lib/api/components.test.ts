import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getComponent, listPeriodsSince } from "@/db/queries/components";
import { componentOut, groupOut, groupRowOut, tokenCreatedOut, tokenOut } from "./schemas";
import { must } from "../testing";
import { apiFixture, type ApiAnswer } from "./testing";

type Row = { id: string; name: string; group: boolean; group_id: string | null };

function expectProblem(res: ApiAnswer, status: number, fields: string[] = []) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  if (fields.length) expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(fields);
}

describe("components", () => {
  it("lists groups and components in page order, as components.json does", async () => {
    const f = apiFixture();
    const res = await f.call("GET", "components");
    const rows = z.array(z.union([componentOut, groupRowOut])).parse(res.json) as Row[];
    expect(rows.map((r) => (r.group ? `[${r.name}]` : r.name))).toEqual([
      "[Core platform]",
      "Website",
      "Public API",
      "Sign-in",
      "[Payments]",
      "Checkout",
      "Payouts",
      "Webhooks",
      "[Infrastructure]",
      "Database cluster",
      "Email delivery",
    ]);
  });

  it("creates, reads (by id or slug), updates and deletes a component with Statuspage bodies", async () => {
    const f = apiFixture();
    const group = (await f.call("GET", "component-groups")).json[0];
    const created = await f.call("POST", "components", {
      json: {
        component: {
          name: "Search",
          description: "Full-text search",
          status: "degraded_performance",
          group_id: group.id,
          showcase: false,
          only_show_if_degraded: true,
          start_date: "2026-01-31",
          automation_email: "x@y",
        },
      },
    });
    expect(created.status).toBe(201);
    expect(componentOut.parse(created.json)).toMatchObject({
      name: "Search",
      status: "degraded_performance",
      group_id: group.id,
      showcase: false,
      only_show_if_degraded: true,
      start_date: "2026-01-31",
      page_id: f.pageId,
    });
    const id = created.json.id;
    expect((await f.call("GET", `components/${id}`)).json.name).toBe("Search");
    expect((await f.call("GET", "components/search")).json.id).toBe(id);

    const patched = await f.call("PATCH", "components/search", {
      json: { component: { status: "major_outage", name: "Search (EU)" } },
    });
    expect(componentOut.parse(patched.json)).toMatchObject({ id, status: "major_outage", name: "Search (EU)" });
    expect(
      listPeriodsSince(f.db, 0)
        .filter((p) => p.componentId === id)
        .sort((x, y) => x.startedAt - y.startedAt)
        .map((p) => p.status),
    ).toEqual(["degraded_performance", "major_outage"]);
    expect(f.audit("component.status")[0]).toMatchObject({ entityId: id, actorLabel: "OUTPOST_API_TOKEN" });

    const put = await f.call("PUT", `components/${id}`, { json: { component: { group_id: null } } });
    expect(put.json.group_id).toBeNull();

    const deleted = await f.call("DELETE", `components/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.json).toBeUndefined();
    expect(getComponent(f.db, id)).toBeUndefined();
    expectProblem(await f.call("GET", `components/${id}`), 404);
    expect(f.audit("component.delete")[0]).toMatchObject({ entityId: id, actorLabel: "OUTPOST_API_TOKEN" });
  });

  it("takes the Outpost-only browser-probe URL", async () => {
    const f = apiFixture();
    const res = await f.call("PATCH", "components/website", {
      json: { component: { outpost_browser_probe_url: "https://www.example.com/favicon.ico" } },
    });
    expect(res.status).toBe(200);
    expect(getComponent(f.db, res.json.id)!.browserProbeUrl).toBe("https://www.example.com/favicon.ico");
  });

  it("refuses unknown values with 422 naming the field, and sends groups to component-groups", async () => {
    const f = apiFixture();
    const v = f.version();
    expectProblem(await f.call("POST", "components", { json: { component: { name: "X", status: "sideways" } } }), 422, [
      "component.status",
    ]);
    expectProblem(await f.call("POST", "components", { json: { component: { name: "X", group_id: "nope" } } }), 422, [
      "component.group_id",
    ]);
    expectProblem(
      await f.call("POST", "components", { json: { component: { name: "X", start_date: "31/01/2026" } } }),
      422,
      ["component.start_date"],
    );
    expectProblem(await f.call("POST", "components", { json: { component: { description: "no name" } } }), 422, [
      "component.name",
    ]);
    expectProblem(
      await f.call("POST", "components", {
        json: { component: { name: "X", outpost_browser_probe_url: "ftp://x.test/" } },
      }),
      422,
      ["component.outpost_browser_probe_url"],
    );
    expectProblem(await f.call("PATCH", "components/website", { json: { component: { status: "broken" } } }), 422, [
      "component.status",
    ]);
    expect(f.version()).toBe(v);
    expectProblem(await f.call("PATCH", "components/nope", { json: { component: { status: "major_outage" } } }), 404);
    const group = (await f.call("GET", "component-groups")).json[0];
    const res = await f.call("GET", `components/${group.id}`);
    expectProblem(res, 404);
    expect(res.json.detail).toContain(`component-groups/${group.id}`);
  });
});

describe("component groups", () => {
  it("creates, updates and deletes a group; deleting keeps its components", async () => {
    const f = apiFixture();
    const components = (await f.call("GET", "components")).json.filter((c: Row) => !c.group) as Row[];
    const a = must(components[0], "an ungrouped component");
    const b = must(components[1], "a second ungrouped component");
    const created = await f.call("POST", "component-groups", {
      json: { component_group: { name: "Edge", description: "CDN and DNS", components: [a.id, b.id] } },
    });
    expect(created.status).toBe(201);
    expect(groupOut.parse(created.json)).toMatchObject({
      name: "Edge",
      description: "CDN and DNS",
      components: [a.id, b.id],
      page_id: f.pageId,
    });
    const id = created.json.id;
    expect(getComponent(f.db, a.id)!.groupId).toBe(id);

    const patched = await f.call("PATCH", `component-groups/${id}`, {
      json: { component_group: { name: "Edge network", components: [b.id] } },
    });
    expect(patched.json).toMatchObject({ name: "Edge network", components: [b.id] });
    expect(getComponent(f.db, a.id)!.groupId).toBeNull();
    expect(groupOut.parse((await f.call("GET", `component-groups/${id}`)).json).components).toEqual([b.id]);
    expect(f.audit("group.update")[0]).toMatchObject({ entityId: id, actorLabel: "OUTPOST_API_TOKEN" });

    const deleted = await f.call("DELETE", `component-groups/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.json).toMatchObject({ id, components: [b.id] });
    expect(getComponent(f.db, b.id)).toMatchObject({ groupId: null });
    expectProblem(await f.call("GET", `component-groups/${id}`), 404);
  });

  it("refuses unknown components with 422 and writes nothing", async () => {
    const f = apiFixture();
    const v = f.version();
    const components = (await f.call("GET", "components")).json.filter((c: Row) => !c.group) as Row[];
    const a = must(components[0], "an ungrouped component");
    const res = await f.call("POST", "component-groups", {
      json: { component_group: { name: "Edge", components: [a.id, "ghost"] } },
    });
    expectProblem(res, 422, ["component_group.components"]);
    expect((await f.call("GET", "component-groups")).json).toHaveLength(3);
    expect(getComponent(f.db, a.id)!.groupId).not.toBeNull();
    expect(f.version()).toBe(v);
    expectProblem(await f.call("POST", "component-groups", { json: { component_group: { name: "" } } }), 422, [
      "component_group.name",
    ]);
  });
});

describe("api-tokens", () => {
  it("creates a token shown once, lists without secrets, acts under its name, and revokes", async () => {
    const f = apiFixture();
    const created = await f.call("POST", "api-tokens", {
      json: { api_token: { name: "deploy script", scope: "write" } },
    });
    expect(created.status).toBe(201);
    const { token, id } = tokenCreatedOut.parse(created.json);
    expect(token).toMatch(/^op_/);

    const list = await f.call("GET", "api-tokens");
    const row = z
      .array(tokenOut)
      .parse(list.json)
      .find((t) => t.id === id)!;
    expect(row).toMatchObject({ name: "deploy script", prefix: token.slice(0, 9), scope: "write", revoked_at: null });
    expect(JSON.stringify(list.json)).not.toContain(token);

    // The new token works with either scheme, and its writes carry its name.
    const bearer = await f.call("PATCH", "components/website", {
      auth: `Bearer ${token}`,
      json: { component: { status: "partial_outage" } },
    });
    expect(bearer.status).toBe(200);
    expect(f.audit("component.status")[0]).toMatchObject({
      actorType: "token",
      actorId: id,
      actorLabel: "deploy script",
    });
    expect((await f.call("GET", "components", { auth: `OAuth ${token}` })).status).toBe(200);
    expect(
      (await f.call("GET", "api-tokens")).json.find((t: { id: string }) => t.id === id).last_used_at,
    ).not.toBeNull();
    // A write token cannot make itself (or anyone) a stronger token.
    expectProblem(
      await f.call("POST", "api-tokens", {
        auth: `Bearer ${token}`,
        json: { api_token: { name: "escalate", scope: "admin" } },
      }),
      403,
    );

    const revoked = await f.call("DELETE", `api-tokens/${id}`);
    expect(tokenOut.parse(revoked.json).revoked_at).not.toBeNull();
    expect(f.audit("token.revoke")[0]).toMatchObject({ entityId: id, actorLabel: "OUTPOST_API_TOKEN" });
    const refused = await f.call("GET", "components", { auth: `Bearer ${token}` });
    expectProblem(refused, 401);
    expect(refused.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expectProblem(await f.call("DELETE", "api-tokens/nope"), 404);
    expectProblem(await f.call("POST", "api-tokens", { json: { api_token: { name: " " } } }), 422, ["api_token.name"]);
    expectProblem(await f.call("POST", "api-tokens", { json: { api_token: { name: "agent", scope: "probe" } } }), 422, [
      "api_token.scope",
    ]);
  });

  it("makes a read token when no scope is given: least privilege by default", async () => {
    const f = apiFixture();
    const created = tokenCreatedOut.parse(
      (await f.call("POST", "api-tokens", { json: { api_token: { name: "dashboard" } } })).json,
    );
    expect(created.scope).toBe("read");
  });
});
