// Past days as the public pages list them (the status page's last 14 days, a month of history):
// a day with incidents is its date and its incidents; a run of consecutive days without any is
// one line ("No incidents Nov 18 – 30") instead of a row per quiet day. Pure.

export type PastDay<T> = { date: string; incidents: T[] };

export type PastRow<T> =
  | { kind: "day"; date: string; incidents: T[] }
  /** Consecutive quiet days: `from` the oldest, `to` the newest (equal for a single day). */
  | { kind: "quiet"; from: string; to: string; days: number };

/** "2026-11-30" moved by whole days (calendar arithmetic on the date itself, no zone). */
export function shiftDate(date: string, by: number): string {
  const [y = NaN, m = NaN, d = NaN] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + by)).toISOString().slice(0, 10);
}

/** Every date from `newest` down to `oldest`, newest first (empty when oldest is after newest). */
export function datesDown(newest: string, oldest: string): string[] {
  const out: string[] = [];
  for (let d = newest; d >= oldest; d = shiftDate(d, -1)) out.push(d);
  return out;
}

/**
 * Days in the order they are shown (newest first) to rows: each day with incidents stays a row;
 * quiet days that follow each other in the calendar become one row.
 */
export function collapseQuietDays<T>(days: readonly PastDay<T>[]): PastRow<T>[] {
  const rows: PastRow<T>[] = [];
  for (const day of days) {
    if (day.incidents.length) {
      rows.push({ kind: "day", date: day.date, incidents: day.incidents });
      continue;
    }
    const last = rows.at(-1);
    if (last?.kind === "quiet" && shiftDate(last.from, -1) === day.date) {
      last.from = day.date;
      last.days++;
    } else rows.push({ kind: "quiet", from: day.date, to: day.date, days: 1 });
  }
  return rows;
}
