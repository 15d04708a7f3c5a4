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

/** The form's id: a Resolve button elsewhere on the page (the phone's, near the top) submits this form. */
export const RESOLVE_FORM_ID = "resolve-form";

/**
 * On a phone the Resolve form sits below the update form; this strip near the top submits it as
 * it stands (its message, its boxes), so resolving needs no scrolling. `message` is what it posts.
 */
export function ResolveShortcut({ message }: { message: string }) {
  return (
    <div className="flex items-center gap-3 rounded-lg border border-emerald-300 p-3 lg:hidden dark:border-emerald-800">
      <p id="resolve-shortcut" className="min-w-0 flex-1 text-sm text-gray-700 dark:text-gray-300">
        <span className="font-medium text-gray-900 dark:text-gray-100">
          {staffT("staff.incidents.resolveShortcut")}
        </span>{" "}
        <a
          href={`#${RESOLVE_FORM_ID}`}
          className="line-clamp-2 text-gray-600 underline-offset-2 hover:underline dark:text-gray-400"
        >
          {message.trim() ? message : staffT("staff.incidents.resolveShortcutEmpty")}
        </a>
      </p>
      <Button form={RESOLVE_FORM_ID} aria-describedby="resolve-shortcut" className="shrink-0">
        {staffT("staff.incidents.resolveButton")}
      </Button>
    </div>
  );
}

export function ResolveForm({ incidentId, resolveText, onDraft }: Props) {
  const [state, action, pending] = useActionState(postUpdateAction, INITIAL_ACTION_STATE);
  const refused = !state.ok && Boolean(state.values);
  const v = refused ? (state.values ?? {}) : {};
  const errors = state.fieldErrors ?? {};
  const [text, setText] = useState(v.body ?? resolveText);
  const emit = (form: HTMLFormElement) => onDraft(formValuesOf(form));
  return (
    <form
      id={RESOLVE_FORM_ID}
      action={action}
      aria-labelledby="resolve"
      onFocus={(e) => emit(e.currentTarget)}
      onChange={(e) => emit(e.currentTarget)}
      className="scroll-mt-4 space-y-4 rounded-lg border border-emerald-300 p-4 dark:border-emerald-800"
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
