"use client";
// A new incident's less-used choices, folded under the message and components: the impact (else
// derived from the component statuses), the update promise, and recording a past incident.
import { Chevron } from "@/components/ui/Chevron";
import { Checkbox, Select, TextField } from "@/components/ui/Field";
import { staffT } from "@/lib/i18n/staff";

const IMPACT_OPTIONS = [
  { value: "", label: staffT("staff.incidents.impactFromComponents") },
  { value: "none", label: staffT("staff.incidents.impactNone") },
  { value: "minor", label: staffT("staff.incidents.impactMinor") },
  { value: "major", label: staffT("staff.incidents.impactMajor") },
  { value: "critical", label: staffT("staff.incidents.impactCritical") },
];
const FIELDS = ["impact", "updateCadenceMinutes", "startedAt", "resolvedAt"];

type Props = {
  values: Record<string, string | undefined>;
  errors: Record<string, string[]>;
  timeZone: string;
  defaultCadence: number;
  backfill: boolean;
  onBackfill: (on: boolean) => void;
};

export function IncidentOptions({ values: v, errors, timeZone, defaultCadence, backfill, onBackfill }: Props) {
  // Open when something in it is set or refused, so nothing chosen is out of sight.
  const open = backfill || FIELDS.some((k) => errors[k] || v[k]);
  return (
    <details open={open} className="group/d rounded-md border border-gray-200 dark:border-gray-800">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1.5 px-3 text-sm font-medium [&::-webkit-details-marker]:hidden">
        <Chevron />
        {staffT("staff.incidents.moreOptions")}
      </summary>
      <div className="space-y-4 px-3 pb-3">
        <div className="grid gap-4 sm:grid-cols-2">
          <Select
            label={staffT("staff.common.impact")}
            name="impact"
            options={IMPACT_OPTIONS}
            defaultValue={v.impact ?? ""}
            error={errors.impact}
          />
          {backfill ? null : (
            <TextField
              label={staffT("staff.incidents.cadence")}
              name="updateCadenceMinutes"
              type="number"
              min={5}
              max={1440}
              inputMode="numeric"
              defaultValue={v.updateCadenceMinutes}
              placeholder={String(defaultCadence)}
              error={errors.updateCadenceMinutes}
            />
          )}
        </div>
        <Checkbox
          label={staffT("staff.incidents.backfill")}
          name="backfill"
          checked={backfill}
          onChange={(e) => onBackfill(e.target.checked)}
          hint={staffT("staff.incidents.backfillHint")}
        />
        {backfill ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label={staffT("staff.incidents.startedAt", { zone: timeZone })}
              name="startedAt"
              type="datetime-local"
              required
              defaultValue={v.startedAt}
              error={errors.startedAt}
            />
            <TextField
              label={staffT("staff.incidents.resolvedAt", { zone: timeZone })}
              name="resolvedAt"
              type="datetime-local"
              required
              defaultValue={v.resolvedAt}
              error={errors.resolvedAt}
            />
          </div>
        ) : null}
      </div>
    </details>
  );
}
