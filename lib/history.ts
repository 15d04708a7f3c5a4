// One month of the incident history, read from the database with bounded queries, optionally for
// one component, laid out by day (newest first) so quiet days can be told as one line.
import type { Db } from "@/db/client";
import { countStartedBetween, listStartedBetween, oldestStart } from "@/db/queries/incidents";
import { datesDown, shiftDate, type PastDay } from "./past-days";
import { hydrateIncidents } from "./snapshot";
import type { SnapIncident, Snapshot } from "./snapshot-types";
import { dayKey, monthKey, monthRange, shiftMonth } from "./time";
import type { HistoryQuery } from "./history-query";

export { historyHref, parseHistoryQuery, type HistoryQuery } from "./history-query";

export const HISTORY_PAGE_SIZE = 25;

export type HistoryView = {
  month: string;
  page: number;
  pages: number;
  total: number;
  /** This page's incidents and maintenances, newest first. */
  incidents: SnapIncident[];
  /** The days this page covers, newest first, each with its incidents (none on a quiet day). */
  days: PastDay<SnapIncident>[];
  /** The component the history is filtered to, or null. */
  component: { id: string; name: string } | null;
  newerMonth: string | null;
  olderMonth: string | null;
};

/** The last calendar day of a month ("2026-11" → "2026-11-30"). */
const lastDayOf = (month: string) => shiftDate(`${shiftMonth(month, 1)}-01`, -1);

/**
 * The days one page of a month's history covers, newest first, with their incidents. Page 1 starts
 * at the month's last day (today in the current month); a later page starts just below the day
 * of the previous page's last incident (`newer`), so the quiet days between two pages are told
 * once. The last page ends on the 1st; an earlier one at its own last incident. Pure.
 */
export function historyDays<T extends { startedAt: number }>(opts: {
  month: string;
  timeZone: string;
  now: number;
  incidents: readonly T[];
  /** The start of the previous page's last incident; null on page 1. */
  newer: number | null;
  lastPage: boolean;
}): PastDay<T>[] {
  const { month, timeZone, incidents } = opts;
  const day = (i: T) => dayKey(i.startedAt, timeZone);
  const first = incidents[0];
  const today = dayKey(opts.now, timeZone);
  let top = lastDayOf(month) < today ? lastDayOf(month) : today;
  if (opts.newer !== null) {
    const newer = dayKey(opts.newer, timeZone);
    top = first && day(first) === newer ? newer : shiftDate(newer, -1);
  }
  if (first && day(first) > top) top = day(first); // never hide an incident (a window started early)
  const last = incidents.at(-1);
  const bottom = opts.lastPage || !last ? `${month}-01` : day(last);
  const byDay = new Map<string, T[]>();
  for (const i of incidents) byDay.set(day(i), [...(byDay.get(day(i)) ?? []), i]);
  return datesDown(top, bottom).map((date) => ({ date, incidents: byDay.get(date) ?? [] }));
}

export function loadHistory(db: Db, snapshot: Snapshot, query: HistoryQuery): HistoryView {
  const tz = snapshot.page.timeZone;
  const c = query.component
    ? (snapshot.componentsById.get(query.component) ?? snapshot.components.find((x) => x.slug === query.component))
    : undefined;
  const filter = { componentId: c?.id ?? null };
  const range = monthRange(query.month, tz);
  const total = countStartedBetween(db, range, filter);
  const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  // A later page also reads the previous page's last row: where its days begin.
  const offset = (page - 1) * HISTORY_PAGE_SIZE;
  const rows = listStartedBetween(
    db,
    range,
    { limit: HISTORY_PAGE_SIZE + (page > 1 ? 1 : 0), offset: Math.max(0, offset - 1) },
    filter,
  );
  const newer = page > 1 ? (rows.shift()?.startedAt ?? null) : null;
  const incidents = hydrateIncidents(db, rows, snapshot.page.url);
  const oldest = oldestStart(db);
  const current = monthKey(snapshot.builtAt, tz);
  const older = shiftMonth(query.month, -1);
  return {
    month: query.month,
    page,
    pages,
    total,
    incidents,
    days: historyDays({
      month: query.month,
      timeZone: tz,
      now: snapshot.builtAt,
      incidents,
      newer,
      lastPage: page === pages,
    }),
    component: c ? { id: c.id, name: c.name } : null,
    newerMonth: query.month < current ? shiftMonth(query.month, 1) : null,
    olderMonth: oldest !== null && monthKey(oldest, tz) <= older ? older : null,
  };
}
