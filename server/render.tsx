// Renders the public pages to HTML payloads with React on the server (no client React).
import type { ReactNode } from "react";
import { InfrastructurePage, type BackupView, type SiteFacts } from "@/components/pages/InfrastructurePage";
import { renderToStaticMarkup } from "react-dom/server";
import { brandStyle, Document, type Alternate } from "@/components/pages/Document";
import { I18nProvider } from "@/components/i18n";
import { ComponentUptimePage } from "@/components/pages/ComponentUptimePage";
import { HistoryPage } from "@/components/pages/HistoryPage";
import { IncidentPage } from "@/components/pages/IncidentPage";
import { NotFoundPage } from "@/components/pages/NotFoundPage";
import { StatusPage } from "@/components/pages/StatusPage";
import { statusPageRows } from "@/components/status/rendered-rows";
import { GeneratedNote, MirrorNote } from "@/components/pages/MirrorNote";
import { config } from "@/lib/config";
import { lastMirrorPublish, mirrorState } from "@/lib/mirror-state";
import { statusWords } from "@/lib/status";
import type { HistoryView } from "@/lib/history";
import type { SnapIncident, Snapshot } from "@/lib/snapshot-types";
import { localePath } from "@/lib/i18n/locales";
import { ENGLISH, type Translator } from "@/lib/i18n/messages";
import type { ComponentUptime, UptimeDay } from "@/lib/uptime-view";
import { browserProbeOrigin } from "@/lib/probe-url";
import { contentSecurityPolicy, type LoadedAssets } from "./assets";
import { makePayload, type Payload } from "./payload";

export type RenderOptions = {
  /** For the static mirror: when the copy was generated (pages then say so instead of the mirror's state). */
  generatedAt?: number;
  /** The locale to render in (English without a prefix when left out). */
  tr?: Translator;
  /** The page's address without a locale prefix ("/history?month=2026-11"): the switcher links its versions. */
  path?: string;
};

/** The page at `path` in every offered locale; none when only one is offered. */
function alternates(s: Snapshot, tr: Translator, path: string | undefined): Alternate[] {
  if (path === undefined || s.page.locales.length < 2) return [];
  return s.page.locales.map((locale) => ({
    locale,
    href: localePath(path, locale, s.page.defaultLocale),
    current: locale === tr.locale,
  }));
}

function footerNote(s: Snapshot, opts: RenderOptions): ReactNode {
  if (opts.generatedAt !== undefined)
    return <GeneratedNote at={opts.generatedAt} liveUrl={s.page.url} timeZone={s.page.timeZone} />;
  return <MirrorNote state={mirrorState()} mirrorUrl={config().mirror.publicUrl} timeZone={s.page.timeZone} />;
}

/**
 * Origins of the components' browser probes, which the page's script may fetch. Validated on save
 * and again here: a stored value that could smuggle a directive into the CSP is dropped.
 */
export function probeOrigins(s: Snapshot): string[] {
  const origins = new Set<string>();
  for (const c of s.components) {
    const origin = c.browserProbeUrl ? browserProbeOrigin(c.browserProbeUrl) : null;
    if (origin) origins.add(origin);
  }
  return [...origins];
}

export function html(
  status: number,
  s: Snapshot,
  assets: LoadedAssets,
  title: string,
  description: string,
  body: ReactNode,
  opts: RenderOptions = {},
  connect: readonly string[] = [],
): Payload {
  const { logo, brandColor, footerLinks } = s.page;
  const tr = opts.tr ?? ENGLISH;
  const markup = renderToStaticMarkup(
    <I18nProvider value={tr}>
      <Document
        title={title}
        description={description}
        pageName={s.page.name}
        assets={assets}
        branding={{ logo, brandColor, footerLinks }}
        footerNote={footerNote(s, opts)}
        version={s.version}
        alternates={alternates(s, tr, opts.path)}
        canonicalBase={s.page.url.replace(/\/$/, "")}
        emailSubscriptions={s.emailSubscriptions}
      >
        {body}
      </Document>
    </I18nProvider>,
  );
  const brandCss = brandStyle(brandColor);
  return makePayload(status, "text/html; charset=utf-8", `<!DOCTYPE html>${markup}`, {
    "content-security-policy":
      brandCss || connect.length
        ? contentSecurityPolicy(assets, { styles: brandCss ? [brandCss] : [], connect })
        : assets.csp,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  });
}

export function renderStatusPage(s: Snapshot, assets: LoadedAssets, opts: RenderOptions = {}): Payload {
  // The static copy posts reports to the live server.
  const reportBase = opts.generatedAt !== undefined ? s.page.url : "";
  // The live page keeps its rows between renders; the mirror's copy (other links) renders its own.
  const tr = opts.tr ?? ENGLISH;
  const rows = opts.generatedAt === undefined ? statusPageRows(`${tr.locale}:${tr.defaultLocale}`) : undefined;
  rows?.begin();
  return html(
    200,
    s,
    assets,
    tr.t("title.page", { page: s.page.name }),
    `${s.page.name}: ${tr.t(`status.${statusWords(s.status)}`)}`,
    <StatusPage snapshot={s} reportBase={reportBase} rows={rows} />,
    opts,
    probeOrigins(s),
  );
}

export function renderIncidentPage(
  s: Snapshot,
  assets: LoadedAssets,
  incident: SnapIncident,
  opts: RenderOptions = {},
): Payload {
  return html(
    200,
    s,
    assets,
    (opts.tr ?? ENGLISH).t("title.of", { title: incident.name, page: s.page.name }),
    incident.name,
    <IncidentPage incident={incident} snapshot={s} />,
    opts,
  );
}

export function renderHistoryPage(
  s: Snapshot,
  assets: LoadedAssets,
  view: HistoryView,
  opts: RenderOptions = {},
): Payload {
  const tr = opts.tr ?? ENGLISH;
  const month = tr.month(view.month);
  const title = tr.t("title.of", {
    title: view.component
      ? tr.t("title.historyFor", { component: view.component.name, month })
      : tr.t("title.history", { month }),
    page: s.page.name,
  });
  // A static copy cannot answer the component filter's query: it shows no filter.
  const body = (
    <HistoryPage view={view} timeZone={s.page.timeZone} layout={s.layout} filterable={opts.generatedAt === undefined} />
  );
  return html(200, s, assets, title, title, body, opts);
}

export function renderComponentUptimePage(
  s: Snapshot,
  assets: LoadedAssets,
  uptime: ComponentUptime,
  day: UptimeDay | null,
  opts: RenderOptions = {},
): Payload {
  const tr = opts.tr ?? ENGLISH;
  const component = uptime.component.name;
  const what = day
    ? tr.t("title.componentDay", { component, day: tr.day(day.date) })
    : tr.t("title.componentDays", { component });
  return html(
    200,
    s,
    assets,
    tr.t("title.of", { title: what, page: s.page.name }),
    tr.t("title.componentDescription", { what }),
    <ComponentUptimePage uptime={uptime} day={day} timeZone={s.page.timeZone} />,
    opts,
  );
}

/** What the infrastructure page says of this server while staff have described nothing. */
function siteFacts(s: Snapshot): SiteFacts {
  const state = mirrorState();
  return {
    pageUrl: s.page.url,
    mirror: {
      publicUrl: config().mirror.publicUrl,
      targets: state.configured ? state.targets.length : 0,
      lastPublishedAt: lastMirrorPublish(state),
    },
    replicating: config().replication !== null,
  };
}

export function renderInfrastructurePage(
  s: Snapshot,
  assets: LoadedAssets,
  backups: BackupView,
  opts: RenderOptions = {},
): Payload {
  const tr = opts.tr ?? ENGLISH;
  return html(
    200,
    s,
    assets,
    tr.t("title.of", { title: tr.t("title.infrastructure"), page: s.page.name }),
    tr.t("title.infrastructureDescription"),
    <InfrastructurePage
      disclosure={s.page.infrastructureMd}
      backups={backups}
      site={siteFacts(s)}
      timeZone={s.page.timeZone}
    />,
    opts,
  );
}

/** A 404 page: `what` says what was not found, in the page's locale. */
export function renderNotFound(s: Snapshot, assets: LoadedAssets, what: string, opts: RenderOptions = {}): Payload {
  const tr = opts.tr ?? ENGLISH;
  return html(
    404,
    s,
    assets,
    tr.t("title.of", { title: tr.t("title.notFound"), page: s.page.name }),
    what,
    <NotFoundPage what={what} />,
    { tr },
  );
}
