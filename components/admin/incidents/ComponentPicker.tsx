// Affected components, each with the status it has now in this incident. "Not affected" leaves
// a component out. Grouped as on the public page; every select is labelled with its component.
import { COMPONENT_STATUS_LABELS, COMPONENT_STATUSES, type ComponentStatus } from "@/lib/constants";
import { Select } from "@/components/ui/Field";
import { staffT } from "@/lib/i18n/staff";

export type PickerComponent = { id: string; name: string; status: ComponentStatus };
export type PickerSection = { name: string | null; components: PickerComponent[] };

type Props = {
  sections: PickerSection[];
  defaults?: Record<string, string>;
  errors?: Record<string, string[]>;
  legend: string;
  hint?: string;
  /** First choice: "" leaves the component as it is. */
  emptyLabel?: string;
};

export function ComponentPicker({
  sections,
  defaults = {},
  errors = {},
  legend,
  hint,
  emptyLabel = staffT("staff.incidents.notAffected"),
}: Props) {
  const options = [
    { value: "", label: emptyLabel },
    ...COMPONENT_STATUSES.map((s) => ({ value: s, label: COMPONENT_STATUS_LABELS[s] })),
  ];
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">{legend}</legend>
      {hint ? <p className="text-xs text-gray-600 dark:text-gray-400">{hint}</p> : null}
      {sections.map((section, i) => (
        <div key={section.name ?? `ungrouped-${i}`} className="space-y-2">
          {section.name ? (
            <p className="text-xs font-semibold uppercase tracking-wide text-gray-600 dark:text-gray-400">
              {section.name}
            </p>
          ) : null}
          <div className="grid gap-2 sm:grid-cols-2">
            {section.components.map((c) => (
              <Select
                key={c.id}
                name={`components.${c.id}`}
                label={
                  <>
                    {c.name}{" "}
                    <span className="font-normal text-gray-600 dark:text-gray-400">
                      {staffT("staff.incidents.now", { status: COMPONENT_STATUS_LABELS[c.status].toLowerCase() })}
                    </span>
                  </>
                }
                options={options}
                defaultValue={defaults[`components.${c.id}`] ?? ""}
                error={errors[`components.${c.id}`]}
              />
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
}
