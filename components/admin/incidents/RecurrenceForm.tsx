"use client";
// A maintenance that repeats, e.g. every first Sunday 02:00–03:00 in the page's time zone.
import { useActionState } from "react";
import { createRecurrenceAction } from "@/app/(admin)/admin/maintenance/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { WEEKDAY_NAMES } from "@/lib/recurrence";
import { Button } from "@/components/ui/Button";
import { Checkbox, Select, TextField } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";
import type { PickerSection } from "./ComponentPicker";
import { MarkdownField } from "./MarkdownField";

const NTH = [
  { value: "1", label: staffT("staff.maintenance.first") },
  { value: "2", label: staffT("staff.maintenance.second") },
  { value: "3", label: staffT("staff.maintenance.third") },
  { value: "4", label: staffT("staff.maintenance.fourth") },
  { value: "-1", label: staffT("staff.maintenance.last") },
];

export function RecurrenceForm({ sections, timeZone }: { sections: PickerSection[]; timeZone: string }) {
  const [state, action, pending] = useActionState(createRecurrenceAction, INITIAL_ACTION_STATE);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" aria-labelledby="new-recurrence">
      <h2 id="new-recurrence" className="text-lg font-semibold">
        {staffT("staff.maintenance.repeat")}
      </h2>
      <FormStatus state={state} />
      <TextField
        label={staffT("staff.common.title")}
        name="title"
        required
        maxLength={200}
        defaultValue={v.title}
        error={e.title}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Select
          label={staffT("staff.maintenance.repeats")}
          name="frequency"
          defaultValue={v.frequency ?? "monthly"}
          error={e.frequency}
          options={[
            { value: "weekly", label: staffT("staff.maintenance.weekly") },
            { value: "monthly", label: staffT("staff.maintenance.monthly") },
          ]}
        />
        <Select
          label={staffT("staff.maintenance.nth")}
          name="nth"
          defaultValue={v.nth ?? "1"}
          error={e.nth}
          options={NTH}
        />
        <Select
          label={staffT("staff.maintenance.day")}
          name="weekday"
          defaultValue={v.weekday ?? "0"}
          error={e.weekday}
          options={WEEKDAY_NAMES.map((d, i) => ({ value: String(i), label: d }))}
        />
        <TextField
          label={staffT("staff.maintenance.startsAt", { zone: timeZone })}
          name="startTime"
          type="time"
          required
          defaultValue={v.startTime ?? "02:00"}
          error={e.startTime}
        />
        <TextField
          label={staffT("staff.maintenance.lasts")}
          name="durationMinutes"
          type="number"
          min={5}
          max={1440}
          required
          defaultValue={v.durationMinutes ?? "60"}
          error={e.durationMinutes}
        />
        <TextField
          label={staffT("staff.maintenance.remind")}
          name="remindPriorMinutes"
          type="number"
          min={1}
          defaultValue={v.remindPriorMinutes}
          error={e.remindPriorMinutes}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{staffT("staff.incidents.componentsMaintenance")}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {sections
            .flatMap((s) => s.components)
            .map((c) => (
              <Checkbox
                key={c.id}
                label={c.name}
                name={`componentIds.${c.id}`}
                defaultChecked={v[`componentIds.${c.id}`] === "on"}
              />
            ))}
        </div>
        {e.componentIds ? (
          <p className="text-sm font-medium text-red-700 dark:text-red-300">{e.componentIds.join(" ")}</p>
        ) : null}
      </fieldset>
      <MarkdownField name="body" label={staffT("staff.common.message")} defaultValue={v.body} error={e.body} />
      <Button disabled={pending}>{staffT("staff.maintenance.saveSchedule")}</Button>
    </form>
  );
}
