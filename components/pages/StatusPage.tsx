import type { LayoutItem, SnapComponent, SnapIncident, Snapshot } from "@/lib/snapshot-types";
import { isComponentVisible } from "@/lib/status";
import { Rich, useT } from "../i18n";
import { ComponentList } from "../status/ComponentList";
import type { RenderedRows } from "../status/rendered-rows";
import { StatusBanner } from "../status/StatusBanner";
import { IncidentCard } from "../incidents/IncidentCard";
import { PastDays } from "../incidents/PastDays";
import { Time } from "../status/Time";
import { SubscribeForm } from "./SubscribeForm";

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The components the banner names: shown on the page and not operational, in page order. */
function affectedComponents(layout: readonly LayoutItem[]): SnapComponent[] {
  return layout
    .flatMap((item) => (item.kind === "group" ? item.group.components : [item.component]))
    .filter((c) => c.status !== "operational" && isComponentVisible(c));
}

function componentsInIncidents(incidents: readonly SnapIncident[]): Set<string> {
  return new Set(incidents.flatMap((i) => i.componentIds));
}

export function StatusPage({
  snapshot: s,
  reportBase = "",
  rows,
}: {
  snapshot: Snapshot;
  reportBase?: string;
  rows?: RenderedRows;
}) {
  const tr = useT();
  const tz = s.page.timeZone;
  const { unresolved, pastDays } = s.incidents;
  const { active, upcoming } = s.maintenances;
  const open = [...unresolved, ...active];
  const componentsOf = (i: SnapIncident) => i.componentIds.flatMap((id) => s.componentsById.get(id) ?? []);
  const card = (i: SnapIncident) => (
    <IncidentCard key={i.id} incident={i} components={componentsOf(i)} timeZone={tz} now={s.builtAt} />
  );
  return (
    <>
      <StatusBanner status={s.status} affected={affectedComponents(s.layout)} incidents={open} />
      <p className="mt-2 text-end text-xs text-gray-600 dark:text-gray-400">
        <Rich
          id="page.updated"
          values={{ time: <Time at={s.page.updatedAt || s.builtAt} timeZone={tz} format="relative" /> }}
        />
      </p>
      {unresolved.length > 0 ? (
        <Section id="active-incidents" title={tr.t("page.activeIncidents")}>
          <div className="space-y-4">{unresolved.map(card)}</div>
        </Section>
      ) : null}
      {active.length > 0 ? (
        <Section id="maintenance" title={tr.t("page.maintenanceNow")}>
          <div className="space-y-4">{active.map(card)}</div>
        </Section>
      ) : null}
      <ComponentList
        layout={s.layout}
        reach={{ affected: s.affectedCounts, reportBase, inIncident: componentsInIncidents(unresolved) }}
        rows={rows}
      />
      {upcoming.length > 0 ? (
        <Section id={active.length ? "upcoming-maintenance" : "maintenance"} title={tr.t("page.maintenance")}>
          <div className="space-y-4">{upcoming.map(card)}</div>
        </Section>
      ) : null}
      <Section id="past-incidents" title={tr.t("page.pastIncidents")}>
        <div className="divide-y divide-gray-200 dark:divide-gray-800">
          <PastDays days={pastDays} timeZone={tz} />
        </div>
        <p className="mt-4">
          <a href={tr.href("/history")} className="text-blue-700 hover:underline dark:text-blue-300">
            {tr.t("page.historyLink")}
          </a>
        </p>
      </Section>
      <Section id="subscribe" title={tr.t("page.subscribe")}>
        <SubscribeForm components={s.components} emailEnabled={s.emailSubscriptions} />
        <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
          <Rich
            id="page.feeds"
            tags={{
              rss: (text) => (
                <a href={tr.href("/history.rss")} className="text-blue-700 underline dark:text-blue-300">
                  {text}
                </a>
              ),
              atom: (text) => (
                <a href={tr.href("/history.atom")} className="text-blue-700 underline dark:text-blue-300">
                  {text}
                </a>
              ),
            }}
          />
        </p>
      </Section>
    </>
  );
}
