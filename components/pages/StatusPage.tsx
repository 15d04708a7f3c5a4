import type { Snapshot } from "@/lib/snapshot-types";
import { Rich, useT } from "../i18n";
import { ComponentList } from "../status/ComponentList";
import type { RenderedRows } from "../status/rendered-rows";
import { StatusBanner } from "../status/StatusBanner";
import { IncidentCard } from "../incidents/IncidentCard";
import { IncidentSummaryList } from "../incidents/IncidentSummaryList";
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
  const maintenances = [...s.maintenances.active, ...s.maintenances.upcoming];
  return (
    <>
      <StatusBanner status={s.status} />
      <p className="mt-2 text-end text-xs text-gray-600 dark:text-gray-400">
        <Rich
          id="page.updated"
          values={{ time: <Time at={s.page.updatedAt || s.builtAt} timeZone={tz} format="relative" /> }}
        />
      </p>
      {unresolved.length > 0 ? (
        <Section id="active-incidents" title={tr.t("page.activeIncidents")}>
          <div className="space-y-4">
            {unresolved.map((i) => (
              <IncidentCard key={i.id} incident={i} timeZone={tz} />
            ))}
          </div>
        </Section>
      ) : null}
      {maintenances.length > 0 ? (
        <Section id="maintenance" title={tr.t("page.maintenance")}>
          <div className="space-y-4">
            {maintenances.map((m) => (
              <IncidentCard key={m.id} incident={m} timeZone={tz} />
            ))}
          </div>
        </Section>
      ) : null}
      <ComponentList layout={s.layout} reach={{ affected: s.affectedCounts, reportBase }} rows={rows} />
      <Section id="past-incidents" title={tr.t("page.pastIncidents")}>
        <div className="divide-y divide-gray-200 dark:divide-gray-800">
          {pastDays.map((day) => (
            <div key={day.date} className="py-4">
              <h3 className="mb-2 font-semibold">{tr.day(day.date)}</h3>
              {day.incidents.length ? (
                <IncidentSummaryList incidents={day.incidents} timeZone={tz} />
              ) : (
                <p className="text-sm text-gray-600 dark:text-gray-400">{tr.t("page.noIncidents")}</p>
              )}
            </div>
          ))}
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
