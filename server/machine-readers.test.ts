// The machine readers' rows of the public route table: /index.md, /incidents/{id}.md, /llms.txt
// answer from the snapshot with their content types and the public cache, unknown ids share one
// 404, and the mirror and the edge export carry them.
import { beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { bodyMarkdown } from "@/lib/markdown-write";
import { currentSnapshot } from "@/lib/snapshot";
import { must } from "@/lib/testing";
import type { LoadedAssets } from "./assets";
import { edgeFiles } from "./edge-export";
import { route } from "./front";
import { collectMirrorFiles } from "./mirror";
import { PUBLIC_CACHE } from "./payload";
import { EDGE_PATHS, findRoute } from "./routes";

const ASSETS: LoadedAssets = { css: "body{}", script: "/* page */", embed: "/* widget */", csp: "default-src 'none'" };
const get = (path: string) => must(route(path, new URLSearchParams(), ASSETS), path);
const open = () => must(currentSnapshot().incidents.unresolved[0], "the demo's open incident");

beforeAll(() => {
  const db = testDatabase();
  // Two locales: the mirror copies the German Markdown into de/.
  seedDemo(db, { name: "Routes Demo", timeZone: "Europe/Berlin", locales: ["en", "de"] });
  setDatabase(db);
});

describe("the machine readers' rows", () => {
  it("are found by their paths, the incident's Markdown before its page", () => {
    const name = (path: string) => findRoute(path)?.route.name ?? null;
    expect(name("/index.md")).toBe("the status page as Markdown");
    expect(name("/llms.txt")).toBe("the index for agents (llms.txt)");
    expect(name("/incidents/abc123.md")).toBe("one incident or maintenance as Markdown");
    expect(findRoute("/incidents/abc123.md")?.params).toEqual(["abc123"]);
    expect(name("/incidents/abc123")).toBe("one incident or maintenance");
    expect(EDGE_PATHS).toEqual(expect.arrayContaining(["/index.md", "/llms.txt"]));
  });

  it("answer /index.md and /llms.txt as Markdown and plain text, cached like the page, with absolute links", () => {
    const s = currentSnapshot();
    const index = get("/index.md");
    expect(index.status).toBe(200);
    expect(index.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(index.headers["cache-control"]).toBe(PUBLIC_CACHE);
    expect(index.headers["access-control-allow-origin"]).toBe("*");
    expect(index.headers["content-language"]).toBe("en");
    const md = index.body.toString();
    expect(md.startsWith("# Routes Demo status\n")).toBe(true);
    const incident = open();
    expect(md).toContain(`### [${incident.name}](${s.page.url}/incidents/${incident.id}.md)`);
    expect(md).toContain(bodyMarkdown(must(incident.updates[0], "its latest update").body));
    // Served from the hot cache: the same bytes until the data changes.
    expect(get("/index.md")).toBe(index);

    const llms = get("/llms.txt");
    expect(llms.status).toBe(200);
    expect(llms.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(llms.headers["cache-control"]).toBe(PUBLIC_CACHE);
    const text = llms.body.toString();
    expect(text).toContain(`(${s.page.url}/index.md)`);
    expect(text).toContain(`(${s.page.url}/incidents/${incident.id}.md)`);
    expect(text).toContain(`(${s.page.url}/api/v2/summary.json)`);
  });

  it("answer /incidents/{id}.md for every incident of the snapshot, and one shared 404 for anything else", () => {
    const incident = open();
    const p = get(`/incidents/${incident.id}.md`);
    expect(p.status).toBe(200);
    expect(p.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(p.body.toString().startsWith(`# ${incident.name}\n`)).toBe(true);
    for (const m of currentSnapshot().maintenances.upcoming)
      expect(get(`/incidents/${m.id}.md`).body.toString()).toContain("Window: ");

    const missing = get("/incidents/nosuchincident.md");
    expect(missing.status).toBe(404);
    expect(missing.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(missing.body.toString()).toContain("There is no incident with this address.");
    for (const bad of [
      "/incidents/.md",
      `/incidents/${incident.id.toUpperCase()}.md`,
      `/incidents/${incident.id}/x.md`,
      `/incidents/${"a".repeat(41)}.md`,
      "/incidents/constructor.md",
      "/incidents/%3Cscript%3E.md",
    ])
      expect(get(bad), bad).toBe(missing);
  });

  it("are exported for nginx and copied by the mirror, linking the mirror's own files", () => {
    const s = currentSnapshot();
    const edge = edgeFiles(s, ASSETS).filter((f) => f.url.endsWith(".md") || f.url.endsWith(".txt"));
    expect(edge.map((f) => [f.url, f.file])).toEqual([
      ["/index.md", "index.md"],
      ["/llms.txt", "llms.txt"],
    ]);

    const later = currentSnapshot();
    const files = new Map(
      collectMirrorFiles(later, ASSETS, Date.parse("2026-11-24T12:00:00Z")).map((f) => [f.path, f]),
    );
    const incident = open();
    const index = must(files.get("index.md"), "index.md in the mirror");
    expect(index.contentType).toBe("text/markdown; charset=utf-8");
    const md = index.body.toString();
    expect(md).toContain(`](incidents/${incident.id}.md)`);
    expect(md).toContain("](history/index.html)");
    // The only link to the live site: the note saying this is a copy.
    expect(md).toContain(`> Static copy generated 2026-11-24 12:00 UTC`);
    expect(md.match(new RegExp(`\\]\\(${later.page.url}`, "g"))).toHaveLength(1);
    const page = must(files.get(`incidents/${incident.id}.md`), "the incident's Markdown in the mirror");
    expect(page.body.toString()).toContain("](../index.md)");
    expect(must(files.get("llms.txt"), "llms.txt").contentType).toBe("text/plain; charset=utf-8");
    expect(must(files.get("llms.txt"), "llms.txt").body.toString()).toContain("](de/index.md)");
    const de = must(files.get("de/index.md"), "the German index.md").body.toString();
    expect(de).toContain("## Aktuelle Vorfälle");
    expect(de).toContain(`](../de/incidents/${incident.id}.md)`);
    expect(files.has(`de/incidents/${incident.id}.md`)).toBe(true);
  });
});
