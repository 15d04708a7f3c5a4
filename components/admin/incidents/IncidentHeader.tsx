// The top of an incident's editor: what it is, where it stands, and whether an update is overdue.
import Link from "next/link";
import type { IncidentRow } from "@/lib/views/rows";
import { isOverdue } from "@/lib/cadence";
import { IMPACT_LABEL, UPDATE_STATUS_LABELS } from "@/lib/constants";
import { formatDateTime, formatRange } from "@/lib/time";
import { staffT } from "@/lib/i18n/staff";

type Props = { incident: IncidentRow; timeZone: string; justPublished: boolean; justResolved?: boolean; now: number };

export function IncidentHeader({ incident: i, timeZone, justPublished, justResolved = false, now }: Props) {
  const overdue = isOverdue(i, now);
  return (
    <header className="space-y-3">
      <p className="text-sm text-gray-600 dark:text-gray-400">
        <Link href="/admin/incidents" className="underline-offset-2 hover:underline">
          {staffT("staff.incidents.breadcrumb")}
        </Link>{" "}
        ›{" "}
        {i.kind === "maintenance"
          ? staffT("staff.incidents.kindScheduledMaintenance")
          : staffT("staff.incidents.kindIncident")}
      </p>
      <h1 className="text-2xl font-bold">{i.name}</h1>
      <p className="text-sm">
        <span className="font-semibold" data-testid="incident-status">
          {UPDATE_STATUS_LABELS[i.status]}
        </span>
        {" · "}
        {IMPACT_LABEL[i.impact]}
        {i.kind === "maintenance" && i.scheduledFor && i.scheduledUntil
          ? ` · ${formatRange(i.scheduledFor, i.scheduledUntil, timeZone)}`
          : ` · ${staffT("staff.incidents.started", { time: formatDateTime(i.startedAt, timeZone) })}`}
        {i.backfilled ? ` · ${staffT("staff.incidents.postedLater")}` : null}
        {" · "}
        <a href={`/incidents/${i.id}`} className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
          {staffT("staff.incidents.publicPage")}
        </a>
      </p>
      {justPublished || justResolved ? (
        <p
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
        >
          {justResolved ? staffT("staff.incidents.justResolved") : staffT("staff.incidents.justPublished")}
        </p>
      ) : null}
      {i.nextUpdateAt ? (
        <p
          role={overdue ? "alert" : undefined}
          className={`rounded-md border px-3 py-2 text-sm ${overdue ? "border-red-300 bg-red-50 font-medium text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100" : "border-gray-200 dark:border-gray-800"}`}
        >
          {overdue
            ? staffT("staff.incidents.overdue", { time: formatDateTime(i.nextUpdateAt, timeZone) })
            : staffT("staff.incidents.nextUpdatePromised", { time: formatDateTime(i.nextUpdateAt, timeZone) })}
        </p>
      ) : null}
    </header>
  );
}
