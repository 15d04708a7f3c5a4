// A status as a row of buttons. They are radio inputs, so they form one radio group (arrow keys
// move, one is chosen) and post without JavaScript; the chosen one is filled, the incident's
// current one says "now" under its name. Closing statuses carry data-closing, which CSS reads (:has) to show
// the "set components back to operational" box only when it applies.
import { UPDATE_STATUS_LABELS, type IncidentStatus, type MaintenanceStatus } from "@/lib/constants";
import { staffT } from "@/lib/i18n/staff";

type Status = IncidentStatus | MaintenanceStatus;
const CLOSING: readonly Status[] = ["resolved", "postmortem", "completed"];

type Props = {
  legend: string;
  statuses: readonly Status[];
  defaultValue: Status;
  /** The incident's status now, marked "now". */
  current?: Status;
  onPick?: (status: Status) => void;
  error?: string[];
};

export function StatusRow({ legend, statuses, defaultValue, current, onPick, error }: Props) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        {statuses.map((s) => (
          <label
            key={s}
            className="flex min-h-11 cursor-pointer items-center justify-center rounded-md border border-gray-300 bg-white px-3 text-sm font-medium text-gray-900 hover:bg-gray-100 has-[:checked]:border-blue-700 has-[:checked]:bg-blue-700 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-600 has-[:focus-visible]:ring-offset-2 sm:min-w-28 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-800 dark:has-[:checked]:border-blue-500 dark:has-[:checked]:bg-blue-700 dark:has-[:focus-visible]:ring-offset-gray-950"
          >
            <input
              type="radio"
              name="status"
              value={s}
              defaultChecked={s === defaultValue}
              onChange={onPick ? () => onPick(s) : undefined}
              data-closing={CLOSING.includes(s) ? "" : undefined}
              className="sr-only"
            />
            <span className="flex flex-col items-center leading-tight">
              {UPDATE_STATUS_LABELS[s]}
              {s === current ? (
                <span className="text-xs font-normal">{staffT("staff.incidents.statusNow")}</span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
      {error?.length ? (
        <p className="mt-1 text-sm font-medium text-red-700 dark:text-red-300">{error.join(" ")}</p>
      ) : null}
    </fieldset>
  );
}
