"use client";
// Adding a probe agent (its token shown once, with the command that runs it), changing its place,
// and removing it behind a confirmation. Plain forms: they work without JavaScript too.
import { useActionState } from "react";
import { createAgentAction, relabelAgentAction, removeAgentAction } from "@/app/(admin)/admin/probe-agents/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { TextField } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";

export function NewAgentForm({ serverUrl }: { serverUrl: string }) {
  const [state, action, pending] = useActionState(createAgentAction, INITIAL_ACTION_STATE);
  const name = (state.ok && state.values?.created) || "NAME";
  return (
    // Keyed by the last answer: React resets a form after its action, and a remount makes the
    // reset land on what was submitted rather than on the first render's values.
    <form
      key={JSON.stringify(state.values ?? {}) + (state.message ?? "")}
      action={action}
      className="space-y-3 rounded-lg border border-gray-200 p-4 dark:border-gray-800"
      aria-labelledby="new-agent"
    >
      <h2 id="new-agent" className="font-semibold">
        {staffT("staff.agents.create")}
      </h2>
      <FormStatus state={state} />
      {state.secret ? (
        <div className="text-sm">
          <p>{staffT("staff.agents.run")}</p>
          <pre className="mt-1 overflow-x-auto rounded bg-gray-100 p-2 text-xs dark:bg-gray-900">
            <code>{`OUTPOST_PROBE_TOKEN=… npm run probe -- --server ${serverUrl} --name ${name}`}</code>
          </pre>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={staffT("staff.common.name")}
          name="name"
          required
          hint={staffT("staff.agents.nameHint")}
          defaultValue={state.ok ? "" : state.values?.name}
          error={state.fieldErrors?.name}
        />
        <TextField
          label={staffT("staff.agents.place")}
          name="label"
          required
          hint={staffT("staff.agents.placeHint")}
          defaultValue={state.ok ? "" : state.values?.label}
          error={state.fieldErrors?.label}
        />
      </div>
      <Button disabled={pending}>{staffT("staff.agents.createButton")}</Button>
    </form>
  );
}

export function AgentPlaceForm({ id, name, label }: { id: string; name: string; label: string }) {
  const [state, action, pending] = useActionState(relabelAgentAction, INITIAL_ACTION_STATE);
  return (
    <details className="text-sm" open={Boolean(state.fieldErrors)}>
      <summary
        className="cursor-pointer text-blue-700 dark:text-blue-300"
        aria-label={staffT("staff.agents.changePlaceOf", { name })}
      >
        {staffT("staff.agents.changePlace")}
      </summary>
      <form action={action} className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="id" value={id} />
        <TextField
          label={staffT("staff.agents.placeOf", { name })}
          name="label"
          required
          defaultValue={state.values?.label ?? label}
          error={state.fieldErrors?.label}
        />
        <Button disabled={pending} variant="secondary">
          {staffT("staff.agents.savePlace")}
        </Button>
      </form>
      <FormStatus state={state} />
    </details>
  );
}

export function RemoveAgentButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmButton
      label={staffT("staff.agents.remove")}
      ariaLabel={staffT("staff.agents.removeLabel", { name })}
      title={staffT("staff.agents.removeConfirm", { name })}
      confirmLabel={staffT("staff.agents.remove")}
      action={removeAgentAction}
      fields={{ id }}
    >
      <p>{staffT("staff.agents.removeBody")}</p>
    </ConfirmButton>
  );
}
