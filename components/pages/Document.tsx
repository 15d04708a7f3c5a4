import type { ReactNode } from "react";

const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='7' fill='%23047857'/%3E%3C/svg%3E";

export type PageAssets = { css: string; script: string };

/** What the page's settings change in every public page (lib/snapshot.ts `page`). */
export type Branding = {
  logo: string | null;
  brandColor: string | null;
  footerLinks: { label: string; url: string }[];
};

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
  children: ReactNode;
}) {
  const brandCss = brandStyle(branding?.brandColor ?? null);
  return (
    <html lang="en">
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
          title={`${pageName} status history (RSS)`}
          href="/history.rss"
        />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={`${pageName} status history (Atom)`}
          href="/history.atom"
        />
        <link
          rel="alternate"
          type="application/json"
          title="Status summary (Statuspage API v2)"
          href="/api/v2/summary.json"
        />
        <style dangerouslySetInnerHTML={{ __html: assets.css }} />
        {brandCss ? <style dangerouslySetInnerHTML={{ __html: brandCss }} /> : null}
      </head>
      <body className="min-h-screen bg-gray-50 text-gray-900 antialiased dark:bg-gray-950 dark:text-gray-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2 focus:text-gray-900"
        >
          Skip to content
        </a>
        {brandCss ? <div aria-hidden="true" data-brand-accent="" className="h-1.5 bg-(--brand)" /> : null}
        <div className="mx-auto max-w-3xl px-4 pb-12 sm:px-6">
          <header className="flex items-center justify-between gap-4 py-6">
            <h1 className="min-w-0 text-2xl font-bold tracking-tight">
              <a href="/" className="flex items-center gap-3">
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
            <nav aria-label="Status page" className="flex gap-4 text-sm">
              <a href="/history" className="text-blue-700 hover:underline dark:text-blue-300">
                History
              </a>
            </nav>
          </header>
          <main id="main" data-version={version}>
            {children}
          </main>
          <footer className="mt-12 flex flex-wrap gap-x-4 gap-y-2 border-t border-gray-200 pt-6 text-sm text-gray-600 dark:border-gray-800 dark:text-gray-400">
            {branding?.footerLinks.length ? (
              <nav aria-label="Links" className="flex w-full flex-wrap gap-x-4 gap-y-2">
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
            <span>Powered by Outpost</span>
            <a href="/api/v2/summary.json" className="hover:underline">
              JSON API
            </a>
            <a href="/history.rss" className="hover:underline">
              RSS
            </a>
            <a href="/history.atom" className="hover:underline">
              Atom
            </a>
            <a href="/infrastructure" className="hover:underline">
              Infrastructure and backups
            </a>
            {footerNote}
          </footer>
        </div>
        <script dangerouslySetInnerHTML={{ __html: assets.script }} />
      </body>
    </html>
  );
}
