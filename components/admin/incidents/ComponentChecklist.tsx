"use client";
// The new incident's components as a checklist: tick what is affected, and its status chips
// appear under each ticked one (CSS :has, so without JavaScript too). A filter narrows a long
// list once the page runs; ticked components stay in view. The server counts only ticked boxes
// (lib/incident-form.ts checklistChoices).
import { useState } from "react";
import { COMPONENT_STATUS_LABELS, COMPONENT_STATUSES, type ComponentStatus } from "@/lib/constants";
import { staffT } from "@/lib/i18n/staff";
import { StatusIcon } from "@/components/status/StatusIcon";
import type { PickerComponent, PickerSection } from "./ComponentPicker";
import { FilterInput, matches, useComponentFilter } from "./ComponentFilter";

type Props = {
  sections: PickerSection[];
  values: Record<string, string | undefined>;
  errors: Record<string, string[]>;
  legend: string;
  hint?: string;
  /** Each ticked component gets a status (an incident, a backfill); a maintenance's do not. */
  withStatus: boolean;
  defaultStatus: ComponentStatus;
};

/** The statuses an affected component usually has; another one shows when a template or a refused form chose it. */
const USUAL: readonly ComponentStatus[] = ["degraded_performance", "partial_outage", "major_outage"];
const CHIP =
  "flex min-h-9 cursor-pointer items-center gap-1.5 rounded-full border border-gray-300 bg-white px-3 text-xs font-medium text-gray-900 hover:bg-gray-100 has-[:checked]:border-blue-700 has-[:checked]:bg-blue-700 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-600 has-[:focus-visible]:ring-offset-1 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-800 dark:has-[:checked]:bg-blue-700";

export function ComponentChecklist({ sections, values, errors, legend, hint, withStatus, defaultStatus }: Props) {
  const filter = useComponentFilter();
  // A refused form echoes its boxes; a template names components by their status.
  const echoed = values.componentList === "checklist";
  const startsTicked = (id: string) =>
    echoed ? values[`affected.${id}`] === "on" : Boolean(values[`components.${id}`]);
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const isTicked = (id: string) => ticked[id] ?? startsTicked(id);
  const shown = (id: string, name: string, group: string | null) =>
    !filter.active || isTicked(id) || matches(filter.query, name, group);
  const count = sections.reduce((n, s) => n + s.components.length, 0);
  const visible = sections.map((s) => s.components.filter((c) => shown(c.id, c.name, s.name)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{legend}</legend>
      {hint ? <p className="text-xs text-gray-600 dark:text-gray-400">{hint}</p> : null}
      <input type="hidden" name="componentList" value="checklist" />
      <FilterInput query={filter.query} onQuery={filter.setQuery} count={count} />
      {filter.active && !visible.some((v) => v.length) ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.incidents.noComponentMatch")}</p>
      ) : null}
      {sections.map((section, i) => (
        <div key={section.name ?? `ungrouped-${i}`} hidden={!visible[i]?.length}>
          {section.name ? (
            <p className="pt-1 text-xs font-semibold tracking-wide text-gray-600 uppercase dark:text-gray-400">
              {section.name}
            </p>
          ) : null}
          <ul className="divide-y divide-gray-100 dark:divide-gray-800">
            {section.components.map((c) => {
              const field = `components.${c.id}`;
              const error = errors[field];
              return (
                <li key={c.id} hidden={!shown(c.id, c.name, section.name)} className="group/row py-1">
                  <label className="flex min-h-10 min-w-0 cursor-pointer items-center gap-2">
                    <input
                      type="checkbox"
                      name={`affected.${c.id}`}
                      defaultChecked={startsTicked(c.id)}
                      onChange={(e) => setTicked((t) => ({ ...t, [c.id]: e.target.checked }))}
                      className="h-4 w-4 shrink-0 rounded border-gray-400 accent-blue-700 focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2 focus-visible:outline-none dark:focus-visible:ring-offset-gray-950"
                    />
                    <StatusIcon status={c.status} />
                    <span className="min-w-0">
                      <span className="block text-sm font-medium break-words">{c.name}</span>
                      {c.status !== "operational" ? (
                        <span className="block text-xs text-gray-600 dark:text-gray-400">
                          {staffT("staff.incidents.nowStatus", {
                            status: COMPONENT_STATUS_LABELS[c.status].toLowerCase(),
                          })}
                        </span>
                      ) : null}
                    </span>
                  </label>
                  {withStatus ? <StatusChips c={c} value={values[field] || defaultStatus} /> : null}
                  {error?.length ? (
                    <p className="w-full text-sm font-medium text-red-700 dark:text-red-300">{error.join(" ")}</p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * A ticked component's status: one tap on a chip. Radio inputs in a fieldset named after the
 * component; shown only while its box is ticked (CSS :has), so they post without JavaScript.
 */
function StatusChips({ c, value }: { c: PickerComponent; value: string }) {
  const offered = COMPONENT_STATUSES.filter((s) => USUAL.includes(s) || s === value);
  return (
    <fieldset className="hidden ps-6 pb-1 group-has-[input[type=checkbox]:checked]/row:block">
      <legend className="sr-only">{staffT("staff.incidents.statusOf", { name: c.name })}</legend>
      <div className="flex flex-wrap gap-1.5">
        {offered.map((s) => (
          <label key={s} className={CHIP}>
            <input
              type="radio"
              name={`components.${c.id}`}
              value={s}
              defaultChecked={s === value}
              className="sr-only"
            />
            {COMPONENT_STATUS_LABELS[s]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
