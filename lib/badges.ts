// Status and uptime badges from the snapshot: SVG (badge-maker, the shields.io library) and the
// shields.io endpoint JSON. Pure: the front server turns these into cached bytes.
import type { Translator } from "./i18n/messages";
import { statusWords } from "./status";
import { makeBadge } from "badge-maker";
import { COMPONENT_STATUS_LABELS } from "./constants";
import { slugify } from "./ids";
import type { SnapComponent, SnapGroup, Snapshot } from "./snapshot-types";
import { uptimePercent } from "./uptime";
import { IMPACT_TONE, STATUS_TONE, TONE_HEX, type Tone } from "./palette";

export const BADGE_STYLES = ["flat", "flat-square", "for-the-badge"] as const;
export type BadgeStyle = (typeof BADGE_STYLES)[number];
export const UPTIME_WINDOWS = ["24h", "7d", "30d", "90d"] as const;
export type UptimeWindow = (typeof UPTIME_WINDOWS)[number];
/** shields.io caches endpoint badges at least this long anyway. */
export const BADGE_CACHE_SECONDS = 300;
export const LABEL_MAX = 40;

export type Badge = { label: string; message: string; color: string };

/** A badge's colour: a palette tone's solid (white text reads on each at 4.5:1), without "#". */
const toneColor = (tone: Tone) => TONE_HEX[tone].slice(1);
/** No data: gray-600, white text at 7.6:1. */
const NO_DATA_COLOR = "4b5563";

export const UNKNOWN_BADGE: Badge = { label: "status", message: "unknown", color: NO_DATA_COLOR };

/** A component by id or slug. */
export function findSnapComponent(s: Snapshot, idOrSlug: string): SnapComponent | undefined {
  return s.componentsById.get(idOrSlug) ?? s.components.find((c) => c.slug === idOrSlug);
}

/** The groups of the page, in page order. */
export const snapGroups = (s: Snapshot): SnapGroup[] =>
  s.layout.flatMap((item) => (item.kind === "group" ? [item.group] : []));

/**
 * The addresses of a group's badges: its id, and its name as a slug ("Core services" is
 * core-services) when the name has letters a slug keeps. A component with the same slug wins.
 */
export function groupKeys(g: SnapGroup): string[] {
  const slug = slugify(g.name);
  return slug === slugify("") ? [g.id] : [...new Set([slug, g.id])];
}

/** Every badge address of a snapshot, built once: a badge URL is looked up on each request. */
const subjects = new WeakMap<Snapshot, Map<string, SnapComponent | SnapGroup>>();

/** What a badge is about: a component by id or slug, else a group by id or name slug. */
export function findBadgeSubject(s: Snapshot, key: string): SnapComponent | SnapGroup | undefined {
  let index = subjects.get(s);
  if (!index) {
    // Later entries win: a component's slug over a group's, a component's id over any slug.
    index = new Map<string, SnapComponent | SnapGroup>();
    for (const g of snapGroups(s)) for (const k of groupKeys(g)) index.set(k, g);
    for (const c of s.components) index.set(c.slug, c);
    for (const c of s.components) index.set(c.id, c);
    subjects.set(s, index);
  }
  return index.get(key);
}

const isGroup = (x: SnapComponent | SnapGroup): x is SnapGroup => "components" in x;

/**
 * A badge's words: English by default (lower-case, as shields.io badges read, and what the
 * shields.io JSON always says), or a locale's own words for an SVG badge under its prefix.
 */
export function overallBadge(s: Snapshot, tr?: Translator): Badge {
  const color = toneColor(IMPACT_TONE[s.status.indicator]);
  if (!tr) return { label: "status", message: s.status.description.toLowerCase(), color };
  return { label: tr.t("badge.status"), message: tr.t(`status.${statusWords(s.status)}`), color };
}

/** A component's status badge; a group's shows its status, the worst of its components'. */
export function componentBadge(c: SnapComponent | SnapGroup, tr?: Translator): Badge {
  const message = tr ? tr.t(`component.${c.status}`) : COMPONENT_STATUS_LABELS[c.status].toLowerCase();
  return { label: c.name, message, color: toneColor(STATUS_TONE[c.status]) };
}

/**
 * Uptime over the window. A group's pools its components' days (so a component watched longer
 * weighs more); over 24 hours, the mean of its components' rolling figures.
 */
export function uptimeOf(c: SnapComponent | SnapGroup, window: UptimeWindow): number | null {
  if (isGroup(c)) {
    if (window === "24h") {
      const known = c.components.flatMap((x) => (x.uptime24h === null ? [] : [x.uptime24h]));
      return known.length ? Math.floor((known.reduce((a, b) => a + b, 0) / known.length) * 100) / 100 : null;
    }
    const days = Number(window.slice(0, -1));
    return uptimePercent(c.components.flatMap((x) => x.uptimeDays.slice(-days)));
  }
  if (window === "24h") return c.uptime24h;
  const days = Number(window.slice(0, -1));
  return uptimePercent(c.uptimeDays.slice(-days));
}

export function uptimeColor(percent: number | null): string {
  if (percent === null) return NO_DATA_COLOR;
  if (percent >= 99) return toneColor("ok");
  if (percent >= 97) return toneColor("degraded");
  if (percent >= 95) return toneColor("partial");
  return toneColor("major");
}

const WINDOW_WORDS = { "24h": "chart.h24", "7d": "chart.d7", "30d": "chart.d30", "90d": "chart.d90" } as const;

export function uptimeBadge(c: SnapComponent | SnapGroup, window: UptimeWindow, tr?: Translator): Badge {
  const percent = uptimeOf(c, window);
  if (tr)
    return {
      label: tr.t("badge.uptime", { window: tr.t(WINDOW_WORDS[window]) }),
      message: percent === null ? tr.t("uptime.noData") : tr.percent(percent),
      color: uptimeColor(percent),
    };
  return {
    label: `uptime ${window}`,
    message: percent === null ? "no data" : `${percent}%`,
    color: uptimeColor(percent),
  };
}

/** A caller's label: printable characters only, trimmed, at most LABEL_MAX long; otherwise the default. */
export function cleanLabel(raw: string | null | undefined, fallback: string): string {
  if (raw === null || raw === undefined) return fallback;
  const cleaned = raw
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, LABEL_MAX);
  return cleaned || fallback;
}

export function parseStyle(raw: string | null | undefined): BadgeStyle {
  return (BADGE_STYLES as readonly string[]).includes(raw ?? "") ? (raw as BadgeStyle) : "flat";
}

/** The SVG of a badge; badge-maker escapes the text as XML. */
export function badgeSvg(b: Badge, style: BadgeStyle): string {
  return makeBadge({ label: b.label, message: b.message, color: b.color, style });
}

/** The shields.io endpoint schema: exactly these keys. */
export function badgeEndpointJson(b: Badge) {
  return {
    schemaVersion: 1 as const,
    label: b.label,
    message: b.message,
    color: b.color,
    cacheSeconds: BADGE_CACHE_SECONDS,
  };
}

export type BadgeRequest =
  | { kind: "overall"; format: "svg" | "json" }
  | { kind: "component"; component: string; format: "svg" | "json" }
  | { kind: "uptime"; component: string; window: UptimeWindow; format: "svg" | "json" };

const COMPONENT_PATH = /^\/badge\/([A-Za-z0-9_-]{1,80})\.(svg|json)$/;
const UPTIME_PATH = /^\/badge\/([A-Za-z0-9_-]{1,80})\/uptime-(24h|7d|30d|90d)\.(svg|json)$/;

/** Which badge a path asks for; null when the path is not a badge at all. */
export function parseBadgePath(path: string): BadgeRequest | "unknown" | null {
  if (path === "/badge.svg") return { kind: "overall", format: "svg" };
  if (path === "/badge.json") return { kind: "overall", format: "json" };
  if (!path.startsWith("/badge/")) return null;
  const [, measured, span, as] = UPTIME_PATH.exec(path) ?? [];
  if (measured && span && as)
    return { kind: "uptime", component: measured, window: span as UptimeWindow, format: as as "svg" | "json" };
  const [, component, format] = COMPONENT_PATH.exec(path) ?? [];
  if (component && format) return { kind: "component", component, format: format as "svg" | "json" };
  return "unknown";
}

/** The badge for a request, or the grey "unknown" one when no component or group has that address. */
export function resolveBadge(s: Snapshot, req: BadgeRequest, tr?: Translator): { badge: Badge; found: boolean } {
  if (req.kind === "overall") return { badge: overallBadge(s, tr), found: true };
  const c = findBadgeSubject(s, req.component);
  if (!c) return { badge: UNKNOWN_BADGE, found: false };
  return { badge: req.kind === "uptime" ? uptimeBadge(c, req.window, tr) : componentBadge(c, tr), found: true };
}
