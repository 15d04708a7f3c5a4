import { describe, expect, it } from "vitest";
import { countByState } from "@/db/queries/deliveries";
import { getUpdate } from "@/db/queries/incidents";
import { buildSnapshot } from "../snapshot";
import { STATUSPAGE_DOCUMENTS } from "../statuspage";
import { must } from "../testing";
import { incidentUpdateOut } from "./schemas";
import { apiFixture, PUBLIC_URL, type ApiAnswer } from "./testing";

async function setup() {
  const f = apiFixture();
  const open = async (name: string) => {
    const res = await f.call("POST", "incidents", {
      json: { incident: { name, status: "investigating", body: "Lokking into it.", deliver_notifications: false } },
    });
    expect(res.status).toBe(201);
    return { id: res.json.id as string, update: res.json.incident_updates[0].id as string };
  };
  return { ...f, open };
}

function expectProblem(res: ApiAnswer, status: number, fields: string[] = []) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
  if (fields.length) expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(fields);
}

describe("PATCH incidents/{id}/incident_updates/{id}", () => {
  it("corrects a published update's text and time in one audited write; the public page marks it edited", async () => {
    const f = await setup();
    const incident = await f.open("Errors");
    const before = must(getUpdate(f.db, incident.update), "the update");
    const path = `incidents/${incident.id}/incident_updates/${incident.update}`;
    const res = await f.call("PATCH", path, {
      json: {
        incident_update: {
          body: "Looking into it.",
          display_at: "2026-11-24T11:30:00Z",
          custom_tweet: "We are looking into errors.",
          wants_twitter_update: false,
          twitter_updated_at: null,
        },
      },
    });
    expect(res.status).toBe(200);
    const shown = incidentUpdateOut.parse(res.json);
    expect(shown).toMatchObject({
      id: incident.update,
      incident_id: incident.id,
      body: "Looking into it.",
      display_at: "2026-11-24T11:30:00.000Z",
      custom_tweet: "We are looking into errors.",
      deliver_notifications: false,
    });
    const after = must(getUpdate(f.db, incident.update), "the update");
    expect(after).toMatchObject({ seq: before.seq, createdAt: before.createdAt, editedAt: f.now() });
    expect(f.audit("incident.edit_update")).toHaveLength(1);
    expect(f.audit("incident.edit_update")[0]).toMatchObject({
      actorType: "token",
      entityId: incident.id,
      before: { updateId: incident.update, body: "Lokking into it.", displayAt: before.displayAt, customTweet: null },
      after: { updateId: incident.update, body: "Looking into it.", customTweet: "We are looking into errors." },
    });
    const summary = must(
      STATUSPAGE_DOCUMENTS["summary.json"],
      "summary.json",
    )(buildSnapshot(f.db, { publicUrl: PUBLIC_URL, now: f.now() })) as {
      incidents: { id: string; incident_updates: { body: string }[] }[];
    };
    expect(summary.incidents.find((i) => i.id === incident.id)?.incident_updates[0]?.body).toBe("Looking into it.");
  });

  it("PUT is PATCH; a flag-only change is stored without an edited mark and sends nothing", async () => {
    const f = await setup();
    const incident = await f.open("Quiet");
    const queued = countByState(f.db);
    const res = await f.call("PUT", `incidents/${incident.id}/incident_updates/${incident.update}`, {
      json: { incident_update: { deliver_notifications: true } },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ deliver_notifications: true, body: "Lokking into it." });
    expect(must(getUpdate(f.db, incident.update), "the update").editedAt).toBeNull();
    expect(countByState(f.db)).toEqual(queued);
    // Nothing to change: answered as it is, nothing written.
    const audits = f.audit().length;
    const same = await f.call("PATCH", `incidents/${incident.id}/incident_updates/${incident.update}`, {
      json: { incident_update: { body: "Lokking into it." } },
    });
    expect(same.status).toBe(200);
    expect(f.audit()).toHaveLength(audits);
  });

  it("is 404 for an unknown incident or an update of another incident, writing nothing", async () => {
    const f = await setup();
    const a = await f.open("A");
    const b = await f.open("B");
    const v = f.version();
    const json = { incident_update: { body: "Changed." } };
    const unknownIncident = await f.call("PATCH", `incidents/nope/incident_updates/${a.update}`, { json });
    expectProblem(unknownIncident, 404);
    expect(unknownIncident.json.detail).toContain("nope");
    expectProblem(await f.call("PATCH", `incidents/${a.id}/incident_updates/${b.update}`, { json }), 404);
    expectProblem(await f.call("PATCH", `incidents/${a.id}/incident_updates/nope`, { json }), 404);
    expect(f.version()).toBe(v);
    expect(must(getUpdate(f.db, b.update), "B's update").body).toBe("Lokking into it.");
  });

  it("is 422 with each refused field named as the API spells it, in errors and in detail", async () => {
    const f = await setup();
    const incident = await f.open("Errors");
    const path = `incidents/${incident.id}/incident_updates/${incident.update}`;
    const v = f.version();
    const empty = await f.call("PATCH", path, { json: { incident_update: { body: "   " } } });
    expectProblem(empty, 422, ["incident_update.body"]);
    expect(empty.json.detail).toContain("incident_update.body: Write the message");
    const future = await f.call("PATCH", path, { json: { incident_update: { display_at: "2027-01-01T00:00:00Z" } } });
    expectProblem(future, 422, ["incident_update.display_at"]);
    expect(future.json.detail).toMatch(/^incident_update\.display_at: /);
    expectProblem(await f.call("PATCH", path, { json: { incident_update: { display_at: "yesterday" } } }), 422, [
      "incident_update.display_at",
    ]);
    expectProblem(await f.call("PATCH", path, { json: { incident_update: { deliver_notifications: "maybe" } } }), 422, [
      "incident_update.deliver_notifications",
    ]);
    expectProblem(await f.call("PATCH", path, { json: { body: "not wrapped" } }), 422, ["incident_update"]);
    expect(f.version()).toBe(v);
  });
});
