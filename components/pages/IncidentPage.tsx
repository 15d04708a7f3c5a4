import type { SnapIncident, Snapshot } from "@/lib/snapshot-types";
import { renderMarkdown } from "@/lib/markdown";
import { Rich, useT } from "../i18n";
import { IMPACT_BORDER } from "../incidents/IncidentCard";
import { UpdateList } from "../incidents/UpdateList";
import { Time } from "../status/Time";

export function IncidentPage({ incident: i, snapshot: s }: { incident: SnapIncident; snapshot: Snapshot }) {
  const tr = useT();
  const tz = s.page.timeZone;
  const components = i.componentIds.flatMap((id) => s.componentsById.get(id) ?? []);
  const closedAt = i.resolvedAt;
  return (
    <article
      aria-labelledby="incident-title"
      className={`rounded-lg border border-s-4 border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900 ${IMPACT_BORDER[i.impact]}`}
    >
      <header className="mb-6">
        <p className="text-sm font-medium text-gray-600 dark:text-gray-400">
          {tr.t(i.kind === "maintenance" ? "incident.kindMaintenance" : "incident.kindIncident")}
          {" · "}
          {tr.t(`impact.${i.impact}`)}
          {" · "}
          <span data-incident-status={i.status}>{tr.t(`update.${i.status}`)}</span>
        </p>
        <h2 id="incident-title" className="mt-1 text-2xl font-bold" dir="auto">
          {i.name}
        </h2>
        <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {i.kind === "maintenance" && i.scheduledFor && i.scheduledUntil ? (
            <>
              <dt className="font-semibold">{tr.t("incident.window")}</dt>
              <dd>
                <Time at={i.scheduledFor} timeZone={tz} />
                {" – "}
                <Time at={i.scheduledUntil} timeZone={tz} />
              </dd>
            </>
          ) : (
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
          {i.nextUpdateAt && !closedAt ? (
            <>
              <dt className="font-semibold">{tr.t("incident.nextUpdateBy")}</dt>
              <dd data-next-update>
                <Time at={i.nextUpdateAt} timeZone={tz} />
              </dd>
            </>
          ) : null}
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
          {components.length ? (
            <>
              <dt className="font-semibold">{tr.t("incident.affects")}</dt>
              <dd>
                {tr.list(
                  components.map((c) =>
                    tr.t("incident.affectsItem", { name: c.name, status: tr.t(`component.${c.status}`) }),
                  ),
                )}
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
  );
}
