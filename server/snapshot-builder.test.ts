// Builds in the background: while a slow build runs elsewhere, requests are answered from the
// last snapshot; its result (through a structured clone, as postMessage makes it) is swapped in
// whole, with its bytes already rendered.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
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
import { PRERENDERED, startSnapshotBuilder, takeBuild, type BuildResult } from "./snapshot-builder";

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

describe("the snapshot builder thread", () => {
  // Stand-in threads: one that waits for builds and never answers, one that dies at once.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-builder-"));
  const threadFile = (name: string, body: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `const { parentPort } = require("node:worker_threads");\n${body}\n`);
    return file;
  };
  const changeSomething = async () => {
    const c = must(currentSnapshot().components[0], "a component");
    setComponentStatus(getDb(), c.id, c.status === "operational" ? "degraded_performance" : "operational", Date.now());
    await sleep(2);
    currentSnapshot();
  };

  it("is stopped without being reported as having failed", async () => {
    const asked: unknown[] = [];
    const file = threadFile(
      "waits.cjs",
      "parentPort.on('message', (m) => parentPort.postMessage({ error: 'asked' }));",
    );
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const logs = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const stop = startSnapshotBuilder(file, () => asked.push(1), 1);
      await changeSomething();
      for (let i = 0; i < 200 && asked.length === 0; i++) await sleep(10);
      expect(asked).toHaveLength(1); // the thread started and answered
      await stop();
      await sleep(20);
      expect(errors.mock.calls.map((c) => String(c[0])).filter((m) => m.includes("thread stopped"))).toEqual([]);
    } finally {
      errors.mockRestore();
      logs.mockRestore();
      buildSnapshotsWith(null);
    }
  });

  it("that dies is reported, and snapshots are built on requests again", async () => {
    const file = threadFile("dies.cjs", "process.exit(3);");
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const logs = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const stop = startSnapshotBuilder(file, () => {}, 1);
      await changeSomething();
      const said = () => errors.mock.calls.map((c) => String(c[0])).filter((m) => m.includes("thread stopped"));
      for (let i = 0; i < 200 && said().length === 0; i++) await sleep(10);
      expect(said()).toEqual([
        "outpost: the snapshot builder thread stopped (exit code 3); snapshots are built on requests",
      ]);
      const before = currentSnapshot().version;
      await changeSomething();
      expect(currentSnapshot().version).toBeGreaterThan(before);
      await stop();
    } finally {
      errors.mockRestore();
      logs.mockRestore();
      buildSnapshotsWith(null);
    }
  });
});
