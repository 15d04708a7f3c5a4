// The public route table: each row is found by its own paths, and what the mirror copies comes
// from rows that can render it.
import { beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { currentSnapshot } from "@/lib/snapshot";
import { findRoute, PUBLIC_ROUTES } from "./routes";

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
