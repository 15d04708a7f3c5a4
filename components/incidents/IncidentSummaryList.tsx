import type { SnapIncident } from "@/lib/snapshot-types";
import { markdownToLine } from "@/lib/markdown";
import { useT } from "../i18n";
import { Time } from "../status/Time";

/** A compact list of past incidents: title, final word, when. */
export function IncidentSummaryList({ incidents, timeZone }: { incidents: SnapIncident[]; timeZone: string }) {
  const tr = useT();
  return (
    <ul className="space-y-3">
      {incidents.map((i) => {
        const last = i.updates[0];
        return (
          <li key={i.id}>
            <a
              href={tr.href(`/incidents/${i.id}`)}
              className="font-medium text-blue-700 hover:underline dark:text-blue-300"
              dir="auto"
            >
              {i.name}
            </a>
            {last ? (
              <p className="text-sm">
                <span className="font-semibold">{tr.t(`update.${last.status}`)}</span>
                {" – "}
                <span dir="auto">{markdownToLine(last.body)}</span>
              </p>
            ) : null}
            <p className="text-xs text-gray-600 dark:text-gray-400">
              <Time at={i.startedAt} timeZone={timeZone} />
              {i.backfilled ? ` · ${tr.t("incident.postedLater")}` : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
