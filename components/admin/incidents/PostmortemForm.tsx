"use client";
// A postmortem is drafted privately, then published on the incident's page and in the API.
import { useActionState } from "react";
import { savePostmortemAction } from "@/app/(admin)/admin/incidents/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";
import { MarkdownField } from "./MarkdownField";

export function PostmortemForm({ id, body, published }: { id: string; body: string; published: string | null }) {
  const [state, action, pending] = useActionState(savePostmortemAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="space-y-3" aria-labelledby="postmortem">
      <h2 id="postmortem" className="text-lg font-semibold">
        {staffT("staff.incidents.postmortem")}
      </h2>
      <p className="text-sm text-gray-600 dark:text-gray-400">
        {published
          ? staffT("staff.incidents.postmortemPublished", { time: published })
          : staffT("staff.incidents.postmortemPrivate")}
      </p>
      <input type="hidden" name="id" value={id} />
      <FormStatus state={state} />
      <MarkdownField
        name="postmortemBody"
        label={staffT("staff.incidents.postmortem")}
        rows={10}
        defaultValue={state.values?.postmortemBody ?? body}
        error={state.fieldErrors?.body ?? state.fieldErrors?.postmortemBody}
        hint={staffT("staff.incidents.postmortemHint")}
      />
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" name="intent" value="save" disabled={pending}>
          {published ? staffT("staff.common.save") : staffT("staff.incidents.saveDraft")}
        </Button>
        {!published ? (
          <Button name="intent" value="publish" disabled={pending}>
            {staffT("staff.incidents.publishPostmortem")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
