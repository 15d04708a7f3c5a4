// The history's address: what `/history?month=YYYY-MM&page=N&component=ID` asks for, and how its
// links are written. Pure (components build links with it; lib/history.ts reads the database).
import { monthKey } from "./time";

export type HistoryQuery = {
  month: string;
  page: number;
  /** A component's id or slug as asked for; null: every component. */
  component: string | null;
};

const KEY = /^[A-Za-z0-9_-]{1,80}$/;

/**
 * Reads `?month=YYYY-MM&page=N&component=ID`, falling back to the current month, page 1 and every
 * component on anything else. A component counts only beside a month: `?component=ID` alone is
 * the component's days (where its uptime bar links), answered before the month history is asked.
 */
export function parseHistoryQuery(query: URLSearchParams, now: number, timeZone: string): HistoryQuery {
  const current = monthKey(now, timeZone);
  const m = query.get("month");
  const month = m && /^\d{4}-(0[1-9]|1[0-2])$/.test(m) && m <= current && m >= "1970-01" ? m : current;
  const p = Number(query.get("page"));
  const page = Number.isInteger(p) && p >= 1 && p <= 100_000 ? p : 1;
  const c = query.get("component");
  const component = m !== null && c && KEY.test(c) ? c : null;
  return { month, page, component };
}

/** The address of a month's page of the history, for one component or all. */
export function historyHref(month: string, page = 1, componentId: string | null = null): string {
  return `/history?month=${month}${page > 1 ? `&page=${page}` : ""}${componentId ? `&component=${componentId}` : ""}`;
}
