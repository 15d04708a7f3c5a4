import type { SnapIncident, Snapshot } from "@/lib/snapshot-types";
import { renderMarkdown } from "@/lib/markdown";
import { Rich, useT } from "../i18n";
import { TONE_BORDER } from "@/lib/palette";
import { AffectedComponents, incidentTone, NextUpdate, StageLabel } from "../incidents/IncidentParts";
import { UpdateList } from "../incidents/UpdateList";
import { Time, TimeRange } from "../status/Time";
import { buttonClass } from "../ui/Button";

const LINK = "text-blue-700 underline underline-offset-2 dark:text-blue-300";

export function IncidentPage({ incident: i, snapshot: s }: { incident: SnapIncident; snapshot: Snapshot }) {
  const tr = useT();
  const tz = s.page.timeZone;
  const components = i.componentIds.flatMap((id) => s.componentsById.get(id) ?? []);
  const closedAt = i.resolvedAt;
  const now = s.builtAt;
  const window = i.kind === "maintenance" && i.scheduledFor && i.scheduledUntil ? i : null;
  return (
    <>
      <p className="mb-3 text-sm">
        <a
          href={tr.href("/")}
          className="inline-flex min-h-11 items-center gap-1 font-medium text-blue-700 hover:underline dark:text-blue-300"
          data-current-status=""
        >
          <svg viewBox="0 0 20 20" aria-hidden="true" className="h-4 w-4 rtl:-scale-x-100">
            <path d="M12.5 5l-5 5 5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          {tr.t("incident.currentStatus")}
        </a>
      </p>
      <article
        aria-labelledby="incident-title"
        className={`rounded-lg border border-s-4 border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900 ${TONE_BORDER[incidentTone(i)]}`}
      >
        <header className="mb-6 space-y-3">
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-gray-600 dark:text-gray-400">
            <StageLabel incident={i} />
            <span>{tr.t(`impact.${i.impact}`)}</span>
            <span>{tr.t(i.kind === "maintenance" ? "incident.kindMaintenance" : "incident.kindIncident")}</span>
          </p>
          <h2 id="incident-title" className="text-2xl font-bold break-words" dir="auto">
            {i.name}
          </h2>
          <p className="text-sm font-medium" data-duration="">
            {window ? (
              <Rich
                id="incident.scheduledWindow"
                values={{ window: <TimeRange from={window.scheduledFor!} to={window.scheduledUntil!} timeZone={tz} /> }}
              />
            ) : closedAt ? (
              tr.t("incident.lasted", { duration: tr.duration(closedAt - i.startedAt) })
            ) : (
              tr.t("incident.ongoingFor", { duration: tr.duration(Math.max(0, now - i.startedAt)) })
            )}
          </p>
          <AffectedComponents components={components} />
          <NextUpdate incident={i} now={now} timeZone={tz} />
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            <a
              href={`${tr.href("/subscribe")}?incident=${i.id}`}
              className={buttonClass("secondary")}
              data-subscribe-incident=""
            >
              {tr.t("incident.subscribe")}
            </a>
            <span className="text-gray-600 dark:text-gray-400">
              <Rich
                id="incident.feed"
                tags={{
                  rss: (text) => (
                    <a href={tr.href(`/incidents/${i.id}.rss`)} className={LINK}>
                      {text}
                    </a>
                  ),
                  atom: (text) => (
                    <a href={tr.href(`/incidents/${i.id}.atom`)} className={LINK}>
                      {text}
                    </a>
                  ),
                }}
              />
            </span>
          </div>
          <dl className="grid gap-x-4 gap-y-1 border-t border-gray-100 pt-3 text-sm sm:grid-cols-[auto_1fr] dark:border-gray-800">
            {window ? null : (
              <>
                <dt className="font-semibold">{tr.t("incident.started")}</dt>
                <dd>
                  {i.backfilled ? (
                    <Rich id="incident.startedLater" values={{ time: <Time at={i.startedAt} timeZone={tz} /> }} />
                  ) : (
                    <Time at={i.startedAt} timeZone={tz} />
                  )}
                </dd>
              </>
            )}
            {closedAt ? (
              <>
                <dt className="font-semibold">
                  {tr.t(i.kind === "maintenance" ? "incident.completed" : "incident.resolved")}
                </dt>
                <dd>
                  <Rich
                    id="incident.closedAfter"
                    values={{
                      time: <Time at={closedAt} timeZone={tz} />,
                      duration: tr.duration(closedAt - i.startedAt),
                    }}
                  />
                </dd>
              </>
            ) : null}
          </dl>
        </header>
        {i.postmortemPublishedAt && i.postmortemBody ? (
          <section aria-labelledby="postmortem" className="mb-6 rounded-md bg-gray-50 p-4 dark:bg-gray-800">
            <h3 id="postmortem" className="mb-2 font-semibold">
              {tr.t("incident.postmortem")}
            </h3>
            <div
              className="prose-update"
              dir="auto"
              dangerouslySetInnerHTML={{ __html: renderMarkdown(i.postmortemBody) }}
            />
          </section>
        ) : null}
        <h3 className="mb-3 font-semibold">{tr.t("incident.updates")}</h3>
        <UpdateList updates={i.updates} timeZone={tz} />
      </article>
    </>
  );
}
