"use client";
// A postmortem is drafted privately, then published on the incident's page and in the API.
import { useActionState } from "react";
import { savePostmortemAction } from "@/app/(admin)/admin/incidents/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { FormStatus } from "@/components/auth/FormStatus";
import { MarkdownField } from "./MarkdownField";

export function PostmortemForm({ id, body, published }: { id: string; body: string; published: string | null }) {
  const [state, action, pending] = useActionState(savePostmortemAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="space-y-3" aria-labelledby="postmortem">
      <h2 id="postmortem" className="text-lg font-semibold">
        Postmortem
      </h2>
      <p className="text-sm text-gray-600 dark:text-gray-400">
        {published
          ? `Published ${published}. Saving changes the public text at once.`
          : "A private draft until you publish it. Publishing posts an update and sets the status to Postmortem."}
      </p>
      <input type="hidden" name="id" value={id} />
      <FormStatus state={state} />
      <MarkdownField
        name="postmortemBody"
        label="Postmortem"
        rows={10}
        defaultValue={state.values?.postmortemBody ?? body}
        error={state.fieldErrors?.body ?? state.fieldErrors?.postmortemBody}
        hint="What happened, the impact, the cause, and what will change. Markdown."
      />
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" name="intent" value="save" disabled={pending}>
          {published ? "Save" : "Save draft"}
        </Button>
        {!published ? (
          <Button name="intent" value="publish" disabled={pending}>
            Publish postmortem
          </Button>
        ) : null}
      </div>
    </form>
  );
}
