// The thin front of the server: answers the public URLs of the route table (server/routes.ts),
// GETs from the snapshot's pre-built bytes, and hands every other request to Next. Per request it
// does no database work beyond the snapshot's one-row version read unless the data moved or the
// bytes are not in memory yet.
import type { IncomingMessage, ServerResponse } from "node:http";
import { addressOf, CLIENT_ADDRESS_HEADER, REQUEST_PATH_HEADER } from "@/lib/auth/client-address";
import { currentSnapshot, lastSnapshot } from "@/lib/snapshot";
import type { Snapshot } from "@/lib/snapshot-types";
import type { LoadedAssets } from "./assets";
import { mirrorState } from "@/lib/mirror-state";
import { BodyRefused, bodyLimitFor, hasBody, limitBody } from "./body";
import { hot, hotEntries } from "./cache";
import { makePayload, NO_STORE, sendPayload, type Payload } from "./payload";
import { EDGE_PATHS, findRoute, routeContext, type PublicRoute } from "./routes";
import { LOCALES, splitLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { renderNotFound } from "./render";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

const CORS_PREFLIGHT = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, OPTIONS",
  "access-control-allow-headers": "If-None-Match, Cache-Control",
  "access-control-max-age": "86400",
};

/** The snapshot, or the last good one while the database cannot be read: the page stays up. */
function snapshotOrLast(): Snapshot {
  try {
    return currentSnapshot();
  } catch (err) {
    const last = lastSnapshot();
    if (!last) throw err;
    console.error(`outpost: serving the last snapshot; the database read failed: ${(err as Error).message}`);
    return last;
  }
}

const HOME = findRoute("/")!;

/** The page's bytes for this snapshot (kept warm off the request path). */
export function homePayload(s: Snapshot, assets: LoadedAssets): Payload {
  return HOME.route.get!(
    routeContext(HOME.route, HOME.params, { path: "/", query: new URLSearchParams(), assets, snapshot: () => s }),
  );
}

/**
 * Renders these paths' bytes for a snapshot into its hot cache and returns them (a snapshot
 * builder thread sends them along, so no request renders the big documents after a change).
 */
export function prerender(s: Snapshot, assets: LoadedAssets, paths: readonly string[]): [string, Payload][] {
  for (const path of paths) {
    const found = findRoute(path);
    if (!found?.route.get || found.route.cache !== "hot") continue;
    found.route.get(
      routeContext(found.route, found.params, { path, query: new URLSearchParams(), assets, snapshot: () => s }),
    );
  }
  return hotEntries(s);
}

/** The bytes a GET of this path answers with, or null when no row of the public table serves it. */
export function route(path: string, query: URLSearchParams, assets: LoadedAssets): Payload | null {
  const found = findRoute(path);
  if (!found?.route.get) return null;
  return found.route.get(routeContext(found.route, found.params, { path, query, assets, snapshot: snapshotOrLast }));
}

// ---- the edge files from memory, by their exact URL ------------------------------------------

const EDGE = new Set(EDGE_PATHS);
/** The edge files' addresses, and the same under each locale's prefix (the localised ones answer there). */
const MEMO_URLS = new Set([...EDGE_PATHS, ...LOCALES.flatMap((l) => EDGE_PATHS.map((p) => `/${l}${p}`))]);
/** The edge files' bytes by URL, for one snapshot and mirror state (the page's footer shows it). */
const memo = { snapshot: undefined as Snapshot | undefined, stamp: -1, byUrl: new Map<string, Payload>() };

function remembered(s: Snapshot): Map<string, Payload> {
  const stamp = mirrorState().stamp;
  if (memo.snapshot !== s || memo.stamp !== stamp) {
    memo.snapshot = s;
    memo.stamp = stamp;
    memo.byUrl = new Map();
  }
  return memo.byUrl;
}

/**
 * Answers a plain GET or HEAD of an edge file (no query, no body) whose bytes for the current
 * snapshot are in memory, with one look-up: no admission, routing or route context, which such a
 * request does not need (its target is one of a few known paths). False: take the usual way.
 */
export function answerFromMemory(req: IncomingMessage, res: ServerResponse): boolean {
  const method = req.method;
  if ((method !== "GET" && method !== "HEAD") || !MEMO_URLS.has(req.url!) || hasBody(req)) return false;
  let s: Snapshot;
  try {
    s = currentSnapshot();
  } catch {
    return false;
  }
  const p = remembered(s).get(req.url!);
  if (!p) return false;
  sendPayload(req, res, p);
  return true;
}

const allowHeader = (r: PublicRoute) =>
  (r.methods.includes("GET") ? ["GET", "HEAD", ...r.methods.filter((m) => m !== "GET")] : [...r.methods]).join(", ");

function allows(r: PublicRoute, method: string): boolean {
  return (r.methods as readonly string[]).includes(method) || (method === "HEAD" && r.methods.includes("GET"));
}

/** Methods no route of ours or Next's answers; refused before any routing. */
const REFUSED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": NO_STORE, ...headers });
  res.end(`${text}\n`);
}

/**
 * Requests no handler should see: a target that is not a path (`*`, or an absolute URL naming
 * some other host, which must never become a redirect there), a method nobody serves, or a
 * path whose percent-encoding does not decode. Answers them (4xx) and returns true.
 */
function refuseMalformed(req: IncomingMessage, res: ServerResponse, url: string, path: string): boolean {
  if (REFUSED_METHODS.has(req.method ?? "")) {
    plain(res, 405, "Method not allowed", { allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" });
    return true;
  }
  if (url.charCodeAt(0) !== 47 /* "/" */ || url.startsWith("//")) {
    plain(res, 400, "Bad request: the request target must be a path.");
    return true;
  }
  if (path.includes("%")) {
    try {
      decodeURIComponent(path);
    } catch {
      plain(res, 400, "Bad request: the path is not valid percent-encoding.");
      return true;
    }
  }
  return false;
}

/**
 * A request that passed admission: its target split once, and its row of the route table. A
 * localised row is also found under a locale prefix ("/de/history"): `locale` says which, and
 * `path` is the address without it.
 */
export type Admitted = {
  url: string;
  q: number;
  path: string;
  found: ReturnType<typeof findRoute>;
  locale: Locale | null;
};

/** The row of a path, or of a localised row under a locale prefix (looked for only when no row matches). */
function findLocalised(path: string): { found: ReturnType<typeof findRoute>; path: string; locale: Locale | null } {
  const found = findRoute(path);
  if (found) return { found, path, locale: null };
  const split = splitLocale(path);
  const inner = split && findRoute(split.path);
  if (!split || !inner?.route.localised) return { found: null, path, locale: null };
  return { found: inner, path: split.path, locale: split.locale };
}
const ADMITTED = Symbol("outpost.admitted");

/**
 * What every request passes before any handler, here, in Next or in the writer behind a public
 * worker: a well-formed target and method, and a bounded body. Null when it was answered already.
 * Done once per request: a public worker's front reuses what the worker admitted.
 */
export function admit(req: IncomingMessage, res: ServerResponse): Admitted | null {
  const known = (req as IncomingMessage & { [ADMITTED]?: Admitted })[ADMITTED];
  if (known) return known;
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const full = q === -1 ? url : url.slice(0, q);
  if (refuseMalformed(req, res, url, full)) return null;
  const { found, path, locale } = findLocalised(full);
  if (!limitBody(req, res, found?.route.bodyLimit ?? bodyLimitFor(full))) return null;
  const admitted = { url, q, path, found, locale };
  (req as IncomingMessage & { [ADMITTED]?: Admitted })[ADMITTED] = admitted;
  return admitted;
}

/**
 * A locale prefix that does not serve the page itself: a GET of the default locale's prefix
 * redirects to the address without it, "/de" to "/de/", and a page in a locale the page does not
 * offer is a 404 (in the default locale). The subscription flow and reports answer in any known
 * locale, by any method: a subscriber's links stay good when the page stops offering theirs.
 * True when answered.
 */
function answerLocalePrefix(
  req: IncomingMessage,
  res: ServerResponse,
  admitted: Admitted,
  snapshot: Snapshot,
  assets: LoadedAssets,
): boolean {
  const { locale, url, q } = admitted;
  if (!locale) return false;
  const query = q === -1 ? "" : url.slice(q);
  const redirect = (location: string) => {
    res.writeHead(301, { location, "cache-control": "public, max-age=300", "content-length": "0" });
    res.end();
    return true;
  };
  const read = req.method === "GET" || req.method === "HEAD";
  if (admitted.found?.route.respond) {
    if (read && locale === snapshot.page.defaultLocale) return redirect(`${admitted.path}${query}`);
    return false;
  }
  if (locale === snapshot.page.defaultLocale) return redirect(`${admitted.path}${query}`);
  if (!snapshot.page.locales.includes(locale)) {
    const tr = translator(snapshot.page.defaultLocale, snapshot.page.defaultLocale);
    sendPayload(
      req,
      res,
      hot(snapshot, "locale:404", () => renderNotFound(snapshot, assets, tr.t("notFound.locale"), { tr })),
    );
    return true;
  }
  if (admitted.path === "/" && (q === -1 ? url : url.slice(0, q)).length === 3) return redirect(`/${locale}/${query}`);
  return false;
}

export function createFrontHandler(opts: { assets: LoadedAssets; next: Handler; trustProxy?: boolean }): Handler {
  const trustProxy = opts.trustProxy ?? false;
  return (req, res) => {
    if (answerFromMemory(req, res)) return;
    const admitted = admit(req, res);
    if (!admitted) return;
    const { url, q, path, found, locale } = admitted;
    if (found) {
      const { route: row, params } = found;
      const method = req.method ?? "GET";
      if (locale && answerLocalePrefix(req, res, admitted, snapshotOrLast(), opts.assets)) return;
      if (!allows(row, method)) {
        if (method === "OPTIONS" && row.cors) {
          res.writeHead(204, CORS_PREFLIGHT);
          return res.end();
        }
        res.writeHead(405, { allow: allowHeader(row), "content-type": "text/plain; charset=utf-8" });
        return res.end("Method not allowed\n");
      }
      const query = new URLSearchParams(q === -1 ? "" : url.slice(q + 1));
      const ctx = routeContext(row, params, {
        path,
        query,
        assets: opts.assets,
        snapshot: snapshotOrLast,
        locale: locale ?? undefined,
      });
      if (row.respond) {
        return void Promise.resolve()
          .then(() => row.respond!(req, res, { ...ctx, snapshot: ctx.snapshot, trustProxy }))
          .catch((err) => {
            if (err instanceof BodyRefused) return;
            console.error(`outpost: ${row.name} request failed`, err);
            if (!res.headersSent)
              res.writeHead(500, { "content-type": "text/plain; charset=utf-8", "cache-control": NO_STORE });
            res.end("Something went wrong. Please try again.\n");
          });
      }
      try {
        const payload = row.get!(ctx);
        // Kept by its whole address: "/de/" is the page in German (redirects and 404s were answered above).
        if (q === -1 && EDGE.has(path)) remembered(ctx.snapshot).set(url, payload);
        return sendPayload(req, res, payload);
      } catch (err) {
        console.error("outpost: public request failed", err);
        const body = makePayload(
          503,
          "text/plain; charset=utf-8",
          "The status page is briefly unavailable. Please retry.\n",
          {
            "cache-control": NO_STORE,
            "retry-after": "5",
          },
        );
        return sendPayload(req, res, body);
      }
    }
    // Whatever the client sent under this name is replaced: sign-in throttling keys on it.
    req.headers[CLIENT_ADDRESS_HEADER] = addressOf(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      trustProxy,
    );
    req.headers[REQUEST_PATH_HEADER] = url;
    return opts.next(req, res);
  };
}
