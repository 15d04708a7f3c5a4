import type { Impact } from "@/lib/constants";
import type { SnapIncident } from "@/lib/snapshot-types";
import { Rich, useT } from "../i18n";
import { Time } from "../status/Time";
import { UpdateList } from "./UpdateList";

export const IMPACT_BORDER: Record<Impact, string> = {
  none: "border-s-gray-400 dark:border-s-gray-500",
  minor: "border-s-amber-400 dark:border-s-amber-400",
  major: "border-s-orange-600 dark:border-s-orange-500",
  critical: "border-s-red-600 dark:border-s-red-500",
  maintenance: "border-s-blue-600 dark:border-s-blue-500",
};

/** An open incident or a maintenance on the status page: title, schedule, every update. */
export function IncidentCard({ incident, timeZone }: { incident: SnapIncident; timeZone: string }) {
  const tr = useT();
  const last = incident.updates[0];
  return (
    <article
      aria-labelledby={`incident-${incident.id}`}
      className={`rounded-lg border border-s-4 border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900 ${IMPACT_BORDER[incident.impact]}`}
    >
      <header className="mb-3">
        <h3 id={`incident-${incident.id}`} className="text-lg font-semibold break-words">
          <a href={tr.href(`/incidents/${incident.id}`)} className="hover:underline" dir="auto">
            {incident.name}
          </a>
        </h3>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          {tr.t(`impact.${incident.impact}`)}
          {incident.kind === "maintenance" && incident.scheduledFor && incident.scheduledUntil ? (
            <>
              {" · "}
              <Rich
                id="incident.scheduled"
                values={{
                  from: <Time at={incident.scheduledFor} timeZone={timeZone} />,
                  to: <Time at={incident.scheduledUntil} timeZone={timeZone} />,
                }}
              />
            </>
          ) : null}
          {last ? (
            <>
              {" · "}
              <Rich
                id="incident.lastUpdated"
                values={{ time: <Time at={last.displayAt} timeZone={timeZone} format="relative" /> }}
              />
            </>
          ) : null}
          {incident.nextUpdateAt ? (
            <>
              {" · "}
              <span data-next-update>
                <Rich
                  id="incident.nextUpdate"
                  values={{ time: <Time at={incident.nextUpdateAt} timeZone={timeZone} /> }}
                />
              </span>
            </>
          ) : null}
        </p>
      </header>
      <UpdateList updates={incident.updates} timeZone={timeZone} />
    </article>
  );
}
