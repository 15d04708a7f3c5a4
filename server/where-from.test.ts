// The public line that says where a monitored component fails from, and the extension document
// beside the v2 JSON, built from a real snapshot of a migrated database with two probe agents.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { getAgent } from "@/db/queries/probes";
import { insertUser } from "@/db/queries/users";
import { ensurePage } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { SYSTEM_ACTOR, type Actor } from "@/lib/audit";
import { createComponent } from "@/lib/components";
import { translator } from "@/lib/i18n/messages";
import { locationsDocument } from "@/lib/locations-document";
import { createProbeAgent } from "@/lib/monitors/agents";
import { acceptResults } from "@/lib/monitors/ingest";
import { createMonitor } from "@/lib/monitors/monitors";
import { rollUp } from "@/lib/monitors/rollups";
import { buildSnapshot } from "@/lib/snapshot";
import { setComponentStatus } from "@/lib/testing";
import { createElement } from "react";
import { I18nProvider } from "@/components/i18n";
import { WhereFrom } from "@/components/status/WhereFrom";

const admin: Actor = { type: "user", id: "a", label: "admin@example.com", role: "admin" };
const T0 = Date.parse("2026-12-01T12:00:00Z");

function world() {
  const db = testDatabase();
  ensurePage(db, { name: "Test", timeZone: "Etc/UTC", now: T0 - 60_000 });
  insertUser(db, { id: "a", email: "admin@example.com", name: "Admin", role: "admin", createdAt: T0, updatedAt: T0 });
  const component = createComponent(db, SYSTEM_ACTOR, { name: "Checkout" }, T0 - 60_000);
  const agents = [
    ["eu-west", "Frankfurt"],
    ["us-east", "Virginia"],
    ["ap-south", "Singapore"],
  ].map(([name, label]) => createProbeAgent(db, admin, { name: name!, label: label! }, T0).agent);
  const monitor = createMonitor(
    db,
    admin,
    {
      componentId: component.id,
      name: "Checkout page",
      kind: "http",
      settings: { url: "https://checkout.example.com/" },
      locations: ["eu-west", "us-east", "ap-south"],
    },
    T0,
  );
  let seq = 0;
  const report = (agentIndex: number, ok: boolean) =>
    acceptResults(
      db,
      getAgent(db, agents[agentIndex]!.id)!,
      {
        agent: { boot: `boot-${agentIndex}`, version: "1.0.0" },
        results: [0, 1].map((i) => ({
          seq: ++seq,
          monitor_id: monitor.id,
          at: new Date(T0 + i * 1000).toISOString(),
          ok,
          latency_ms: ok ? 80 : null,
          error: ok ? null : "connect ETIMEDOUT",
        })),
      },
      { now: T0 + 5000, skewMs: 0 },
    );
  return { db, component, monitor, report };
}

const line = (snapshot: ReturnType<typeof buildSnapshot>, locale: "en" | "de" | "ar" = "en") =>
  renderToStaticMarkup(
    createElement(
      I18nProvider,
      { value: translator(locale) },
      createElement(WhereFrom, { component: snapshot.components[0]! }),
    ),
  ).replace(/<[^>]+>/g, "");

describe("where from", () => {
  it("says nothing while the component is operational, even when one place fails (regional)", () => {
    const w = world();
    w.report(0, false);
    w.report(1, true);
    w.report(2, true);
    const s = buildSnapshot(w.db, { publicUrl: "https://status.example.com", now: T0 + 6000 });
    expect(s.components[0]!.status).toBe("operational");
    expect(line(s)).toBe("");
    expect(locationsDocument(s).components[0]!.monitors[0]).toMatchObject({ verdict: "regional", quorum: 2 });
  });

  it("names the places it fails from and the ones it works from, in the page's language", () => {
    const w = world();
    w.report(0, false);
    w.report(1, false);
    w.report(2, true);
    const s = buildSnapshot(w.db, { publicUrl: "https://status.example.com", now: T0 + 6000 });
    expect(s.components[0]!.status).toBe("major_outage");
    expect(line(s)).toBe("Unreachable from 2 of 3 locations (Frankfurt, Virginia); reachable from Singapore");
    expect(line(s, "de")).toContain("Frankfurt");
    expect(line(s, "ar")).toContain("؛");
    const doc = locationsDocument(s);
    expect(doc.locations.map((l) => [l.name, l.label, l.reporting])).toEqual([
      ["local", null, true],
      ["ap-south", "Singapore", true],
      ["eu-west", "Frankfurt", true],
      ["us-east", "Virginia", true],
    ]);
    expect(doc.components[0]!.monitors[0]!.locations.map((l) => [l.name, l.status])).toEqual([
      ["ap-south", "up"],
      ["eu-west", "down"],
      ["us-east", "down"],
    ]);
  });

  it("staff setting the status by hand after a regional failure shows the failing place", () => {
    const w = world();
    w.report(0, false);
    w.report(1, true);
    w.report(2, true);
    setComponentStatus(w.db, w.component.id, "partial_outage", T0 + 5500);
    const s = buildSnapshot(w.db, {
      publicUrl: "https://status.example.com",
      now: T0 + 6000,
      locationLabel: "Amsterdam",
    });
    expect(line(s)).toBe("Unreachable from 1 of 3 locations (Frankfurt); reachable from Singapore, Virginia");
  });

  it("splits the response-time chart by place: each place's last 24 hours, named as visitors read it", () => {
    const w = world();
    w.report(0, false);
    w.report(1, true);
    w.report(2, true);
    rollUp(w.db, T0 + 6000, null);
    const s = buildSnapshot(w.db, { publicUrl: "https://status.example.com", now: T0 + 6000 });
    const places = s.components[0]!.monitoring?.places ?? [];
    expect(places.map((p) => [p.name, p.label])).toEqual([
      ["ap-south", "Singapore"],
      ["eu-west", "Frankfurt"],
      ["us-east", "Virginia"],
    ]);
    const hour = (p: (typeof places)[number]) => p.day.at(-1)!;
    expect(places.map((p) => hour(p).p50)).toEqual([80, null, 80]);
    expect(places.every((p) => p.day.length === 24)).toBe(true);
  });
});
