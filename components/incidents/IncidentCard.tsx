import { TONE_BORDER } from "@/lib/palette";
import type { SnapComponent, SnapIncident } from "@/lib/snapshot-types";
import { Rich, useT } from "../i18n";
import { Chevron } from "../ui/Chevron";
import { Time, TimeRange } from "../status/Time";
import { AffectedComponents, incidentTone, NextUpdate, StageLabel } from "./IncidentParts";
import { UpdateList } from "./UpdateList";

/**
 * An open incident or a maintenance on the status page, in the order a worried reader asks:
 * the stage and title, what is affected now, when the next word comes, the latest update; the
 * earlier updates folded (they open without JavaScript).
 */
export function IncidentCard({
  incident,
  components,
  timeZone,
  now,
}: {
  incident: SnapIncident;
  /** The incident's components as they are now. */
  components: readonly SnapComponent[];
  timeZone: string;
  /** When the page was built: decides whether a promised update is overdue. */
  now: number;
}) {
  const tr = useT();
  const [latest, ...earlier] = incident.updates;
  const window =
    incident.kind === "maintenance" && incident.scheduledFor && incident.scheduledUntil
      ? { from: incident.scheduledFor, to: incident.scheduledUntil }
      : null;
  return (
    <article
      aria-labelledby={`incident-${incident.id}`}
      data-incident={incident.id}
      className={`space-y-3 rounded-lg border border-s-4 border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900 ${TONE_BORDER[incidentTone(incident)]}`}
    >
      <header className="space-y-1.5">
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <StageLabel incident={incident} />
          <span className="text-sm text-gray-600 dark:text-gray-400">{tr.t(`impact.${incident.impact}`)}</span>
        </p>
        <h3 id={`incident-${incident.id}`} className="text-lg leading-snug font-semibold break-words">
          <a href={tr.href(`/incidents/${incident.id}`)} className="hover:underline" dir="auto">
            {incident.name}
          </a>
        </h3>
        {window ? (
          <p className="text-sm">
            <Rich
              id="incident.scheduledWindow"
              values={{ window: <TimeRange from={window.from} to={window.to} timeZone={timeZone} /> }}
            />
          </p>
        ) : null}
      </header>
      <AffectedComponents components={components} />
      <NextUpdate incident={incident} now={now} timeZone={timeZone} />
      {latest ? (
        <div data-update-seq={latest.seq} data-latest-update="">
          {/* Rendered from markdown with raw HTML escaped (lib/markdown.ts). */}
          <div className="prose-update break-words" dir="auto" dangerouslySetInnerHTML={{ __html: latest.bodyHtml }} />
          <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
            {tr.t(`update.${latest.status}`)}
            {" · "}
            <Time at={latest.displayAt} timeZone={timeZone} />
            {latest.editedAt ? (
              <>
                {" · "}
                <span data-edited>
                  <Rich id="incident.edited" values={{ time: <Time at={latest.editedAt} timeZone={timeZone} /> }} />
                </span>
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      {earlier.length ? (
        <details id={`earlier-${incident.id}`} className="group/d border-t border-gray-100 pt-2 dark:border-gray-800">
          <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1.5 text-sm font-medium text-blue-700 dark:text-blue-300">
            <Chevron />
            {tr.t("incident.earlier", { count: earlier.length })}
          </summary>
          <div className="mt-2">
            <UpdateList updates={earlier} timeZone={timeZone} />
          </div>
        </details>
      ) : null}
    </article>
  );
}
