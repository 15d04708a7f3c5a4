"use client";
// The published updates, newest first: correct a message (the page then says "edited") or
// delete one after confirming. Times arrive formatted in the page's zone.
import { useActionState } from "react";
import { deleteUpdateAction, editUpdateAction } from "@/app/(admin)/admin/incidents/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { TextArea } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";

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

export function Timeline({ updates }: { updates: TimelineUpdate[] }) {
  return (
    <ol className="space-y-4" aria-label={staffT("staff.incidents.publishedUpdates")}>
      {updates.map((u) => (
        <li key={u.id} className="rounded-lg border border-gray-200 p-4 dark:border-gray-800" data-update-id={u.id}>
          <p className="text-sm">
            <span className="font-semibold">{u.status}</span>
            <span className="text-gray-600 dark:text-gray-400">
              {" · "}
              {u.at}
              {u.by ? ` · ${u.by}` : null}
              {u.edited ? ` · ${staffT("staff.incidents.edited", { time: u.edited })}` : null}
            </span>
          </p>
          <div className="prose-update mt-1 text-sm" dangerouslySetInnerHTML={{ __html: u.bodyHtml }} />
          {u.affected ? <p className="mt-1 text-xs text-gray-600 dark:text-gray-400">{u.affected}</p> : null}
          <div className="mt-2 flex flex-wrap items-start gap-2">
            <details className="w-full">
              <summary className="cursor-pointer text-sm font-medium text-blue-700 dark:text-blue-300">
                {staffT("staff.incidents.editMessage")}
              </summary>
              <EditForm update={u} />
            </details>
            {updates.length > 1 ? (
              <ConfirmButton
                label={staffT("staff.incidents.deleteUpdate")}
                ariaLabel={staffT("staff.incidents.deleteUpdateLabel", { status: u.status, time: u.at })}
                title={staffT("staff.incidents.deleteUpdateConfirm")}
                confirmLabel={staffT("staff.incidents.deleteUpdate")}
                action={deleteUpdateAction}
                fields={{ updateId: u.id }}
              >
                <p>{staffT("staff.incidents.deleteUpdateBody")}</p>
              </ConfirmButton>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
