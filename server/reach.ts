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
import { embedScript, statusScript, widgetStatus, widgetWords } from "@/lib/widget";
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

const FRAME_COLORS: Record<string, string> = {
  none: "#15803d",
  minor: "#a16207",
  major: "#c2410c",
  critical: "#b91c1c",
  maintenance: "#1d4ed8",
};
const FRAME_CSS =
  "body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#111827;background:transparent}" +
  "a{display:flex;align-items:center;gap:8px;margin:4px;padding:6px 12px;border:1px solid #d1d5db;border-radius:999px;background:#fff;color:inherit;text-decoration:none}" +
  "a.b{border-radius:8px;font-weight:600;color:#7c2d12;background:#fff7ed;border-color:#fdba74}span{width:10px;height:10px;border-radius:50%;flex:none}" +
  "@media (prefers-color-scheme:dark){a{color:#f3f4f6;background:#111827;border-color:#374151}}" +
  Object.entries(FRAME_COLORS)
    .map(([k, c]) => `.i-${k}{background:${c}}`)
    .join("");

/**
 * The iframe variant: the pill and open incidents as a tiny page, refreshed every minute without
 * script, in the locale of its address (/de/embed); `keep` caches it like the route's other bytes.
 */
export function embedFramePayload(
  s: Snapshot,
  tr: Translator,
  keep: (key: string, make: () => Payload) => Payload,
): Payload {
  return keep("embed-frame", () => {
    const site = s.page.url.replace(/\/$/, "");
    const incidents = s.incidents.unresolved
      .slice(0, 2)
      .map(
        (i) =>
          `<a class="b" href="${escapeHtml(`${site}${tr.href(`/incidents/${i.id}`)}`)}" target="_blank" rel="noopener"><span class="i-major"></span>${escapeHtml(tr.t("widget.incident", { name: i.name }))}</a>`,
      )
      .join("");
    const html =
      `<!DOCTYPE html><html lang="${tr.locale}" dir="${tr.dir}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="60">` +
      `<meta name="color-scheme" content="light dark"><title>${escapeHtml(tr.t("title.page", { page: s.page.name }))}</title><style>${FRAME_CSS}</style></head>` +
      `<body data-indicator="${escapeHtml(s.status.indicator)}">${incidents}<a href="${escapeHtml(`${site}${tr.href("/")}`)}" target="_blank" rel="noopener">` +
      `<span class="i-${escapeHtml(s.status.indicator)}"></span>${escapeHtml(tr.t(`status.${statusWords(s.status)}`))}</a></body></html>`;
    return makePayload(200, "text/html; charset=utf-8", html, {
      // The only public page that may be framed, by anyone.
      "content-security-policy": `default-src 'none'; style-src ${sha256(FRAME_CSS)}; base-uri 'none'; form-action 'none'; frame-ancestors *`,
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
