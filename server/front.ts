// The thin front of the server: answers the public GETs from the snapshot's pre-built bytes and
// hands every other request to Next. Per request it does no database work unless the snapshot
// is due a version check (every 250 ms) or the page is not in memory yet.
import { addressOf, CLIENT_ADDRESS_HEADER, REQUEST_PATH_HEADER } from "@/lib/auth/client-address";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "@/db/client";
import { backupStatus } from "@/lib/backup";
import { config } from "@/lib/config";
import { getIncident } from "@/db/queries/incidents";
import { loadHistory, parseHistoryQuery } from "@/lib/history";
import { currentSnapshot, hydrateIncidents, lastSnapshot, type Snapshot } from "@/lib/snapshot";
import { STATUSPAGE_DOCUMENTS } from "@/lib/statuspage";
import type { LoadedAssets } from "./assets";
import { BodyRefused, bodyLimitFor, limitBody } from "./body";
import { hot, variant } from "./cache";
import { feedRoute, isFeedPath } from "./feeds";
import { handleSubscription, isSubscriptionPath } from "./subscribe";
import { jsonPayload, makePayload, NO_STORE, sendPayload, type Payload } from "./payload";
import { healthPayload } from "./health";
import { renderHistoryPage, renderIncidentPage, renderInfrastructurePage, renderNotFound, renderStatusPage } from "./render";
import { handleReachWrite, isReachPath, isReachWrite, reachPayload } from "./reach";
import { mirrorState } from "@/lib/mirror-state";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

const INCIDENT_PATH = /^\/incidents\/([a-z0-9]{1,40})\/?$/;
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

export function homePayload(s: Snapshot, assets: LoadedAssets): Payload {
  // The footer shows the mirror's last publish, so a publish renders the page again.
  return hot(s, `page:/:${mirrorState().stamp}`, () => renderStatusPage(s, assets));
}

const incidentNotFound = (s: Snapshot, assets: LoadedAssets) => hot(s, "incident:404", () => renderNotFound(s, assets, "There is no incident with this address."));

function incidentPayload(s: Snapshot, assets: LoadedAssets, id: string): Payload {
  const known = s.incidentsById.get(id);
  if (known) return hot(s, `incident:${id}`, () => renderIncidentPage(s, assets, known));
  // Older incidents are read from the database; an id that is nowhere shares the one 404.
  const db = getDb();
  const row = getIncident(db, id);
  if (!row) return incidentNotFound(s, assets);
  return variant(s, `incident:${id}`, () => renderIncidentPage(s, assets, hydrateIncidents(db, [row], s.page.url)[0]));
}

function historyPayload(s: Snapshot, assets: LoadedAssets, query: URLSearchParams): Payload {
  const q = parseHistoryQuery(query, s.builtAt, s.page.timeZone);
  return variant(s, `history:${q.month}:${q.page}`, () => renderHistoryPage(s, assets, loadHistory(getDb(), s, q)));
}

function apiPayload(s: Snapshot, doc: string): Payload {
  const make = STATUSPAGE_DOCUMENTS[doc];
  if (!make) return hot(s, "api:404", () => jsonPayload(404, { error: "Not found" }));
  return hot(s, `api:${doc}`, () => jsonPayload(200, make(s)));
}

function infrastructurePayload(s: Snapshot, assets: LoadedAssets): Payload {
  const backups = backupStatus(config().backupDir);
  // Rebuilt when the data or the newest backup changes.
  return hot(s, `infrastructure:${backups.last?.createdAt ?? 0}:${backups.lastError?.at ?? 0}`, () => renderInfrastructurePage(s, assets, backups));
}

/** The public payload for a path, or null when the path is not one of ours. */
export function route(path: string, query: URLSearchParams, assets: LoadedAssets): Payload | null {
  if (path === "/api/health") return healthPayload();
  if (isReachPath(path)) return reachPayload(path, query, snapshotOrLast, assets);
  if (isFeedPath(path)) return feedRoute(snapshotOrLast(), path);
  const isPublic = path === "/" || path === "/history" || path === "/infrastructure" || path.startsWith("/incidents/") || path.startsWith("/api/v2/");
  if (!isPublic) return null;
  const s = snapshotOrLast();
  if (path === "/") return homePayload(s, assets);
  if (path === "/history") return historyPayload(s, assets, query);
  if (path === "/infrastructure") return infrastructurePayload(s, assets);
  if (path.startsWith("/api/v2/")) return apiPayload(s, path.slice("/api/v2/".length));
  const id = INCIDENT_PATH.exec(path)?.[1];
  return id ? incidentPayload(s, assets, id) : incidentNotFound(s, assets);
}

function isOurs(path: string): boolean {
  return isReachPath(path) || path === "/" || path === "/history" || path === "/infrastructure" || path === "/api/health" || path.startsWith("/incidents/") || path.startsWith("/api/v2/") || isFeedPath(path);
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
 * What every request passes before any handler, here, in Next or in the writer behind a public
 * worker: a well-formed target and method, and a bounded body. False when it was answered already.
 */
export function admit(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  if (refuseMalformed(req, res, url, path)) return false;
  return limitBody(req, res, bodyLimitFor(path));
}

export function createFrontHandler(opts: { assets: LoadedAssets; next: Handler; trustProxy?: boolean }): Handler {
  return (req, res) => {
    if (!admit(req, res)) return;
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q === -1 ? url : url.slice(0, q);
    try {
      if (isSubscriptionPath(path)) {
        const query = new URLSearchParams(q === -1 ? "" : url.slice(q + 1));
        const ctx = { snapshot: snapshotOrLast(), assets: opts.assets, trustProxy: opts.trustProxy ?? false, path, query };
        return void handleSubscription(req, res, ctx).catch((err) => {
          if (err instanceof BodyRefused) return;
          console.error("outpost: subscription request failed", err);
          if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8", "cache-control": NO_STORE });
          res.end("Something went wrong. Please try again.\n");
        });
      }
      if (req.method === "GET" || req.method === "HEAD") {
        let query: URLSearchParams;
        try {
          query = new URLSearchParams(q === -1 ? "" : url.slice(q + 1));
        } catch {
          query = new URLSearchParams();
        }
        const payload = route(path, query, opts.assets);
        if (payload) return sendPayload(req, res, payload);
      } else if (isReachWrite(req.method, path)) {
        return handleReachWrite(req, res, path, opts.trustProxy ?? false);
      } else if (isOurs(path)) {
        if (req.method === "OPTIONS" && (path.startsWith("/api/v2/") || isReachPath(path) || isFeedPath(path))) {
          res.writeHead(204, CORS_PREFLIGHT);
          return res.end();
        }
        res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
        return res.end("Method not allowed\n");
      }
    } catch (err) {
      console.error("outpost: public request failed", err);
      const body = makePayload(503, "text/plain; charset=utf-8", "The status page is briefly unavailable. Please retry.\n", {
        "cache-control": NO_STORE,
        "retry-after": "5",
      });
      return sendPayload(req, res, body);
    }
    // Whatever the client sent under this name is replaced: sign-in throttling keys on it.
    req.headers[CLIENT_ADDRESS_HEADER] = addressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], opts.trustProxy ?? false);
    req.headers[REQUEST_PATH_HEADER] = url;
    return opts.next(req, res);
  };
}
