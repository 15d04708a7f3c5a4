import type { Impact } from "@/lib/constants";
import type { SnapIncident } from "@/lib/snapshot-types";
import { Time } from "../status/Time";
import { UpdateList } from "./UpdateList";

export const IMPACT_BORDER: Record<Impact, string> = {
  none: "border-l-gray-400 dark:border-l-gray-500",
  minor: "border-l-amber-400 dark:border-l-amber-400",
  major: "border-l-orange-600 dark:border-l-orange-500",
  critical: "border-l-red-600 dark:border-l-red-500",
  maintenance: "border-l-blue-600 dark:border-l-blue-500",
};

export const IMPACT_LABEL: Record<Impact, string> = {
  none: "No impact",
  minor: "Minor impact",
  major: "Major impact",
  critical: "Critical impact",
  maintenance: "Maintenance",
};

/** An open incident or a maintenance on the status page: title, schedule, every update. */
export function IncidentCard({ incident, timeZone }: { incident: SnapIncident; timeZone: string }) {
  const last = incident.updates[0];
  return (
    <article
      aria-labelledby={`incident-${incident.id}`}
      className={`rounded-lg border border-l-4 border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900 ${IMPACT_BORDER[incident.impact]}`}
    >
      <header className="mb-3">
        <h3 id={`incident-${incident.id}`} className="text-lg font-semibold break-words">
          <a href={`/incidents/${incident.id}`} className="hover:underline">
            {incident.name}
          </a>
        </h3>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          {IMPACT_LABEL[incident.impact]}
          {incident.kind === "maintenance" && incident.scheduledFor && incident.scheduledUntil ? (
            <>
              {" · "}Scheduled <Time at={incident.scheduledFor} timeZone={timeZone} /> –{" "}
              <Time at={incident.scheduledUntil} timeZone={timeZone} />
            </>
          ) : null}
          {last ? (
            <>
              {" · "}Last updated <Time at={last.displayAt} timeZone={timeZone} format="relative" />
            </>
          ) : null}
          {incident.nextUpdateAt ? (
            <>
              {" · "}
              <span data-next-update>
                Next update by <Time at={incident.nextUpdateAt} timeZone={timeZone} />
              </span>
            </>
          ) : null}
        </p>
      </header>
      <UpdateList updates={incident.updates} timeZone={timeZone} />
    </article>
  );
}
