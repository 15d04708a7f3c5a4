// A source's alerts that fire now: those a rule mapped (with what they do), and those no rule
// maps, each with its labels and "Map…", which opens the rule form with a rule suggested for it.
import Link from "next/link";
import { COMPONENT_STATUS_LABELS } from "@/lib/constants";
import { staffT } from "@/lib/i18n/staff";
import { agoText, type AlertSourcePageView } from "@/lib/views/alert-sources";

const LINK = "text-blue-700 underline underline-offset-2 dark:text-blue-300";
const LIST = "divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800";
const MUTED = "text-xs text-gray-600 dark:text-gray-400";

type Alert = AlertSourcePageView["firing"][number];

function since(a: Pick<Alert, "firingSince" | "receivedAt">, now: number) {
  return staffT("staff.alerts.firingSince", { ago: agoText(a.firingSince ?? a.receivedAt, now) });
}

function ViewAlert({ url, summary }: { url: string | null; summary: string }) {
  if (!url) return null;
  return (
    <a href={url} className={`${LINK} text-sm`} rel="noreferrer" target="_blank">
      {staffT("staff.alerts.viewAlert")}
      <span className="sr-only">{`: ${summary}`}</span>
    </a>
  );
}

/** What a mapped alert does: muted, waiting out its time, or setting the status. */
function effect(a: Alert): string {
  if (a.muted) return staffT("staff.alerts.muted");
  if (!a.setsStatus) return staffT("staff.alerts.draftOnly");
  return a.confirmedAt === null
    ? staffT("staff.alerts.setsAfter", { seconds: a.forSeconds })
    : staffT("staff.alerts.setsNow");
}

export function FiringAlerts({ alerts, now }: { alerts: AlertSourcePageView["firing"]; now: number }) {
  return (
    <section aria-labelledby="firing-now" className="space-y-2">
      <h2 id="firing-now" className="font-semibold">
        {staffT("staff.alerts.firingNow", { count: alerts.length })}
      </h2>
      {alerts.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.alerts.noneFiring")}</p>
      ) : (
        <ul className={LIST} aria-labelledby="firing-now">
          {alerts.map((a) => (
            <li key={a.id} className="space-y-1 p-3" data-alert={a.fingerprint}>
              <p className="font-medium break-words">{a.summary}</p>
              <p className="text-sm">
                {`${a.componentName ?? staffT("staff.alerts.deletedComponent")}: ${a.status ? COMPONENT_STATUS_LABELS[a.status] : ""}`}
                {` · ${effect(a)}`}
              </p>
              <p className={MUTED}>
                {since(a, now)} <ViewAlert url={a.url} summary={a.summary} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function UnmappedAlerts({
  alerts,
  mapHref,
  now,
}: {
  alerts: AlertSourcePageView["unmapped"];
  mapHref: (alertId: string) => string;
  now: number;
}) {
  return (
    <section id="unmapped" aria-labelledby="unmapped-heading" className="scroll-mt-4 space-y-2">
      <h2 id="unmapped-heading" className="font-semibold">
        {staffT("staff.alerts.unmappedHeading", { count: alerts.length })}
      </h2>
      {alerts.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.alerts.noneUnmapped")}</p>
      ) : (
        <>
          <p className="max-w-prose text-sm text-gray-600 dark:text-gray-400">{staffT("staff.alerts.unmappedHint")}</p>
          <ul className={LIST} aria-labelledby="unmapped-heading">
            {alerts.map((a) => (
              <li key={a.id} className="space-y-2 p-3" data-unmapped={a.fingerprint}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <p className="font-medium break-words">{a.summary}</p>
                  <Link
                    href={mapHref(a.id)}
                    className="shrink-0 rounded-md border border-gray-300 px-3 py-1.5 text-sm font-medium text-blue-800 hover:bg-gray-100 dark:border-gray-700 dark:text-blue-200 dark:hover:bg-gray-800"
                    aria-label={staffT("staff.alerts.mapLabel", { summary: a.summary })}
                  >
                    {staffT("staff.alerts.map")}
                  </Link>
                </div>
                <ul className="flex flex-wrap gap-1" aria-label={staffT("staff.alerts.labels")}>
                  {Object.entries(a.labels).map(([name, value]) => (
                    <li key={name}>
                      <code className="rounded bg-gray-100 px-1.5 py-0.5 text-xs break-all dark:bg-gray-800">
                        {`${name}="${value}"`}
                      </code>
                    </li>
                  ))}
                </ul>
                <p className={MUTED}>
                  {since(a, now)} <ViewAlert url={a.url} summary={a.summary} />
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
