import type { ReactNode } from "react";

const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='7' fill='%23047857'/%3E%3C/svg%3E";

export type PageAssets = { css: string; script: string };

/**
 * The HTML document of every pre-built public page. CSS and the small time script are inline,
 * so one response is the whole page (and the static mirror needs no other file).
 */
export function Document({
  title,
  description,
  pageName,
  assets,
  footerNote,
  version,
  children,
}: {
  title: string;
  description: string;
  pageName: string;
  assets: PageAssets;
  /** The mirror's state on the live page, or when a static copy was generated. */
  footerNote?: ReactNode;
  /** The data version the page was built from: the live-update script compares it. */
  version?: number;
  children: ReactNode;
}) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{title}</title>
        <meta name="description" content={description} />
        <link rel="icon" href={FAVICON} />
        <link rel="alternate" type="application/rss+xml" title={`${pageName} status history (RSS)`} href="/history.rss" />
        <link rel="alternate" type="application/atom+xml" title={`${pageName} status history (Atom)`} href="/history.atom" />
        <link rel="alternate" type="application/json" title="Status summary (Statuspage API v2)" href="/api/v2/summary.json" />
        <style dangerouslySetInnerHTML={{ __html: assets.css }} />
      </head>
      <body className="min-h-screen bg-gray-50 text-gray-900 antialiased dark:bg-gray-950 dark:text-gray-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2 focus:text-gray-900">
          Skip to content
        </a>
        <div className="mx-auto max-w-3xl px-4 pb-12 sm:px-6">
          <header className="flex items-center justify-between py-6">
            <h1 className="text-2xl font-bold tracking-tight">
              <a href="/">{pageName}</a>
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
            {footerNote}
          </footer>
        </div>
        <script dangerouslySetInnerHTML={{ __html: assets.script }} />
      </body>
    </html>
  );
}
