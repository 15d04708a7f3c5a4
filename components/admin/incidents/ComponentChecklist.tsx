"use client";
// The new incident's components. For an incident (or a backfill) each component is a row of
// status chips, "Not affected" first: one tap says "Checkout: Major outage" (radios, so without
// JavaScript too; the server reads `components.<id>`, "" = not affected). For a maintenance it
// is a checklist (lib/incident-form.ts checklistChoices). A filter narrows a long list once the
// page runs; chosen components stay in view.
import { useState } from "react";
import { COMPONENT_STATUS_LABELS, COMPONENT_STATUSES, type ComponentStatus } from "@/lib/constants";
import { staffT, type StaffKey } from "@/lib/i18n/staff";
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
};

/** The statuses an affected component usually has; another one shows when a template or a refused form chose it. */
const USUAL: readonly ComponentStatus[] = ["degraded_performance", "partial_outage", "major_outage"];
const CHIP =
  "flex min-h-9 cursor-pointer items-center rounded-full border border-gray-300 bg-white px-2.5 text-xs font-medium text-gray-900 hover:bg-gray-100 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-600 has-[:focus-visible]:ring-offset-1 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-800";
/** A chosen chip in its status's tone (lib/palette.ts TONE_SOLID, written out for the stylesheet); "Not affected" stays quiet. */
const CHOSEN: Record<ComponentStatus | "", string> = {
  "": "has-[:checked]:border-gray-500 has-[:checked]:bg-gray-200 dark:has-[:checked]:border-gray-500 dark:has-[:checked]:bg-gray-700",
  operational:
    "has-[:checked]:border-emerald-700 has-[:checked]:bg-emerald-700 has-[:checked]:text-white dark:has-[:checked]:bg-emerald-700",
  degraded_performance:
    "has-[:checked]:border-yellow-700 has-[:checked]:bg-yellow-700 has-[:checked]:text-white dark:has-[:checked]:bg-yellow-700",
  partial_outage:
    "has-[:checked]:border-orange-700 has-[:checked]:bg-orange-700 has-[:checked]:text-white dark:has-[:checked]:bg-orange-700",
  major_outage:
    "has-[:checked]:border-red-700 has-[:checked]:bg-red-700 has-[:checked]:text-white dark:has-[:checked]:bg-red-700",
  under_maintenance:
    "has-[:checked]:border-blue-700 has-[:checked]:bg-blue-700 has-[:checked]:text-white dark:has-[:checked]:bg-blue-700",
};
/** Short words on the chips; each radio's accessible name is the full status, which starts with them. */
const CHIP_WORDS: Record<ComponentStatus, StaffKey> = {
  operational: "staff.status.chip.operational",
  degraded_performance: "staff.status.chip.degraded_performance",
  partial_outage: "staff.status.chip.partial_outage",
  major_outage: "staff.status.chip.major_outage",
  under_maintenance: "staff.status.chip.under_maintenance",
};

export function ComponentChecklist({ sections, values, errors, legend, hint, withStatus }: Props) {
  const filter = useComponentFilter();
  // A refused form echoes what was chosen; a template names components by their status.
  const echoed = values.componentList === "checklist";
  const startsChosen = (id: string) =>
    withStatus
      ? (values[`components.${id}`] ?? "")
      : echoed
        ? values[`affected.${id}`] === "on"
        : Boolean(values[`components.${id}`]);
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const isChosen = (id: string) => chosen[id] ?? Boolean(startsChosen(id));
  const choose = (id: string, on: boolean) => setChosen((t) => ({ ...t, [id]: on }));
  const shown = (id: string, name: string, group: string | null) =>
    !filter.active || isChosen(id) || matches(filter.query, name, group);
  const count = sections.reduce((n, s) => n + s.components.length, 0);
  const visible = sections.map((s) => s.components.filter((c) => shown(c.id, c.name, s.name)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{legend}</legend>
      {hint ? <p className="text-xs text-gray-600 dark:text-gray-400">{hint}</p> : null}
      {withStatus ? null : <input type="hidden" name="componentList" value="checklist" />}
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
              const error = errors[`components.${c.id}`];
              return (
                <li key={c.id} hidden={!shown(c.id, c.name, section.name)} className="py-1.5">
                  {withStatus ? (
                    <StatusRow c={c} value={String(startsChosen(c.id))} onChoose={(on) => choose(c.id, on)} />
                  ) : (
                    <label className="flex min-h-10 min-w-0 cursor-pointer items-center gap-2">
                      <input
                        type="checkbox"
                        name={`affected.${c.id}`}
                        defaultChecked={Boolean(startsChosen(c.id))}
                        onChange={(e) => choose(c.id, e.target.checked)}
                        className="h-4 w-4 shrink-0 rounded border-gray-400 accent-blue-700 focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2 focus-visible:outline-none dark:focus-visible:ring-offset-gray-950"
                      />
                      <ComponentName c={c} />
                    </label>
                  )}
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

/** The component's icon and name, and its status now when it is not operational. */
function ComponentName({ c }: { c: PickerComponent }) {
  return (
    <span className="flex min-w-0 items-center gap-2">
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
    </span>
  );
}

/**
 * One component of an incident: its name, then "Not affected" and the outage statuses as chips
 * (radios named `components.<id>` in a fieldset named after the component), one tap each.
 */
function StatusRow({ c, value, onChoose }: { c: PickerComponent; value: string; onChoose: (on: boolean) => void }) {
  const offered: (ComponentStatus | "")[] = ["", ...COMPONENT_STATUSES.filter((s) => USUAL.includes(s) || s === value)];
  return (
    <fieldset className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1.5">
      <legend className="sr-only">{staffT("staff.incidents.statusOf", { name: c.name })}</legend>
      <ComponentName c={c} />
      <div className="flex flex-wrap gap-1.5">
        {offered.map((s) => (
          <label key={s || "none"} className={`${CHIP} ${CHOSEN[s]}`}>
            <input
              type="radio"
              name={`components.${c.id}`}
              value={s}
              defaultChecked={s === value}
              aria-label={s ? COMPONENT_STATUS_LABELS[s] : undefined}
              onChange={() => onChoose(s !== "")}
              className="sr-only"
            />
            {s ? staffT(CHIP_WORDS[s]) : staffT("staff.incidents.notAffected")}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
