// A maintenance's window (in the page's time zone) and its automation.
import { boxOn } from "@/lib/action-state";
import { Checkbox, TextField } from "@/components/ui/Field";
import { staffT } from "@/lib/i18n/staff";

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
          label={staffT("staff.incidents.startsAt", { zone: timeZone })}
          name="scheduledFor"
          type="datetime-local"
          required
          defaultValue={v.scheduledFor}
          error={errors.scheduledFor}
        />
        <TextField
          label={staffT("staff.incidents.endsAt", { zone: timeZone })}
          name="scheduledUntil"
          type="datetime-local"
          required
          defaultValue={v.scheduledUntil}
          error={errors.scheduledUntil}
        />
      </div>
      {withAutomation ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <Checkbox
            label={staffT("staff.incidents.autoStart")}
            name="autoStart"
            defaultChecked={boxOn(v, "autoStart", submitted)}
          />
          <Checkbox
            label={staffT("staff.incidents.autoComplete")}
            name="autoComplete"
            defaultChecked={boxOn(v, "autoComplete", submitted)}
          />
          <TextField
            label={staffT("staff.incidents.remindPrior")}
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
