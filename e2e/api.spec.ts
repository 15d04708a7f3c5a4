import fs from "node:fs";
import path from "node:path";
import { must } from "../lib/testing";
import { expect, openIncident, storedSnapshot, test } from "./fixtures";

const fixture = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, "data/statuspage-summary-example.json"), "utf8"),
);
const keys = (o: object) => Object.keys(o).sort();

test("[api] summary.json has exactly the fields of a real Statuspage page", async ({ request }) => {
  openIncident({ name: "API shape check" });
  const res = await request.get("/api/v2/summary.json");
  expect(res.headers()["content-type"]).toContain("application/json");
  expect(res.headers()["access-control-allow-origin"]).toBe("*");
  expect(res.headers()["cache-control"]).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
  const body = await res.json();
  expect(keys(body)).toEqual(keys(fixture));
  expect(keys(body.page)).toEqual(keys(fixture.page));
  const group = body.components.find((c: { group: boolean }) => c.group);
  const leaf = body.components.find((c: { group: boolean }) => !c.group);
  expect(keys(group)).toEqual(keys(fixture.components[0]));
  expect(keys(leaf)).toEqual(keys(fixture.components[1]));
  expect(keys(body.incidents[0])).toEqual(keys(fixture.incidents[0]));
  expect(keys(body.incidents[0].incident_updates[0])).toEqual(keys(fixture.incidents[0].incident_updates[0]));
  expect(keys(body.scheduled_maintenances[0])).toEqual(keys(fixture.scheduled_maintenances[0]));
  expect(body.page.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(body.status).toEqual(storedSnapshot().status);
});

test("[api] every v2 document answers with its Statuspage shape", async ({ request }) => {
  const docs: Record<string, string> = {
    "status.json": "status",
    "components.json": "components",
    "incidents.json": "incidents",
    "incidents/unresolved.json": "incidents",
    "scheduled-maintenances.json": "scheduled_maintenances",
    "scheduled-maintenances/upcoming.json": "scheduled_maintenances",
    "scheduled-maintenances/active.json": "scheduled_maintenances",
  };
  for (const [doc, key] of Object.entries(docs)) {
    const res = await request.get(`/api/v2/${doc}`);
    expect(res.status(), doc).toBe(200);
    const body = await res.json();
    expect(keys(body), doc).toEqual(["page", key].sort());
  }
  const unresolved = (await (await request.get("/api/v2/incidents/unresolved.json")).json()).incidents;
  for (const i of unresolved) expect(["investigating", "identified", "monitoring"]).toContain(i.status);
  const upcoming = (await (await request.get("/api/v2/scheduled-maintenances/upcoming.json")).json())
    .scheduled_maintenances;
  expect(upcoming.every((m: { status: string }) => m.status === "scheduled")).toBe(true);
  const incidents = (await (await request.get("/api/v2/incidents.json")).json()).incidents;
  expect(incidents.every((i: { impact: string }) => i.impact !== "maintenance")).toBe(true);
});

test("[api] incidents.json holds at most the 50 most recent", async ({ request }) => {
  for (let i = 0; i < 52; i++) openIncident({ name: `Load test incident ${i}`, status: "resolved" });
  // Writes show within a second on an idle machine (the snapshot checks the data version every
  // 250 ms); the test only waits for them, it does not time them.
  await expect
    .poll(async () => (await (await request.get("/api/v2/incidents.json")).json()).incidents[0].name, {
      timeout: 10_000,
      intervals: [100],
    })
    .toBe("Load test incident 51");
  const body = await (await request.get("/api/v2/incidents.json")).json();
  expect(body.incidents).toHaveLength(50);
});

test("[api] conditional GET, HEAD, CORS preflight and compression", async ({ request }) => {
  const first = await request.get("/api/v2/status.json");
  const etag = must(first.headers()["etag"], "an ETag");
  expect(etag).toMatch(/^".+"$/);
  const again = await request.get("/api/v2/status.json", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  const head = await request.head("/api/v2/summary.json");
  expect(head.status()).toBe(200);
  expect(head.headers()["etag"]).toBeTruthy();
  const preflight = await request.fetch("/api/v2/summary.json", { method: "OPTIONS" });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
  const gz = await request.get("/api/v2/summary.json", { headers: { "Accept-Encoding": "gzip" } });
  expect(gz.headers()["content-encoding"]).toBe("gzip");
  expect((await gz.json()).page).toBeTruthy();
  const post = await request.post("/api/v2/summary.json", { data: {} });
  expect(post.status()).toBe(405);
});

test("[api] unknown paths are 404, malformed input never a 500", async ({ request }) => {
  const unknown = await request.get("/api/v2/nope.json");
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: "Not found" });
  for (const p of [
    "/api/v2/summary.json?%zz=%%",
    "/?a=%E0%A4%A",
    "/no/such/page",
    "/incidents/%00",
    "/api/v2/../../etc/passwd",
  ]) {
    const res = await request.get(p);
    expect(res.status(), p).toBeLessThan(500);
  }
  expect((await request.get("/no/such/page")).status()).toBe(404);
});

test("[api] health reports the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toBe("no-store");
  expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
});
