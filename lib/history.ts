// One month of the incident history, read from the database with bounded queries.
import type { Db } from "@/db/client";
import { countStartedBetween, listStartedBetween, oldestStart } from "@/db/queries/incidents";
import { hydrateIncidents } from "./snapshot";
import type { SnapIncident, Snapshot } from "./snapshot-types";
import { monthKey, monthRange, shiftMonth } from "./time";

export const HISTORY_PAGE_SIZE = 25;

export type HistoryView = {
  month: string;
  page: number;
  pages: number;
  total: number;
  incidents: SnapIncident[];
  newerMonth: string | null;
  olderMonth: string | null;
};

/** Reads `?month=YYYY-MM&page=N`, falling back to the current month and page 1 on anything else. */
export function parseHistoryQuery(
  query: URLSearchParams,
  now: number,
  timeZone: string,
): { month: string; page: number } {
  const current = monthKey(now, timeZone);
  const m = query.get("month");
  const month = m && /^\d{4}-(0[1-9]|1[0-2])$/.test(m) && m <= current && m >= "1970-01" ? m : current;
  const p = Number(query.get("page"));
  const page = Number.isInteger(p) && p >= 1 && p <= 100_000 ? p : 1;
  return { month, page };
}

export function loadHistory(db: Db, snapshot: Snapshot, query: { month: string; page: number }): HistoryView {
  const tz = snapshot.page.timeZone;
  const range = monthRange(query.month, tz);
  const total = countStartedBetween(db, range);
  const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = listStartedBetween(db, range, { limit: HISTORY_PAGE_SIZE, offset: (page - 1) * HISTORY_PAGE_SIZE });
  const oldest = oldestStart(db);
  const current = monthKey(snapshot.builtAt, tz);
  const older = shiftMonth(query.month, -1);
  return {
    month: query.month,
    page,
    pages,
    total,
    incidents: hydrateIncidents(db, rows, snapshot.page.url),
    newerMonth: query.month < current ? shiftMonth(query.month, 1) : null,
    olderMonth: oldest !== null && monthKey(oldest, tz) <= older ? older : null,
  };
}
