// Builds in the background: while a slow build runs elsewhere, requests are answered from the
// last snapshot; its result (through a structured clone, as postMessage makes it) is swapped in
// whole, with its bytes already rendered.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, setDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import {
  backgroundBuildFailed,
  buildSnapshot,
  buildSnapshotsWith,
  currentSnapshot,
  liveSnapshotOptions,
} from "@/lib/snapshot";
import { must, setComponentStatus } from "@/lib/testing";
import type { LoadedAssets } from "./assets";
import { cacheStats } from "./cache";
import { prerender, route } from "./front";
import { PRERENDERED, takeBuild, type BuildResult } from "./snapshot-builder";

const ASSETS: LoadedAssets = { css: "body{}", script: "/* page */", embed: "/* widget */", csp: "default-src 'none'" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const indicator = () =>
  (
    JSON.parse(must(route("/api/v2/status.json", new URLSearchParams(), ASSETS), "status.json").body.toString()) as {
      status: { indicator: string };
    }
  ).status.indicator;

beforeAll(() => {
  const db = testDatabase();
  seedDemo(db, { name: "Builder Demo", timeZone: "Etc/UTC" });
  setDatabase(db);
});

describe("snapshots built in the background", () => {
  it("are built on the request for pages under 100 components", async () => {
    const asked: number[] = [];
    buildSnapshotsWith(null);
    const before = currentSnapshot();
    buildSnapshotsWith((now) => asked.push(now)); // the demo has 8 components
    const c = must(before.components[0], "a component");
    setComponentStatus(getDb(), c.id, c.status === "major_outage" ? "operational" : "major_outage", Date.now());
    await sleep(2);
    expect(currentSnapshot().version).toBeGreaterThan(before.version);
    expect(asked).toEqual([]);
    buildSnapshotsWith(null);
  });

  it("of a big page leave requests on the last snapshot while the build runs, then swap in the new one with its bytes", async () => {
    const asked: number[] = [];
    buildSnapshotsWith(null);
    const first = currentSnapshot();
    buildSnapshotsWith((now) => asked.push(now), 1); // as if the page were big
    const shownBefore = indicator();
    for (const c of first.components)
      if (c.status !== "major_outage") setComponentStatus(getDb(), c.id, "major_outage", Date.now());
    await sleep(2);
    expect(currentSnapshot()).toBe(first);
    expect(indicator()).toBe(shownBefore);
    expect(asked).toHaveLength(1); // one build at a time
    await sleep(2);
    currentSnapshot();
    expect(asked).toHaveLength(1);

    // What the thread does, sent through a structured clone as postMessage does.
    const built = buildSnapshot(getDb(), liveSnapshotOptions(must(asked[0], "the build's time") + 1));
    const payloads = prerender(built, ASSETS, PRERENDERED);
    expect(payloads.length).toBeGreaterThanOrEqual(PRERENDERED.length);
    const message = structuredClone({ snapshot: built, payloads, buildMs: 100 } satisfies BuildResult);
    expect(message.payloads[0]?.[1].body).not.toBeInstanceOf(Buffer);
    takeBuild(message);

    const now = currentSnapshot();
    expect(now.version).toBe(built.version);
    expect(indicator()).toBe("critical");
    expect(cacheStats().hot).toBeGreaterThanOrEqual(PRERENDERED.length);
    // The page is the thread's bytes, as Buffers again.
    const home = must(route("/", new URLSearchParams(), ASSETS), "the page");
    expect(home.body).toBeInstanceOf(Buffer);
    const sent = must(
      message.payloads.find(([key]) => key.startsWith("page:/")),
      "the page's bytes",
    )[1];
    expect(home.etag).toBe(sent.etag);
    expect(home.body.equals(Buffer.from(sent.body))).toBe(true);

    // An older result arriving late changes nothing.
    takeBuild(structuredClone({ snapshot: first, payloads: [], buildMs: 100 } satisfies BuildResult));
    expect(currentSnapshot()).toBe(now);
    buildSnapshotsWith(null);
  });

  it("ask again after a failed build, and build on the request once the builder is gone", async () => {
    const asked: number[] = [];
    buildSnapshotsWith(null);
    const first = currentSnapshot();
    buildSnapshotsWith((now) => asked.push(now), 1);
    const c = must(first.components[0], "a component");
    setComponentStatus(getDb(), c.id, c.status === "operational" ? "partial_outage" : "operational", Date.now());
    await sleep(2);
    currentSnapshot();
    expect(asked).toHaveLength(1);
    backgroundBuildFailed();
    await sleep(2);
    currentSnapshot();
    expect(asked).toHaveLength(2);
    buildSnapshotsWith(null);
    await sleep(2);
    expect(currentSnapshot().version).toBeGreaterThan(first.version);
  });
});
