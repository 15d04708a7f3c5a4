// The public route table: each row is found by its own paths, and what the mirror copies comes
// from rows that can render it.
import { beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { currentSnapshot } from "@/lib/snapshot";
import { must } from "@/lib/testing";
import type { LoadedAssets } from "./assets";
import { route } from "./front";
import { mirrorPathOf } from "./mirror";
import { findRoute, PUBLIC_ROUTES } from "./routes";

const ASSETS: LoadedAssets = { css: "body{}", script: "/* page */", embed: "/* widget */", csp: "default-src 'none'" };

beforeAll(() => {
  const db = testDatabase();
  seedDemo(db, { name: "Routes Demo", timeZone: "Etc/UTC" });
  setDatabase(db);
});

describe("the public route table", () => {
  it("finds each URL's row, and none for Next's paths", () => {
    const name = (path: string) => findRoute(path)?.route.name ?? null;
    expect(name("/")).toBe("the status page");
    expect(name("/incidents/abc123")).toBe("one incident or maintenance");
    expect(name("/api/v2/summary.json")).toBe("Statuspage v2 JSON");
    expect(name("/components/api/history.atom")).toBe("history feeds");
    expect(name("/badge/api/uptime-30d.svg")).toBe("badges (SVG and shields.io JSON)");
    expect(name("/components/api/affected")).toBe('"I am affected" reports');
    expect(findRoute("/components/api/affected")?.params).toEqual(["api"]);
    for (const next of ["/admin", "/api/v1/pages/x/incidents", "/api/auth/session", "/api/heartbeat/t", "/favicon.ico"])
      expect(name(next), next).toBeNull();
  });

  it("gives each row a way to answer its methods", () => {
    for (const r of PUBLIC_ROUTES) {
      if (r.methods.includes("POST")) expect(r.respond, r.name).toBeDefined();
      else expect(r.get ?? r.respond, r.name).toBeDefined();
      if (r.answeredBy === "any") expect(r.get, r.name).toBeDefined();
      if (r.cache === "none") expect(r.mirror, r.name).toBeUndefined();
    }
  });

  it("lists only mirror URLs that its own row answers", () => {
    const s = currentSnapshot();
    let urls = 0;
    for (const r of PUBLIC_ROUTES) {
      for (const url of r.mirror?.(s) ?? []) {
        urls++;
        const [path = ""] = url.split("?");
        expect(findRoute(path)?.route, url).toBe(r);
      }
    }
    expect(urls).toBeGreaterThan(50);
  });
});

describe("a component's days", () => {
  const get = (path: string, query = "") => must(route(path, new URLSearchParams(query), ASSETS), path);
  const db = () =>
    must(
      currentSnapshot().components.find((c) => c.slug === "database-cluster"),
      "database",
    );

  it("answer /components/{id or slug}/uptime.json with 90 days, each with its events and incidents", () => {
    const c = db();
    const doc = JSON.parse(get(`/components/${c.id}/uptime.json`).body.toString()) as {
      component: { id: string };
      days: { date: string; level: number | null; events: { status: string }[]; incidents: { name: string }[] }[];
    };
    expect(doc.component.id).toBe(c.id);
    expect(doc.days).toHaveLength(90);
    const outage = must(
      doc.days.find((d) => d.events.some((e) => e.status === "major_outage")),
      "a day with the seeded outage",
    );
    expect(outage.level).toBeGreaterThan(0);
    expect(outage.incidents.length).toBeGreaterThan(0);
    expect(get(`/components/${c.slug}/uptime.json`).body.equals(get(`/components/${c.id}/uptime.json`).body)).toBe(
      true,
    );
    expect(get("/components/nothing-here/uptime.json").status).toBe(404);
  });

  it("have a page without JavaScript, one per day, and bad days fall back to the month history", () => {
    const c = db();
    const all = get("/history", `component=${c.id}`).body.toString();
    expect(all).toContain("Database cluster: uptime over the last 90 days");
    const [, day] = /id="day-(\d{4}-\d{2}-\d{2})"/.exec(all) ?? [];
    const one = get("/history", `component=${c.slug}&day=${must(day, "a day section")}`).body.toString();
    expect(one).toContain(`id="day-${day}"`);
    expect(one).toContain("Every day of Database cluster");
    for (const q of [`component=${c.id}&day=1999-01-01`, `component=${c.id}&day=x`, "component=none"])
      expect(get("/history", q).body.toString(), q).toContain("Incident history");
    expect(mirrorPathOf(`/history?component=${c.id}&amp;day=${day}`)).toBe(`history/component/${c.id}/index.html`);
  });
});
