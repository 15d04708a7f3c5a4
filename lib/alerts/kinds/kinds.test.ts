import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AlertPayloadError, type NormalizedAlert } from "../kind";
import { ALERT_KIND_LABELS, ALERT_KIND_LIST, ALERT_KINDS, alertKindOf, findAlertKind } from "../registry";
import { alertmanager } from "./alertmanager";
import { clampText, epochToMs, MAX_ALERTS, stableHash } from "./common";
import { generic } from "./generic";
import { grafana } from "./grafana";
import { opsgenie } from "./opsgenie";
import { pagerduty, pagerdutySigning } from "./pagerduty";
import { presentedSecret, sharedSecret } from "./shared-secret";

const RECEIVED = Date.UTC(2024, 4, 1, 13, 0, 0);
const FIXTURES = path.join(import.meta.dirname, "..", "fixtures");

const raw = (name: string) => readFileSync(path.join(FIXTURES, `${name}.json`), "utf8");
const fixture = (name: string): Record<string, unknown> => JSON.parse(raw(name));

/** A copy of a fixture changed by `edit`, so each malformed case differs from a good body in one place. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON body, reached into freely
function edited(name: string, edit: (body: any) => void): unknown {
  const body = fixture(name);
  edit(body);
  return body;
}

const AM_URL = "http://prometheus.example.com:9090/graph?g0.expr=job%3Apayments_errors%3Aratio5m+%3E+0.05&g0.tab=1";
const AM_LABELS = (instance: string) => ({
  alertname: "HighErrorRate",
  instance,
  job: "payments-api",
  severity: "critical",
});

describe("alertmanager", () => {
  it("reads a firing group of two alerts", () => {
    expect(alertmanager.parse(fixture("alertmanager-firing"), RECEIVED)).toEqual<NormalizedAlert[]>([
      {
        fingerprint: "b2a8f45c3d1e9f07",
        state: "firing",
        at: Date.UTC(2024, 4, 1, 12, 0, 0, 123),
        startedAt: Date.UTC(2024, 4, 1, 12, 0, 0, 123),
        summary: "High error rate on payments",
        url: AM_URL,
        labels: AM_LABELS("payments-1:8080"),
      },
      {
        fingerprint: "0c6e21d8a7f4b935",
        state: "firing",
        at: Date.UTC(2024, 4, 1, 12, 1, 30),
        startedAt: Date.UTC(2024, 4, 1, 12, 1, 30),
        // No summary annotation: the description stands in.
        summary: "6.8% of requests to payments-2 failed over the last 5 minutes.",
        url: AM_URL,
        labels: AM_LABELS("payments-2:8080"),
      },
    ]);
  });

  it("reads a resolved alert as of its end", () => {
    expect(alertmanager.parse(fixture("alertmanager-resolved"), RECEIVED)).toEqual<NormalizedAlert[]>([
      {
        fingerprint: "b2a8f45c3d1e9f07",
        state: "resolved",
        at: Date.UTC(2024, 4, 1, 12, 25, 0),
        startedAt: Date.UTC(2024, 4, 1, 12, 0, 0, 123),
        summary: "High error rate on payments",
        url: AM_URL,
        labels: AM_LABELS("payments-1:8080"),
      },
    ]);
  });

  it("falls back to the alert name, and to the delivery time when a resolved alert has no end", () => {
    const body = edited("alertmanager-resolved", (b) => {
      b.alerts[0].annotations = {};
      b.alerts[0].endsAt = "0001-01-01T00:00:00Z";
    });
    const [a] = alertmanager.parse(body, RECEIVED);
    expect(a).toMatchObject({ summary: "HighErrorRate", at: RECEIVED, state: "resolved" });
  });

  it("fingerprints an alert without one by its labels, whatever their order", () => {
    const body = edited("alertmanager-firing", (b) => {
      delete b.alerts[0].fingerprint;
      b.alerts[1].fingerprint = "";
      b.alerts[1].labels = { ...AM_LABELS("payments-1:8080") };
      b.alerts[0].labels = Object.fromEntries(Object.entries(AM_LABELS("payments-1:8080")).reverse());
    });
    const [a, b] = alertmanager.parse(body, RECEIVED);
    expect(a!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(a!.fingerprint).toBe(b!.fingerprint);
    expect(a!.fingerprint).toBe(stableHash(AM_LABELS("payments-1:8080")));
  });

  it("keeps only http and https links", () => {
    for (const link of ["javascript:alert(1)", "ftp://example.com/x", "not a url", ""]) {
      const body = edited("alertmanager-resolved", (b) => (b.alerts[0].generatorURL = link));
      expect(alertmanager.parse(body, RECEIVED)[0]!.url, link).toBeNull();
    }
  });

  it("puts the summary on one line of at most 300 characters", () => {
    const body = edited(
      "alertmanager-resolved",
      (b) => (b.alerts[0].annotations.summary = `Line one\n\n${"x".repeat(400)}`),
    );
    const { summary } = alertmanager.parse(body, RECEIVED)[0]!;
    expect(summary).toHaveLength(300);
    expect(summary.startsWith("Line one x")).toBe(true);
    expect(summary.endsWith("…")).toBe(true);
  });

  it("keeps at most 64 labels, each value at most 200 characters", () => {
    const body = edited("alertmanager-resolved", (b) => {
      b.alerts[0].labels = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`l${i}`, "v".repeat(500)]));
    });
    const { labels } = alertmanager.parse(body, RECEIVED)[0]!;
    expect(Object.keys(labels)).toHaveLength(64);
    expect(labels.l0).toHaveLength(200);
    expect(labels.l64).toBeUndefined();
  });

  it("refuses bodies that are not an Alertmanager delivery, saying where", () => {
    const cases: [unknown, RegExp][] = [
      [[], /Expected a JSON object/],
      ["firing", /Expected a JSON object/],
      [null, /Expected a JSON object/],
      [{ status: "firing" }, /alerts: alerts must be a list/],
      [{ alerts: { 0: {} } }, /alerts: alerts must be a list/],
      [{ alerts: ["x"] }, /alerts\.0: Expected an alert object/],
      [
        edited("alertmanager-firing", (b) => delete b.alerts[1].status),
        /alerts\.1\.status: Expected "firing" or "resolved"/,
      ],
      [edited("alertmanager-firing", (b) => (b.alerts[0].status = "pending")), /alerts\.0\.status/],
      [
        edited("alertmanager-firing", (b) => (b.alerts[0].startsAt = "yesterday")),
        /alerts\.0\.startsAt: Expected an ISO 8601 time/,
      ],
      [
        edited("alertmanager-firing", (b) => (b.alerts[0].startsAt = "2024-05-01T12:00:00")),
        /startsAt: Expected an ISO/,
      ],
      [edited("alertmanager-firing", (b) => (b.alerts[0].endsAt = "2024-13-01T00:00:00Z")), /alerts\.0\.endsAt/],
      [edited("alertmanager-firing", (b) => (b.alerts[0].labels = ["a"])), /alerts\.0\.labels/],
    ];
    for (const [body, message] of cases) {
      expect(() => alertmanager.parse(body, RECEIVED), JSON.stringify(body)).toThrow(AlertPayloadError);
      expect(() => alertmanager.parse(body, RECEIVED), JSON.stringify(body)).toThrow(message);
    }
  });

  it("refuses more than 1000 alerts in one delivery", () => {
    const one = fixture("alertmanager-resolved").alerts as unknown[];
    const many = { alerts: Array.from({ length: MAX_ALERTS + 1 }, () => one[0]) };
    expect(() => alertmanager.parse(many, RECEIVED)).toThrow(/too many alerts/);
    expect(alertmanager.parse({ alerts: many.alerts.slice(1) }, RECEIVED)).toHaveLength(MAX_ALERTS);
  });
});

describe("grafana", () => {
  it("reads a firing group, linking to the panel, then the dashboard, then the rule", () => {
    const alerts = grafana.parse(fixture("grafana-firing"), RECEIVED);
    expect(alerts).toEqual<NormalizedAlert[]>([
      {
        fingerprint: "c6eadffa33fcdf37",
        state: "firing",
        at: Date.UTC(2024, 4, 1, 12, 51, 3, 157),
        startedAt: Date.UTC(2024, 4, 1, 12, 51, 3, 157),
        summary: "High memory usage in zone us-1",
        url: "https://grafana.example.com/d/a1b2c3d4?orgId=1&viewPanel=2",
        labels: { alertname: "High memory usage", grafana_folder: "Infrastructure", team: "blue", zone: "us-1" },
      },
      {
        fingerprint: "bc97ff14869b13e3",
        state: "firing",
        at: Date.UTC(2024, 4, 1, 12, 56, 3, 157),
        startedAt: Date.UTC(2024, 4, 1, 12, 56, 3, 157),
        summary: "The system has high CPU usage",
        url: "https://grafana.example.com/alerting/grafana/d1rdpdv7k/view?orgId=1",
        labels: { alertname: "High CPU usage", grafana_folder: "Infrastructure", team: "blue", zone: "eu-1" },
      },
    ]);
  });

  it("reads a resolved alert as of its end", () => {
    expect(grafana.parse(fixture("grafana-resolved"), RECEIVED)).toEqual([
      expect.objectContaining({
        fingerprint: "c6eadffa33fcdf37",
        state: "resolved",
        at: Date.UTC(2024, 4, 1, 13, 6, 3, 157),
        startedAt: Date.UTC(2024, 4, 1, 12, 51, 3, 157),
      }),
    ]);
  });

  it("uses the dashboard when there is no panel", () => {
    const body = edited("grafana-resolved", (b) => (b.alerts[0].panelURL = ""));
    expect(grafana.parse(body, RECEIVED)[0]!.url).toBe("https://grafana.example.com/d/a1b2c3d4?orgId=1");
  });

  it("refuses malformed bodies as Alertmanager does", () => {
    expect(() => grafana.parse({ alerts: "none" }, RECEIVED)).toThrow(/alerts must be a list/);
    const noStatus = edited("grafana-firing", (b) => delete b.alerts[0].status);
    expect(() => grafana.parse(noStatus, RECEIVED)).toThrow(/alerts\.0\.status/);
  });
});

describe("pagerduty", () => {
  const incident = (status: string, eventType: string, at: number) => ({
    fingerprint: "Q2K7L1ZPXW4V9M",
    state: status === "resolved" ? "resolved" : "firing",
    at,
    startedAt: Date.UTC(2024, 4, 1, 12, 3, 10),
    summary: "Checkout latency above 2s (p95)",
    url: "https://acme.pagerduty.com/incidents/Q2K7L1ZPXW4V9M",
    labels: {
      service: "Checkout API",
      service_id: "PF9KMXH",
      urgency: "high",
      ...(status === "resolved" ? {} : { priority: "P1" }),
      status,
      incident_key: "checkout-latency-p95",
      event_type: eventType,
      number: "1432",
    },
  });

  it("reads triggered, acknowledged and resolved incidents", () => {
    expect(pagerduty.parse(fixture("pagerduty-incident-triggered"), RECEIVED)).toEqual([
      incident("triggered", "incident.triggered", Date.UTC(2024, 4, 1, 12, 3, 10, 512)),
    ]);
    expect(pagerduty.parse(fixture("pagerduty-incident-acknowledged"), RECEIVED)).toEqual([
      incident("acknowledged", "incident.acknowledged", Date.UTC(2024, 4, 1, 12, 6, 44, 79)),
    ]);
    expect(pagerduty.parse(fixture("pagerduty-incident-resolved"), RECEIVED)).toEqual([
      incident("resolved", "incident.resolved", Date.UTC(2024, 4, 1, 12, 41, 5, 930)),
    ]);
  });

  it("ignores pings and events whose data is not the incident", () => {
    expect(pagerduty.parse(fixture("pagerduty-pagey-ping"), RECEIVED)).toEqual([]);
    const note = edited("pagerduty-incident-triggered", (b) => {
      b.event.event_type = "incident.annotated";
      b.event.data = {
        id: "P2LA89X",
        type: "incident_note",
        content: "Rolled back",
        incident: { id: "Q2K7L1ZPXW4V9M" },
      };
    });
    expect(pagerduty.parse(note, RECEIVED)).toEqual([]);
    const service = edited("pagerduty-incident-triggered", (b) => {
      b.event.event_type = "service.updated";
      b.event.resource_type = "service";
    });
    expect(pagerduty.parse(service, RECEIVED)).toEqual([]);
  });

  it("takes the state from the event type when the incident carries no status", () => {
    const state = (eventType: string) =>
      pagerduty.parse(
        edited("pagerduty-incident-triggered", (b) => {
          b.event.event_type = eventType;
          delete b.event.data.status;
        }),
        RECEIVED,
      )[0]?.state;
    expect(state("incident.resolved")).toBe("resolved");
    for (const t of [
      "incident.reopened",
      "incident.unacknowledged",
      "incident.escalated",
      "incident.priority_updated",
    ]) {
      expect(state(t), t).toBe("firing");
    }
    expect(state("incident.delegated")).toBeUndefined();
  });

  it("refuses malformed incident events", () => {
    const cases: [unknown, RegExp][] = [
      [[], /Expected a JSON object/],
      [{}, /event: Expected an event object/],
      [{ event: { resource_type: "incident" } }, /event\.event_type/],
      [
        edited("pagerduty-incident-triggered", (b) => (b.event.occurred_at = "soon")),
        /event\.occurred_at: Expected an ISO/,
      ],
      [edited("pagerduty-incident-triggered", (b) => delete b.event.data.id), /event\.data\.id/],
    ];
    for (const [body, message] of cases)
      expect(() => pagerduty.parse(body, RECEIVED), String(message)).toThrow(message);
  });

  describe("signatures", () => {
    const secret = "whsec_4bY7nQ0pX2sV9kD1";
    const body = raw("pagerduty-incident-triggered");
    const sign = (text: string, key: string) => `v1=${createHmac("sha256", key).update(text).digest("hex")}`;

    it("accepts the body signed with the secret", () => {
      expect(pagerduty.signing?.header).toBe("x-pagerduty-signature");
      expect(pagerdutySigning.verify(body, sign(body, secret), secret)).toBe(true);
    });

    it("refuses another secret, a changed body, or no signature", () => {
      expect(pagerdutySigning.verify(body, sign(body, "another-secret"), secret)).toBe(false);
      expect(pagerdutySigning.verify(body.replace("triggered", "resolved"), sign(body, secret), secret)).toBe(false);
      expect(pagerdutySigning.verify(body, null, secret)).toBe(false);
      expect(pagerdutySigning.verify(body, "", secret)).toBe(false);
    });

    it("accepts any one valid v1 signature among several, as during a secret rotation", () => {
      const header = `${sign(body, "old-secret")},${sign(body, secret)}`;
      expect(pagerdutySigning.verify(body, header, secret)).toBe(true);
      expect(pagerdutySigning.verify(body, `${sign(body, "old-secret")}, ${sign(body, secret)}`, secret)).toBe(true);
      expect(pagerdutySigning.verify(body, `${sign(body, "old-secret")},${sign(body, "older")}`, secret)).toBe(false);
    });

    it("ignores other versions and malformed values without throwing", () => {
      const hex = sign(body, secret).slice(3);
      expect(pagerdutySigning.verify(body, `v0=${hex}`, secret)).toBe(false);
      expect(pagerdutySigning.verify(body, `v1=${hex.slice(2)}`, secret)).toBe(false);
      expect(pagerdutySigning.verify(body, "v1=zz,garbage,=", secret)).toBe(false);
      expect(pagerdutySigning.verify(body, hex, secret)).toBe(false);
    });
  });
});

describe("opsgenie", () => {
  const labels = (action: string, details: boolean) => ({
    priority: "P2",
    entity: "db-primary-1",
    source: "zabbix",
    alias: "disk-usage-db-primary-1",
    action,
    "tag:database": "true",
    "tag:production": "true",
    ...(details
      ? { "details.host": "db-primary-1", "details.mount": "/var/lib/postgresql", "details.region": "eu-west-1" }
      : {}),
  });
  const alert = (state: string, at: number, action: string, details: boolean) => ({
    fingerprint: "70413a06-38d6-4c85-92b8-5ebc900d42e2",
    state,
    at,
    startedAt: 1714564980123,
    summary: "Disk usage above 90% on db-primary-1",
    url: null,
    labels: labels(action, details),
  });

  it("reads a created alert as of its creation", () => {
    expect(opsgenie.parse(fixture("opsgenie-create"), RECEIVED)).toEqual([
      alert("firing", 1714564980123, "Create", true),
    ]);
  });

  it("reads an acknowledgement as still firing, as of its update (sent in nanoseconds)", () => {
    expect(opsgenie.parse(fixture("opsgenie-acknowledge"), RECEIVED)).toEqual([
      alert("firing", 1714565210456, "Acknowledge", false),
    ]);
  });

  it("reads a close as resolved", () => {
    expect(opsgenie.parse(fixture("opsgenie-close"), RECEIVED)).toEqual([
      alert("resolved", 1714567384890, "Close", false),
    ]);
    const deleted = edited("opsgenie-close", (b) => (b.action = "Delete"));
    expect(opsgenie.parse(deleted, RECEIVED)[0]!.state).toBe("resolved");
  });

  it("uses the delivery time when an update has no time", () => {
    const body = edited("opsgenie-acknowledge", (b) => {
      b.action = "AddNote";
      delete b.alert.updatedAt;
    });
    expect(opsgenie.parse(body, RECEIVED)[0]).toMatchObject({ state: "firing", at: RECEIVED });
  });

  it("refuses malformed bodies", () => {
    const cases: [unknown, RegExp][] = [
      ["Create", /Expected a JSON object/],
      [{ action: "Create" }, /alert: Expected an alert object/],
      [edited("opsgenie-create", (b) => delete b.action), /action: Expected the alert action/],
      [edited("opsgenie-create", (b) => delete b.alert.alertId), /alert\.alertId/],
      [edited("opsgenie-create", (b) => (b.alert.createdAt = "2024-05-01")), /alert\.createdAt/],
      [edited("opsgenie-create", (b) => (b.alert.tags = "database")), /alert\.tags: Expected a list of tags/],
    ];
    for (const [body, message] of cases) expect(() => opsgenie.parse(body, RECEIVED), String(message)).toThrow(message);
  });
});

describe("generic", () => {
  it("reads a single alert", () => {
    const labels = { service: "backups", severity: "warning", host: "backup-1" };
    expect(generic.parse(fixture("generic-single"), RECEIVED)).toEqual<NormalizedAlert[]>([
      {
        fingerprint: stableHash(labels),
        state: "firing",
        at: Date.UTC(2024, 4, 1, 3, 15),
        startedAt: null,
        summary: "Nightly backup did not finish",
        url: "https://ci.example.com/jobs/nightly-backup/812",
        labels,
      },
    ]);
  });

  it("reads a list, fingerprinting by the summary when there are no labels", () => {
    const [orders, emails, cert] = generic.parse(fixture("generic-list"), RECEIVED);
    expect(orders).toEqual<NormalizedAlert>({
      fingerprint: "queue-depth-orders",
      state: "firing",
      at: 1714564800000,
      startedAt: 1714564500000,
      summary: "Orders queue is backing up (12,400 messages)",
      url: "https://grafana.example.com/d/queues?var-queue=orders",
      labels: { service: "orders", severity: "critical" },
    });
    expect(emails).toMatchObject({
      fingerprint: "queue-depth-emails",
      state: "resolved",
      at: Date.UTC(2024, 4, 1, 10, 10),
    });
    expect(emails!.url).toBeNull();
    expect(cert).toMatchObject({ state: "firing", at: RECEIVED, startedAt: null, labels: {} });
    expect(cert!.fingerprint).toBe(stableHash("Certificate for shop.example.com expires in 6 days"));
  });

  it("gives the resolved alert the firing one's fingerprint when only the summary changes", () => {
    const firing = { status: "firing", summary: "Disk full", labels: { host: "db-1", mount: "/" } };
    const resolved = { status: "resolved", summary: "Disk fine again", labels: { mount: "/", host: "db-1" } };
    expect(generic.parse(firing, RECEIVED)[0]!.fingerprint).toBe(generic.parse(resolved, RECEIVED)[0]!.fingerprint);
  });

  it("reads times in seconds, milliseconds or ISO 8601", () => {
    const at = (value: unknown) => generic.parse({ status: "firing", summary: "x", at: value }, RECEIVED)[0]!.at;
    expect(at(1714564800)).toBe(1714564800000);
    expect(at(1714564800000)).toBe(1714564800000);
    expect(at("2024-05-01T12:00:00Z")).toBe(1714564800000);
  });

  it("refuses malformed alerts, saying where", () => {
    const cases: [unknown, RegExp][] = [
      [[{ status: "firing", summary: "x" }], /Expected an alert object/],
      [42, /Expected an alert object/],
      [{ alerts: "x" }, /alerts: alerts must be a list/],
      [{ summary: "x" }, /status: Expected "firing" or "resolved"/],
      [{ status: "firing" }, /summary: Expected a one-line summary/],
      [{ status: "firing", summary: "   " }, /summary: Must not be empty/],
      [
        {
          alerts: [
            { status: "firing", summary: "x" },
            { status: "ok", summary: "y" },
          ],
        },
        /alerts\.1\.status/,
      ],
      [{ status: "firing", summary: "x", at: "last tuesday" }, /at: Expected an ISO 8601 time or ms/],
      [{ status: "firing", summary: "x", at: -1 }, /at: /],
      [{ status: "firing", summary: "x", url: "javascript:alert(1)" }, /url: Expected an http/],
      [{ status: "firing", summary: "x", labels: { a: { b: 1 } } }, /labels\.a/],
      [{ status: "firing", summary: "x", fingerprint: "" }, /fingerprint: Must not be empty/],
    ];
    for (const [body, message] of cases) {
      expect(() => generic.parse(body, RECEIVED), JSON.stringify(body)).toThrow(AlertPayloadError);
      expect(() => generic.parse(body, RECEIVED), JSON.stringify(body)).toThrow(message);
    }
  });

  it("refuses more than 1000 alerts", () => {
    const alerts = Array.from({ length: MAX_ALERTS + 1 }, () => ({ status: "firing", summary: "x" }));
    expect(() => generic.parse({ alerts }, RECEIVED)).toThrow(/too many alerts: 1001/);
  });
});

describe("shared reading", () => {
  it("tells nanoseconds, milliseconds and seconds apart", () => {
    expect(epochToMs(1714564980123000000)).toBe(1714564980123);
    expect(epochToMs(1714564980123)).toBe(1714564980123);
    expect(epochToMs(1714564980)).toBe(1714564980000);
  });

  it("never splits a character when clamping", () => {
    expect(clampText("ab😀cd", 4)).toBe("ab…");
    expect(clampText("abc", 3)).toBe("abc");
  });

  it("hashes equal values equally whatever the key order", () => {
    expect(stableHash({ a: 1, b: { c: [1, 2], d: "x" } })).toBe(stableHash({ b: { d: "x", c: [1, 2] }, a: 1 }));
    expect(stableHash({ a: "1" })).not.toBe(stableHash({ a: 1 }));
  });
});

describe("a secret in the Authorization header (the kinds that do not sign)", () => {
  const secret = "am-3f9c1e7b2d";
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

  it("is what Alertmanager, Grafana, Opsgenie and generic sources check", () => {
    for (const k of [alertmanager, grafana, opsgenie, generic]) expect(k.signing, k.id).toBe(sharedSecret);
    expect(sharedSecret.header).toBe("authorization");
  });

  it("accepts it as a Bearer token (any case of the scheme) or as the Basic password with any user name", () => {
    expect(sharedSecret.verify("{}", `Bearer ${secret}`, secret)).toBe(true);
    expect(sharedSecret.verify("{}", `bearer ${secret}`, secret)).toBe(true);
    expect(sharedSecret.verify("{}", basic("alertmanager", secret), secret)).toBe(true);
    expect(sharedSecret.verify("{}", basic("", secret), secret)).toBe(true);
    // A password may hold a colon: only the first one ends the user name.
    expect(presentedSecret(basic("grafana", "a:b"))).toBe("a:b");
  });

  it("refuses another secret, none, the secret as the user name, another scheme or a malformed value", () => {
    expect(sharedSecret.verify("{}", "Bearer another", secret)).toBe(false);
    expect(sharedSecret.verify("{}", `Bearer ${secret}x`, secret)).toBe(false);
    expect(sharedSecret.verify("{}", null, secret)).toBe(false);
    expect(sharedSecret.verify("{}", "", secret)).toBe(false);
    expect(sharedSecret.verify("{}", basic(secret, ""), secret)).toBe(false);
    expect(sharedSecret.verify("{}", `Token ${secret}`, secret)).toBe(false);
    expect(sharedSecret.verify("{}", secret, secret)).toBe(false);
    expect(sharedSecret.verify("{}", "Basic !!!", secret)).toBe(false);
    expect(sharedSecret.verify("{}", `Bearer ${secret} extra`, secret)).toBe(false);
  });
});

describe("alert kind registry", () => {
  it("lists each kind once, in the order staff see them", () => {
    expect(ALERT_KINDS).toEqual(["alertmanager", "grafana", "pagerduty", "opsgenie", "generic"]);
    expect(ALERT_KIND_LABELS.alertmanager).toBe("Prometheus Alertmanager");
    for (const id of ALERT_KINDS) expect(alertKindOf(id).id).toBe(id);
    expect(findAlertKind("nagios")).toBeUndefined();
  });

  it("has every kind refuse a body that is not an object with a payload error", () => {
    for (const k of ALERT_KIND_LIST) {
      for (const body of [null, "text", 3, []]) expect(() => k.parse(body, RECEIVED), k.id).toThrow(AlertPayloadError);
      expect(k.commonLabels.length, k.id).toBeGreaterThan(0);
    }
  });
});
