import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { mirrorState } from "@/lib/mirror-state";
import { PUBLIC_ONLY } from "@/lib/net/targets";
import { currentSnapshot } from "@/lib/snapshot";
import { startS3, S3_KEYS } from "@/e2e/support/s3";
import { tempDir } from "@/e2e/support/server";
import type { LoadedAssets } from "./assets";
import { collectMirrorFiles, mirrorPathOf, relativiseLinks, writeMirrorDir, type MirrorFile } from "./mirror";
import { backoffMs, s3Target, startMirrorPublisher, type MirrorTarget } from "./mirror-publisher";

const ASSETS: LoadedAssets = { css: "body{}", script: "/* page */", embed: "/* widget */", csp: "default-src 'none'" };

beforeAll(() => {
  const db = testDatabase();
  seedDemo(db, { name: "Mirror Demo", timeZone: "Etc/UTC" });
  setDatabase(db);
});

describe("mirror paths", () => {
  it("map live paths to files with explicit index.html", () => {
    expect(mirrorPathOf("/")).toBe("index.html");
    expect(mirrorPathOf("/history")).toBe("history/index.html");
    expect(mirrorPathOf("/history?month=2026-10")).toBe("history/2026-10/index.html");
    expect(mirrorPathOf("/history?month=2026-10&amp;page=2")).toBe("history/2026-10/2/index.html");
    expect(mirrorPathOf("/incidents/abc123")).toBe("incidents/abc123/index.html");
    expect(mirrorPathOf("/api/v2/summary.json")).toBe("api/v2/summary.json");
    expect(mirrorPathOf("/../etc/passwd")).toBeNull();
  });

  it("put another locale's copy in a folder of its own", () => {
    expect(mirrorPathOf("/de/")).toBe("de/index.html");
    expect(mirrorPathOf("/de")).toBe("de/index.html");
    expect(mirrorPathOf("/ja/history?month=2026-10")).toBe("ja/history/2026-10/index.html");
    expect(mirrorPathOf("/ar/incidents/abc123")).toBe("ar/incidents/abc123/index.html");
    expect(mirrorPathOf("/de/history.rss")).toBe("de/history.rss");
    expect(relativiseLinks('<a href="/de/history">h</a><a href="/">en</a>', "de/index.html")).toBe(
      '<a href="../de/history/index.html">h</a><a href="../index.html">en</a>',
    );
  });

  it("rewrite root-relative links relative to the page", () => {
    const html =
      '<a href="/">Home</a><a href="/incidents/x1#u">i</a><a href="#main">skip</a><a href="https://x.test/">out</a><a href="//cdn.test/a">cdn</a>';
    expect(relativiseLinks(html, "incidents/x1/index.html")).toBe(
      '<a href="../../index.html">Home</a><a href="../../incidents/x1/index.html#u">i</a><a href="#main">skip</a><a href="https://x.test/">out</a><a href="//cdn.test/a">cdn</a>',
    );
    expect(relativiseLinks('<a href="/history">h</a>', "index.html")).toBe('<a href="history/index.html">h</a>');
  });
});

describe("the mirror's files", () => {
  let files: MirrorFile[];
  beforeAll(() => {
    files = collectMirrorFiles(currentSnapshot(), ASSETS, Date.parse("2026-11-24T12:00:00Z"));
  });
  const file = (p: string) => files.find((f) => f.path === p);

  it("hold each offered locale's page, history, incidents, frame and feeds, linking within that locale", () => {
    const s = currentSnapshot();
    const offered = { ...s, page: { ...s.page, locales: ["en", "ja"] as const } };
    const localised = collectMirrorFiles(offered, ASSETS, Date.parse("2026-11-24T12:00:00Z"));
    const ja = (p: string) => localised.find((f) => f.path === p);
    const page = ja("ja/index.html")?.body.toString("utf8") ?? "";
    expect(page).toContain('<html lang="ja" dir="ltr">');
    expect(page).toContain('href="../ja/history/index.html"');
    for (const id of s.incidentsById.keys()) expect(ja(`ja/incidents/${id}/index.html`)).toBeDefined();
    for (const p of ["ja/history/index.html", "ja/embed/index.html", "ja/history.rss", "ja/history.atom"])
      expect(ja(p), p).toBeDefined();
    // The default locale's copy is unchanged, and only one locale was offered before.
    expect(localised.find((f) => f.path === "index.html")?.body.toString("utf8")).toContain('<html lang="en"');
    expect(files.some((f) => f.path.startsWith("ja/"))).toBe(false);
  });

  it("hold the page, incident pages, history, the JSON API, badges, the widget and its status script", () => {
    const s = currentSnapshot();
    for (const p of [
      "index.html",
      "history/index.html",
      "api/v2/summary.json",
      "api/v2/incidents/unresolved.json",
      "badge.svg",
      "badge.json",
      "embed.js",
      "status.js",
      "embed/index.html",
      "mirror.json",
    ]) {
      expect(file(p), p).toBeDefined();
    }
    for (const i of s.incidentsById.values()) {
      expect(file(`incidents/${i.id}/index.html`)).toBeDefined();
      expect(file(`incidents/${i.id}.rss`)?.contentType).toBe("application/rss+xml; charset=utf-8");
      expect(file(`incidents/${i.id}.atom`)?.contentType).toBe("application/atom+xml; charset=utf-8");
    }
    for (const c of s.components) {
      expect(file(`badge/${c.slug}.svg`)?.contentType).toBe("image/svg+xml; charset=utf-8");
      expect(file(`badge/${c.id}/uptime-30d.svg`)).toBeDefined();
    }
    expect(JSON.parse(file("api/v2/summary.json")!.body.toString()).status).toEqual(s.status);
  });

  it("say when they were generated and link within the copy", () => {
    const index = file("index.html")!.body.toString();
    expect(index).toContain('data-generated-at="2026-11-24T12:00:00.000Z"');
    expect(index).toContain("Static copy generated");
    expect(index).not.toMatch(/href="\/(?!\/)/);
    const incident = files.find((f) => /^incidents\/[^/]+\/index\.html$/.test(f.path))!.body.toString();
    expect(incident).toContain('href="../../index.html"');
    expect(file("status.js")!.body.toString()).toMatch(
      /^\/\* Outpost status, generated .*\*\/\n\(window\.__outpostStatus\|\|function\(\)\{\}\)\(\{"page"/,
    );
  });

  it("are written into a folder", () => {
    const dir = tempDir("outpost-mirror-");
    writeMirrorDir(dir, files);
    expect(fs.readFileSync(path.join(dir, "index.html"))).toEqual(file("index.html")!.body);
    expect(fs.existsSync(path.join(dir, "api/v2/summary.json"))).toBe(true);
    expect(fs.readdirSync(dir).some((f) => f.endsWith(".tmp"))).toBe(false);
    expect(() =>
      writeMirrorDir(dir, [{ path: "../escape.txt", body: Buffer.from("x"), contentType: "text/plain" }]),
    ).toThrow(/outside/);
  });
});

describe("publishing", () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it("uploads to an S3-compatible bucket with content types and a CORS rule for other sites", async () => {
    const target = s3Target(
      { endpoint: s3.endpoint, bucket: s3.bucket, region: "us-east-1", ...S3_KEYS },
      { allowPrivate: true, allowMetadata: false },
    );
    const files = collectMirrorFiles(currentSnapshot(), ASSETS);
    await target.publish(files);
    const res = await fetch(`${s3.endpoint}/${s3.bucket}/api/v2/summary.json`, {
      headers: { origin: "https://elsewhere.test" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("access-control-allow-origin")).toMatch(/^(\*|https:\/\/elsewhere\.test)$/);
    expect((await res.json()).status).toEqual(currentSnapshot().status);
    const badge = await fetch(`${s3.endpoint}/${s3.bucket}/badge.svg`);
    expect(badge.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    // A second publish of the same files uploads nothing and still succeeds.
    await target.publish(files);
  });

  it("[security] refuses an endpoint whose name resolves to loopback, at connect time", async () => {
    const endpoint = `http://localhost:${s3.port}`;
    const strict = s3Target({ endpoint, bucket: s3.bucket, region: "us-east-1", ...S3_KEYS }, PUBLIC_ONLY);
    const before = fs.readdirSync(s3.directory, { recursive: true }).length;
    await expect(
      strict.publish([{ path: "refused.txt", body: Buffer.from("x"), contentType: "text/plain" }]),
    ).rejects.toThrow(/localhost resolves to 127\.0\.0\.1, a loopback or private address/);
    expect(fs.readdirSync(s3.directory, { recursive: true }).length).toBe(before);
  });

  it("retries a failing target and reports its error until it succeeds", async () => {
    let calls = 0;
    const flaky: MirrorTarget = {
      name: "flaky",
      publish: async () => {
        calls++;
        if (calls === 1) throw new Error("bucket unreachable");
      },
    };
    const seen: (string | null)[] = [];
    const stop = startMirrorPublisher([flaky], () => ASSETS);
    try {
      for (let i = 0; i < 200 && mirrorState().targets[0]?.lastPublishedAt == null; i++) {
        const err = mirrorState().targets[0]?.lastError ?? null;
        if (err && !seen.includes(err)) seen.push(err);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      stop();
    }
    expect(seen).toEqual(["bucket unreachable"]);
    expect(calls).toBe(2);
    expect(mirrorState().targets[0]).toMatchObject({ target: "flaky", lastError: null, failures: 0 });
  }, 30_000);

  it("backs off exponentially with jitter, capped at five minutes", () => {
    expect(backoffMs(1, () => 0)).toBe(1000);
    expect(backoffMs(1, () => 1)).toBe(2000);
    expect(backoffMs(3, () => 1)).toBe(8000);
    expect(backoffMs(30, () => 1)).toBe(300_000);
  });
});
