// The static mirror: every public view as files that work from any static host (or a folder
// opened from disk). Pages link to each other with relative paths to explicit index.html files,
// so the copy works at a bucket's sub-path too. Built from the one snapshot, like the live site.
import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/db/client";
import { UPTIME_WINDOWS } from "@/lib/badges";
import { config } from "@/lib/config";
import { loadHistory, parseHistoryQuery } from "@/lib/history";
import type { SnapIncident, Snapshot } from "@/lib/snapshot";
import { STATUSPAGE_DOCUMENTS } from "@/lib/statuspage";
import { shiftMonth } from "@/lib/time";
import type { LoadedAssets } from "./assets";
import { route } from "./front";
import { renderHistoryPage, renderIncidentPage, renderStatusPage, type RenderOptions } from "./render";
import { embedFramePayload, reachPayload, statusScriptPayload } from "./reach";
import type { Payload } from "./payload";

export type MirrorFile = { path: string; body: Buffer; contentType: string };

/** Months of history copied (each with its pages, up to a bound). */
export const MIRROR_HISTORY_MONTHS = 12;
const MIRROR_HISTORY_PAGES = 20;

/** Maps a live URL path (with query) to the mirror file that holds it, or null when not copied. */
export function mirrorPathOf(href: string): string | null {
  const [rawPath, rawQuery = ""] = href.replace(/&amp;/g, "&").split("?");
  if (rawPath === "/") return "index.html";
  if (rawPath === "/history" || rawPath === "/history/") {
    const q = new URLSearchParams(rawQuery);
    const month = q.get("month");
    const page = Number(q.get("page") ?? "1");
    if (!month) return "history/index.html";
    return page > 1 ? `history/${month}/${page}/index.html` : `history/${month}/index.html`;
  }
  const incident = /^\/incidents\/([a-z0-9]{1,40})\/?$/.exec(rawPath);
  if (incident) return `incidents/${incident[1]}/index.html`;
  if (rawPath === "/embed") return "embed/index.html";
  if (/^\/[A-Za-z0-9._/-]+$/.test(rawPath) && !rawPath.includes("..")) return rawPath.slice(1);
  return null;
}

/** Rewrites root-relative links in a page stored at `file` into relative links within the mirror. */
export function relativiseLinks(html: string, file: string): string {
  const up = "../".repeat(file.split("/").length - 1);
  return html.replace(/(\s(?:href|src|action)=")(\/[^"]*)"/g, (whole, attr: string, href: string) => {
    if (href.startsWith("//")) return whole;
    const [bare, hash] = href.split("#");
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
};
export const contentTypeOf = (file: string) => TYPES[path.extname(file)] ?? "application/octet-stream";

/** Every file of the mirror, built from the snapshot `s`. */
export function collectMirrorFiles(s: Snapshot, assets: LoadedAssets, generatedAt = Date.now()): MirrorFile[] {
  const cfg = config();
  const files = new Map<string, MirrorFile>();
  const add = (file: string, p: Payload | null) => {
    if (!p || p.status !== 200) return;
    files.set(file, { path: file, body: p.body, contentType: String(p.headers["content-type"] ?? contentTypeOf(file)) });
  };
  const page = (file: string, p: Payload) => {
    const html = relativiseLinks(p.body.toString("utf8"), file);
    files.set(file, { path: file, body: Buffer.from(html), contentType: TYPES[".html"] });
  };
  const opts: RenderOptions = { generatedAt };

  page("index.html", renderStatusPage(s, assets, opts));
  const incidents = new Map<string, SnapIncident>(s.incidentsById);

  // History: the current month at history/index.html, and the last months each at its own path.
  const db = getDb();
  const current = parseHistoryQuery(new URLSearchParams(), s.builtAt, s.page.timeZone).month;
  for (let m = 0; m < MIRROR_HISTORY_MONTHS; m++) {
    const month = shiftMonth(current, -m);
    for (let n = 1; n <= MIRROR_HISTORY_PAGES; n++) {
      const view = loadHistory(db, s, { month, page: n });
      if (view.page !== n) break;
      for (const i of view.incidents) if (!incidents.has(i.id)) incidents.set(i.id, i);
      const payload = renderHistoryPage(s, assets, view, opts);
      const file = mirrorPathOf(`/history?month=${month}&page=${n}`)!;
      page(file, payload);
      if (m === 0 && n === 1) page("history/index.html", payload);
    }
  }
  for (const i of incidents.values()) page(`incidents/${i.id}/index.html`, renderIncidentPage(s, assets, i, opts));

  for (const doc of Object.keys(STATUSPAGE_DOCUMENTS)) add(`api/v2/${doc}`, route(`/api/v2/${doc}`, new URLSearchParams(), assets));

  // Feeds, when this build serves them.
  const feedPaths = ["/history.rss", "/history.atom", ...s.components.flatMap((c) => [`/components/${c.slug}/history.rss`, `/components/${c.slug}/history.atom`])];
  for (const p of feedPaths) add(p.slice(1), route(p, new URLSearchParams(), assets));

  const none = new URLSearchParams();
  const snap = () => s;
  add("badge.svg", reachPayload("/badge.svg", none, snap, assets));
  add("badge.json", reachPayload("/badge.json", none, snap, assets));
  for (const c of s.components) {
    for (const key of new Set([c.slug, c.id])) {
      add(`badge/${key}.svg`, reachPayload(`/badge/${key}.svg`, none, snap, assets));
      add(`badge/${key}.json`, reachPayload(`/badge/${key}.json`, none, snap, assets));
      for (const w of UPTIME_WINDOWS) add(`badge/${key}/uptime-${w}.svg`, reachPayload(`/badge/${key}/uptime-${w}.svg`, none, snap, assets));
    }
  }

  add("embed.js", reachPayload("/embed.js", none, snap, assets));
  add("embed/index.html", embedFramePayload(s));
  // Links in the mirror's status.js point into the mirror when its address is known.
  add("status.js", statusScriptPayload(s, cfg.mirror.publicUrl ?? undefined));
  const meta = { generated_at: new Date(generatedAt).toISOString(), version: s.version, live_url: s.page.url, mirror_url: cfg.mirror.publicUrl };
  files.set("mirror.json", { path: "mirror.json", body: Buffer.from(JSON.stringify(meta)), contentType: TYPES[".json"] });
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
