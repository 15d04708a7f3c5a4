// A maintenance's window (in the page's time zone) and its automation.
import { boxOn } from "@/lib/action-state";
import { Checkbox, TextField } from "@/components/ui/Field";

type Props = {
  values: Record<string, string | undefined>;
  errors: Record<string, string[]>;
  timeZone: string;
  withAutomation?: boolean;
  submitted?: boolean;
};

export function MaintenanceWindowFields({
  values: v,
  errors,
  timeZone,
  withAutomation = true,
  submitted = false,
}: Props) {
  return (
    <div className="space-y-3">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={`Starts (${timeZone})`}
          name="scheduledFor"
          type="datetime-local"
          required
          defaultValue={v.scheduledFor}
          error={errors.scheduledFor}
        />
        <TextField
          label={`Ends (${timeZone})`}
          name="scheduledUntil"
          type="datetime-local"
          required
          defaultValue={v.scheduledUntil}
          error={errors.scheduledUntil}
        />
      </div>
      {withAutomation ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <Checkbox label="Start by itself" name="autoStart" defaultChecked={boxOn(v, "autoStart", submitted)} />
          <Checkbox
            label="Complete by itself"
            name="autoComplete"
            defaultChecked={boxOn(v, "autoComplete", submitted)}
          />
          <TextField
            label="Reminder before start (minutes)"
            name="remindPriorMinutes"
            type="number"
            min={1}
            inputMode="numeric"
            defaultValue={v.remindPriorMinutes}
            error={errors.remindPriorMinutes}
          />
        </div>
      ) : null}
    </div>
  );
}
