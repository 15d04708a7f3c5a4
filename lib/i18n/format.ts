// The shared formatter of times, days, months, durations and numbers, per locale (Intl). Every
// surface formats through it: public pages in their locale, staff pages and mail in theirs. Pure.
import type { Locale } from "./locales";

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** The numbers of "2026-11-24" or "2026-11"; a part that is not there is NaN, so it makes an invalid date. */
export function dateParts(date: string): [year: number, month: number, day: number] {
  const [y = NaN, m = NaN, d = NaN] = date.split("-").map(Number);
  return [y, m, d];
}

/** A time with its zone, e.g. "Nov 24, 2026, 14:05 UTC" or "24. Nov. 2026, 14:05 MEZ". */
export function formatDateTime(at: number, timeZone: string, locale: Locale = "en"): string {
  return cached(
    `dt:${locale}:${timeZone}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone,
        month: "short",
        day: "numeric",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZoneName: "short",
      }),
  ).format(at);
}

/**
 * A period with its zone, the date said once when both ends fall on one day in `timeZone`:
 * "Dec 5, 2026, 07:00 – 09:00 UTC", else "Dec 5, 2026, 07:00 UTC – Dec 6, 2026, 09:00 UTC".
 */
export function formatRange(from: number, to: number, timeZone: string, locale: Locale = "en"): string {
  formatDateTime(from, timeZone, locale);
  const f = cache.get(`dt:${locale}:${timeZone}`) as Intl.DateTimeFormat;
  return to > from ? f.formatRange(from, to) : f.format(from);
}

/** A time of day with its zone, e.g. "14:05 UTC" (a period within one day shows its date once). */
export function formatTime(at: number, timeZone: string, locale: Locale = "en"): string {
  return cached(
    `t:${locale}:${timeZone}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone,
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZoneName: "short",
      }),
  ).format(at);
}

/** A calendar day ("2026-11-24"), e.g. "Nov 24, 2026". */
export function formatDay(date: string, locale: Locale = "en"): string {
  const [y, m, d] = dateParts(date);
  return cached(
    `d:${locale}`,
    () => new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" }),
  ).format(Date.UTC(y, m - 1, d));
}

/**
 * Calendar days from–to ("2026-11-18", "2026-11-30") as the locale writes a range: "Nov 18 – 30"
 * (the month once within one month), "Nov 28 – Dec 2", one day alone "Nov 18"; the years only
 * when the two ends are in different years ("Dec 28, 2025 – Jan 2, 2026").
 */
export function formatDayRange(from: string, to: string, locale: Locale = "en"): string {
  const [fy, fm, fd] = dateParts(from);
  const [ty, tm, td] = dateParts(to);
  const [a, b] = [Date.UTC(fy, fm - 1, fd), Date.UTC(ty, tm - 1, td)];
  const years = fy !== ty;
  const f = cached(
    `dr:${locale}:${years}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone: "UTC",
        month: "short",
        day: "numeric",
        ...(years ? { year: "numeric" } : {}),
      }),
  );
  return b > a ? f.formatRange(a, b) : f.format(a);
}

/** A month ("2026-11"), e.g. "November 2026". */
export function formatMonth(month: string, locale: Locale = "en"): string {
  const [y, m] = dateParts(month);
  return cached(
    `m:${locale}`,
    () => new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "long", year: "numeric" }),
  ).format(Date.UTC(y, m - 1, 1));
}

function unit(n: number, u: "minute" | "hour" | "day", locale: Locale): string {
  return cached(
    `u:${locale}:${u}`,
    () => new Intl.NumberFormat(locale, { style: "unit", unit: u, unitDisplay: u === "day" ? "long" : "short" }),
  ).format(n);
}

/** "45 min", "2 hr, 5 min", "3 days" in the locale's words. */
export function formatDuration(ms: number, locale: Locale = "en"): string {
  const minutes = Math.max(1, Math.round(ms / 60000));
  if (minutes < 60) return unit(minutes, "minute", locale);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    if (minutes % 60 === 0) return unit(hours, "hour", locale);
    const list = cached(`l:${locale}`, () => new Intl.ListFormat(locale, { type: "unit", style: "narrow" }));
    return list.format([unit(hours, "hour", locale), unit(minutes % 60, "minute", locale)]);
  }
  return unit(Math.round(hours / 24), "day", locale);
}

/** A number with at most `digits` decimals, in the locale's digits and separators. */
export function formatNumber(n: number, locale: Locale = "en", digits = 0): string {
  return cached(`n:${locale}:${digits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits })).format(
    n,
  );
}

/** A percentage from 0–100 with up to `digits` decimals ("99.95%", "99,95 %"). */
export function formatPercent(value: number, locale: Locale = "en", digits = 2): string {
  return cached(
    `p:${locale}:${digits}`,
    () => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits }),
  ).format(value / 100);
}

/** "a, b, and c" in the locale's words. */
export function formatList(items: readonly string[], locale: Locale = "en"): string {
  return cached(`c:${locale}`, () => new Intl.ListFormat(locale, { type: "conjunction" })).format(items);
}
