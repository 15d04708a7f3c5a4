import { COMPONENT_STATUS_LABELS, UPDATE_STATUS_LABELS } from "@/lib/constants";
import type { SnapIncident, Snapshot } from "@/lib/snapshot-types";
import { formatDuration } from "@/lib/time";
import { renderMarkdown } from "@/lib/markdown";
import { IMPACT_BORDER, IMPACT_LABEL } from "../incidents/IncidentCard";
import { UpdateList } from "../incidents/UpdateList";
import { Time } from "../status/Time";

export function IncidentPage({ incident: i, snapshot: s }: { incident: SnapIncident; snapshot: Snapshot }) {
  const tz = s.page.timeZone;
  const components = i.componentIds.flatMap((id) => s.componentsById.get(id) ?? []);
  const closedAt = i.resolvedAt;
  return (
    <article
      aria-labelledby="incident-title"
      className={`rounded-lg border border-l-4 border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900 ${IMPACT_BORDER[i.impact]}`}
    >
      <header className="mb-6">
        <p className="text-sm font-medium text-gray-600 dark:text-gray-400">
          {i.kind === "maintenance" ? "Scheduled maintenance" : "Incident"} · {IMPACT_LABEL[i.impact]} ·{" "}
          <span data-incident-status={i.status}>{UPDATE_STATUS_LABELS[i.status]}</span>
        </p>
        <h2 id="incident-title" className="mt-1 text-2xl font-bold">
          {i.name}
        </h2>
        <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {i.kind === "maintenance" && i.scheduledFor && i.scheduledUntil ? (
            <>
              <dt className="font-semibold">Window</dt>
              <dd>
                <Time at={i.scheduledFor} timeZone={tz} /> – <Time at={i.scheduledUntil} timeZone={tz} />
              </dd>
            </>
          ) : (
            <>
              <dt className="font-semibold">Started</dt>
              <dd>
                <Time at={i.startedAt} timeZone={tz} />
                {i.backfilled ? " (posted later)" : null}
              </dd>
            </>
          )}
          {i.nextUpdateAt && !closedAt ? (
            <>
              <dt className="font-semibold">Next update by</dt>
              <dd data-next-update>
                <Time at={i.nextUpdateAt} timeZone={tz} />
              </dd>
            </>
          ) : null}
          {closedAt ? (
            <>
              <dt className="font-semibold">{i.kind === "maintenance" ? "Completed" : "Resolved"}</dt>
              <dd>
                <Time at={closedAt} timeZone={tz} /> (after {formatDuration(closedAt - i.startedAt)})
              </dd>
            </>
          ) : null}
          {components.length ? (
            <>
              <dt className="font-semibold">Affects</dt>
              <dd>
                {components.map((c) => `${c.name} (${COMPONENT_STATUS_LABELS[c.status].toLowerCase()} now)`).join(", ")}
              </dd>
            </>
          ) : null}
        </dl>
      </header>
      {i.postmortemPublishedAt && i.postmortemBody ? (
        <section aria-labelledby="postmortem" className="mb-6 rounded-md bg-gray-50 p-4 dark:bg-gray-800">
          <h3 id="postmortem" className="mb-2 font-semibold">
            Postmortem
          </h3>
          <div className="prose-update" dangerouslySetInnerHTML={{ __html: renderMarkdown(i.postmortemBody) }} />
        </section>
      ) : null}
      <h3 className="mb-3 font-semibold">Updates</h3>
      <UpdateList updates={i.updates} timeZone={tz} />
    </article>
  );
}
