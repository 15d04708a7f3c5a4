// The alert source pages' read models on a migrated in-memory database: firing alerts split into
// mapped and unmapped, "Map…" and "Edit" links resolved to what the rule form starts from, the
// dashboard's count of unmapped alerts, the drafts naming their source, and "3 min ago".
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertUser } from "@/db/queries/users";
import { ensurePage } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { SYSTEM_ACTOR, type Actor } from "../audit";
import { deliverAlerts } from "../alerts/deliver";
import { createAlertRule, createAlertSource } from "../alerts/sources";
import { createComponent } from "../components";
import { buildSnapshot } from "../snapshot";
import { must } from "../testing";
import { agoText, alertSourcePageView, alertSourcesPageView } from "./alert-sources";
import { dashboardView } from "./dashboard";
import { monitorDraftsView } from "./monitor-drafts";

const editor: Actor = { type: "user", id: "e", label: "editor@example.com", role: "editor" };
const T0 = Date.parse("2026-12-01T12:00:00Z");
const URL = "https://status.example.com";

let db: Db;
let payments: string;
let sourceId: string;
let token: string;

const post = (alert: object, at: number) => deliverAlerts(db, token, JSON.stringify(alert), () => null, at);
const page = (open: { map?: string; rule?: string } = {}) =>
  must(alertSourcePageView(sourceId, open, db, URL, T0 + 60_000), "the source's page");

beforeEach(() => {
  db = testDatabase();
  ensurePage(db, { name: "Test", timeZone: "Etc/UTC", now: T0 });
  insertUser(db, { id: "e", email: "editor@example.com", name: "Ed", role: "editor", createdAt: T0, updatedAt: T0 });
  payments = createComponent(db, SYSTEM_ACTOR, { name: "Payments" }, T0).id;
  ({ id: sourceId, token } = createAlertSource(db, editor, { name: "Shop alerts", kind: "generic" }, T0));
  createAlertRule(db, editor, sourceId, {
    matchers: 'service="payments"',
    componentId: payments,
    status: "major_outage",
  });
  post({ status: "firing", summary: "Checkout failing", labels: { service: "payments" } }, T0 + 1000);
  post({ status: "firing", summary: "Disk full", labels: { job: "db", host: "db-1" } }, T0 + 2000);
});

describe("a source's page", () => {
  it("lists mapped alerts as firing now and the others as unmapped, with a suggested rule", () => {
    const v = page();
    expect(v.source.ingestUrl).toBe(`${URL}/api/alerts/${token}`);
    expect(v.firing.map((a) => [a.summary, a.componentName])).toEqual([["Checkout failing", "Payments"]]);
    expect(v.unmapped.map((a) => [a.summary, a.suggestedMatchers])).toEqual([["Disk full", 'job="db"']]);
    expect(v.deliveries.map((d) => d.httpStatus)).toEqual([202, 202]);
    expect(v.components).toEqual([{ id: payments, name: "Payments" }]);
    expect(v.kinds.map((k) => k.id)).toEqual(["alertmanager", "grafana", "pagerduty", "opsgenie", "generic"]);
    expect(v.now).toBe(T0 + 60_000);
  });

  it("resolves Map… to the unmapped alert and Edit to the rule; anything else opens nothing", () => {
    const { unmapped, rules, firing } = page();
    expect(page({ map: unmapped[0]!.id }).mapping?.summary).toBe("Disk full");
    expect(page({ rule: rules[0]!.id }).editing?.matchers).toBe('service="payments"');
    // A mapped alert, or an id from elsewhere, is not something to map.
    expect(page({ map: firing[0]!.id }).mapping).toBeNull();
    expect(page({ map: "nope", rule: "nope" })).toMatchObject({ mapping: null, editing: null });
    expect(alertSourcePageView("nope", {}, db, URL)).toBeNull();
  });

  it("counts firing and unmapped alerts per source, and the dashboard points at the source to map", () => {
    expect(alertSourcesPageView(db).sources).toMatchObject([{ name: "Shop alerts", firing: 2, unmapped: 1 }]);
    const dashboard = dashboardView(db, () => buildSnapshot(db, { publicUrl: URL, now: T0 + 3000 }));
    expect(dashboard.unmappedAlerts).toEqual([{ id: sourceId, name: "Shop alerts", count: 1 }]);
  });

  it("names the source on the drafts its alerts opened", () => {
    expect(monitorDraftsView(db).map((d) => [d.componentName, d.sourceName, d.firstError])).toEqual([
      ["Payments", "Shop alerts", "Checkout failing"],
    ]);
  });
});

describe("agoText", () => {
  it("says how long ago, rounded down", () => {
    expect(agoText(T0, T0 + 59_000)).toBe("just now");
    expect(agoText(T0, T0 + 3 * 60_000 + 59_000)).toBe("3 min ago");
    expect(agoText(T0, T0 + 5 * 3600_000)).toBe("5 h ago");
    expect(agoText(T0, T0 + 24 * 3600_000)).toBe("24 h ago");
    expect(agoText(T0, T0 + 49 * 3600_000)).toBe("2 days ago");
    // A clock a little behind the source's is not "in the future".
    expect(agoText(T0 + 5000, T0)).toBe("just now");
  });
});
