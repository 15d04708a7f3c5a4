"use client";
// A maintenance that repeats, e.g. every first Sunday 02:00–03:00 in the page's time zone.
import { useActionState } from "react";
import { createRecurrenceAction } from "@/app/(admin)/admin/maintenance/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { WEEKDAY_NAMES } from "@/lib/recurrence";
import { Button } from "@/components/ui/Button";
import { Checkbox, Select, TextField } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import type { PickerSection } from "./ComponentPicker";
import { MarkdownField } from "./MarkdownField";

const NTH = [
  { value: "1", label: "First" },
  { value: "2", label: "Second" },
  { value: "3", label: "Third" },
  { value: "4", label: "Fourth" },
  { value: "-1", label: "Last" },
];

export function RecurrenceForm({ sections, timeZone }: { sections: PickerSection[]; timeZone: string }) {
  const [state, action, pending] = useActionState(createRecurrenceAction, INITIAL_ACTION_STATE);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" aria-labelledby="new-recurrence">
      <h2 id="new-recurrence" className="text-lg font-semibold">
        Repeat a maintenance
      </h2>
      <FormStatus state={state} />
      <TextField label="Title" name="title" required maxLength={200} defaultValue={v.title} error={e.title} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Select
          label="Repeats"
          name="frequency"
          defaultValue={v.frequency ?? "monthly"}
          error={e.frequency}
          options={[
            { value: "weekly", label: "Every week" },
            { value: "monthly", label: "Every month" },
          ]}
        />
        <Select
          label="Week of the month (monthly)"
          name="nth"
          defaultValue={v.nth ?? "1"}
          error={e.nth}
          options={NTH}
        />
        <Select
          label="Day"
          name="weekday"
          defaultValue={v.weekday ?? "0"}
          error={e.weekday}
          options={WEEKDAY_NAMES.map((d, i) => ({ value: String(i), label: d }))}
        />
        <TextField
          label={`Starts at (${timeZone})`}
          name="startTime"
          type="time"
          required
          defaultValue={v.startTime ?? "02:00"}
          error={e.startTime}
        />
        <TextField
          label="Lasts (minutes)"
          name="durationMinutes"
          type="number"
          min={5}
          max={1440}
          required
          defaultValue={v.durationMinutes ?? "60"}
          error={e.durationMinutes}
        />
        <TextField
          label="Reminder before (minutes)"
          name="remindPriorMinutes"
          type="number"
          min={1}
          defaultValue={v.remindPriorMinutes}
          error={e.remindPriorMinutes}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Components under maintenance</legend>
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
      <MarkdownField name="body" label="Message" defaultValue={v.body} error={e.body} />
      <Button disabled={pending}>Save schedule</Button>
    </form>
  );
}
