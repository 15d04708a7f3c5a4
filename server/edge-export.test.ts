// The edge folder holds exactly the bytes the front serves, swaps versions whole, and moves to a
// new folder when any header changes, so an nginx still on the old configuration finds nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, setDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { currentSnapshot } from "@/lib/snapshot";
import { must, setComponentStatus } from "@/lib/testing";
import { contentSecurityPolicy, type LoadedAssets } from "./assets";
import { createEdgeExporter, EDGE_CONF, edgeFiles, edgeTicker, headersDigest, nginxLocations } from "./edge-export";
import { route } from "./front";
import { EDGE_PATHS } from "./routes";

const ASSETS: LoadedAssets = { css: "body{}", script: "/* page */", embed: "/* widget */", csp: "default-src 'none'" };
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "outpost-edge-"));
const versions = (dir: string) => fs.readdirSync(dir).filter((n) => n.startsWith("v-"));
/** The folder the configuration serves from, as nginx would read it. */
const servedRoot = (dir: string) =>
  must(/ root "([^"]+)";/.exec(fs.readFileSync(path.join(dir, EDGE_CONF), "utf8")), "a root")[1]!;

beforeAll(() => {
  const db = testDatabase();
  seedDemo(db, { name: "Edge Demo", timeZone: "Etc/UTC" });
  setDatabase(db);
});

describe("the edge export", () => {
  it("writes every hot file as the front serves it, with its .gz, and a location per file with its headers", () => {
    const dir = tmp();
    const exporter = createEdgeExporter(dir);
    expect(exporter.update(currentSnapshot(), ASSETS)).toBe(true);
    const root = servedRoot(dir);
    expect(fs.realpathSync(root).startsWith(fs.realpathSync(dir))).toBe(true);
    const conf = fs.readFileSync(path.join(dir, EDGE_CONF), "utf8");
    const files = edgeFiles(currentSnapshot(), ASSETS);
    expect(files.map((f) => f.url)).toEqual(EDGE_PATHS);
    for (const f of files) {
      const served = must(route(f.url, new URLSearchParams(), ASSETS), f.url);
      expect(fs.readFileSync(path.join(root, f.file)).equals(served.body), f.url).toBe(true);
      expect(fs.existsSync(path.join(root, `${f.file}.gz`)), f.url).toBe(served.gzip !== null);
      if (served.gzip) expect(fs.readFileSync(path.join(root, `${f.file}.gz`)).equals(served.gzip)).toBe(true);
      const block = must(
        conf.split("location = ").find((b) => b.startsWith(`${f.url} {`)),
        `a location for ${f.url}`,
      );
      expect(block).toContain(`default_type "${served.headers["content-type"]}";`);
      expect(block).toContain(`try_files /${f.file} @outpost;`);
      expect(block).toContain(`add_header vary "Accept-Encoding";`);
      for (const [name, value] of Object.entries(served.headers))
        if (name !== "content-type") expect(block, `${f.url} ${name}`).toContain(`add_header ${name} "${value}";`);
    }
    // Public bytes for the web server's user.
    expect(fs.statSync(path.join(root, "index.html")).mode & 0o777).toBe(0o644);
  });

  it("exports again only when the bytes change, keeps the version before, and removes older ones", () => {
    const dir = tmp();
    const exporter = createEdgeExporter(dir);
    expect(exporter.update(currentSnapshot(), ASSETS)).toBe(true);
    expect(exporter.update(currentSnapshot(), ASSETS)).toBe(false);
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const c = must(currentSnapshot().components[0], "a component");
      setComponentStatus(getDb(), c.id, c.status === "major_outage" ? "operational" : "major_outage", Date.now());
      const s = currentSnapshot();
      expect(exporter.update(s, ASSETS)).toBe(true);
      const summary = JSON.parse(fs.readFileSync(path.join(servedRoot(dir), "api/v2/summary.json"), "utf8")) as {
        components: { id: string; status: string }[];
      };
      expect(summary.components.find((x) => x.id === c.id)?.status).toBe(
        must(
          s.components.find((x) => x.id === c.id),
          "the component",
        ).status,
      );
      seen.add(fs.readlinkSync(path.join(dir, "current")));
    }
    expect(seen.size).toBe(3);
    expect(versions(dir)).toHaveLength(2);
    expect(versions(dir)).toContain(fs.readlinkSync(path.join(dir, "current")));
  });

  it("keeps its configuration whether or not a document has a .gz (that changes with the data)", () => {
    const files = edgeFiles(currentSnapshot(), ASSETS);
    expect(files.some((f) => f.payload.gzip) && files.some((f) => !f.payload.gzip)).toBe(true);
    // As if every document had grown past 1 KB, or shrunk under it.
    const all = files.map((f) => ({ ...f, payload: { ...f.payload, gzip: f.payload.gzip ?? Buffer.from("gz") } }));
    const none = files.map((f) => ({ ...f, payload: { ...f.payload, gzip: null } }));
    const digest = headersDigest(files);
    for (const variant of [all, none]) {
      expect(headersDigest(variant)).toBe(digest);
      expect(nginxLocations("/srv/edge", variant, digest)).toBe(nginxLocations("/srv/edge", files, digest));
    }
  });

  it("moves the files to a new folder when a header changes, so the old configuration's folder is gone", () => {
    const dir = tmp();
    const exporter = createEdgeExporter(dir);
    exporter.update(currentSnapshot(), ASSETS);
    const before = servedRoot(dir);
    // A new build of the page's script (its CSP hash changes), and the next change of data. The
    // page whose CSP names its browser probes builds it from the script, so the script changes.
    const script = "/* page, rebuilt */";
    const rebuilt = { ...ASSETS, script, csp: contentSecurityPolicy({ css: ASSETS.css, script }) };
    const c = must(currentSnapshot().components[0], "a component");
    setComponentStatus(getDb(), c.id, c.status === "major_outage" ? "operational" : "major_outage", Date.now());
    exporter.update(currentSnapshot(), rebuilt);
    const after = servedRoot(dir);
    expect(after).not.toBe(before);
    expect(fs.existsSync(path.join(before, "index.html"))).toBe(false);
    expect(fs.existsSync(path.join(after, "index.html"))).toBe(true);
  });

  it("removes `current` when an export fails, so nginx passes the URLs to Outpost instead of serving old files", () => {
    const dir = tmp();
    const tick = edgeTicker(dir);
    tick(currentSnapshot(), ASSETS);
    expect(fs.existsSync(path.join(dir, "current"))).toBe(true);
    const c = must(currentSnapshot().components[0], "a component");
    setComponentStatus(getDb(), c.id, c.status === "major_outage" ? "operational" : "major_outage", Date.now());
    // The new version cannot be made (as on a full disk, here while rendering it).
    const failing = {
      ...ASSETS,
      get css(): string {
        throw new Error("ENOSPC: no space left on device");
      },
    };
    const errors: string[] = [];
    const original = console.error;
    console.error = (m: string) => void errors.push(m);
    try {
      tick(currentSnapshot(), failing);
      expect(fs.existsSync(path.join(dir, "current"))).toBe(false);
      tick(currentSnapshot(), failing);
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
    tick(currentSnapshot(), ASSETS);
    expect(fs.existsSync(path.join(servedRoot(dir), "index.html"))).toBe(true);
  });
});
