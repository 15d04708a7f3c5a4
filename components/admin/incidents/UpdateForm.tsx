"use client";
// Post an update: new status, message, component changes; closing can restore components.
import { useActionState, useState } from "react";
import { postUpdateAction } from "@/app/(admin)/admin/incidents/actions";
import { boxOn, INITIAL_ACTION_STATE } from "@/lib/action-state";
import { UPDATE_STATUS_LABELS, type IncidentStatus, type MaintenanceStatus } from "@/lib/constants";
import { Button } from "@/components/ui/Button";
import { Checkbox, Select } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";
import { ComponentPicker, type PickerSection } from "./ComponentPicker";
import { MarkdownField } from "./MarkdownField";
import { PostPreview, type PreviewContext } from "./PostPreview";

type Status = IncidentStatus | MaintenanceStatus;
type Props = {
  incidentId: string;
  statuses: readonly Status[];
  current: Status;
  sections: PickerSection[];
  closing: readonly Status[];
  preview: PreviewContext;
};

export function UpdateForm({ incidentId, statuses, current, sections, closing, preview }: Props) {
  const [state, action, pending] = useActionState(postUpdateAction, INITIAL_ACTION_STATE);
  const [status, setStatus] = useState<Status>(current);
  const v = state.ok ? {} : (state.values ?? {});
  const errors = state.fieldErrors ?? {};
  const refused = !state.ok && Boolean(state.values);
  return (
    <form action={action} className="space-y-4" aria-labelledby="post-update">
      <h2 id="post-update" className="text-lg font-semibold">
        {staffT("staff.incidents.postUpdate")}
      </h2>
      <input type="hidden" name="id" value={incidentId} />
      <FormStatus state={state} />
      <Select
        label={staffT("staff.common.status")}
        name="status"
        className="max-w-xs"
        options={statuses.map((s) => ({ value: s, label: UPDATE_STATUS_LABELS[s] }))}
        defaultValue={v.status ?? current}
        onChange={(e) => setStatus(e.target.value as Status)}
        error={errors.status}
      />
      <MarkdownField
        key={state.values?.sent ?? "draft"}
        name="body"
        label={staffT("staff.common.message")}
        defaultValue={v.body}
        error={errors.body}
        required
      >
        {(text) => <PostPreview text={text} status={status} context={preview} />}
      </MarkdownField>
      <details
        className="rounded-md border border-gray-200 p-3 dark:border-gray-800"
        open={Object.keys(errors).some((k) => k.startsWith("components."))}
      >
        <summary className="cursor-pointer text-sm font-medium">{staffT("staff.incidents.changeComponents")}</summary>
        <div className="mt-3">
          <ComponentPicker
            sections={sections}
            defaults={v}
            errors={errors}
            legend={staffT("staff.incidents.newComponentStatus")}
            emptyLabel={staffT("staff.incidents.noChange")}
          />
        </div>
      </details>
      <Checkbox
        label={staffT("staff.incidents.restore", {
          statuses: closing
            .map((s) => UPDATE_STATUS_LABELS[s].toLowerCase())
            .reduce((a, b) => staffT("staff.incidents.or", { a, b })),
        })}
        name="restoreComponents"
        defaultChecked={boxOn(v, "restoreComponents", refused)}
      />
      <Checkbox
        label={staffT("staff.common.notify")}
        name="deliverNotifications"
        defaultChecked={boxOn(v, "deliverNotifications", refused)}
      />
      <Button disabled={pending}>{staffT("staff.incidents.postUpdateButton")}</Button>
    </form>
  );
}
