// The locales Outpost's own words come in. Adding one: its messages/<code>.json and a row here.
export const LOCALES = ["en", "de", "fr", "es", "ja", "ar"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** Each locale's own name (the language switcher shows it) and its writing direction. */
export const LOCALE_INFO: Record<Locale, { name: string; dir: "ltr" | "rtl" }> = {
  en: { name: "English", dir: "ltr" },
  de: { name: "Deutsch", dir: "ltr" },
  fr: { name: "Français", dir: "ltr" },
  es: { name: "Español", dir: "ltr" },
  ja: { name: "日本語", dir: "ltr" },
  ar: { name: "العربية", dir: "rtl" },
};

const KNOWN = new Set<string>(LOCALES);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && KNOWN.has(value);
}

/** The page's language settings: the default (served at "/") and the offered ones (in the switcher). */
export type PageLocales = { defaultLocale: Locale; locales: readonly Locale[] };

/** A page row's language settings, with anything unknown dropped (the default is always offered). */
export function pageLocales(page: { defaultLocale: string; locales: readonly string[] } | null | undefined): {
  defaultLocale: Locale;
  locales: Locale[];
} {
  const defaultLocale = isLocale(page?.defaultLocale) ? page.defaultLocale : DEFAULT_LOCALE;
  const offered = new Set<string>(page?.locales ?? []);
  offered.add(defaultLocale);
  return { defaultLocale, locales: LOCALES.filter((l) => offered.has(l)) };
}

/** `path` ("/history") as the address of it in `locale`: no prefix for the default locale. */
export function localePath(path: string, locale: Locale, defaultLocale: Locale): string {
  if (locale === defaultLocale) return path;
  return path === "/" ? `/${locale}/` : `/${locale}${path}`;
}

/**
 * Splits a locale prefix off a path: "/de/history" → { locale: "de", path: "/history" }, "/de" and
 * "/de/" → the page. Only the six codes count: "/xx/…" is a path like any other.
 */
export function splitLocale(path: string): { locale: Locale; path: string } | null {
  if (path.length < 3 || path.charCodeAt(0) !== 47) return null;
  const code = path.slice(1, 3);
  if (!isLocale(code)) return null;
  if (path.length === 3) return { locale: code, path: "/" };
  if (path.charCodeAt(3) !== 47) return null;
  return { locale: code, path: path.length === 4 ? "/" : path.slice(3) };
}
