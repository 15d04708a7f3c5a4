// Renders the public pages to HTML payloads with React on the server (no client React).
import type { ReactNode } from "react";
import { InfrastructurePage, type BackupView } from "@/components/pages/InfrastructurePage";
import { renderToStaticMarkup } from "react-dom/server";
import { brandStyle, Document } from "@/components/pages/Document";
import { ComponentUptimePage } from "@/components/pages/ComponentUptimePage";
import { HistoryPage } from "@/components/pages/HistoryPage";
import { IncidentPage } from "@/components/pages/IncidentPage";
import { NotFoundPage } from "@/components/pages/NotFoundPage";
import { StatusPage } from "@/components/pages/StatusPage";
import { statusPageRows } from "@/components/status/rendered-rows";
import { GeneratedNote, MirrorNote } from "@/components/pages/MirrorNote";
import { config } from "@/lib/config";
import { mirrorState } from "@/lib/mirror-state";
import type { HistoryView } from "@/lib/history";
import type { SnapIncident, Snapshot } from "@/lib/snapshot-types";
import { formatDay, formatMonth } from "@/lib/time";
import type { ComponentUptime, UptimeDay } from "@/lib/uptime-view";
import { browserProbeOrigin } from "@/lib/probe-url";
import { contentSecurityPolicy, type LoadedAssets } from "./assets";
import { makePayload, type Payload } from "./payload";

/** For the static mirror: when the copy was generated (pages then say so instead of the mirror's state). */
export type RenderOptions = { generatedAt?: number };

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
  const markup = renderToStaticMarkup(
    <Document
      title={title}
      description={description}
      pageName={s.page.name}
      assets={assets}
      branding={{ logo, brandColor, footerLinks }}
      footerNote={footerNote(s, opts)}
      version={s.version}
    >
      {body}
    </Document>,
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
  const rows = opts.generatedAt === undefined ? statusPageRows : undefined;
  rows?.begin();
  return html(
    200,
    s,
    assets,
    `${s.page.name} status`,
    `${s.page.name}: ${s.status.description}`,
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
    `${incident.name} · ${s.page.name} status`,
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
  const title = `Incident history, ${formatMonth(view.month)} · ${s.page.name} status`;
  return html(200, s, assets, title, title, <HistoryPage view={view} timeZone={s.page.timeZone} />, opts);
}

export function renderComponentUptimePage(
  s: Snapshot,
  assets: LoadedAssets,
  uptime: ComponentUptime,
  day: UptimeDay | null,
  opts: RenderOptions = {},
): Payload {
  const what = day ? `${uptime.component.name} on ${formatDay(day.date)}` : `${uptime.component.name}, day by day`;
  const title = `${what} · ${s.page.name} status`;
  return html(
    200,
    s,
    assets,
    title,
    `Uptime and incidents of ${what}`,
    <ComponentUptimePage uptime={uptime} day={day} timeZone={s.page.timeZone} />,
    opts,
  );
}

export function renderInfrastructurePage(s: Snapshot, assets: LoadedAssets, backups: BackupView): Payload {
  const title = `Infrastructure and backups · ${s.page.name} status`;
  return html(
    200,
    s,
    assets,
    title,
    "Where this status page runs, and its latest verified backup",
    <InfrastructurePage disclosure={s.page.infrastructureMd} backups={backups} timeZone={s.page.timeZone} />,
  );
}

export function renderNotFound(s: Snapshot, assets: LoadedAssets, what: string): Payload {
  return html(404, s, assets, `Not found · ${s.page.name} status`, what, <NotFoundPage what={what} />);
}
