// Incidents and maintenances as a compact list for the staff area: an open incident counts down
// to its promised update, and an overdue one says so in words, loud.
import Link from "next/link";
import type { IncidentRow } from "@/lib/views/rows";
import { isOverdue } from "@/lib/cadence";
import { IMPACT_LABEL, UPDATE_STATUS_LABELS } from "@/lib/constants";
import { formatDateTime } from "@/lib/time";
import { staffT } from "@/lib/i18n/staff";
import { Countdown } from "../Countdown";

type Props = { incidents: IncidentRow[]; timeZone: string; now: number; empty: string; label: string };

function when(i: IncidentRow, timeZone: string): string {
  if (i.kind === "maintenance" && i.scheduledFor)
    return staffT("staff.incidents.window", { time: formatDateTime(i.scheduledFor, timeZone) });
  return staffT("staff.incidents.started", { time: formatDateTime(i.startedAt, timeZone) });
}

export function IncidentList({ incidents, timeZone, now, empty, label }: Props) {
  if (!incidents.length) return <p className="text-sm text-gray-600 dark:text-gray-400">{empty}</p>;
  return (
    <ul
      aria-label={label}
      className="divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800"
    >
      {incidents.map((i) => {
        const overdue = isOverdue(i, now);
        return (
          <li
            key={i.id}
            className={`p-3 sm:p-4 ${overdue ? "border-s-4 border-s-red-700 bg-red-50 dark:border-s-red-500 dark:bg-red-950/40" : ""}`}
            data-overdue={overdue ? "true" : undefined}
          >
            <Link
              href={`/admin/incidents/${i.id}`}
              className="font-medium text-blue-800 underline-offset-2 hover:underline dark:text-blue-200"
            >
              {i.name}
            </Link>
            <p className="text-xs text-gray-700 dark:text-gray-300">
              <span className="font-semibold">{UPDATE_STATUS_LABELS[i.status]}</span> · {IMPACT_LABEL[i.impact]} ·{" "}
              {when(i, timeZone)}
              {i.nextUpdateAt ? (
                <>
                  {" · "}
                  <Countdown until={i.nextUpdateAt} now={now} time={formatDateTime(i.nextUpdateAt, timeZone)} />
                </>
              ) : null}
              {i.postmortemBody && !i.postmortemPublishedAt ? ` · ${staffT("staff.incidents.postmortemDraft")}` : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
