// The static mirror: every public view as files that work from any static host (or a folder
// opened from disk). Pages link to each other with relative paths to explicit index.html files,
// so the copy works at a bucket's sub-path too. Built from the one snapshot, like the live site.
import fs from "node:fs";
import path from "node:path";
import { config } from "@/lib/config";
import type { Snapshot } from "@/lib/snapshot-types";
import type { LoadedAssets } from "./assets";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { mirrorPathOf } from "./mirror-paths";
import { findRoute, PUBLIC_ROUTES, routeContext, type PublicRoute } from "./routes";

export { mirrorPathOf };

export type MirrorFile = { path: string; body: Buffer; contentType: string };

/** Rewrites root-relative links in a page stored at `file` into relative links within the mirror. */
export function relativiseLinks(html: string, file: string): string {
  const up = "../".repeat(file.split("/").length - 1);
  return html.replace(/(\s(?:href|src|action)=")(\/[^"]*)"/g, (whole, attr: string, href: string) => {
    if (href.startsWith("//")) return whole;
    const [bare = "", hash] = href.split("#");
    const target = mirrorPathOf(bare);
    return target === null ? whole : `${attr}${up}${target}${hash !== undefined ? `#${hash}` : ""}"`;
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".rss": "application/rss+xml; charset=utf-8",
  ".atom": "application/atom+xml; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};
export const contentTypeOf = (file: string) =>
  (Object.hasOwn(TYPES, path.extname(file)) ? TYPES[path.extname(file)] : undefined) ?? "application/octet-stream";

/** Every file of the mirror, built from the snapshot `s`: what each row of the route table lists. */
export function collectMirrorFiles(s: Snapshot, assets: LoadedAssets, generatedAt = Date.now()): MirrorFile[] {
  const cfg = config();
  // Links in the mirror's status.js point into the mirror when its address is known.
  const mirror = { generatedAt, publicUrl: cfg.mirror.publicUrl ?? undefined };
  const files = new Map<string, MirrorFile>();
  const copy = (row: PublicRoute, url: string, locale?: Locale) => {
    const file = mirrorPathOf(locale ? localePath(url, locale, s.page.defaultLocale) : url);
    const [path = "", query = ""] = url.split("?");
    const found = findRoute(path);
    if (!file || found?.route !== row) return;
    const ctx = { path, query: new URLSearchParams(query), assets, snapshot: () => s, mirror, locale };
    const p = row.get!(routeContext(row, found.params, ctx));
    // A feed this build does not serve, a component gone meanwhile: not copied.
    if (p.status !== 200) return;
    const contentType = String(p.headers["content-type"] ?? contentTypeOf(file));
    const body = contentType.startsWith("text/html")
      ? Buffer.from(relativiseLinks(p.body.toString("utf8"), file))
      : p.body;
    files.set(file, { path: file, body, contentType });
  };
  for (const row of PUBLIC_ROUTES) {
    if (!row.mirror || !row.get) continue;
    for (const url of row.mirror(s)) copy(row, url);
  }
  // The other offered locales: what a reader needs during an outage (the page, open and recent
  // incidents, this month's history, the widget's frame, the feeds and the Markdown of the page
  // and those incidents), not every month again.
  for (const locale of s.page.locales) {
    if (locale === s.page.defaultLocale) continue;
    const urls = [
      "/",
      "/history",
      "/embed",
      "/history.rss",
      "/history.atom",
      "/index.md",
      ...[...s.incidentsById.keys()].flatMap((id) => [`/incidents/${id}`, `/incidents/${id}.md`]),
    ];
    for (const url of urls) {
      const found = findRoute(url.split("?")[0] ?? url);
      if (found?.route.localised && found.route.get) copy(found.route, url, locale);
    }
  }
  const meta = {
    generated_at: new Date(generatedAt).toISOString(),
    version: s.version,
    live_url: s.page.url,
    mirror_url: cfg.mirror.publicUrl,
  };
  files.set("mirror.json", {
    path: "mirror.json",
    body: Buffer.from(JSON.stringify(meta)),
    contentType: contentTypeOf("mirror.json"),
  });
  return [...files.values()];
}

/** Writes the files into `dir`, each through a temporary file and a rename (readers never see half a file). */
export function writeMirrorDir(dir: string, files: readonly MirrorFile[]): void {
  const root = path.resolve(dir);
  for (const f of files) {
    const target = path.resolve(root, f.path);
    if (!target.startsWith(root + path.sep)) throw new Error(`refusing to write outside the mirror folder: ${f.path}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, f.body);
    fs.renameSync(tmp, target);
  }
}
