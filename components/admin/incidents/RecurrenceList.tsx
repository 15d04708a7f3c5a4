import { stopRecurrenceAction } from "@/app/(admin)/admin/maintenance/actions";
import type { RecurrenceRow } from "@/lib/views/rows";
import { describeRule } from "@/lib/recurrence";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { staffT } from "@/lib/i18n/staff";

export function RecurrenceList({
  recurrences,
  componentNames,
}: {
  recurrences: RecurrenceRow[];
  componentNames: Map<string, string>;
}) {
  if (!recurrences.length)
    return <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.maintenance.noRecurring")}</p>;
  return (
    <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
      {recurrences.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 p-3 sm:p-4">
          <div>
            <p className="font-medium">{r.title}</p>
            <p className="text-xs text-gray-700 dark:text-gray-300">
              {describeRule(r)}
              {r.componentIds.length
                ? ` · ${r.componentIds.map((id) => componentNames.get(id) ?? staffT("staff.maintenance.removedComponent")).join(", ")}`
                : null}
              {r.active ? null : ` · ${staffT("staff.maintenance.stopped")}`}
            </p>
          </div>
          {r.active ? (
            <ConfirmButton
              label={staffT("staff.maintenance.stop")}
              ariaLabel={staffT("staff.maintenance.stopLabel", { title: r.title })}
              title={staffT("staff.maintenance.stopConfirm", { title: r.title })}
              confirmLabel={staffT("staff.maintenance.stopSchedule")}
              action={stopRecurrenceAction}
              fields={{ id: r.id }}
            >
              <p>{staffT("staff.maintenance.stopBody")}</p>
            </ConfirmButton>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
