// Outpost's own words in each locale: messages/<locale>.json, one key per string, in ICU
// MessageFormat (plurals, selects), formatted with FormatJS intl-messageformat. What staff write
// (names, incident titles, updates) is never translated. Pure.
import ar from "@/messages/ar.json" with { type: "json" };
import de from "@/messages/de.json" with { type: "json" };
import en from "@/messages/en.json" with { type: "json" };
import es from "@/messages/es.json" with { type: "json" };
import fr from "@/messages/fr.json" with { type: "json" };
import ja from "@/messages/ja.json" with { type: "json" };
import {
  formatDateTime,
  formatDay,
  formatDayRange,
  formatDuration,
  formatList,
  formatMonth,
  formatNumber,
  formatPercent,
  formatRange,
  formatTime,
} from "./format";
import { compiledMessage, formatParts, formatText } from "./icu";
import { DEFAULT_LOCALE, LOCALE_INFO, localePath, type Locale } from "./locales";

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

/**
 * Every locale's catalogue (a test checks each has every key, parses, and uses English's placeholders;
 * the staff area's `staff.` keys may be left out until they are translated).
 */
export const CATALOGUES: Record<Locale, Record<string, string>> = { en, de, fr, es, ja, ar };

export type MessageValues = Record<string, string | number>;

/** Formats messages, times and numbers in one locale, and writes addresses in it. */
export type Translator = {
  locale: Locale;
  /** The page's default locale: its addresses have no prefix. */
  defaultLocale: Locale;
  dir: "ltr" | "rtl";
  t: (key: MessageKey, values?: MessageValues) => string;
  /** A message with values of any kind (`T`: markup), whose tags (`<link>…</link>`) become what `tags` makes of their text. */
  rich: <T>(
    key: MessageKey,
    values: Record<string, string | number | T>,
    tags?: Record<string, (chunks: (string | T)[]) => T>,
  ) => (string | T)[];
  /** An address of this site in this locale ("/history" → "/de/history"). */
  href: (path: string) => string;
  dateTime: (at: number, timeZone: string) => string;
  time: (at: number, timeZone: string) => string;
  /** A period; the date once when it is within one day. */
  range: (from: number, to: number, timeZone: string) => string;
  day: (date: string) => string;
  /** Calendar days from–to ("Nov 18 – 30"; one day alone when they are equal). */
  dayRange: (from: string, to: string) => string;
  month: (month: string) => string;
  duration: (ms: number) => string;
  number: (n: number, digits?: number) => string;
  /** "a, b and c" in the locale's way. */
  list: (items: readonly string[]) => string;
  percent: (value: number, digits?: number) => string;
};

// A key missing in a locale falls back to English (the catalogue test allows it for staff. keys only).
const message = (locale: Locale, key: MessageKey) =>
  compiledMessage(locale, key, () => CATALOGUES[locale][key] ?? en[key]);

const translators = new Map<string, Translator>();

export function translator(locale: Locale = DEFAULT_LOCALE, defaultLocale: Locale = DEFAULT_LOCALE): Translator {
  const id = `${locale}:${defaultLocale}`;
  let tr = translators.get(id);
  if (tr) return tr;
  tr = {
    locale,
    defaultLocale,
    dir: LOCALE_INFO[locale].dir,
    t: (key, values) => formatText(message(locale, key), values),
    rich: <T>(
      key: MessageKey,
      values: Record<string, string | number | T>,
      tags: Record<string, (chunks: (string | T)[]) => T> = {},
    ) => formatParts(message(locale, key), values, tags),
    href: (path) => localePath(path, locale, defaultLocale),
    dateTime: (at, tz) => formatDateTime(at, tz, locale),
    time: (at, tz) => formatTime(at, tz, locale),
    range: (from, to, tz) => formatRange(from, to, tz, locale),
    day: (date) => formatDay(date, locale),
    dayRange: (from, to) => formatDayRange(from, to, locale),
    month: (month) => formatMonth(month, locale),
    duration: (ms) => formatDuration(ms, locale),
    number: (n, digits) => formatNumber(n, locale, digits),
    percent: (value, digits) => formatPercent(value, locale, digits),
    list: (items) => formatList(items, locale),
  };
  translators.set(id, tr);
  return tr;
}

/** English with no prefix: the staff area and everything that has no locale of its own. */
export const ENGLISH = translator();
