import { IMPACT_TONE, TONE_BORDER } from "@/lib/palette";
import type { SnapIncident } from "@/lib/snapshot-types";
import { markdownToLine } from "@/lib/markdown";
import { Rich, useT } from "../i18n";
import { Time, TimeRange } from "../status/Time";
import { ImpactMark, impactOf } from "./ImpactMark";

/** When it ended: resolved, or a maintenance completed; null while it is open. */
const endOf = (i: SnapIncident) => i.resolvedAt;

/**
 * A compact list of past incidents: title; its impact (colour, icon and words), how long it
 * lasted and its window in the page's zone (the date once when it is within one day); its last word.
 */
export function IncidentSummaryList({ incidents, timeZone }: { incidents: SnapIncident[]; timeZone: string }) {
  const tr = useT();
  return (
    <ul className="space-y-4">
      {incidents.map((i) => {
        const last = i.updates[0];
        const end = endOf(i);
        return (
          <li key={i.id} className={`border-s-4 ps-3 ${TONE_BORDER[IMPACT_TONE[impactOf(i)]]}`} data-incident={i.id}>
            <a
              href={tr.href(`/incidents/${i.id}`)}
              className="font-medium break-words text-blue-700 hover:underline dark:text-blue-300"
              dir="auto"
            >
              {i.name}
            </a>
            <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm text-gray-700 dark:text-gray-300">
              <ImpactMark incident={i} />
              <span aria-hidden="true">·</span>
              <span data-duration="">
                {end === null
                  ? tr.t("history.ongoing")
                  : tr.t("history.lasted", { duration: tr.duration(end - i.startedAt) })}
              </span>
              {/* The window: on a phone a line of its own, so no line ends in a separator. */}
              <span aria-hidden="true" className="hidden sm:inline">
                ·
              </span>
              <span className="w-full sm:w-auto">
                {end === null ? (
                  <Rich id="history.since" values={{ time: <Time at={i.startedAt} timeZone={timeZone} /> }} />
                ) : (
                  <TimeRange from={i.startedAt} to={end} timeZone={timeZone} />
                )}
                {/* Kept with its separator, so a wrapped line never ends in one. */}
                {i.backfilled ? (
                  <>
                    {" "}
                    <span className="whitespace-nowrap">
                      {"· "}
                      {tr.t("incident.postedLater")}
                    </span>
                  </>
                ) : null}
              </span>
            </p>
            {last ? (
              <p className="mt-0.5 text-sm text-gray-600 dark:text-gray-400">
                <span className="font-semibold text-gray-800 dark:text-gray-200">{tr.t(`update.${last.status}`)}</span>
                {" – "}
                <span dir="auto">{markdownToLine(last.body)}</span>
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
