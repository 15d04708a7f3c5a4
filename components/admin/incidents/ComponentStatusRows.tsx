"use client";
// The editor's components: the incident's own inline, each with its status now and a compact
// picker whose first choice, "Same as before", changes nothing; the others in a disclosure with
// a filter, to bring one into the incident.
import { useState } from "react";
import { COMPONENT_STATUS_LABELS, COMPONENT_STATUSES } from "@/lib/constants";
import { staffT } from "@/lib/i18n/staff";
import { StatusIcon } from "@/components/status/StatusIcon";
import { Chevron } from "@/components/ui/Chevron";
import type { PickerComponent, PickerSection } from "./ComponentPicker";
import { FilterInput, matches, useComponentFilter } from "./ComponentFilter";

const OPTIONS = [
  { value: "", label: staffT("staff.incidents.sameAsBefore") },
  ...COMPONENT_STATUSES.map((s) => ({ value: s, label: COMPONENT_STATUS_LABELS[s] })),
];

type RowProps = {
  c: PickerComponent;
  value?: string;
  error?: string[];
  hidden?: boolean;
  onPick?: (status: string) => void;
};

export function ComponentStatusRow({ c, value, error, hidden, onPick }: RowProps) {
  const errorId = `components-${c.id}-error`;
  return (
    <li hidden={hidden} className="py-2">
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <span className="flex min-w-0 items-center gap-2">
          <StatusIcon status={c.status} />
          <span className="min-w-0">
            <span className="block text-sm font-medium break-words">{c.name}</span>
            <span className="block text-xs text-gray-600 dark:text-gray-400">
              {staffT("staff.incidents.nowStatus", { status: COMPONENT_STATUS_LABELS[c.status].toLowerCase() })}
            </span>
          </span>
        </span>
        <select
          name={`components.${c.id}`}
          aria-label={staffT("staff.incidents.statusOf", { name: c.name })}
          aria-invalid={error?.length ? true : undefined}
          aria-describedby={error?.length ? errorId : undefined}
          defaultValue={value ?? ""}
          onChange={onPick ? (e) => onPick(e.target.value) : undefined}
          className="rounded-md border border-gray-300 bg-white py-1.5 ps-2 pe-8 text-sm text-gray-900 focus:border-blue-600 focus:ring-2 focus:ring-blue-600/40 focus:outline-none aria-[invalid=true]:border-red-600 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100"
        >
          {OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {error?.length ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700 dark:text-red-300">
          {error.join(" ")}
        </p>
      ) : null}
    </li>
  );
}

type Props = {
  sections: PickerSection[];
  /** The incident's components: shown inline. */
  affectedIds: readonly string[];
  values: Record<string, string>;
  errors: Record<string, string[]>;
};

export function ComponentStatusRows({ sections, affectedIds, values, errors }: Props) {
  const filter = useComponentFilter();
  // What was picked in this visit (echoed values cover a refused post).
  const [picked, setPicked] = useState<Record<string, string>>(values);
  const linked = new Set(affectedIds);
  const all = sections.flatMap((s) => s.components.map((c) => ({ c, group: s.name })));
  const own = all.filter(({ c }) => linked.has(c.id));
  const others = all.filter(({ c }) => !linked.has(c.id));
  const row = ({ c, group }: { c: PickerComponent; group: string | null }, filtered = false) => (
    <ComponentStatusRow
      key={c.id}
      c={c}
      value={values[`components.${c.id}`]}
      error={errors[`components.${c.id}`]}
      onPick={(status) => setPicked((p) => ({ ...p, [`components.${c.id}`]: status }))}
      // A component given a status stays in view whatever the filter says.
      hidden={filtered && filter.active && !picked[`components.${c.id}`] && !matches(filter.query, c.name, group)}
    />
  );
  const openOthers = others.some(({ c }) => values[`components.${c.id}`] || errors[`components.${c.id}`]);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{staffT("staff.incidents.componentsAffected")}</legend>
      {own.length ? <ul className="divide-y divide-gray-200 dark:divide-gray-800">{own.map((x) => row(x))}</ul> : null}
      {others.length ? (
        <details
          open={openOthers || !own.length}
          className="group/d rounded-md border border-gray-200 dark:border-gray-800"
        >
          <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1.5 px-3 text-sm font-medium [&::-webkit-details-marker]:hidden">
            <Chevron />
            {staffT("staff.incidents.otherComponents", { count: String(others.length) })}
          </summary>
          <div className="space-y-2 px-3 pb-2">
            <FilterInput query={filter.query} onQuery={filter.setQuery} count={others.length} />
            <ul className="divide-y divide-gray-200 dark:divide-gray-800">{others.map((x) => row(x, true))}</ul>
          </div>
        </details>
      ) : null}
    </fieldset>
  );
}
