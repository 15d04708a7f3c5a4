import { createHash, createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openDraftFor } from "@/db/queries/monitors";
import { SYSTEM_ACTOR } from "../audit";
import { deliverAlerts } from "../alerts/deliver";
import { createToken } from "../tokens";
import { alertOut, alertRuleOut, alertSourceOut, deliveryOut, unmappedAlertOut } from "./alert-sources";
import { apiFixture, PUBLIC_URL, type ApiAnswer } from "./testing";

function expectProblem(res: ApiAnswer, status: number, fields: string[] = []) {
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  if (fields.length) expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(fields);
}

const fixture = (name: string) => readFileSync(new URL(`../alerts/fixtures/${name}`, import.meta.url), "utf8");
const noHeaders = () => null;
/** The secret token at the end of an ingest URL. */
const tokenOf = (ingestUrl: string) => ingestUrl.split("/").at(-1)!;

/** An API fixture with a component of its own (no demo incident or maintenance covers it). */
async function setup() {
  const f = apiFixture();
  const backups = await f.call("POST", "components", { json: { component: { name: "Backups" } } });
  expect(backups.status).toBe(201);
  return { ...f, backups: backups.json.id as string };
}

describe("alert sources over the admin API", () => {
  it("creates, lists, reads, updates and deletes a source, never showing its signing secret", async () => {
    const f = await setup();
    const created = await f.call("POST", "alert-sources", {
      json: { alert_source: { name: "PagerDuty prod", kind: "pagerduty", signing_secret: "whsec-very-secret" } },
    });
    expect(created.status).toBe(201);
    const s = alertSourceOut.parse(created.json);
    expect(s).toMatchObject({
      name: "PagerDuty prod",
      kind: "pagerduty",
      kind_label: "PagerDuty",
      signed: true,
      paused: false,
      firing_alerts: 0,
      last_delivery_at: null,
    });
    expect(s.ingest_url).toMatch(new RegExp(`^${PUBLIC_URL}/api/alerts/[A-Za-z0-9_-]{32}$`));
    expect(JSON.stringify(created.json)).not.toContain("whsec-very-secret");
    expect(f.audit("alert_source.create")).toHaveLength(1);

    const list = await f.call("GET", "alert-sources");
    expect(list.json.map((x: { id: string }) => x.id)).toEqual([s.id]);
    expect(list.json[0].ingest_url).toBeUndefined();
    expect((await f.call("GET", `alert-sources/${s.id}`)).json.ingest_url).toBe(s.ingest_url);

    const patched = await f.call("PATCH", `alert-sources/${s.id}`, {
      json: { alert_source: { name: "PagerDuty", signing_secret: null, paused: true } },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ name: "PagerDuty", kind: "pagerduty", signed: false, paused: true });

    const deleted = await f.call("DELETE", `alert-sources/${s.id}`);
    expect(deleted.json).toMatchObject({ id: s.id, name: "PagerDuty" });
    expectProblem(await f.call("GET", `alert-sources/${s.id}`), 404);
    expectProblem(await f.call("GET", `alert-sources/${s.id}/rules`), 404);
    expect(f.audit("alert_source.delete")).toHaveLength(1);
  });

  it("refuses bad input beside the field", async () => {
    const f = await setup();
    expectProblem(
      await f.call("POST", "alert-sources", { json: { alert_source: { name: "x", kind: "nagios" } } }),
      422,
      ["alert_source.kind"],
    );
    expectProblem(await f.call("POST", "alert-sources", { json: { alert_source: { kind: "generic" } } }), 422, [
      "alert_source.name",
    ]);
    // A default needs both a component and a status.
    expectProblem(
      await f.call("POST", "alert-sources", {
        json: { alert_source: { name: "Grafana", kind: "grafana", default_component_id: f.backups } },
      }),
      422,
      ["alert_source.default_status"],
    );
    expectProblem(
      await f.call("POST", "alert-sources", {
        json: {
          alert_source: {
            name: "Grafana",
            kind: "grafana",
            default_component_id: "nope",
            default_status: "major_outage",
          },
        },
      }),
      422,
      ["alert_source.default_component_id"],
    );
    expectProblem(
      await f.call("POST", "alert-sources", {
        json: { alert_source: { name: "Grafana", kind: "grafana", signing_secret: "s".repeat(201) } },
      }),
      422,
      ["alert_source.signing_secret"],
    );
    const s = (await f.call("POST", "alert-sources", { json: { alert_source: { name: "Grafana", kind: "grafana" } } }))
      .json;
    expectProblem(
      await f.call("POST", "alert-sources", { json: { alert_source: { name: "Grafana", kind: "generic" } } }),
      409,
      ["alert_source.name"],
    );
    const rule = (json: Record<string, unknown>) =>
      f.call("POST", `alert-sources/${s.id}/rules`, { json: { alert_rule: json } });
    const bad = await rule({ matchers: 'service="payments', component_id: f.backups, status: "major_outage" });
    expectProblem(bad, 422, ["alert_rule.matchers"]);
    expect(bad.json.detail).toMatch(/closing quote/);
    expectProblem(await rule({ matchers: "", component_id: "nope", status: "major_outage" }), 422, [
      "alert_rule.component_id",
    ]);
    expectProblem(await rule({ component_id: f.backups, status: "operational" }), 422, ["alert_rule.status"]);
    expectProblem(await rule({ component_id: f.backups, status: "degraded_performance", for_seconds: 3601 }), 422, [
      "alert_rule.for_seconds",
    ]);
    expect(f.audit("alert_rule.create")).toHaveLength(0);
  });

  it("lets a read token read without the ingest URL and not write; a probe token gets 403", async () => {
    const f = await setup();
    const s = (await f.call("POST", "alert-sources", { json: { alert_source: { name: "AM", kind: "alertmanager" } } }))
      .json;
    const read = `Bearer ${createToken(f.db, SYSTEM_ACTOR, { name: "reader", scope: "read" }).token}`;
    const write = `Bearer ${createToken(f.db, SYSTEM_ACTOR, { name: "writer", scope: "write" }).token}`;
    const shown = await f.call("GET", `alert-sources/${s.id}`, { auth: read });
    expect(shown.status).toBe(200);
    expect(shown.json.name).toBe("AM");
    expect(shown.json).not.toHaveProperty("ingest_url");
    expect(JSON.stringify(shown.json)).not.toContain(tokenOf(s.ingest_url));
    expectProblem(await f.call("POST", `alert-sources/${s.id}/rotate-token`, { auth: read }), 403);
    expectProblem(
      await f.call("PATCH", `alert-sources/${s.id}`, { auth: read, json: { alert_source: { paused: true } } }),
      403,
    );
    expect((await f.call("GET", `alert-sources/${s.id}`, { auth: write })).json.ingest_url).toBe(s.ingest_url);
    expect(
      (
        await f.call("POST", `alert-sources/${s.id}/rules`, {
          auth: write,
          json: { alert_rule: { component_id: f.backups, status: "partial_outage" } },
        })
      ).status,
    ).toBe(201);

    f.db.$client
      .prepare(
        "INSERT INTO api_tokens (id, name, token_hash, prefix, scope, created_at) VALUES ('probe1', 'agent', ?, 'op_prb', 'probe', 1)",
      )
      .run(createHash("sha256").update("op_probe-token").digest("hex"));
    expectProblem(await f.call("GET", "alert-sources", { auth: "Bearer op_probe-token" }), 403);
    expectProblem(await f.call("GET", "alerts/unmapped", { auth: "Bearer op_probe-token" }), 403);
  });

  it("rotating the token retires the old ingest URL", async () => {
    const f = await setup();
    const s = (await f.call("POST", "alert-sources", { json: { alert_source: { name: "Jobs", kind: "generic" } } }))
      .json;
    const body = fixture("generic-single.json");
    expect(deliverAlerts(f.db, tokenOf(s.ingest_url), body, noHeaders, f.now()).status).toBe(202);
    const rotated = await f.call("POST", `alert-sources/${s.id}/rotate-token`);
    expect(rotated.status).toBe(200);
    alertSourceOut.parse(rotated.json);
    expect(rotated.json.ingest_url).not.toBe(s.ingest_url);
    expect(deliverAlerts(f.db, tokenOf(s.ingest_url), body, noHeaders, f.now())).toMatchObject({ status: 404 });
    expect(deliverAlerts(f.db, tokenOf(rotated.json.ingest_url), body, noHeaders, f.now()).status).toBe(202);
    expect(f.audit("alert_source.rotate_token")).toHaveLength(1);
  });

  it("a rule added for a waiting unmapped alert maps it and opens a draft", async () => {
    const f = await setup();
    const s = (await f.call("POST", "alert-sources", { json: { alert_source: { name: "Jobs", kind: "generic" } } }))
      .json;
    const answer = deliverAlerts(f.db, tokenOf(s.ingest_url), fixture("generic-single.json"), noHeaders, f.now());
    expect(answer).toMatchObject({ status: 202, body: { accepted: 1 } });

    const unmapped = await f.call("GET", "alerts/unmapped");
    expect(unmapped.json).toHaveLength(1);
    const waiting = unmappedAlertOut.parse(unmapped.json[0]);
    expect(waiting).toMatchObject({
      source_id: s.id,
      source_name: "Jobs",
      state: "firing",
      summary: "Nightly backup did not finish",
      component_id: null,
      labels: { service: "backups", severity: "warning", host: "backup-1" },
      suggested_matchers: 'service="backups", severity="warning"',
    });
    expect((await f.call("GET", `alert-sources/${s.id}`)).json).toMatchObject({ firing_alerts: 1, unmapped_alerts: 1 });
    expect(openDraftFor(f.db, f.backups)).toBeUndefined();

    const rule = await f.call("POST", `alert-sources/${s.id}/rules`, {
      json: {
        alert_rule: { matchers: waiting.suggested_matchers, component_id: "backups", status: "degraded_performance" },
      },
    });
    expect(rule.status, JSON.stringify(rule.json)).toBe(201);
    expect(alertRuleOut.parse(rule.json)).toMatchObject({
      component_id: f.backups,
      component_name: "Backups",
      position: 0,
      sets_status: false,
      for_seconds: 0,
    });

    expect((await f.call("GET", "alerts/unmapped")).json).toEqual([]);
    const alerts = await f.call("GET", `alert-sources/${s.id}/alerts`);
    const [mapped] = alerts.json.map((a: unknown) => alertOut.parse(a));
    expect(mapped).toMatchObject({ component_id: f.backups, component_name: "Backups", rule_id: rule.json.id });
    const draft = openDraftFor(f.db, f.backups);
    expect(draft).toMatchObject({
      state: "open",
      alertSourceId: s.id,
      status: "degraded_performance",
      firstError: "Nightly backup did not finish",
      link: "https://ci.example.com/jobs/nightly-backup/812",
    });
    expect(mapped!.draft_id).toBe(draft!.id);

    const rules = await f.call("GET", `alert-sources/${s.id}/rules`);
    expect(rules.json.map((r: { id: string }) => r.id)).toEqual([rule.json.id]);
    const edited = await f.call("PATCH", `alert-sources/${s.id}/rules/${rule.json.id}`, {
      json: { alert_rule: { sets_status: true, for_seconds: "60" } },
    });
    expect(edited.json).toMatchObject({ sets_status: true, for_seconds: 60, matchers: waiting.suggested_matchers });
    expect((await f.call("DELETE", `alert-sources/${s.id}/rules/${rule.json.id}`)).json.id).toBe(rule.json.id);
    expectProblem(await f.call("DELETE", `alert-sources/${s.id}/rules/${rule.json.id}`), 404);
  });

  it("lists deliveries newest first, with a refused PagerDuty signature as 401", async () => {
    const f = await setup();
    const s = (
      await f.call("POST", "alert-sources", {
        json: { alert_source: { name: "PD", kind: "pagerduty", signing_secret: "pd-secret" } },
      })
    ).json;
    const body = fixture("pagerduty-incident-triggered.json");
    const sign = (secret: string) => `v1=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
    const header = (value: string) => (name: string) => (name === "x-pagerduty-signature" ? value : null);
    expect(deliverAlerts(f.db, tokenOf(s.ingest_url), body, header(sign("pd-secret")), f.now()).status).toBe(202);
    expect(deliverAlerts(f.db, tokenOf(s.ingest_url), body, header(sign("wrong")), f.now())).toMatchObject({
      status: 401,
    });

    const res = await f.call("GET", `alert-sources/${s.id}/deliveries`);
    expect(res.status).toBe(200);
    const [refused, accepted] = res.json.map((d: unknown) => deliveryOut.parse(d));
    expect(refused).toMatchObject({ http_status: 401, alert_count: 0, effects: [] });
    expect(refused!.error).toMatch(/signature/);
    expect(accepted).toMatchObject({ http_status: 202, alert_count: 1, error: null });
    expect(accepted!.effects).toEqual([expect.objectContaining({ state: "firing", rule: null })]);
    expect((await f.call("GET", `alert-sources/${s.id}`)).json.last_delivery_at).not.toBeNull();
  });
});
