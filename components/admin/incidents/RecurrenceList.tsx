import { stopRecurrenceAction } from "@/app/(admin)/admin/maintenance/actions";
import type { RecurrenceRow } from "@/lib/views/rows";
import { describeRule } from "@/lib/recurrence";
import { ConfirmButton } from "@/components/ui/ConfirmButton";

export function RecurrenceList({
  recurrences,
  componentNames,
}: {
  recurrences: RecurrenceRow[];
  componentNames: Map<string, string>;
}) {
  if (!recurrences.length) return <p className="text-sm text-gray-600 dark:text-gray-400">No recurring maintenance.</p>;
  return (
    <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
      {recurrences.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 p-3 sm:p-4">
          <div>
            <p className="font-medium">{r.title}</p>
            <p className="text-xs text-gray-700 dark:text-gray-300">
              {describeRule(r)}
              {r.componentIds.length
                ? ` · ${r.componentIds.map((id) => componentNames.get(id) ?? "removed component").join(", ")}`
                : null}
              {r.active ? null : " · stopped"}
            </p>
          </div>
          {r.active ? (
            <ConfirmButton
              label="Stop"
              ariaLabel={`Stop “${r.title}”`}
              title={`Stop “${r.title}”?`}
              confirmLabel="Stop schedule"
              action={stopRecurrenceAction}
              fields={{ id: r.id }}
            >
              <p>No new occurrences are created. Ones already listed stay; end or delete each if needed.</p>
            </ConfirmButton>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
