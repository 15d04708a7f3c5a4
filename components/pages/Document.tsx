import type { ReactNode } from "react";
import { LOCALE_INFO, type Locale } from "@/lib/i18n/locales";
import { useT } from "../i18n";
import { scriptWordsJson } from "./script-words";

const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='7' fill='%23047857'/%3E%3C/svg%3E";

export type PageAssets = { css: string; script: string };

/** Formats' own names, the same in every language. */
const FEED_NAMES = { rss: "RSS", atom: "Atom" } as const;

/** What the page's settings change in every public page (lib/snapshot.ts `page`). */
export type Branding = {
  logo: string | null;
  brandColor: string | null;
  footerLinks: { label: string; url: string }[];
};

/** The same page in each offered locale: `<link rel="alternate" hreflang>` and the switcher. */
export type Alternate = { locale: Locale; href: string; current: boolean };

/** Where each way to follow the page is explained (the /subscribe page's sections). */
const SUBSCRIBE_CHOICES = ["email", "webhook", "chat", "feeds", "badge"] as const;

/**
 * The header's "Subscribe" button: a disclosure (no JavaScript needed) listing every way to
 * follow the page, each opening its section of /subscribe.
 */
function SubscribeMenu({ email }: { email: boolean }) {
  const tr = useT();
  return (
    <details className="relative" data-subscribe-menu="">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1.5 rounded-md border border-gray-300 bg-white px-3 font-semibold text-gray-900 hover:bg-gray-100 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-800">
        <svg viewBox="0 0 20 20" aria-hidden="true" className="h-4 w-4">
          <path
            d="M10 3a4.5 4.5 0 0 0-4.5 4.5c0 4-1.5 5.5-1.5 5.5h12s-1.5-1.5-1.5-5.5A4.5 4.5 0 0 0 10 3zM8.5 15.5a1.6 1.6 0 0 0 3 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinejoin="round"
          />
        </svg>
        {tr.t("doc.subscribe")}
      </summary>
      <ul className="absolute end-0 z-10 mt-1 w-64 rounded-md border border-gray-200 bg-white py-1 shadow-lg dark:border-gray-700 dark:bg-gray-900">
        {SUBSCRIBE_CHOICES.filter((c) => email || c !== "email").map((choice) => (
          <li key={choice}>
            <a
              href={`${tr.href("/subscribe")}#${choice}`}
              className="flex min-h-11 items-center px-4 text-gray-900 hover:bg-gray-100 dark:text-gray-100 dark:hover:bg-gray-800"
            >
              {tr.t(`subscribeMenu.${choice}`)}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The one inline style that depends on the settings; the CSP allows it by hash (server/render.tsx). */
export function brandStyle(brandColor: string | null): string | null {
  return brandColor && /^#[0-9a-f]{6}$/i.test(brandColor) ? `:root{--brand:${brandColor}}` : null;
}

/**
 * The HTML document of every pre-built public page. CSS and the small time script are inline,
 * so one response is the whole page (and the static mirror needs no other file).
 */
export function Document({
  title,
  description,
  pageName,
  assets,
  branding,
  footerNote,
  version,
  alternates = [],
  canonicalBase = "",
  emailSubscriptions = false,
  children,
}: {
  title: string;
  description: string;
  pageName: string;
  assets: PageAssets;
  branding?: Branding;
  /** The mirror's state on the live page, or when a static copy was generated. */
  footerNote?: ReactNode;
  /** The data version the page was built from: the live-update script compares it. */
  version?: number;
  /** This page in every offered locale (none when only one is offered). */
  alternates?: readonly Alternate[];
  /** The public URL the alternates' addresses are made absolute with. */
  canonicalBase?: string;
  /** The Subscribe menu offers email (outgoing mail is configured). */
  emailSubscriptions?: boolean;
  children: ReactNode;
}) {
  const tr = useT();
  const brandCss = brandStyle(branding?.brandColor ?? null);
  const current = alternates.find((a) => a.current);
  const fallback = alternates.find((a) => a.locale === tr.defaultLocale);
  return (
    <html lang={tr.locale} dir={tr.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{title}</title>
        <meta name="description" content={description} />
        <link rel="icon" href={FAVICON} />
        <link
          rel="alternate"
          type="application/rss+xml"
          title={tr.t("doc.feedRss", { page: pageName })}
          href={tr.href("/history.rss")}
        />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={tr.t("doc.feedAtom", { page: pageName })}
          href={tr.href("/history.atom")}
        />
        <link rel="alternate" type="application/json" title={tr.t("doc.summaryJson")} href="/api/v2/summary.json" />
        <link rel="alternate" type="text/markdown" href={tr.href("/index.md")} />
        {alternates.map((a) => (
          <link key={a.locale} rel="alternate" hrefLang={a.locale} href={`${canonicalBase}${a.href}`} />
        ))}
        {fallback ? <link rel="alternate" hrefLang="x-default" href={`${canonicalBase}${fallback.href}`} /> : null}
        <style dangerouslySetInnerHTML={{ __html: assets.css }} />
        {brandCss ? <style dangerouslySetInnerHTML={{ __html: brandCss }} /> : null}
      </head>
      <body className="min-h-screen bg-gray-50 text-gray-900 antialiased dark:bg-gray-950 dark:text-gray-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:rounded focus:bg-white focus:p-2 focus:text-gray-900"
        >
          {tr.t("doc.skip")}
        </a>
        {brandCss ? <div aria-hidden="true" data-brand-accent="" className="h-1.5 bg-(--brand)" /> : null}
        <div className="mx-auto max-w-3xl px-4 pb-12 sm:px-6">
          <header className="flex items-center justify-between gap-4 py-6">
            <h1 className="min-w-0 text-2xl font-bold tracking-tight">
              <a href={tr.href("/")} className="flex items-center gap-3">
                {branding?.logo ? (
                  <img
                    src={branding.logo}
                    alt=""
                    data-logo=""
                    className="h-9 w-auto max-w-32 shrink-0 object-contain"
                  />
                ) : null}
                <span className="min-w-0 break-words">{pageName}</span>
              </a>
            </h1>
            <nav aria-label={tr.t("doc.nav")} className="flex shrink-0 items-center gap-4 text-sm">
              <SubscribeMenu email={emailSubscriptions} />
              <a href={tr.href("/history")} className="text-blue-700 hover:underline dark:text-blue-300">
                {tr.t("doc.history")}
              </a>
              {current ? (
                <a
                  href="#languages"
                  aria-label={tr.t("doc.language")}
                  className="flex items-center gap-1 text-blue-700 hover:underline dark:text-blue-300"
                >
                  <svg viewBox="0 0 20 20" aria-hidden="true" className="h-4 w-4">
                    <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="1.5" />
                    <path
                      d="M2 10h16M10 2c2.5 2.2 2.5 13.8 0 16M10 2c-2.5 2.2-2.5 13.8 0 16"
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="1.5"
                    />
                  </svg>
                  {LOCALE_INFO[current.locale].name}
                </a>
              ) : null}
            </nav>
          </header>
          <main id="main" data-version={version}>
            {children}
          </main>
          <footer className="mt-12 flex flex-wrap gap-x-4 gap-y-2 border-t border-gray-200 pt-6 text-sm text-gray-600 dark:border-gray-800 dark:text-gray-400">
            {branding?.footerLinks.length ? (
              <nav aria-label={tr.t("doc.footerLinks")} className="flex w-full flex-wrap gap-x-4 gap-y-2">
                {branding.footerLinks.map((link, i) => (
                  <a
                    key={i}
                    href={link.url}
                    className="font-medium text-gray-800 underline-offset-2 hover:underline dark:text-gray-200"
                  >
                    {link.label}
                  </a>
                ))}
              </nav>
            ) : null}
            {alternates.length ? (
              <nav id="languages" aria-label={tr.t("doc.language")} className="flex w-full flex-wrap gap-x-4 gap-y-2">
                {alternates.map((a) => (
                  <a
                    key={a.locale}
                    href={a.href}
                    lang={a.locale}
                    hrefLang={a.locale}
                    dir={LOCALE_INFO[a.locale].dir}
                    aria-current={a.current ? "page" : undefined}
                    className={a.current ? "font-semibold text-gray-900 dark:text-gray-100" : "hover:underline"}
                  >
                    {LOCALE_INFO[a.locale].name}
                  </a>
                ))}
              </nav>
            ) : null}
            <span>{tr.t("doc.poweredBy")}</span>
            <a href="/api/v2/summary.json" className="hover:underline">
              {tr.t("doc.jsonApi")}
            </a>
            <a href={tr.href("/history.rss")} className="hover:underline">
              {FEED_NAMES.rss}
            </a>
            <a href={tr.href("/history.atom")} className="hover:underline">
              {FEED_NAMES.atom}
            </a>
            <a href={tr.href("/infrastructure")} className="hover:underline">
              {tr.t("doc.infrastructure")}
            </a>
            {footerNote}
          </footer>
        </div>
        <script type="application/json" id="outpost-words" dangerouslySetInnerHTML={{ __html: scriptWordsJson(tr) }} />
        <script dangerouslySetInnerHTML={{ __html: assets.script }} />
      </body>
    </html>
  );
}
