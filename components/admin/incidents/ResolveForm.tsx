"use client";
// One-click Resolve: a Resolved update whose message is already written (the page's "resolved"
// template, else a plain sentence) and stays editable; components go back to operational unless
// the box is cleared. The same action as any update, so the same checks and audit.
import { useActionState, useState } from "react";
import { postUpdateAction } from "@/app/(admin)/admin/incidents/actions";
import { boxOn, INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";
import { formValuesOf } from "./LivePreview";
import { MarkdownField } from "./MarkdownField";
import { WithoutMessage } from "./WithoutMessage";

type Props = { incidentId: string; resolveText: string; onDraft: (values: Record<string, string>) => void };

export function ResolveForm({ incidentId, resolveText, onDraft }: Props) {
  const [state, action, pending] = useActionState(postUpdateAction, INITIAL_ACTION_STATE);
  const refused = !state.ok && Boolean(state.values);
  const v = refused ? (state.values ?? {}) : {};
  const errors = state.fieldErrors ?? {};
  const [text, setText] = useState(v.body ?? resolveText);
  const emit = (form: HTMLFormElement) => onDraft(formValuesOf(form));
  return (
    <form
      action={action}
      aria-labelledby="resolve"
      onFocus={(e) => emit(e.currentTarget)}
      onChange={(e) => emit(e.currentTarget)}
      className="space-y-4 rounded-lg border border-emerald-300 p-4 dark:border-emerald-800"
    >
      <div>
        <h2 id="resolve" className="text-lg font-semibold">
          {staffT("staff.incidents.resolve")}
        </h2>
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.incidents.resolveIntro")}</p>
      </div>
      <input type="hidden" name="id" value={incidentId} />
      <input type="hidden" name="status" value="resolved" />
      <input type="hidden" name="intent" value="resolve" />
      <FormStatus state={state} />
      <MarkdownField
        name="body"
        label={staffT("staff.incidents.resolveMessage")}
        rows={4}
        text={text}
        onText={setText}
        error={errors.body}
        modEnter={!pending}
        inlinePreview={false}
        hint={staffT("staff.incidents.modEnterHint")}
        after={errors.body && !text.trim() ? <WithoutMessage /> : null}
      />
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        <Checkbox
          label={staffT("staff.incidents.restoreShort")}
          name="restoreComponents"
          defaultChecked={boxOn(v, "restoreComponents", refused)}
        />
        <Checkbox
          label={staffT("staff.common.notify")}
          name="deliverNotifications"
          defaultChecked={boxOn(v, "deliverNotifications", refused)}
        />
      </div>
      <Button disabled={pending}>{staffT("staff.incidents.resolveButton")}</Button>
    </form>
  );
}
