"use client";
// Post an update: the status as a row of buttons, the message (Ctrl/Cmd+Enter posts), the
// incident's components inline. Choosing Resolved fills an empty message with the closing one;
// an empty message is refused by the server unless the person confirms a status-only change.
import { useActionState, useState } from "react";
import { postUpdateAction } from "@/app/(admin)/admin/incidents/actions";
import { boxOn, INITIAL_ACTION_STATE } from "@/lib/action-state";
import { UPDATE_STATUS_LABELS, type IncidentStatus, type MaintenanceStatus } from "@/lib/constants";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";
import type { PickerSection } from "./ComponentPicker";
import { ComponentStatusRows } from "./ComponentStatusRows";
import { formValuesOf } from "./LivePreview";
import { MarkdownField } from "./MarkdownField";
import { StatusRow } from "./StatusRow";
import { WithoutMessage } from "./WithoutMessage";

type Status = IncidentStatus | MaintenanceStatus;
type Props = {
  incidentId: string;
  statuses: readonly Status[];
  current: Status;
  sections: PickerSection[];
  affectedIds: readonly string[];
  closing: readonly Status[];
  /** The message that choosing Resolved puts in an empty box. */
  resolveText: string;
  onDraft: (values: Record<string, string>) => void;
};

export const STICKY_BAR =
  "sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-gray-200 bg-gray-50/95 px-4 py-3 backdrop-blur dark:border-gray-800 dark:bg-gray-950/95";

export function UpdateForm(props: Props) {
  const { incidentId, statuses, current, sections, affectedIds, closing, resolveText, onDraft } = props;
  const [state, action, pending] = useActionState(postUpdateAction, INITIAL_ACTION_STATE);
  const refused = !state.ok && Boolean(state.values);
  const v = refused ? (state.values ?? {}) : {};
  const errors = state.fieldErrors ?? {};
  const sent = state.ok ? state.values?.sent : undefined;
  const [text, setText] = useState(v.body ?? "");
  // After each update the form starts afresh (the fields below remount on `sent`).
  const [lastSent, setLastSent] = useState(sent);
  if (sent !== lastSent) {
    setLastSent(sent);
    setText("");
  }
  const restoreLabel = staffT("staff.incidents.restore", {
    statuses: closing
      .map((s) => UPDATE_STATUS_LABELS[s].toLowerCase())
      .reduce((a, b) => staffT("staff.incidents.or", { a, b })),
  });
  return (
    <form
      action={action}
      aria-labelledby="post-update"
      className="group/update space-y-5 [&_input]:scroll-mb-24 [&_select]:scroll-mb-24 [&_textarea]:scroll-mb-24"
      onFocus={(e) => onDraft(formValuesOf(e.currentTarget))}
      onChange={(e) => {
        const values = formValuesOf(e.currentTarget);
        const target = e.target;
        if (target instanceof HTMLInputElement && target.name === "status") {
          // Resolved fills an empty box with the closing message; another status takes it back if untouched.
          const fill =
            target.value === "resolved" ? (text.trim() ? null : resolveText) : text === resolveText ? "" : null;
          if (fill !== null) {
            setText(fill);
            values.body = fill;
          }
        }
        onDraft(values);
      }}
    >
      <h2 id="post-update" className="text-lg font-semibold">
        {staffT("staff.incidents.postUpdate")}
      </h2>
      <input type="hidden" name="id" value={incidentId} />
      <FormStatus state={state} />
      <div key={sent ?? "draft"} className="space-y-5">
        <StatusRow
          legend={staffT("staff.common.status")}
          statuses={statuses}
          defaultValue={(v.status as Status | undefined) ?? current}
          current={current}
          error={errors.status}
        />
        <MarkdownField
          name="body"
          label={staffT("staff.common.message")}
          text={text}
          onText={setText}
          error={errors.body}
          modEnter={!pending}
          inlinePreview={false}
          hint={`${staffT("staff.incidents.markdownHint")} ${staffT("staff.incidents.modEnterHint")}`}
          after={errors.body && !text.trim() ? <WithoutMessage /> : null}
        />
        <ComponentStatusRows sections={sections} affectedIds={affectedIds} values={v} errors={errors} />
        <Checkbox
          label={restoreLabel}
          name="restoreComponents"
          defaultChecked={boxOn(v, "restoreComponents", refused)}
          className="hidden group-has-[[data-closing]:checked]/update:block"
        />
        <Checkbox
          label={staffT("staff.common.notify")}
          name="deliverNotifications"
          defaultChecked={boxOn(v, "deliverNotifications", refused)}
        />
      </div>
      <div className={STICKY_BAR} data-sticky-bar="">
        <Button disabled={pending}>{staffT("staff.incidents.postUpdateButton")}</Button>
      </div>
    </form>
  );
}
