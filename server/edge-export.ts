// The edge folder: the hot public files (the route table's `edge` rows: page, v2 JSON, plain
// badges, the history feeds, the widget, /index.md and /llms.txt), exported from the very bytes
// this process serves, for a web server in front (deploy/nginx.conf) to answer without asking
// Outpost. Re-exported on the snapshot poll after each change, so it trails the live bytes by at
// most a poll and a build.
//
//   EDGE_DIR/
//     current -> v-<time>-<n>          swapped with one rename: a reader sees one version whole
//     v-<time>-<n>/<headers>/index.html (and .gz beside files that have one)
//     outpost-edge.conf                 nginx locations: each file's exact headers, and its
//                                       folder under <headers>, a digest of all the headers
//
// The headers (content type, cache, CORS, CSP...) live in the generated configuration, which
// nginx reads only when reloaded. When they change (a new build's CSP hashes), the files move to
// a new <headers> folder, so an nginx still running the old configuration finds nothing and
// passes every request to Outpost: it never serves a file with headers other than Outpost's.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Snapshot } from "@/lib/snapshot-types";
import type { LoadedAssets } from "./assets";
import { mirrorPathOf } from "./mirror";
import type { Payload } from "./payload";
import { EDGE_PATHS, findRoute, routeContext } from "./routes";

export const EDGE_CONF = "outpost-edge.conf";
/** The named location Outpost is reached by (deploy/nginx.conf defines it). */
export const EDGE_FALLBACK = "@outpost";
/** The variable deploy/nginx.conf maps to 1 for what the files cannot answer (other methods, queries). */
export const EDGE_BYPASS = "$outpost_edge_bypass";

const quoted = (v: string) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
/** A value nginx's configuration can hold as it is: no variables, no line breaks. */
const writable = (v: string) => !/[$\r\n]/.test(v);

export type EdgeFile = { url: string; file: string; payload: Payload };

/** The edge files of this snapshot: the same Payload objects the front serves (its hot cache). */
export function edgeFiles(s: Snapshot, assets: LoadedAssets): EdgeFile[] {
  const files: EdgeFile[] = [];
  for (const url of EDGE_PATHS) {
    const found = findRoute(url);
    const file = mirrorPathOf(url);
    if (!found?.route.get || !file) continue;
    const payload = found.route.get(
      routeContext(found.route, found.params, { path: url, query: new URLSearchParams(), assets, snapshot: () => s }),
    );
    // A document this page does not serve (a 404) stays Outpost's to answer, as does one with a
    // header nginx would read as a variable.
    if (payload.status === 200 && Object.values(payload.headers).every(writable)) files.push({ url, file, payload });
  }
  return files;
}

/** The headers nginx adds itself or that differ per response. */
const NGINX_OWN = new Set(["content-type", "content-length", "etag", "last-modified", "date", "vary"]);

/**
 * A digest of every file's name and headers: the folder the configuration points at. Only what
 * the configuration says goes in (not the bodies, nor whether a .gz exists), so it changes with a
 * new build or header, never with the data.
 */
export function headersDigest(files: readonly EdgeFile[]): string {
  const h = createHash("sha256");
  for (const f of files) h.update(`${f.url}\n${f.file}\n${JSON.stringify(f.payload.headers)}\n`);
  return h.digest("hex").slice(0, 16);
}

/** The nginx locations for these files, rooted at `dir`/current/`digest`. */
export function nginxLocations(dir: string, files: readonly EdgeFile[], digest: string): string {
  const root = path.join(dir, "current", digest);
  const blocks = files.map((f) => {
    const h = f.payload.headers;
    const lines = [
      `location = ${f.url} {`,
      `    if (${EDGE_BYPASS}) { return 418; }`,
      `    error_page 418 = ${EDGE_FALLBACK};`,
      `    root ${quoted(root)};`,
      `    try_files /${f.file} ${EDGE_FALLBACK};`,
      `    types { }`,
      `    default_type ${quoted(h["content-type"] ?? "application/octet-stream")};`,
      // Outpost compresses bodies of 1 KB and more: nginx sends the same .gz when there is one.
      // Whether there is one changes with the data, so the configuration does not depend on it.
      "    gzip_static on;",
      `    add_header vary "Accept-Encoding";`,
      ...Object.entries(h)
        .filter(([name]) => !NGINX_OWN.has(name))
        .map(([name, value]) => `    add_header ${name} ${quoted(value)};`),
      "}",
    ];
    return lines.join("\n");
  });
  return [
    "# Written by Outpost (EDGE_DIR): the hot public files and Outpost's exact headers for each.",
    "# Include it in the server block of deploy/nginx.conf; reload nginx after Outpost rewrites it",
    "# (until then, requests for these files go to Outpost).",
    ...blocks,
    "",
  ].join("\n");
}

function writeAtomic(file: string, body: Buffer | string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, body, { mode: 0o644 });
  fs.renameSync(tmp, file);
}

export type EdgeExporter = {
  /** Exports when the bytes changed since the last export; true when it wrote a new version. */
  update: (s: Snapshot, assets: LoadedAssets) => boolean;
};

/** Exports into `dir` (created readable by the web server's user: these are public bytes). */
export function createEdgeExporter(dir: string): EdgeExporter {
  const root = path.resolve(dir);
  fs.mkdirSync(root, { recursive: true, mode: 0o755 });
  let last: readonly EdgeFile[] = [];
  let lastConf = "";
  let count = 0;
  const same = (files: readonly EdgeFile[]) =>
    files.length === last.length && files.every((f, i) => f.payload === last[i]!.payload);

  return {
    update: (s, assets) => {
      const files = edgeFiles(s, assets);
      if (same(files)) return false;
      const digest = headersDigest(files);
      const name = `v-${Date.now()}-${process.pid}-${++count}`;
      const version = path.join(root, name);
      for (const f of files) {
        const target = path.join(version, digest, f.file);
        fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
        fs.writeFileSync(target, f.payload.body, { mode: 0o644 });
        if (f.payload.gzip) fs.writeFileSync(`${target}.gz`, f.payload.gzip, { mode: 0o644 });
      }
      // One rename swaps the whole version in.
      const link = path.join(root, `.current.${process.pid}.tmp`);
      fs.rmSync(link, { force: true });
      fs.symlinkSync(name, link);
      fs.renameSync(link, path.join(root, "current"));
      const conf = nginxLocations(root, files, digest);
      if (conf !== lastConf) {
        const before = fs.existsSync(path.join(root, EDGE_CONF))
          ? fs.readFileSync(path.join(root, EDGE_CONF), "utf8")
          : "";
        if (conf !== before) {
          writeAtomic(path.join(root, EDGE_CONF), conf);
          console.log(`outpost: ${path.join(root, EDGE_CONF)} changed; reload nginx to serve the edge files again`);
        }
        lastConf = conf;
      }
      // The version before stays for readers that opened it a moment ago; older ones go.
      for (const old of versions(root).slice(0, -2)) fs.rmSync(path.join(root, old), { recursive: true, force: true });
      last = files;
      return true;
    },
  };
}

/** The version folders (v-<time>-<pid>-<n>), oldest first. */
function versions(root: string): string[] {
  const order = (name: string) => name.split("-").slice(1).map(Number);
  return fs
    .readdirSync(root)
    .filter((n) => /^v-\d+-\d+-\d+$/.test(n))
    .sort((a, b) => {
      const [x, y] = [order(a), order(b)];
      return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
    });
}

/**
 * The exporter as a poll loop runs it. When an export fails (a full disk), `current` is removed,
 * so nginx passes those URLs to Outpost rather than serve files that are no longer true; the
 * failure is logged once, and again when exports work again.
 */
export function edgeTicker(dir: string): (s: Snapshot, assets: LoadedAssets) => void {
  let exporter: EdgeExporter | null = null;
  let failing = false;
  return (s, assets) => {
    try {
      exporter ??= createEdgeExporter(dir);
      exporter.update(s, assets);
      if (failing) console.log(`outpost: exporting to EDGE_DIR=${dir} works again`);
      failing = false;
    } catch (err) {
      // The next attempt starts over (a new version), whatever this one left behind.
      exporter = null;
      fs.rmSync(path.join(dir, "current"), { force: true });
      if (!failing)
        console.error(
          `outpost: cannot export to EDGE_DIR=${dir} (nginx passes those URLs to Outpost meanwhile): ${(err as Error).message}`,
        );
      failing = true;
    }
  };
}
