// The public route table: every URL the front answers itself, one row each. A row says what the
// URL serves and drives everything done with it: routing, which methods it answers (405 with
// Allow otherwise, and CORS preflights for cross-origin rows), which process answers it (any
// public worker, or only the writer), how its bytes are cached, how large a body it takes,
// whether it is localised, and which files of it the static mirror copies.
// Adding a public URL is adding a row here (with its handler, wherever that lives).
import type { IncomingMessage, ServerResponse } from "node:http";
import { getDb } from "@/db/client";
import { getIncident } from "@/db/queries/incidents";
import { findSnapComponent, groupKeys, snapGroups, UPTIME_WINDOWS } from "@/lib/badges";
import { backupStatus } from "@/lib/backup";
import { replicationNow } from "@/lib/replication";
import { config } from "@/lib/config";
import { historyHref, loadHistory, parseHistoryQuery } from "@/lib/history";
import { mirrorState } from "@/lib/mirror-state";
import { hydrateIncident } from "@/lib/snapshot";
import type { Locale } from "@/lib/i18n/locales";
import { translator, type Translator } from "@/lib/i18n/messages";
import { componentUptime, uptimeDocument } from "@/lib/uptime-view";
import type { SnapIncident, Snapshot } from "@/lib/snapshot-types";
import { STATUSPAGE_DOCUMENTS } from "@/lib/statuspage";
import { locationsDocument, LOCATIONS_DOCUMENT_PATH } from "@/lib/locations-document";
import { shiftMonth } from "@/lib/time";
import type { LoadedAssets } from "./assets";
import { DEFAULT_LIMIT, FORM_LIMIT } from "./body";
import { hot, variant, type CacheClass } from "./cache";
import { feedRoute, incidentFeedRoute } from "./feeds";
import { healthPayload } from "./health";
import {
  incidentMarkdownNotFound,
  incidentMarkdownPayload,
  llmsTxtPayload,
  statusMarkdownPayload,
} from "./machine-readers";
import { jsonPayload, type Payload } from "./payload";
import { badgeRoute, embedFramePayload, embedPayload, handleReachWrite, statusScriptPayload } from "./reach";
import {
  renderComponentUptimePage,
  renderHistoryPage,
  renderIncidentPage,
  renderInfrastructurePage,
  renderNotFound,
  renderStatusPage,
  type RenderOptions,
} from "./render";
import { handleSubscription } from "./subscribe";

export type RouteContext = {
  path: string;
  /** The path pattern's groups. */
  params: readonly string[];
  query: URLSearchParams;
  assets: LoadedAssets;
  snapshot: Snapshot;
  /** Set when the static mirror renders this URL: nothing is cached, pages say when they were made. */
  mirror?: { generatedAt: number; publicUrl?: string };
  /** The locale asked for by the address's prefix, or the page's default. */
  locale: Locale;
  /** Formats in `locale`. */
  tr: Translator;
  /** The address had a locale prefix (surfaces that are English without one, like badges, ask). */
  localised: boolean;
  /**
   * Keeps bytes in the row's cache class under `key` (not when rendering for the mirror). Bytes
   * in a locale other than the default are a variant (LRU) under a key of their own.
   */
  keep: (key: string, make: () => Payload, cls?: CacheClass) => Payload;
};

export type Responder = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext & { trustProxy: boolean },
) => unknown;

export type PublicRoute = {
  /** What the URL serves, for people reading the table. */
  name: string;
  /** An exact path, or a pattern whose groups become `params`. */
  path: string | RegExp;
  /** Answered methods; GET answers HEAD too. Others get 405 (or a preflight on CORS rows). */
  methods: readonly ("GET" | "POST")[];
  /** GET/HEAD as bytes from the snapshot. */
  get?: (ctx: RouteContext) => Payload;
  /** Answers its methods itself, per request (forms, writes). */
  respond?: Responder;
  /** Any process may answer it from the snapshot, or only the writer (writes, per-process state). */
  answeredBy: "any" | "writer";
  /** Other sites may read it (Access-Control-Allow-Origin: *, preflights). */
  cors: boolean;
  /** hot: never evicted; variant: bounded LRU; none: per request (no-store). */
  cache: CacheClass | "none";
  /** The largest request body it takes. */
  bodyLimit: number;
  /** Served in each offered locale (the languages work uses it). */
  localised: boolean;
  /** The live URLs the static mirror copies from this row. */
  mirror?: (s: Snapshot) => Iterable<string>;
  /**
   * Its hot files: built with each snapshot (before anyone asks) and exported to EDGE_DIR for a
   * web server in front. A fixed few per page, whatever its size: per-component files are not.
   */
  edge?: readonly string[];
};

const INCIDENT_ID = /^[a-z0-9]{1,40}$/;

/** The path pattern's group: a row that reads it has one, so a missing one is a bug in the table. */
function param(ctx: RouteContext): string {
  const [value] = ctx.params;
  if (value === undefined) throw new Error(`The route for ${ctx.path} has no path parameter`);
  return value;
}

const incidentNotFound = (ctx: RouteContext) =>
  ctx.keep(
    "incident:404",
    () => renderNotFound(ctx.snapshot, ctx.assets, ctx.tr.t("notFound.incident"), { tr: ctx.tr }),
    "hot",
  );

/** How a page renders: in the context's locale, linking its versions at `path` (no prefix). */
function renderOptions(ctx: RouteContext, path: string): RenderOptions {
  return { tr: ctx.tr, path, ...(ctx.mirror ? { generatedAt: ctx.mirror.generatedAt } : {}) };
}

/** `/incidents/{id}.md`: the id is checked as the HTML page's is; anything else shares one 404. */
function incidentMarkdown(ctx: RouteContext): Payload {
  const id = param(ctx);
  return INCIDENT_ID.test(id) ? incidentMarkdownPayload(ctx, id) : incidentMarkdownNotFound(ctx);
}

function incidentPage(ctx: RouteContext): Payload {
  const s = ctx.snapshot;
  const id = param(ctx).replace(/\/$/, "");
  if (!INCIDENT_ID.test(id)) return incidentNotFound(ctx);
  const known = s.incidentsById.get(id);
  if (known)
    return ctx.keep(
      `incident:${id}`,
      () => renderIncidentPage(s, ctx.assets, known, renderOptions(ctx, `/incidents/${id}`)),
      "hot",
    );
  // Older incidents are read from the database; an id that is nowhere shares the one 404.
  const db = getDb();
  const row = getIncident(db, id);
  if (!row) return incidentNotFound(ctx);
  return ctx.keep(
    `incident:${id}`,
    () =>
      renderIncidentPage(s, ctx.assets, hydrateIncident(db, row, s.page.url), renderOptions(ctx, `/incidents/${id}`)),
    "variant",
  );
}

/**
 * `/history?component={id or slug}` (its days) and `…&day=YYYY-MM-DD` (one of the uptime bar's
 * days): where the bar links without JavaScript. An unknown component or day falls back to the
 * month history, as other bad history queries do.
 */
function componentHistoryPage(ctx: RouteContext, key: string): Payload | null {
  const s = ctx.snapshot;
  const c = findSnapComponent(s, key);
  if (!c) return null;
  const date = ctx.query.get("day");
  const index = date === null ? -1 : c.uptimeDays.findIndex((d) => d.date === date);
  if (date !== null && index === -1) return null;
  return ctx.keep(`history:component:${c.id}:${date ?? ""}`, () => {
    const uptime = componentUptime(getDb(), s, c);
    const path = `/history?component=${c.id}${date === null ? "" : `&day=${date}`}`;
    return renderComponentUptimePage(s, ctx.assets, uptime, uptime.days[index] ?? null, renderOptions(ctx, path));
  });
}

function componentUptimeJson(ctx: RouteContext): Payload {
  const s = ctx.snapshot;
  const c = findSnapComponent(s, param(ctx));
  if (!c) return hot(s, "uptime:404", () => jsonPayload(404, { error: "Not found" }));
  return ctx.keep(`uptime:${c.id}`, () => jsonPayload(200, uptimeDocument(componentUptime(getDb(), s, c), s)));
}

function historyPage(ctx: RouteContext): Payload {
  const s = ctx.snapshot;
  const component = ctx.query.get("component");
  // `?component=` alone is the component's days; beside a month it filters that month's history.
  const forComponent = component === null || ctx.query.has("month") ? null : componentHistoryPage(ctx, component);
  if (forComponent) return forComponent;
  const q = parseHistoryQuery(ctx.query, s.builtAt, s.page.timeZone);
  const only = q.component === null ? null : (findSnapComponent(s, q.component)?.id ?? null);
  return ctx.keep(`history:${q.month}:${q.page}:${only ?? ""}`, () => {
    const view = loadHistory(getDb(), s, { ...q, component: only });
    const current = parseHistoryQuery(new URLSearchParams(), s.builtAt, s.page.timeZone).month;
    const path =
      view.month === current && view.page === 1 && !only ? "/history" : historyHref(view.month, view.page, only);
    return renderHistoryPage(s, ctx.assets, view, renderOptions(ctx, path));
  });
}

function v2Document(ctx: RouteContext): Payload {
  const doc = param(ctx);
  // Own keys only: "constructor" or "__proto__" must be a 404, not the object's prototype.
  const make = Object.hasOwn(STATUSPAGE_DOCUMENTS, doc) ? STATUSPAGE_DOCUMENTS[doc] : undefined;
  if (!make) return hot(ctx.snapshot, "api:404", () => jsonPayload(404, { error: "Not found" }));
  return ctx.keep(`api:${doc}`, () => jsonPayload(200, make(ctx.snapshot)));
}

function infrastructurePage(ctx: RouteContext): Payload {
  const backups = { ...backupStatus(config().backupDir), replication: replicationNow(config()) };
  const r = backups.replication;
  // Rebuilt when the data or the newest backup changes, the mirror publishes, or the replication
  // changes state, its minute in step or its lag's ten seconds (the page says when).
  const replication =
    r.state === "off" ? "off" : `${r.state}:${r.synced_at?.slice(0, 16)}:${Math.floor(r.lag_seconds / 10)}`;
  const key = `infrastructure:${backups.last?.createdAt ?? 0}:${backups.lastError?.at ?? 0}:${mirrorState().stamp}:${replication}`;
  return ctx.keep(key, () =>
    renderInfrastructurePage(ctx.snapshot, ctx.assets, backups, renderOptions(ctx, "/infrastructure")),
  );
}

/** The page; the footer shows the mirror's last publish, so a publish renders it again. */
export function statusPage(ctx: RouteContext): Payload {
  return ctx.keep(`page:/:${mirrorState().stamp}`, () =>
    renderStatusPage(ctx.snapshot, ctx.assets, renderOptions(ctx, "/")),
  );
}

// ---- what the static mirror copies ---------------------------------------------------------

/** Months of history copied (each with its pages, up to a bound). */
export const MIRROR_HISTORY_MONTHS = 12;
const MIRROR_HISTORY_PAGES = 20;

type MirroredHistory = { urls: string[]; incidents: Map<string, SnapIncident> };
const mirroredHistory = new WeakMap<Snapshot, MirroredHistory>();

/** The history pages the mirror copies, and every incident they list (read once per snapshot). */
function historyForMirror(s: Snapshot): MirroredHistory {
  const known = mirroredHistory.get(s);
  if (known) return known;
  const result: MirroredHistory = { urls: ["/history"], incidents: new Map(s.incidentsById) };
  const db = getDb();
  const current = parseHistoryQuery(new URLSearchParams(), s.builtAt, s.page.timeZone).month;
  for (let m = 0; m < MIRROR_HISTORY_MONTHS; m++) {
    const month = shiftMonth(current, -m);
    for (let n = 1; n <= MIRROR_HISTORY_PAGES; n++) {
      const view = loadHistory(db, s, { month, page: n, component: null });
      if (view.page !== n) break;
      for (const i of view.incidents) if (!result.incidents.has(i.id)) result.incidents.set(i.id, i);
      result.urls.push(`/history?month=${month}&page=${n}`);
    }
  }
  mirroredHistory.set(s, result);
  return result;
}

const componentKeys = (s: Snapshot) => s.components.flatMap((c) => [...new Set([c.slug, c.id])]);
/** A group's badge addresses that no component's address shadows. */
const groupBadgeKeys = (s: Snapshot) =>
  snapGroups(s).flatMap((g) => groupKeys(g).filter((key) => !findSnapComponent(s, key)));

// ---- the table -----------------------------------------------------------------------------

const page = { methods: ["GET"], answeredBy: "any", cors: false, bodyLimit: DEFAULT_LIMIT } as const;
const shared = { methods: ["GET"], answeredBy: "any", cors: true, bodyLimit: DEFAULT_LIMIT, localised: false } as const;

export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  {
    ...page,
    name: "the status page",
    path: "/",
    get: statusPage,
    cache: "hot",
    localised: true,
    mirror: () => ["/"],
    edge: ["/"],
  },
  {
    ...page,
    name: "past incidents by month",
    path: "/history",
    get: historyPage,
    cache: "variant",
    localised: true,
    mirror: (s) => [
      ...historyForMirror(s).urls,
      ...s.components.filter((c) => c.showcase).map((c) => `/history?component=${c.id}`),
    ],
  },
  {
    ...shared,
    name: "an incident's feeds",
    // Before "one incident or maintenance", whose pattern takes every address under /incidents/.
    path: /^\/incidents\/[^/]*\.(?:rss|atom)$/,
    get: (ctx) => incidentFeedRoute(ctx.snapshot, ctx.path, ctx.tr, (key, make, cls) => ctx.keep(key, make, cls))!,
    cache: "hot",
    localised: true,
    mirror: (s) =>
      [...historyForMirror(s).incidents.keys()].flatMap((id) => [`/incidents/${id}.rss`, `/incidents/${id}.atom`]),
  },
  // For machine readers (agents, curl): the page and each incident as Markdown, and an index.
  // Before "one incident or maintenance", whose pattern takes "/incidents/{id}.md" too.
  {
    ...shared,
    name: "the status page as Markdown",
    path: "/index.md",
    get: statusMarkdownPayload,
    cache: "hot",
    localised: true,
    mirror: () => ["/index.md"],
    edge: ["/index.md"],
  },
  {
    ...shared,
    name: "one incident or maintenance as Markdown",
    path: /^\/incidents\/(.*)\.md$/,
    get: incidentMarkdown,
    cache: "hot",
    localised: true,
    mirror: (s) => [...historyForMirror(s).incidents.keys()].map((id) => `/incidents/${id}.md`),
  },
  {
    ...shared,
    name: "the index for agents (llms.txt)",
    path: "/llms.txt",
    get: llmsTxtPayload,
    cache: "hot",
    mirror: () => ["/llms.txt"],
    edge: ["/llms.txt"],
  },
  {
    ...page,
    name: "one incident or maintenance",
    path: /^\/incidents\/(.*)$/,
    get: incidentPage,
    cache: "hot",
    localised: true,
    mirror: (s) => [...historyForMirror(s).incidents.keys()].map((id) => `/incidents/${id}`),
  },
  {
    ...page,
    name: "hosting and backups",
    path: "/infrastructure",
    get: infrastructurePage,
    cache: "hot",
    localised: true,
  },
  {
    ...shared,
    name: "Outpost's own health",
    path: "/api/health",
    get: () => healthPayload(),
    answeredBy: "writer",
    cache: "none",
  },
  {
    ...shared,
    name: "where monitored components are checked from (an Outpost extension)",
    path: LOCATIONS_DOCUMENT_PATH,
    get: (ctx) => ctx.keep("api:outpost/locations", () => jsonPayload(200, locationsDocument(ctx.snapshot))),
    cache: "hot",
    mirror: () => [LOCATIONS_DOCUMENT_PATH],
  },
  {
    ...shared,
    name: "Statuspage v2 JSON",
    path: /^\/api\/v2\/(.+)$/,
    get: v2Document,
    cache: "hot",
    mirror: () => Object.keys(STATUSPAGE_DOCUMENTS).map((doc) => `/api/v2/${doc}`),
    edge: Object.keys(STATUSPAGE_DOCUMENTS).map((doc) => `/api/v2/${doc}`),
  },
  {
    ...shared,
    name: "history feeds",
    path: /^(?:\/history|\/components\/[A-Za-z0-9_-]{1,80}\/history)\.(?:rss|atom)$/,
    get: (ctx) => feedRoute(ctx.snapshot, ctx.path, ctx.tr, (key, make) => ctx.keep(key, make))!,
    cache: "hot",
    localised: true,
    edge: ["/history.rss", "/history.atom"],
    mirror: (s) => [
      "/history.rss",
      "/history.atom",
      ...s.components.flatMap((c) => [`/components/${c.slug}/history.rss`, `/components/${c.slug}/history.atom`]),
    ],
  },
  {
    ...shared,
    name: "a component's uptime, day by day",
    path: /^\/components\/([A-Za-z0-9_-]{1,80})\/uptime\.json$/,
    get: componentUptimeJson,
    cache: "hot",
    mirror: (s) => s.components.map((c) => `/components/${c.id}/uptime.json`),
  },
  {
    ...shared,
    name: "badges (SVG and shields.io JSON)",
    path: /^\/badge(?:\.svg|\.json|\/.*)$/,
    // Under a locale prefix, SVG badges speak it; the shields.io JSON is English only.
    get: (ctx) =>
      badgeRoute(ctx.path, ctx.query, ctx.snapshot, ctx.localised ? ctx.tr : undefined, (key, make, cls) =>
        ctx.keep(key, make, cls),
      ),
    cache: "hot",
    localised: true,
    edge: ["/badge.svg", "/badge.json"],
    mirror: (s) => [
      "/badge.svg",
      "/badge.json",
      ...[...componentKeys(s), ...groupBadgeKeys(s)].flatMap((key) => [
        `/badge/${key}.svg`,
        `/badge/${key}.json`,
        ...UPTIME_WINDOWS.flatMap((w) => [`/badge/${key}/uptime-${w}.svg`, `/badge/${key}/uptime-${w}.json`]),
      ]),
    ],
  },
  {
    ...shared,
    name: "the widget script",
    path: "/embed.js",
    get: (ctx) => embedPayload(ctx.snapshot, ctx.assets),
    cache: "hot",
    mirror: () => ["/embed.js"],
    edge: ["/embed.js"],
  },
  {
    ...shared,
    name: "the widget's iframe variant",
    path: "/embed",
    get: (ctx) => embedFramePayload(ctx.snapshot, ctx.tr, (key, make) => ctx.keep(key, make)),
    cors: false,
    cache: "hot",
    localised: true,
    mirror: () => ["/embed"],
    edge: ["/embed"],
  },
  {
    ...shared,
    name: "the status as a script (widget fallback)",
    path: "/status.js",
    get: (ctx) => statusScriptPayload(ctx.snapshot, ctx.mirror?.publicUrl),
    cache: "hot",
    mirror: () => ["/status.js"],
    edge: ["/status.js"],
  },
  ...(["/subscribe", "/subscriptions/confirm", "/subscriptions/unsubscribe"] as const).map((path): PublicRoute => ({
    name:
      path === "/subscribe" ? "subscribe (email, webhook)" : `${path.slice("/subscriptions/".length)} a subscription`,
    path,
    methods: ["GET", "POST"],
    respond: (req, res, ctx) =>
      handleSubscription(req, res, {
        snapshot: ctx.snapshot,
        assets: ctx.assets,
        trustProxy: ctx.trustProxy,
        path: ctx.path,
        query: ctx.query,
        tr: ctx.tr,
      }),
    answeredBy: "writer",
    cors: false,
    cache: "none",
    bodyLimit: FORM_LIMIT,
    localised: true,
  })),
  {
    name: '"I am affected" reports',
    path: /^\/components\/([A-Za-z0-9_-]{1,80})\/affected$/,
    methods: ["POST"],
    respond: (req, res, ctx) => handleReachWrite(req, res, param(ctx), ctx.trustProxy, ctx.tr),
    answeredBy: "writer",
    cors: false,
    cache: "none",
    bodyLimit: FORM_LIMIT,
    localised: true,
  },
];

const EXACT = new Map(PUBLIC_ROUTES.filter((r) => typeof r.path === "string").map((r) => [r.path as string, r]));
const PATTERNS = PUBLIC_ROUTES.filter((r) => r.path instanceof RegExp);
const NO_PARAMS: readonly string[] = [];

/** Every row's hot files (see `edge`). */
export const EDGE_PATHS: readonly string[] = PUBLIC_ROUTES.flatMap((r) => r.edge ?? []);

/** The row for a path (exact paths first, then patterns in table order), with its parameters. */
export function findRoute(path: string): { route: PublicRoute; params: readonly string[] } | null {
  const exact = EXACT.get(path);
  if (exact) return { route: exact, params: NO_PARAMS };
  for (const route of PATTERNS) {
    const m = (route.path as RegExp).exec(path);
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}

/** The context a row's handler gets; `mirror` renders without caching. */
export function routeContext(
  route: PublicRoute,
  params: readonly string[],
  fields: {
    path: string;
    query: URLSearchParams;
    assets: LoadedAssets;
    snapshot: () => Snapshot;
    mirror?: RouteContext["mirror"];
    /** The locale of the address's prefix; none: the page's default. */
    locale?: Locale;
  },
): RouteContext {
  let snapshot: Snapshot | undefined;
  let tr: Translator | undefined;
  const ctx: RouteContext = {
    path: fields.path,
    params,
    query: fields.query,
    assets: fields.assets,
    mirror: fields.mirror,
    // Read on first use: health answers even when no snapshot can be built.
    get snapshot() {
      return (snapshot ??= fields.snapshot());
    },
    get locale() {
      return fields.locale ?? ctx.snapshot.page.defaultLocale;
    },
    localised: fields.locale !== undefined,
    get tr() {
      return (tr ??= translator(ctx.locale, ctx.snapshot.page.defaultLocale));
    },
    keep: (key, make, cls) => {
      if (fields.mirror || route.cache === "none") return make();
      if (fields.locale !== undefined && fields.locale !== ctx.snapshot.page.defaultLocale)
        return variant(ctx.snapshot, `${fields.locale}|${key}`, make);
      return (cls ?? route.cache) === "hot" ? hot(ctx.snapshot, key, make) : variant(ctx.snapshot, key, make);
    },
  };
  return ctx;
}
