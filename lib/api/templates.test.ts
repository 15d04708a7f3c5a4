import { describe, expect, it } from "vitest";
import { getIncident } from "@/db/queries/incidents";
import { incidentOut, templateOut } from "./schemas";
import { apiFixture } from "./testing";

async function setup() {
  const f = apiFixture();
  const components = (await f.call("GET", "components")).json.filter((c: { group: boolean }) => !c.group);
  return { ...f, api: components[0].id as string, web: components[1].id as string };
}

describe("incident templates", () => {
  it("create, list, patch (fields not given stay), delete", async () => {
    const f = await setup();
    const created = await f.call("POST", "incident_templates", {
      json: {
        template: {
          name: "API errors",
          title: "Elevated API errors",
          body: "We are looking into it.",
          component_ids: [f.api],
          components: { [f.web]: "degraded_performance" },
        },
      },
    });
    expect(created.status).toBe(201);
    expect(templateOut.parse(created.json)).toMatchObject({
      name: "API errors",
      kind: "incident",
      impact: "minor",
      components: { [f.api]: "major_outage", [f.web]: "degraded_performance" },
    });
    const id = created.json.id;
    expect((await f.call("GET", "incident_templates")).json.map((t: { id: string }) => t.id)).toEqual([id]);
    const patched = await f.call("PATCH", `incident_templates/${id}`, { json: { template: { impact: "major" } } });
    expect(patched.json).toMatchObject({
      title: "Elevated API errors",
      impact: "major",
      body: "We are looking into it.",
    });
    expect((await f.call("DELETE", `incident_templates/${id}`)).json.id).toBe(id);
    expect((await f.call("GET", `incident_templates/${id}`)).status).toBe(404);
  });

  it("refuses a missing title, an unknown component and a bad status with the field named", async () => {
    const f = await setup();
    const noTitle = await f.call("POST", "incident_templates", { json: { template: { name: "x", title: " " } } });
    expect(noTitle.status).toBe(422);
    expect(noTitle.json.errors.map((e: { field: string }) => e.field)).toEqual(["template.title"]);
    const unknown = await f.call("POST", "incident_templates", {
      json: { template: { name: "x", title: "y", component_ids: ["nope"] } },
    });
    expect(unknown.status).toBe(422);
    const badStatus = await f.call("POST", "incident_templates", {
      json: { template: { name: "x", title: "y", components: { [f.api]: "on_fire" } } },
    });
    expect(badStatus.status).toBe(422);
    expect((await f.call("GET", "incident_templates")).json).toEqual([]);
  });
});

describe("postmortems", () => {
  it("a draft stays private until published; publishing moves the incident to postmortem", async () => {
    const f = await setup();
    const open = await f.call("POST", "incidents", {
      json: { incident: { name: "Outage", status: "investigating", body: "Looking." } },
    });
    const id = open.json.id;
    const early = await f.call("PUT", `incidents/${id}/postmortem`, {
      json: { postmortem: { body_draft: "Too early" } },
    });
    expect(early.status).toBe(409);
    await f.call("PATCH", `incidents/${id}`, { json: { incident: { status: "resolved", body: "Fixed." } } });
    const draft = await f.call("PUT", `incidents/${id}/postmortem`, {
      json: { postmortem: { body_draft: "## Cause\nA bad deploy." } },
    });
    expect(draft.status).toBe(200);
    expect(incidentOut.parse(draft.json).status).toBe("resolved");
    expect(getIncident(f.db, id)?.postmortemPublishedAt).toBeNull();
    const empty = await f.call("PUT", `incidents/${id}/postmortem`, { json: { postmortem: { body_draft: "" } } });
    expect(empty.status).toBe(422);
    expect(empty.json.errors.map((e: { field: string }) => e.field)).toEqual(["postmortem.body_draft"]);
    const published = await f.call("PUT", `incidents/${id}/postmortem/publish`);
    expect(published.json).toMatchObject({ status: "postmortem", postmortem_body: "## Cause\nA bad deploy." });
    expect(published.json.incident_updates[0].status).toBe("postmortem");
  });
});
