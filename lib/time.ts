// Calendar arithmetic in the page's time zone (DST-safe). Pure.
import { TZDate } from "@date-fns/tz";
import { addDays, format, startOfDay, startOfMonth, addMonths } from "date-fns";
import { dateParts } from "./i18n/format";

export type DayRange = { date: string; start: number; end: number };

/** The last `count` calendar days in `timeZone`, oldest first; the last one is today. */
export function lastDays(now: number, count: number, timeZone: string): DayRange[] {
  const today = startOfDay(new TZDate(now, timeZone));
  const days: DayRange[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = addDays(today, -i);
    const end = addDays(start, 1);
    days.push({ date: format(start, "yyyy-MM-dd"), start: start.getTime(), end: end.getTime() });
  }
  return days;
}

/** Where lastDays(now, count, timeZone) begins: the first instant of its oldest day. */
export function lastDaysStart(now: number, count: number, timeZone: string): number {
  return addDays(startOfDay(new TZDate(now, timeZone)), 1 - count).getTime();
}

/** The first instant of a calendar day ("2026-11-24") in a zone. */
export function dayStart(date: string, timeZone: string): number {
  const [y, m, d] = dateParts(date);
  return startOfDay(new TZDate(y, m - 1, d, timeZone)).getTime();
}

/** YYYY-MM-DD of an instant in a zone. */
export function dayKey(at: number, timeZone: string): string {
  return format(new TZDate(at, timeZone), "yyyy-MM-dd");
}

/** YYYY-MM of an instant in a zone. */
export function monthKey(at: number, timeZone: string): string {
  return format(new TZDate(at, timeZone), "yyyy-MM");
}

/** The [start, end) instants of a month ("2026-11") in a zone. */
export function monthRange(month: string, timeZone: string): { start: number; end: number } {
  const [y, m] = dateParts(month);
  const start = startOfMonth(new TZDate(y, m - 1, 1, timeZone));
  return { start: start.getTime(), end: addMonths(start, 1).getTime() };
}

/** The month before or after "YYYY-MM". */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = dateParts(month);
  const total = y * 12 + (m - 1) + by;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

// Human text for times, days, months and durations: the shared formatter (English by default).
export { formatDateTime, formatDay, formatDuration, formatMonth, formatRange } from "./i18n/format";

/** A `datetime-local` value ("2026-11-24T14:05") read as a wall-clock time in a zone; null if malformed. */
export function parseLocalDateTime(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const [y = NaN, mo = NaN, d = NaN, h = NaN, mi = NaN] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const at = new TZDate(y, mo - 1, d, h, mi, timeZone);
  return Number.isNaN(at.getTime()) || at.getDate() !== d ? null : at.getTime();
}

/** An instant as a `datetime-local` value in a zone, to prefill such an input. */
export function toLocalDateTime(at: number, timeZone: string): string {
  return format(new TZDate(at, timeZone), "yyyy-MM-dd'T'HH:mm");
}

/** An instant as ISO 8601 (UTC), or null when there is none: the one way JSON and feeds write times. */
export function isoTime(ms: number): string;
export function isoTime(ms: number | null | undefined): string | null;
export function isoTime(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}
