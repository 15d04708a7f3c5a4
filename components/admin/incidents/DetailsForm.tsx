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
import { MaintenanceWindowFields } from "./MaintenanceWindowFields";

const IMPACTS = [
  { value: "none", label: "None" },
  { value: "minor", label: "Minor" },
  { value: "major", label: "Major" },
  { value: "critical", label: "Critical" },
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
        Details
      </h2>
      <input type="hidden" name="id" value={id} />
      <FormStatus state={state} />
      <TextField label="Title" name="name" required maxLength={200} defaultValue={v.name} error={errors.name} />
      {kind === "maintenance" ? (
        <MaintenanceWindowFields values={v} errors={errors} timeZone={timeZone} withAutomation={false} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Select label="Impact" name="impact" options={IMPACTS} defaultValue={v.impact} error={errors.impact} />
          <TextField
            label="Next update within (minutes)"
            name="updateCadenceMinutes"
            type="number"
            min={5}
            max={1440}
            inputMode="numeric"
            defaultValue={v.updateCadenceMinutes}
            placeholder={String(defaultCadence)}
            hint="Changing it restarts the promise from now."
            error={errors.updateCadenceMinutes}
          />
        </div>
      )}
      <Button variant="secondary" disabled={pending}>
        Save details
      </Button>
    </form>
  );
}
