"use client";
// The one form to the first public word: title, status, impact, affected components, message,
// notify. A maintenance adds its window and automation; a backfill records a past incident.
import { useActionState, useState } from "react";
import { createIncidentAction } from "@/app/(admin)/admin/incidents/actions";
import { boxOn, INITIAL_ACTION_STATE } from "@/lib/action-state";
import { INCIDENT_STATUSES, UPDATE_STATUS_LABELS, type IncidentKind } from "@/lib/constants";
import { Button } from "@/components/ui/Button";
import { Checkbox, Select, TextField } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { ComponentPicker, type PickerSection } from "./ComponentPicker";
import { MarkdownField } from "./MarkdownField";
import { MaintenanceWindowFields } from "./MaintenanceWindowFields";
import { PostPreview, type PreviewContext } from "./PostPreview";

export const IMPACT_OPTIONS = [
  { value: "", label: "From the component statuses" },
  { value: "none", label: "None" },
  { value: "minor", label: "Minor" },
  { value: "major", label: "Major" },
  { value: "critical", label: "Critical" },
];
const OPEN_STATUSES = INCIDENT_STATUSES.filter((s) => s !== "resolved" && s !== "postmortem").map((s) => ({
  value: s,
  label: UPDATE_STATUS_LABELS[s],
}));

type Props = {
  kind: IncidentKind;
  sections: PickerSection[];
  defaults: Record<string, string>;
  timeZone: string;
  defaultCadence: number;
  preview: PreviewContext;
};

export function IncidentForm({ kind, sections, defaults, timeZone, defaultCadence, preview }: Props) {
  const [state, action, pending] = useActionState(createIncidentAction, INITIAL_ACTION_STATE);
  const v = state.values ?? defaults;
  const errors = state.fieldErrors ?? {};
  const [backfill, setBackfill] = useState(v.backfill === "on");
  const maintenance = kind === "maintenance";
  return (
    <form action={action} className="space-y-5" aria-label={maintenance ? "Schedule maintenance" : "Report a problem"}>
      <input type="hidden" name="kind" value={kind} />
      <FormStatus state={state} />
      <TextField
        label="Title"
        name="name"
        required
        maxLength={200}
        defaultValue={v.name}
        error={errors.name}
        placeholder={maintenance ? "Database upgrade" : "Elevated errors on the API"}
      />
      {maintenance ? (
        <MaintenanceWindowFields values={v} errors={errors} timeZone={timeZone} submitted={Boolean(state.values)} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-3">
          {!backfill ? (
            <Select
              label="Status"
              name="status"
              options={OPEN_STATUSES}
              defaultValue={v.status ?? "investigating"}
              error={errors.status}
            />
          ) : null}
          <Select
            label="Impact"
            name="impact"
            options={IMPACT_OPTIONS}
            defaultValue={v.impact ?? ""}
            error={errors.impact}
          />
          {!backfill ? (
            <TextField
              label="Next update within (minutes)"
              name="updateCadenceMinutes"
              type="number"
              min={5}
              max={1440}
              inputMode="numeric"
              defaultValue={v.updateCadenceMinutes}
              placeholder={String(defaultCadence)}
              error={errors.updateCadenceMinutes}
            />
          ) : null}
        </div>
      )}
      <ComponentPicker
        sections={sections}
        defaults={v}
        errors={errors}
        legend={
          maintenance
            ? "Components under maintenance"
            : backfill
              ? "Components and their status during the outage"
              : "Affected components"
        }
        hint={maintenance ? "They show “under maintenance” while the window is open." : undefined}
      />
      <MarkdownField name="body" label="Message" defaultValue={v.body} error={errors.body} required={!maintenance}>
        {(text) =>
          backfill ? null : (
            <PostPreview text={text} status={maintenance ? "scheduled" : "investigating"} context={preview} />
          )
        }
      </MarkdownField>
      {!maintenance ? (
        <Checkbox
          label="Record a past incident (backfill)"
          name="backfill"
          checked={backfill}
          onChange={(e) => setBackfill(e.target.checked)}
          hint="For an outage that was not posted at the time: it goes into the history and uptime bars, marked “posted later”, and notifies no one."
        />
      ) : null}
      {backfill ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={`Started (${timeZone})`}
            name="startedAt"
            type="datetime-local"
            required
            defaultValue={v.startedAt}
            error={errors.startedAt}
          />
          <TextField
            label={`Resolved (${timeZone})`}
            name="resolvedAt"
            type="datetime-local"
            required
            defaultValue={v.resolvedAt}
            error={errors.resolvedAt}
          />
        </div>
      ) : (
        <Checkbox
          label="Notify subscribers"
          name="deliverNotifications"
          defaultChecked={boxOn(v, "deliverNotifications", Boolean(state.values))}
          hint="Feeds always show it; this also sends it to email, webhook and social channels."
        />
      )}
      <Button disabled={pending}>
        {maintenance ? "Schedule maintenance" : backfill ? "Record incident" : "Publish incident"}
      </Button>
    </form>
  );
}
