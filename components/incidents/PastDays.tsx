import { collapseQuietDays, type PastDay } from "@/lib/past-days";
import type { SnapIncident } from "@/lib/snapshot-types";
import { useT } from "../i18n";
import { IncidentSummaryList } from "./IncidentSummaryList";

/**
 * Past days, newest first, as rows of a list the caller draws (the status page's "Past incidents",
 * a month of history): a day with incidents under its date; consecutive days without any as one
 * line ("No incidents Nov 18 – 30") instead of a row each.
 */
export function PastDays({
  days,
  timeZone,
  level = 3,
}: {
  days: readonly PastDay<SnapIncident>[];
  timeZone: string;
  /** The days' heading level under the section's own heading. */
  level?: 3 | 4;
}) {
  const tr = useT();
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <>
      {collapseQuietDays(days).map((row) =>
        row.kind === "day" ? (
          <div key={row.date} className="py-4" data-day={row.date}>
            <Heading className="mb-2 font-semibold">{tr.day(row.date)}</Heading>
            <IncidentSummaryList incidents={row.incidents} timeZone={timeZone} />
          </div>
        ) : (
          <p
            key={row.to}
            className="py-3 text-sm text-gray-600 dark:text-gray-400"
            data-quiet-days={row.days}
            data-from={row.from}
            data-to={row.to}
          >
            {tr.t("history.quiet", { days: row.days, range: tr.dayRange(row.from, row.to) })}
          </p>
        ),
      )}
    </>
  );
}
