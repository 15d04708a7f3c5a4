"use client";
// The published updates, newest first: correct a message (the page then says "edited") or
// delete one from the row menu (components/admin/RowMenu.tsx), after confirming. Times arrive formatted in the page's zone.
import { useActionState } from "react";
import { deleteUpdateAction, editUpdateAction } from "@/app/(admin)/admin/incidents/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { TextArea } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";
import { MENU_CONFIRM } from "../menu-item";
import { RowMenu } from "../RowMenu";

export type TimelineUpdate = {
  id: string;
  status: string;
  body: string;
  bodyHtml: string;
  at: string;
  edited: string | null;
  affected: string | null;
  by: string | null;
};

function EditForm({ update }: { update: TimelineUpdate }) {
  const [state, action, pending] = useActionState(editUpdateAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="mt-2 space-y-2">
      <input type="hidden" name="updateId" value={update.id} />
      <FormStatus state={state} />
      <TextArea
        label={staffT("staff.incidents.correctedMessage")}
        name="body"
        rows={4}
        required
        defaultValue={state.values?.body ?? update.body}
        error={state.fieldErrors?.body}
      />
      <Button variant="secondary" disabled={pending}>
        {staffT("staff.incidents.saveCorrection")}
      </Button>
    </form>
  );
}

/** The update's rare, destructive action behind the row menu; deleting asks first. */
function UpdateMenu({ update }: { update: TimelineUpdate }) {
  return (
    <RowMenu label={staffT("staff.incidents.moreFor", { status: update.status, time: update.at })}>
      <div className={MENU_CONFIRM}>
        <ConfirmButton
          label={<span className="text-red-700 dark:text-red-300">{staffT("staff.incidents.deleteUpdateItem")}</span>}
          ariaLabel={staffT("staff.incidents.deleteUpdateLabel", { status: update.status, time: update.at })}
          title={staffT("staff.incidents.deleteUpdateConfirm")}
          confirmLabel={staffT("staff.incidents.deleteUpdate")}
          action={deleteUpdateAction}
          fields={{ updateId: update.id }}
          variant="ghost"
        >
          <p>{staffT("staff.incidents.deleteUpdateBody")}</p>
        </ConfirmButton>
      </div>
    </RowMenu>
  );
}

export function Timeline({ updates }: { updates: TimelineUpdate[] }) {
  return (
    <ol className="space-y-4" aria-label={staffT("staff.incidents.publishedUpdates")}>
      {updates.map((u) => (
        <li key={u.id} className="rounded-lg border border-gray-200 p-4 dark:border-gray-800" data-update-id={u.id}>
          <div className="flex items-start justify-between gap-2">
            <p className="text-sm">
              <span className="font-semibold">{u.status}</span>
              <span className="text-gray-600 dark:text-gray-400">
                {" · "}
                {u.at}
                {u.by ? ` · ${u.by}` : null}
                {u.edited ? ` · ${staffT("staff.incidents.edited", { time: u.edited })}` : null}
              </span>
            </p>
            {/* The only update cannot be deleted (the incident's first word). */}
            {updates.length > 1 ? <UpdateMenu update={u} /> : null}
          </div>
          <div className="prose-update mt-1 text-sm" dangerouslySetInnerHTML={{ __html: u.bodyHtml }} />
          {u.affected ? <p className="mt-1 text-xs text-gray-600 dark:text-gray-400">{u.affected}</p> : null}
          <div className="mt-2 flex flex-wrap items-start gap-2">
            <details className="w-full">
              <summary className="cursor-pointer text-sm font-medium text-blue-700 dark:text-blue-300">
                {staffT("staff.incidents.editMessage")}
              </summary>
              <EditForm update={u} />
            </details>
          </div>
        </li>
      ))}
    </ol>
  );
}
