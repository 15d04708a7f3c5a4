// Renders the public pages to HTML payloads with React on the server (no client React).
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Document } from "@/components/pages/Document";
import { HistoryPage } from "@/components/pages/HistoryPage";
import { IncidentPage } from "@/components/pages/IncidentPage";
import { NotFoundPage } from "@/components/pages/NotFoundPage";
import { StatusPage } from "@/components/pages/StatusPage";
import type { HistoryView } from "@/lib/history";
import type { SnapIncident, Snapshot } from "@/lib/snapshot";
import { formatMonth } from "@/lib/time";
import type { LoadedAssets } from "./assets";
import { makePayload, type Payload } from "./payload";

export function html(status: number, s: Snapshot, assets: LoadedAssets, title: string, description: string, body: ReactNode): Payload {
  const markup = renderToStaticMarkup(
    <Document title={title} description={description} pageName={s.page.name} assets={assets}>
      {body}
    </Document>,
  );
  return makePayload(status, "text/html; charset=utf-8", `<!DOCTYPE html>${markup}`, {
    "content-security-policy": assets.csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  });
}

export function renderStatusPage(s: Snapshot, assets: LoadedAssets): Payload {
  return html(200, s, assets, `${s.page.name} status`, `${s.page.name}: ${s.status.description}`, <StatusPage snapshot={s} />);
}

export function renderIncidentPage(s: Snapshot, assets: LoadedAssets, incident: SnapIncident): Payload {
  return html(200, s, assets, `${incident.name} · ${s.page.name} status`, incident.name, <IncidentPage incident={incident} snapshot={s} />);
}

export function renderHistoryPage(s: Snapshot, assets: LoadedAssets, view: HistoryView): Payload {
  const title = `Incident history, ${formatMonth(view.month)} · ${s.page.name} status`;
  return html(200, s, assets, title, title, <HistoryPage view={view} timeZone={s.page.timeZone} />);
}

export function renderNotFound(s: Snapshot, assets: LoadedAssets, what: string): Payload {
  return html(404, s, assets, `Not found · ${s.page.name} status`, what, <NotFoundPage what={what} />);
}
