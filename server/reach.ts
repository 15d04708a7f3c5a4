// Public surfaces for reaching people elsewhere: badges, the widget script and its iframe
// variant, the status script. Each is built from the snapshot once per change and served as bytes.
import type { MessageKey, Translator } from "@/lib/i18n/messages";
import { statusWords } from "@/lib/status";
import type { CacheClass } from "./cache";
import {
  badgeEndpointJson,
  badgeSvg,
  cleanLabel,
  parseBadgePath,
  parseStyle,
  findBadgeSubject,
  resolveBadge,
  UNKNOWN_BADGE,
  type BadgeRequest,
} from "@/lib/badges";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "@/db/client";
import { findComponentBySlug, getComponent } from "@/db/queries/components";
import { bumpDataVersion } from "@/db/queries/version";
import {
  clientHash,
  isCorroborated,
  PUBLIC_WINDOWS,
  recentCounts,
  reportAffected,
  type ReportResult,
} from "@/lib/affected";
import { addressOf } from "@/lib/auth/client-address";
import { config } from "@/lib/config";
import { ensureAuthSecret } from "@/lib/secret";
import { currentSnapshot } from "@/lib/snapshot";
import type { Snapshot } from "@/lib/snapshot-types";
import { TONE_HEX } from "@/lib/palette";
import { EMBED_HEIGHT_MESSAGE, embedScript, statusScript, widgetStatus, widgetWords } from "@/lib/widget";
import { widgetLines, type WidgetLine, type WidgetNotice } from "@/lib/widget-view";
import { sha256, type LoadedAssets } from "./assets";
import { hot } from "./cache";
import { jsonPayload, makePayload, NO_STORE, sendPayload, type Payload } from "./payload";

const CORS = { "access-control-allow-origin": "*" };
const SVG = "image/svg+xml; charset=utf-8";
const JS = "text/javascript; charset=utf-8";

function badgePayload(
  s: Snapshot,
  req: BadgeRequest | "unknown",
  query: URLSearchParams,
  tr: Translator | undefined,
  keep: (key: string, make: () => Payload, cls?: CacheClass) => Payload,
): Payload {
  const style = parseStyle(query.get("style"));
  const rawLabel = query.get("label");
  const found = req !== "unknown" && (req.kind === "overall" || findBadgeSubject(s, req.component) !== undefined);
  const json = req !== "unknown" && req.format === "json";
  // The badge (an uptime figure pools days) is worked out only when its bytes are not cached yet.
  const make = (label: string | null) => () => {
    const badge = req !== "unknown" && found ? resolveBadge(s, req, tr).badge : UNKNOWN_BADGE;
    const shown = { ...badge, label: cleanLabel(label, badge.label) };
    const status = found ? 200 : 404;
    return json
      ? jsonPayload(status, badgeEndpointJson(shown))
      : makePayload(status, SVG, badgeSvg(shown, style), CORS);
  };
  // Every unknown badge shares one 404 per format and style; a custom label is a variant.
  if (!found) return hot(s, `badge:404:${json ? "json" : "svg"}:${style}`, make(null));
  const key = `badge:${JSON.stringify(req)}:${style}`;
  return rawLabel === null ? keep(key, make(null), "hot") : keep(`${key}:${rawLabel}`, make(rawLabel), "variant");
}

export function embedPayload(s: Snapshot, assets: LoadedAssets): Payload {
  return hot(s, "embed.js", () => {
    const cfg = config();
    return makePayload(
      200,
      JS,
      embedScript(assets.embed, cfg.publicUrl, cfg.mirror.publicUrl, widgetWords(s.page)),
      CORS,
    );
  });
}

/** The status as a script for the widget; `mirrorBase` makes its links point into the mirror. */
export function statusScriptPayload(s: Snapshot, mirrorBase?: string): Payload {
  return hot(s, `status.js:${mirrorBase ?? ""}`, () =>
    makePayload(200, JS, statusScript(widgetStatus(s, mirrorBase ?? s.page.url, Boolean(mirrorBase))), CORS),
  );
}

const escapeHtml = (t: string) =>
  t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The frame's tones, from the one palette: a class per tone sets its colour. */
const FRAME_TONES = Object.entries(TONE_HEX)
  .map(([tone, hex]) => `.t-${tone}{--c:${hex}}`)
  .join("");
// The frame's lines look like the widget's: a neutral card with the tone as a dot and a start
// border; the words stay near-black (near-white in dark), over 4.5:1 on its own background.
const FRAME_CSS =
  "html{background:transparent}body{margin:0;padding:4px;font:14px/1.4 system-ui,sans-serif;color:#111827}" +
  "a{display:flex;align-items:center;gap:8px;margin-bottom:6px;padding:8px 12px;border:1px solid #d1d5db;border-inline-start:4px solid var(--c);" +
  "border-radius:8px;background:#fff;color:inherit;text-decoration:none}a:last-child{margin-bottom:0}" +
  "a.s{border-inline-start-width:1px;border-inline-start-color:#d1d5db;border-radius:999px;padding-inline-start:15px}a:hover span+span{text-decoration:underline}" +
  "a:focus-visible{outline:2px solid #2563eb;outline-offset:2px}" +
  "span{width:10px;height:10px;border-radius:50%;flex:none;background:var(--c)}" +
  "span+span{width:auto;height:auto;border-radius:0;background:none;flex:1;min-width:0;overflow-wrap:anywhere}" +
  "a.c span+span{overflow:hidden;white-space:nowrap;text-overflow:ellipsis}" +
  "@media (prefers-color-scheme:dark){body{color:#f3f4f6}a{background:#111827;border-color:#374151;border-inline-start-color:var(--c)}" +
  "a.s{border-inline-start-color:#374151}}" +
  FRAME_TONES;

/** Posts the frame's content height to the page that frames it, at load and whenever it changes. */
const FRAME_SCRIPT =
  `(function(){var h=-1;function p(){var n=Math.ceil(document.documentElement.getBoundingClientRect().height);` +
  `if(n!==h){h=n;parent.postMessage({type:${JSON.stringify(EMBED_HEIGHT_MESSAGE)},height:n},"*")}}` +
  `if(window.ResizeObserver)new ResizeObserver(p).observe(document.documentElement);addEventListener("load",p);p()})();`;

/** A line's words in the frame's locale, from the catalogue. */
function frameText(tr: Translator, s: Snapshot, line: WidgetLine): string {
  if (line.kind === "status") return tr.t(`status.${statusWords(s.status)}`);
  const one = line.count === 1;
  if (line.kind === "incident")
    return one
      ? tr.t("widget.incident", { name: line.text })
      : tr.t("widget.incidents", { count: line.count, name: line.text });
  return one
    ? tr.t("widget.maintenance", { name: line.text })
    : tr.t("widget.maintenances", { count: line.count, name: line.text });
}

/**
 * The iframe variant: open incidents, maintenances in progress and the status pill as a tiny
 * page, refreshed every minute, in the locale of its address (/de/embed); it posts its height to
 * the framing page (EMBED_HEIGHT_MESSAGE). `keep` caches it like the route's other bytes.
 */
export function embedFramePayload(
  s: Snapshot,
  tr: Translator,
  keep: (key: string, make: () => Payload) => Payload,
): Payload {
  return keep("embed-frame", () => {
    const site = s.page.url.replace(/\/$/, "");
    const data = widgetStatus(s, site);
    const local = (n: WidgetNotice): WidgetNotice => ({ ...n, url: `${site}${tr.href(`/incidents/${n.id}`)}` });
    const lines = widgetLines(
      {
        ...data,
        page: { ...data.page, url: `${site}${tr.href("/")}` },
        incidents: data.incidents.map(local),
        maintenances: data.maintenances.map(local),
      },
      { always: true },
    );
    const body = lines
      .map((line) => {
        const cls = [`t-${line.tone}`, line.kind === "status" ? "s" : "", line.count > 1 ? "c" : ""].filter(Boolean);
        const text = escapeHtml(frameText(tr, s, line));
        // A collapsed line is cut with an ellipsis when narrow; its title keeps the whole of it.
        const title = line.count > 1 ? ` title="${text}"` : "";
        return `<a class="${cls.join(" ")}" data-kind="${line.kind}" href="${escapeHtml(line.url)}" target="_blank" rel="noopener"${title}><span></span><span>${text}</span></a>`;
      })
      .join("");
    const html =
      `<!DOCTYPE html><html lang="${tr.locale}" dir="${tr.dir}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="60">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<meta name="color-scheme" content="light dark"><title>${escapeHtml(tr.t("title.page", { page: s.page.name }))}</title><style>${FRAME_CSS}</style></head>` +
      `<body data-indicator="${escapeHtml(s.status.indicator)}">${body}<script>${FRAME_SCRIPT}</script></body></html>`;
    return makePayload(200, "text/html; charset=utf-8", html, {
      // The only public page that may be framed, by anyone; its one script is allowed by hash.
      "content-security-policy": `default-src 'none'; style-src ${sha256(FRAME_CSS)}; script-src ${sha256(FRAME_SCRIPT)}; base-uri 'none'; form-action 'none'; frame-ancestors *`,
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
  });
}

/**
 * The badge for a `/badge…` path (the grey 404 one for anything it does not name). Under a locale
 * prefix (`tr`) an SVG badge has that locale's words; the shields.io JSON stays English, so there
 * it is not found.
 */
export function badgeRoute(
  path: string,
  query: URLSearchParams,
  s: Snapshot,
  tr: Translator | undefined,
  keep: (key: string, make: () => Payload, cls?: CacheClass) => Payload,
): Payload {
  const req = parseBadgePath(path) ?? "unknown";
  const json = req !== "unknown" && req.format === "json";
  return badgePayload(s, tr && json ? "unknown" : req, query, tr, keep);
}

// ---- "I am affected" ---------------------------------------------------------------------

let secret: string | undefined;
function reportSecret(): string {
  const cfg = config();
  secret ??= ensureAuthSecret(cfg.databasePath, cfg.authSecret);
  return secret;
}

const MESSAGES = {
  counted: "report.counted",
  already: "report.already",
  limited: "report.limited",
  full: "report.full",
} as const satisfies Record<ReportResult["reason"], MessageKey>;

function reportPage(tr: Translator, status: number, title: string, message: string): Payload {
  const html = `<!DOCTYPE html><html lang="${tr.locale}" dir="${tr.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="${tr.href("/")}">${escapeHtml(tr.t("report.back"))}</a></p></main></body></html>`;
  return makePayload(status, "text/html; charset=utf-8", html, {
    "cache-control": NO_STORE,
    "content-security-policy": "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "x-frame-options": "DENY",
  });
}

/** The public count is rebuilt into the page at most this often while reports arrive. */
const COUNT_REFRESH_MS = 2_000;
let countRefreshedAt = 0;
let countRefresh: ReturnType<typeof setTimeout> | undefined;

/**
 * A counted report the public sees (corroborated): the page is rebuilt with the new count, so it
 * survives a reload. Reports are not behind a trigger, so the data version is moved here, at
 * most every COUNT_REFRESH_MS with one trailing move, so a storm of reports costs few rebuilds.
 */
function refreshPublicCount(db: ReturnType<typeof getDb>): void {
  const wait = countRefreshedAt + COUNT_REFRESH_MS - Date.now();
  if (wait <= 0) {
    countRefreshedAt = Date.now();
    bumpDataVersion(db);
  } else
    countRefresh ??= setTimeout(() => {
      countRefresh = undefined;
      countRefreshedAt = Date.now();
      try {
        bumpDataVersion(db);
      } catch {
        /* the database closed meanwhile: the next snapshot (within a minute) has the count */
      }
    }, wait).unref();
}

const originOf = (url: string | null) => (url ? new URL(url).origin : null);

/**
 * Reports come only from the status page itself or its mirror (which posts to the live site), so
 * another site cannot make its visitors' browsers file reports. Browsers send Origin on every
 * POST; where one does not, Sec-Fetch-Site says whether the post is same-origin (or typed by the
 * user: none). A client sending neither is not a browser a third-party page can steer.
 */
export function reportOriginAllowed(
  headers: IncomingMessage["headers"],
  publicUrl: string,
  mirrorUrl: string | null,
): boolean {
  const origin = headers.origin;
  if (origin !== undefined) return origin === originOf(publicUrl) || origin === originOf(mirrorUrl);
  const site = headers["sec-fetch-site"];
  return site === undefined || site === "same-origin" || site === "none";
}

/**
 * POST /components/{id or slug}/affected: an anonymous report. A form post (no JavaScript) gets a
 * small page; a script asking for JSON gets the outcome and, when corroborated, the public count.
 */
export function handleReachWrite(
  req: IncomingMessage,
  res: ServerResponse,
  key: string,
  trustProxy: boolean,
  tr: Translator,
): void {
  req.resume(); // the body carries nothing we need
  const wantsJson = /application\/json/.test(req.headers.accept ?? "");
  const cfg = config();
  if (!reportOriginAllowed(req.headers, cfg.publicUrl, cfg.mirror.publicUrl)) {
    const refused = tr.t("report.refused");
    return sendPayload(
      req,
      res,
      wantsJson
        ? jsonPayload(403, { error: refused }, { "cache-control": NO_STORE })
        : reportPage(tr, 403, tr.t("report.refusedTitle"), refused),
    );
  }
  const db = getDb();
  const s = currentSnapshot();
  const row = getComponent(db, key) ?? findComponentBySlug(db, s.page.id, key);
  if (!row) {
    const body = wantsJson
      ? jsonPayload(404, { error: "No such component" }, { "cache-control": NO_STORE })
      : reportPage(tr, 404, tr.t("report.unknownTitle"), tr.t("report.unknown"));
    return sendPayload(req, res, body);
  }
  const now = Date.now();
  const address = addressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustProxy);
  const result = reportAffected(db, row.id, clientHash(reportSecret(), address, now), now);
  const status = result.reason === "limited" ? 429 : 200;
  if (!wantsJson)
    return sendPayload(
      req,
      res,
      reportPage(
        tr,
        status,
        tr.t(status === 429 ? "report.tooManyTitle" : "report.receivedTitle"),
        tr.t(MESSAGES[result.reason]),
      ),
    );
  const corroborated = isCorroborated(s, row);
  if (result.counted && corroborated) refreshPublicCount(db);
  const count = corroborated ? (recentCounts(db, now, PUBLIC_WINDOWS).get(row.id) ?? 0) : null;
  sendPayload(
    req,
    res,
    jsonPayload(
      status,
      {
        counted: result.counted,
        reason: result.reason,
        message: tr.t(MESSAGES[result.reason]),
        count,
        // What the page shows: the outcome, and the public count when there is one.
        text: count
          ? tr.t("report.count", { message: tr.t(MESSAGES[result.reason]), count })
          : tr.t(MESSAGES[result.reason]),
      },
      { "cache-control": NO_STORE },
    ),
  );
  // jsonPayload allows any origin: the static mirror's page posts here from its own host.
}
