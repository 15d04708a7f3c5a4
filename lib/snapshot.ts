// The one public view of the page. Every public surface renders from it; it is rebuilt when the
// database's data version moves (any writer) and at least once a minute.
import { getDb, type Db } from "@/db/client";
import { listComponents, listGroups, listPeriodsSince } from "@/db/queries/components";
import {
  listByStatus,
  listIncidentComponentIds,
  listRecent,
  listUpdateComponents,
  listUpdates,
  type IncidentRow,
} from "@/db/queries/incidents";
import { listFeedUpdates } from "@/db/queries/feed";
import { getPage } from "@/db/queries/page";
import { readDataVersion } from "@/db/queries/version";
import { isCorroborated, PUBLIC_WINDOWS, recentCounts } from "./affected";
import { config } from "./config";
import {
  ACTIVE_MAINTENANCE_STATUSES,
  LIST_LIMIT,
  PAST_INCIDENT_DAYS,
  UNRESOLVED_INCIDENT_STATUSES,
  UPTIME_DAYS,
} from "./constants";
import { renderMarkdown } from "./markdown";
import { monitoringView } from "./monitors/view";
import { locatedMonitorsView, probeLocationsView } from "./monitors/locations";
import { FEED_LIMIT } from "./syndication/feeds";
import { pageLayout } from "./page-layout";
import { overallStatus, worstStatus } from "./status";
import type { LayoutItem, SnapComponent, SnapIncident, SnapUpdate, Snapshot } from "./snapshot-types";
import { lastDays, lastDaysStart } from "./time";
import { dailyUptime, uptimeBetween, uptimePercent, type StatusPeriod } from "./uptime";
import { pageLocales } from "./i18n/locales";

/** Loads incidents' updates, affected components and component links in three queries. */
export function hydrateIncidents(db: Db, rows: IncidentRow[], publicUrl: string): SnapIncident[] {
  const ids = rows.map((r) => r.id);
  const updates = listUpdates(db, ids);
  const affected = new Map<string, SnapUpdate["affected"] & object>();
  for (const a of listUpdateComponents(
    db,
    updates.map((u) => u.id),
  )) {
    const list = affected.get(a.updateId) ?? [];
    list.push({ code: a.componentId, name: a.componentName, oldStatus: a.oldStatus, newStatus: a.newStatus });
    affected.set(a.updateId, list);
  }
  const links = new Map<string, string[]>();
  for (const l of listIncidentComponentIds(db, ids))
    links.set(l.incidentId, [...(links.get(l.incidentId) ?? []), l.componentId]);
  const byIncident = new Map<string, SnapUpdate[]>();
  for (const u of updates) {
    const list = byIncident.get(u.incidentId) ?? [];
    list.push({ ...u, bodyHtml: renderMarkdown(u.body), affected: affected.get(u.id) ?? null });
    byIncident.set(u.incidentId, list);
  }
  return rows.map((r) => ({
    ...r,
    updates: byIncident.get(r.id) ?? [],
    componentIds: links.get(r.id) ?? [],
    url: `${publicUrl}/incidents/${r.id}`,
  }));
}

/** One incident, hydrated as hydrateIncidents does. */
export function hydrateIncident(db: Db, row: IncidentRow, publicUrl: string): SnapIncident {
  const [incident] = hydrateIncidents(db, [row], publicUrl);
  if (!incident) throw new Error(`Incident ${row.id} was not hydrated`);
  return incident;
}

export function buildSnapshot(
  db: Db,
  opts: {
    publicUrl: string;
    now?: number;
    fallbackName?: string;
    fallbackTimeZone?: string;
    emailSubscriptions?: boolean;
    /** OUTPOST_LOCATION_LABEL: the server's own place among probe agents' (null: "our server"). */
    locationLabel?: string | null;
  },
): Snapshot {
  const now = opts.now ?? Date.now();
  const version = readDataVersion(db);
  const page = getPage(db);
  const timeZone = page?.timeZone ?? opts.fallbackTimeZone ?? "Etc/UTC";
  const pageId = page?.id ?? "";

  // Uptime: only periods overlapping the window are read, whatever the length of history.
  const windowStart = lastDaysStart(now, UPTIME_DAYS, timeZone);
  const periods = new Map<string, StatusPeriod[]>();
  for (const p of listPeriodsSince(db, windowStart)) {
    const list = periods.get(p.componentId) ?? [];
    list.push({ status: p.status, startedAt: p.startedAt, endedAt: p.endedAt });
    periods.set(p.componentId, list);
  }
  const monitoring = monitoringView(db, now, opts.locationLabel ?? null);
  const located = locatedMonitorsView(db, now, opts.locationLabel ?? null);
  const ranges = lastDays(now, UPTIME_DAYS, timeZone);
  const dayStarts = new Map<string, number>();
  const startOf = (date: string) => {
    let start = dayStarts.get(date);
    if (start === undefined) {
      start = lastDaysStart(Date.parse(`${date}T12:00:00Z`), 1, timeZone);
      dayStarts.set(date, start);
    }
    return start;
  };
  const components: SnapComponent[] = listComponents(db, pageId).map((c) => {
    const startedFrom = c.startDate ? startOf(c.startDate) : undefined;
    const days = dailyUptime(periods.get(c.id) ?? [], { now, days: UPTIME_DAYS, timeZone, startedFrom, ranges });
    const own = periods.get(c.id) ?? [];
    const uptime24h = uptimeBetween(own, Math.max(now - 86_400_000, startedFrom ?? -Infinity), now);
    return {
      ...c,
      uptimeDays: days,
      uptimePeriods: own,
      uptimePercent: uptimePercent(days),
      uptime24h,
      monitoring: monitoring.get(c.id) ?? null,
      located: located.get(c.id) ?? [],
    };
  });
  const componentsById = new Map(components.map((c) => [c.id, c]));

  const layout: LayoutItem[] = pageLayout(listGroups(db, pageId), components).map((item) =>
    item.kind === "group"
      ? {
          kind: "group",
          group: {
            ...item.group,
            status: worstStatus(item.components.map((c) => c.status)),
            components: item.components,
          },
        }
      : item,
  );

  const hydrate = (rows: IncidentRow[]) => hydrateIncidents(db, rows, opts.publicUrl);
  const unresolved = hydrate(listByStatus(db, "incident", UNRESOLVED_INCIDENT_STATUSES));
  const recent = hydrate(listRecent(db, "incident", LIST_LIMIT));
  const maintRecent = hydrate(listRecent(db, "maintenance", LIST_LIMIT));
  const upcoming = hydrate(listByStatus(db, "maintenance", ["scheduled"])).sort(
    (a, b) => (a.scheduledFor ?? 0) - (b.scheduledFor ?? 0),
  );
  const active = hydrate(listByStatus(db, "maintenance", ACTIVE_MAINTENANCE_STATUSES));

  const days = lastDays(now, PAST_INCIDENT_DAYS, timeZone).reverse();
  const pastDays = days.map((d) => ({
    date: d.date,
    incidents: recent.filter(
      (i) => i.startedAt >= d.start && i.startedAt < d.end && !UNRESOLVED_INCIDENT_STATUSES.includes(i.status as never),
    ),
  }));

  const incidentsById = new Map<string, SnapIncident>();
  for (const i of [...recent, ...unresolved, ...maintRecent, ...upcoming, ...active]) incidentsById.set(i.id, i);

  const leafStatuses = components.map((c) => c.status);
  const updatedAt = Math.max(
    page?.updatedAt ?? 0,
    ...components.map((c) => c.updatedAt),
    ...[...incidentsById.values()].map((i) => i.updatedAt),
  );

  const affectedCounts = new Map<string, number>();
  for (const [id, n] of recentCounts(db, now, PUBLIC_WINDOWS)) {
    const c = componentsById.get(id);
    if (c && isCorroborated({ incidents: { unresolved, recent, pastDays } }, c)) affectedCounts.set(id, n);
  }

  return {
    version,
    builtAt: now,
    page: {
      id: pageId,
      name: page?.name ?? opts.fallbackName ?? "Status",
      url: opts.publicUrl,
      timeZone,
      updatedAt,
      logo: page?.logo ?? null,
      brandColor: page?.brandColor ?? null,
      footerLinks: page?.footerLinks ?? [],
      infrastructureMd: page?.infrastructureMd ?? "",
      ...pageLocales(page),
    },
    status: overallStatus(
      leafStatuses,
      unresolved.map((i) => i.impact),
    ),
    layout,
    components,
    componentsById,
    uptimeRanges: ranges,
    incidents: { unresolved, recent, pastDays },
    maintenances: { recent: maintRecent, upcoming, active },
    incidentsById,
    affectedCounts,
    feed: listFeedUpdates(db, FEED_LIMIT),
    emailSubscriptions: opts.emailSubscriptions ?? false,
    probeLocations: located.size ? probeLocationsView(db, now, opts.locationLabel ?? null) : [],
  };
}

// ---- the process-wide store -------------------------------------------------------------

const KEY = Symbol.for("outpost.snapshot");
type Store = {
  snapshot?: Snapshot;
  checkedAt: number;
  /** Starts a build elsewhere (a thread); its result comes back through acceptSnapshot(). */
  background?: (now: number) => void;
  /** Pages with at least this many components are built in the background, when it is set. */
  backgroundFrom: number;
  /** When the build in the background was asked for (performance.now()), while it runs. */
  buildingSince?: number;
};

function store(): Store {
  const g = globalThis as { [KEY]?: Store };
  g[KEY] ??= { checkedAt: -1, backgroundFrom: BACKGROUND_FROM_COMPONENTS };
  return g[KEY];
}

/** How often the servers rebuild the page off the request path when the data version moved. */
export const VERSION_POLL_MS = 250;
export const MAX_SNAPSHOT_AGE_MS = 60_000;
/** Reads within this many milliseconds share one version read (at most 1,000 reads a second). */
const VERSION_READ_MS = 1;
/**
 * A page with fewer components is rebuilt on the request that notices the change (a few
 * milliseconds, and the write is visible to that very request); a bigger one (tens of
 * milliseconds of build and render) in the background, where a process has a builder. The size
 * decides, not a measured time, so that the behaviour does not change with a cold start.
 */
export const BACKGROUND_FROM_COMPONENTS = 100;
/** A background build that has not answered in this long is given up: the request builds itself. */
const BACKGROUND_PATIENCE_MS = 5_000;

/** The options every build of the live snapshot uses, from the configuration. */
export function liveSnapshotOptions(now: number): Parameters<typeof buildSnapshot>[1] {
  const cfg = config();
  return {
    publicUrl: cfg.publicUrl,
    now,
    fallbackName: cfg.pageName,
    fallbackTimeZone: cfg.timeZone,
    emailSubscriptions: cfg.mail !== null,
    locationLabel: cfg.monitors.locationLabel,
  };
}

/**
 * Builds snapshots of pages with `fromComponents` components or more in the background from now
 * on (`start` asks for one; acceptSnapshot() takes it), or never again with null.
 */
export function buildSnapshotsWith(
  start: ((now: number) => void) | null,
  fromComponents = BACKGROUND_FROM_COMPONENTS,
): void {
  const s = store();
  s.background = start ?? undefined;
  s.backgroundFrom = fromComponents;
  s.buildingSince = undefined;
}

/** Takes a snapshot built in the background; an older one than the current is dropped (false). */
export function acceptSnapshot(snapshot: Snapshot): boolean {
  const s = store();
  s.buildingSince = undefined;
  if (s.snapshot && snapshot.builtAt <= s.snapshot.builtAt) return false;
  s.snapshot = snapshot;
  return true;
}

/** A background build failed: the next request that needs one asks again. */
export function backgroundBuildFailed(): void {
  store().buildingSince = undefined;
}

/**
 * When a snapshot is rebuilt even though the data did not change: a minute after it was built,
 * or sooner when an open incident's promised update falls due, so the page says "overdue" at
 * the moment staff see it.
 */
export function staleAt(snapshot: Pick<Snapshot, "builtAt" | "incidents">): number {
  let at = snapshot.builtAt + MAX_SNAPSHOT_AGE_MS;
  for (const i of snapshot.incidents.unresolved)
    if (i.nextUpdateAt !== null && i.nextUpdateAt > snapshot.builtAt && i.nextUpdateAt < at) at = i.nextUpdateAt;
  return at;
}

/**
 * The current snapshot. Reads the data version (one prepared one-row read, a few microseconds)
 * unless it did so in the last millisecond, so a write by any process shows on the next request
 * in every process; rebuilds when the version moved or the snapshot is a minute old. For a big
 * page with a background builder set, the request is answered from the current snapshot while
 * the next is built: a write never stalls reads.
 */
export function currentSnapshot(now = Date.now()): Snapshot {
  const s = store();
  const tick = performance.now();
  if (s.snapshot && tick - s.checkedAt < VERSION_READ_MS && now < staleAt(s.snapshot)) {
    return s.snapshot;
  }
  s.checkedAt = tick;
  const db = getDb();
  if (!s.snapshot || s.snapshot.version !== readDataVersion(db) || now >= staleAt(s.snapshot)) {
    const waited = s.buildingSince === undefined ? 0 : tick - s.buildingSince;
    const big = s.snapshot !== undefined && s.snapshot.components.length >= s.backgroundFrom;
    if (s.snapshot && s.background && big && waited < BACKGROUND_PATIENCE_MS) {
      if (s.buildingSince === undefined) {
        s.buildingSince = tick;
        s.background(now);
      }
      return s.snapshot;
    }
    s.snapshot = buildSnapshot(db, liveSnapshotOptions(now));
  }
  return s.snapshot;
}

/** The last snapshot built, if any: served when the database cannot be read right now. */
export function lastSnapshot(): Snapshot | undefined {
  return store().snapshot;
}
