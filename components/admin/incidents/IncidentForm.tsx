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
import { staffT } from "@/lib/i18n/staff";
import { ComponentPicker, type PickerSection } from "./ComponentPicker";
import { MarkdownField } from "./MarkdownField";
import { MaintenanceWindowFields } from "./MaintenanceWindowFields";
import { PostPreview, type PreviewContext } from "./PostPreview";

export const IMPACT_OPTIONS = [
  { value: "", label: staffT("staff.incidents.impactFromComponents") },
  { value: "none", label: staffT("staff.incidents.impactNone") },
  { value: "minor", label: staffT("staff.incidents.impactMinor") },
  { value: "major", label: staffT("staff.incidents.impactMajor") },
  { value: "critical", label: staffT("staff.incidents.impactCritical") },
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
    <form
      action={action}
      className="space-y-5"
      aria-label={maintenance ? staffT("staff.incidents.schedule") : staffT("staff.incidents.report")}
    >
      <input type="hidden" name="kind" value={kind} />
      <FormStatus state={state} />
      <TextField
        label={staffT("staff.common.title")}
        name="name"
        required
        maxLength={200}
        defaultValue={v.name}
        error={errors.name}
        placeholder={
          maintenance
            ? staffT("staff.incidents.titlePlaceholderMaintenance")
            : staffT("staff.incidents.titlePlaceholder")
        }
      />
      {maintenance ? (
        <MaintenanceWindowFields values={v} errors={errors} timeZone={timeZone} submitted={Boolean(state.values)} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-3">
          {!backfill ? (
            <Select
              label={staffT("staff.common.status")}
              name="status"
              options={OPEN_STATUSES}
              defaultValue={v.status ?? "investigating"}
              error={errors.status}
            />
          ) : null}
          <Select
            label={staffT("staff.common.impact")}
            name="impact"
            options={IMPACT_OPTIONS}
            defaultValue={v.impact ?? ""}
            error={errors.impact}
          />
          {!backfill ? (
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
          ) : null}
        </div>
      )}
      <ComponentPicker
        sections={sections}
        defaults={v}
        errors={errors}
        legend={
          maintenance
            ? staffT("staff.incidents.componentsMaintenance")
            : backfill
              ? staffT("staff.incidents.componentsBackfill")
              : staffT("staff.incidents.componentsAffected")
        }
        hint={maintenance ? staffT("staff.incidents.componentsMaintenanceHint") : undefined}
      />
      <MarkdownField
        name="body"
        label={staffT("staff.common.message")}
        defaultValue={v.body}
        error={errors.body}
        required={!maintenance}
      >
        {(text) =>
          backfill ? null : (
            <PostPreview text={text} status={maintenance ? "scheduled" : "investigating"} context={preview} />
          )
        }
      </MarkdownField>
      {!maintenance ? (
        <Checkbox
          label={staffT("staff.incidents.backfill")}
          name="backfill"
          checked={backfill}
          onChange={(e) => setBackfill(e.target.checked)}
          hint={staffT("staff.incidents.backfillHint")}
        />
      ) : null}
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
      ) : (
        <Checkbox
          label={staffT("staff.common.notify")}
          name="deliverNotifications"
          defaultChecked={boxOn(v, "deliverNotifications", Boolean(state.values))}
          hint={staffT("staff.incidents.notifyHint")}
        />
      )}
      <Button disabled={pending}>
        {maintenance
          ? staffT("staff.incidents.schedule")
          : backfill
            ? staffT("staff.incidents.recordIncident")
            : staffT("staff.incidents.publishIncident")}
      </Button>
    </form>
  );
}
