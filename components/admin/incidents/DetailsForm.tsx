"use client";
// Title, impact and the update promise of an incident; title and window of a maintenance.
// Saving details changes no status and posts nothing.
import { useActionState } from "react";
import { editIncidentAction } from "@/app/(admin)/admin/incidents/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import type { IncidentKind } from "@/lib/constants";
import { Button } from "@/components/ui/Button";
import { Select, TextField } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";
import { MaintenanceWindowFields } from "./MaintenanceWindowFields";

const IMPACTS = [
  { value: "none", label: staffT("staff.incidents.impactNone") },
  { value: "minor", label: staffT("staff.incidents.impactMinor") },
  { value: "major", label: staffT("staff.incidents.impactMajor") },
  { value: "critical", label: staffT("staff.incidents.impactCritical") },
];

type Props = {
  id: string;
  kind: IncidentKind;
  defaults: Record<string, string>;
  timeZone: string;
  defaultCadence: number;
};

export function DetailsForm({ id, kind, defaults, timeZone, defaultCadence }: Props) {
  const [state, action, pending] = useActionState(editIncidentAction, INITIAL_ACTION_STATE);
  const v = state.values ?? defaults;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" aria-labelledby="details">
      <h2 id="details" className="text-lg font-semibold">
        {staffT("staff.incidents.details")}
      </h2>
      <input type="hidden" name="id" value={id} />
      <FormStatus state={state} />
      <TextField
        label={staffT("staff.common.title")}
        name="name"
        required
        maxLength={200}
        defaultValue={v.name}
        error={errors.name}
      />
      {kind === "maintenance" ? (
        <MaintenanceWindowFields values={v} errors={errors} timeZone={timeZone} withAutomation={false} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Select
            label={staffT("staff.common.impact")}
            name="impact"
            options={IMPACTS}
            defaultValue={v.impact}
            error={errors.impact}
          />
          <TextField
            label={staffT("staff.incidents.cadence")}
            name="updateCadenceMinutes"
            type="number"
            min={5}
            max={1440}
            inputMode="numeric"
            defaultValue={v.updateCadenceMinutes}
            placeholder={String(defaultCadence)}
            hint={staffT("staff.incidents.cadenceHint")}
            error={errors.updateCadenceMinutes}
          />
        </div>
      )}
      <Button variant="secondary" disabled={pending}>
        {staffT("staff.incidents.saveDetails")}
      </Button>
    </form>
  );
}
