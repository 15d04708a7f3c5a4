import { describe, expect, it } from "vitest";
import { getComponent } from "@/db/queries/components";
import { getIncident, listUpdates } from "@/db/queries/incidents";
import { buildSnapshot } from "../snapshot";
import { STATUSPAGE_DOCUMENTS } from "../statuspage";
import { must } from "../testing";
import { incidentOut } from "./schemas";
import { apiFixture, PUBLIC_URL, type ApiAnswer } from "./testing";

/** A request body as Statuspage integrations send it, extra keys included. */
function statuspageIncident(componentId: string, extra: Record<string, unknown> = {}) {
  return {
    incident: {
      name: "Elevated error rates on the API",
      status: "investigating",
      body: "We are investigating elevated error rates.",
      component_ids: [componentId],
      components: { [componentId]: "partial_outage" },
      deliver_notifications: true,
      metadata: { pagerduty: { incident_key: "abc" } },
      auto_tweet_at_beginning: false,
      some_future_statuspage_field: 42,
      ...extra,
    },
  };
}

async function setup() {
  const f = apiFixture();
  const components = (await f.call("GET", "components")).json.filter((c: { group: boolean }) => !c.group);
  return { ...f, api: components[0].id as string, other: components[1].id as string };
}

function expectProblem(res: ApiAnswer, status: number, fields: string[] = []) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
  expect(res.json).toMatchObject({
    type: "about:blank",
    status,
    title: expect.any(String),
    detail: expect.any(String),
  });
  if (fields.length) expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(fields);
}

describe("POST incidents", () => {
  it("opens an incident from a Statuspage request and answers 201 with the v1 incident", async () => {
    const f = await setup();
    const v = f.version();
    const res = await f.call("POST", "incidents", { json: statuspageIncident(f.api) });
    expect(res.status).toBe(201);
    const incident = incidentOut.parse(res.json);
    expect(incident).toMatchObject({
      name: "Elevated error rates on the API",
      status: "investigating",
      impact: "major", // derived from partial_outage: no impact_override was sent
      page_id: f.pageId,
      shortlink: `${PUBLIC_URL}/incidents/${incident.id}`,
      metadata: {},
      scheduled_for: null,
    });
    expect(incident.components.map((c) => [c.id, c.status])).toEqual([[f.api, "partial_outage"]]);
    expect(incident.incident_updates).toHaveLength(1);
    expect(incident.incident_updates[0]?.affected_components).toEqual([
      { code: f.api, name: expect.any(String), old_status: "operational", new_status: "partial_outage" },
    ]);
    expect(getComponent(f.db, f.api)!.status).toBe("partial_outage");
    expect(f.audit("incident.create")[0]).toMatchObject({
      actorType: "token",
      actorLabel: "OUTPOST_API_TOKEN",
      entityId: incident.id,
    });
    // The public snapshot notices the write through the data version.
    expect(f.version()).toBeGreaterThan(v);
    const summary = must(
      STATUSPAGE_DOCUMENTS["summary.json"],
      "the summary.json document",
    )(buildSnapshot(f.db, { publicUrl: PUBLIC_URL, now: f.now() })) as {
      incidents: { id: string }[];
    };
    expect(summary.incidents.map((i) => i.id)).toContain(incident.id);
  });

  it("uses impact_override when given", async () => {
    const f = await setup();
    const res = await f.call("POST", "incidents", { json: statuspageIncident(f.api, { impact_override: "critical" }) });
    expect(res.json).toMatchObject({ impact: "critical", impact_override: "critical" });
  });

  it("schedules a maintenance when scheduled_for is given", async () => {
    const f = await setup();
    const res = await f.call("POST", "incidents", {
      json: {
        incident: {
          name: "Database upgrade",
          body: "Read-only for ten minutes.",
          scheduled_for: "2026-12-01T02:00:00Z",
          scheduled_until: "2026-12-01T04:00:00+01:00",
          scheduled_remind_prior: true,
          scheduled_auto_in_progress: true,
          scheduled_auto_completed: false,
          component_ids: [f.api],
        },
      },
    });
    expect(res.status).toBe(201);
    expect(getIncident(f.db, res.json.id)).toMatchObject({
      remindPriorMinutes: 60,
      autoStart: true,
      autoComplete: false,
    });
    expect(incidentOut.parse(res.json)).toMatchObject({
      scheduled_remind_prior: true,
      scheduled_auto_in_progress: true,
      scheduled_auto_completed: false,
      status: "scheduled",
      impact: "maintenance",
      impact_override: null,
      scheduled_for: "2026-12-01T02:00:00.000Z",
      scheduled_until: "2026-12-01T03:00:00.000Z",
      started_at: "2026-12-01T02:00:00.000Z",
    });
    expect(getComponent(f.db, f.api)!.status).toBe("operational");
    const upcoming = await f.call("GET", "incidents/upcoming");
    expect(upcoming.json.map((i: { id: string }) => i.id)).toContain(res.json.id);
    const unresolved = await f.call("GET", "incidents/unresolved");
    expect(unresolved.json.map((i: { id: string }) => i.id)).not.toContain(res.json.id);
  });

  it("backfills a past incident as resolved on the given day, without touching component statuses", async () => {
    const f = await setup();
    const res = await f.call("POST", "incidents", {
      json: {
        incident: {
          name: "Outage we forgot to post",
          body: "Recorded later.",
          backfilled: true,
          backfill_date: "2026-10-01",
          component_ids: [f.api],
        },
      },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: "resolved", started_at: "2026-10-01T00:00:00.000Z" });
    expect(getIncident(f.db, res.json.id)!.backfilled).toBe(true);
    const refused = await f.call("POST", "incidents", {
      json: {
        incident: { name: "x", backfilled: true, backfill_date: "2026-10-01", components: { [f.api]: "major_outage" } },
      },
    });
    expectProblem(refused, 422, ["incident.components"]);
  });

  it("refuses unknown values with 422 and field details, writing nothing", async () => {
    const f = await setup();
    const v = f.version();
    const audits = f.audit().length;
    expectProblem(await f.call("POST", "incidents", { json: statuspageIncident(f.api, { status: "on_fire" }) }), 422, [
      "incident.status",
    ]);
    expectProblem(
      await f.call("POST", "incidents", { json: statuspageIncident(f.api, { components: { [f.api]: "melting" } }) }),
      422,
      [`incident.components.${f.api}`],
    );
    const unknownComponent = await f.call("POST", "incidents", {
      json: statuspageIncident(f.api, { components: { [f.api]: "major_outage", nope: "major_outage" } }),
    });
    expectProblem(unknownComponent, 422, ["incident.components.nope"]);
    expect(unknownComponent.json.errors[0].pointer).toBe("/incident/components/nope");
    expectProblem(
      await f.call("POST", "incidents", { json: statuspageIncident(f.api, { component_ids: [f.api, "ghost"] }) }),
      422,
      ["incident.component_ids.1"],
    );
    expectProblem(
      await f.call("POST", "incidents", { json: statuspageIncident(f.api, { status: "scheduled" }) }),
      422,
      ["incident.status"],
    );
    expectProblem(
      await f.call("POST", "incidents", { json: statuspageIncident(f.api, { impact_override: "maintenance" }) }),
      422,
      ["incident.impact_override"],
    );
    expectProblem(await f.call("POST", "incidents", { json: statuspageIncident(f.api, { name: "   " }) }), 422, [
      "incident.name",
    ]);
    expectProblem(await f.call("POST", "incidents", { json: { incident: { body: "no name" } } }), 422, [
      "incident.name",
    ]);
    expectProblem(await f.call("POST", "incidents", { json: { name: "not wrapped" } }), 422, ["incident"]);
    expectProblem(
      await f.call("POST", "incidents", { json: statuspageIncident(f.api, { scheduled_for: "tomorrow" }) }),
      422,
      ["incident.scheduled_for"],
    );
    expectProblem(
      await f.call("POST", "incidents", {
        json: { incident: { name: "x", backfilled: true, backfill_date: "2026-02-30" } },
      }),
      422,
      ["incident.backfill_date"],
    );
    expectProblem(
      await f.call("POST", "incidents", { json: { incident: { name: "m", scheduled_for: "2026-12-01T02:00:00Z" } } }),
      422,
      ["incident.scheduled_until"],
    );
    expectProblem(
      await f.call("POST", "incidents", {
        json: {
          incident: { name: "m", scheduled_for: "2026-12-01T02:00:00Z", scheduled_until: "2026-12-01T01:00:00Z" },
        },
      }),
      422,
      ["incident.scheduled_until"],
    );
    expect(getComponent(f.db, f.api)!.status).toBe("operational");
    expect(f.version()).toBe(v);
    expect(f.audit()).toHaveLength(audits);
  });
});

describe("PATCH and PUT incidents/{id}", () => {
  it("runs an alerting tool's flow: open, post an update, resolve, reopen", async () => {
    const f = await setup();
    const { id } = (await f.call("POST", "incidents", { json: statuspageIncident(f.api) })).json;

    const identified = await f.call("PATCH", `incidents/${id}`, {
      json: {
        incident: {
          status: "identified",
          body: "A bad deploy; rolling back.",
          components: { [f.api]: "degraded_performance" },
        },
      },
    });
    expect(identified.status).toBe(200);
    expect(incidentOut.parse(identified.json).incident_updates.map((u) => u.status)).toEqual([
      "identified",
      "investigating",
    ]);
    expect(identified.json.incident_updates[0].affected_components[0]).toMatchObject({
      old_status: "partial_outage",
      new_status: "degraded_performance",
    });

    // No body: Statuspage still records the change as an update; so does Outpost.
    const resolved = await f.call("PUT", `incidents/${id}`, {
      json: { incident: { status: "resolved", components: { [f.api]: "operational" } } },
    });
    expect(resolved.json).toMatchObject({ status: "resolved", resolved_at: expect.any(String) });
    expect(resolved.json.incident_updates[0]).toMatchObject({ status: "resolved", body: "" });
    expect(getComponent(f.db, f.api)!.status).toBe("operational");

    const reopened = await f.call("PATCH", `incidents/${id}`, {
      json: { incident: { status: "investigating", body: "It is back." } },
    });
    expect(reopened.json).toMatchObject({ status: "investigating", resolved_at: null });
    expect(reopened.json.incident_updates).toHaveLength(4);
    expect(f.audit("incident.post_update").filter((a) => a.entityId === id)).toHaveLength(3);
    expect(f.audit("incident.post_update")[0]?.actorLabel).toBe("OUTPOST_API_TOKEN");
  });

  it("edits fields without posting an update when there is no body and no status change", async () => {
    const f = await setup();
    const { id } = (await f.call("POST", "incidents", { json: statuspageIncident(f.api) })).json;
    const res = await f.call("PATCH", `incidents/${id}`, {
      json: {
        incident: {
          name: "Errors on the EU API",
          impact_override: "minor",
          status: "investigating",
          component_ids: [f.other],
        },
      },
    });
    expect(res.json).toMatchObject({ name: "Errors on the EU API", impact: "minor", impact_override: "minor" });
    expect(res.json.incident_updates).toHaveLength(1);
    // component_ids is the whole list afterwards, as on Statuspage.
    expect(res.json.components.map((c: { id: string }) => c.id)).toEqual([f.other]);
    expect(f.audit("incident.update")[0]).toMatchObject({ entityId: id, actorLabel: "OUTPOST_API_TOKEN" });
  });

  it("moves a maintenance through its own statuses and ignores impact_override on it", async () => {
    const f = await setup();
    const m = (
      await f.call("POST", "incidents", {
        json: {
          incident: { name: "Upgrade", scheduled_for: "2026-12-01T02:00:00Z", scheduled_until: "2026-12-01T03:00:00Z" },
        },
      })
    ).json;
    const started = await f.call("PATCH", `incidents/${m.id}`, {
      json: { incident: { status: "in_progress", impact_override: "none" } },
    });
    expect(started.json).toMatchObject({ status: "in_progress", impact: "maintenance" });
    expect((await f.call("GET", "incidents/active_maintenance")).json.map((i: { id: string }) => i.id)).toEqual([m.id]);
    expectProblem(await f.call("PATCH", `incidents/${m.id}`, { json: { incident: { status: "resolved" } } }), 422, [
      "incident.status",
    ]);
    const moved = await f.call("PATCH", `incidents/${m.id}`, {
      json: { incident: { scheduled_until: "2026-12-01T05:00:00Z" } },
    });
    expect(moved.json.scheduled_until).toBe("2026-12-01T05:00:00.000Z");
    expect(
      (await f.call("PATCH", `incidents/${m.id}`, { json: { incident: { status: "completed" } } })).json.status,
    ).toBe("completed");
  });

  it("writes nothing when one part of a PATCH is refused", async () => {
    const f = await setup();
    const { id } = (await f.call("POST", "incidents", { json: statuspageIncident(f.api) })).json;
    const v = f.version();
    const res = await f.call("PATCH", `incidents/${id}`, {
      json: {
        incident: {
          name: "Renamed",
          status: "identified",
          body: "x",
          components: { [f.api]: "operational", nope: "operational" },
        },
      },
    });
    expectProblem(res, 422, ["incident.components.nope"]);
    expect(getIncident(f.db, id)).toMatchObject({ name: "Elevated error rates on the API", status: "investigating" });
    expect(getComponent(f.db, f.api)!.status).toBe("partial_outage");
    expect(listUpdates(f.db, [id])).toHaveLength(1);
    expect(f.version()).toBe(v);
  });

  it("is 404 for an unknown incident", async () => {
    const f = await setup();
    expectProblem(await f.call("PATCH", "incidents/nope", { json: { incident: { status: "resolved" } } }), 404);
    expectProblem(await f.call("GET", "incidents/nope"), 404);
    expectProblem(await f.call("DELETE", "incidents/nope"), 404);
  });
});

describe("GET incidents", () => {
  it("lists newest first with Statuspage's q, limit and page", async () => {
    const f = await setup();
    for (const n of [1, 2, 3])
      await f.call("POST", "incidents", {
        json: {
          incident: { name: `Batch job ${n} failed`, status: "resolved", body: `Run ${n} of the nightly export.` },
        },
      });
    const names = async (query: string) =>
      (await f.call("GET", `incidents${query}`)).json.map((i: { name: string }) => i.name);
    expect((await names("")).slice(0, 3)).toEqual(["Batch job 3 failed", "Batch job 2 failed", "Batch job 1 failed"]);
    expect(await names("?q=nightly%20export&limit=2")).toEqual(["Batch job 3 failed", "Batch job 2 failed"]);
    expect(await names("?q=nightly%20export&limit=2&page=2")).toEqual(["Batch job 1 failed"]);
    expect(await names("?q=nightly%20export&per_page=1&page=3")).toEqual(["Batch job 1 failed"]);
    expect(await names("?q=no-such-text")).toEqual([]);
    const all = (await f.call("GET", "incidents")).json;
    expect(all.some((i: { scheduled_for: string | null }) => i.scheduled_for)).toBe(true); // maintenances are incidents in v1
    for (const i of all) incidentOut.parse(i);
  });

  it("refuses bad paging with 400 and the parameter named", async () => {
    const f = await setup();
    expectProblem(await f.call("GET", "incidents?limit=0"), 400, ["limit"]);
    expectProblem(await f.call("GET", "incidents?limit=abc"), 400, ["limit"]);
    expectProblem(await f.call("GET", "incidents/unresolved?page=-1"), 400, ["page"]);
  });

  it("lists open incidents only under unresolved, all maintenances under scheduled", async () => {
    const f = await setup();
    const unresolved = (await f.call("GET", "incidents/unresolved")).json;
    expect(unresolved.map((i: { name: string }) => i.name)).toEqual(["Payouts delayed for some accounts"]);
    const scheduled = (await f.call("GET", "incidents/scheduled")).json;
    expect(scheduled.map((i: { name: string }) => i.name)).toEqual(["Database cluster upgrade"]);
  });
});

describe("DELETE incidents/{id}", () => {
  it("answers with the incident as it was, removes it and records who did it", async () => {
    const f = await setup();
    const { id } = (await f.call("POST", "incidents", { json: statuspageIncident(f.api) })).json;
    const res = await f.call("DELETE", `incidents/${id}`);
    expect(res.status).toBe(200);
    expect(incidentOut.parse(res.json).id).toBe(id);
    expect(getIncident(f.db, id)).toBeUndefined();
    expectProblem(await f.call("GET", `incidents/${id}`), 404);
    expect(f.audit("incident.delete")[0]).toMatchObject({ entityId: id, actorLabel: "OUTPOST_API_TOKEN" });
  });
});
