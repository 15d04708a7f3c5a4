// The page renders again only the component rows whose inputs changed: what it reuses must be
// exactly what a render from nothing would make.
import { beforeAll, describe, expect, it } from "vitest";
import { statusPageRows } from "@/components/status/rendered-rows";
import { getDb, setDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { buildSnapshot } from "@/lib/snapshot";
import { must, setComponentStatus } from "@/lib/testing";
import type { LoadedAssets } from "./assets";
import { renderStatusPage } from "./render";

const ASSETS: LoadedAssets = { css: "body{}", script: "/* page */", embed: "/* widget */", csp: "default-src 'none'" };
const NOW = Date.parse("2026-11-24T12:00:00Z");
const page = (now: number) =>
  renderStatusPage(buildSnapshot(getDb(), { publicUrl: "https://status.example.com", now }), ASSETS).body.toString();

beforeAll(() => {
  const db = testDatabase();
  seedDemo(db, { name: "Rows Demo", timeZone: "Etc/UTC", now: NOW });
  setDatabase(db);
});

describe("component rows", () => {
  it("reused from an earlier render are the bytes a render from nothing makes", () => {
    statusPageRows().clear();
    const first = page(NOW);
    expect(page(NOW)).toBe(first); // all rows reused

    const snapshot = buildSnapshot(getDb(), { publicUrl: "https://status.example.com", now: NOW });
    const c = must(
      snapshot.components.find((x) => x.status === "operational"),
      "an operational component",
    );
    setComponentStatus(getDb(), c.id, "partial_outage", NOW + 60_000);
    const reused = page(NOW + 120_000); // one row renders again, the others are reused
    expect(reused).not.toBe(first);
    expect(reused).toMatch(new RegExp(`data-component="${c.slug}" data-status="partial_outage"`));

    statusPageRows().clear();
    expect(page(NOW + 120_000)).toBe(reused);
  });
});
