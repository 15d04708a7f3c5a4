"use client";
import { useActionState } from "react";
import { createTokenAction, revokeTokenAction } from "@/app/(admin)/admin/tokens/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { Select, TextField } from "@/components/ui/Field";
import { API_SCOPES, TOKEN_SCOPE_LABELS, type TokenScope } from "@/lib/constants";
import { FormStatus } from "./FormStatus";

type Token = {
  id: string;
  name: string;
  prefix: string;
  scope: TokenScope;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
};
const when = (t: number | null) => (t ? `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC` : "never");

export function NewTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, INITIAL_ACTION_STATE);
  return (
    <form
      action={action}
      className="space-y-3 rounded-lg border border-gray-200 p-4 dark:border-gray-800"
      aria-labelledby="new-token"
    >
      <h2 id="new-token" className="font-semibold">
        Create a token
      </h2>
      <FormStatus state={state} />
      <TextField
        label="Name"
        name="name"
        required
        hint="What uses it, e.g. “PagerDuty” or “deploy script”."
        defaultValue={state.values?.name}
        error={state.fieldErrors?.name}
      />
      <Select
        label="Scope"
        name="scope"
        options={API_SCOPES.map((value) => ({ value, label: TOKEN_SCOPE_LABELS[value] }))}
        defaultValue={state.values?.scope ?? "read"}
        hint="Give it no more than it needs: a dashboard reads, an alerting tool that opens incidents writes; only provisioning scripts need admin."
        error={state.fieldErrors?.scope}
      />
      <Button disabled={pending}>Create token</Button>
    </form>
  );
}

export function TokenRow({ token }: { token: Token }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 p-4" aria-label={token.name}>
      <div>
        <p className="font-medium">
          {token.name} <code className="text-xs text-gray-600 dark:text-gray-400">{token.prefix}…</code>{" "}
          <span className="rounded bg-gray-100 px-1.5 py-0.5 text-xs dark:bg-gray-800">scope: {token.scope}</span>
        </p>
        <p className="text-xs text-gray-600 dark:text-gray-400">
          created {when(token.createdAt)} · last used {when(token.lastUsedAt)}
          {token.revokedAt && ` · revoked ${when(token.revokedAt)}`}
        </p>
      </div>
      {!token.revokedAt && (
        <ConfirmButton
          label="Revoke"
          ariaLabel={`Revoke ${token.name}`}
          title={`Revoke “${token.name}”?`}
          confirmLabel="Revoke token"
          action={revokeTokenAction}
          fields={{ id: token.id }}
        >
          <p>
            Whatever uses this token gets 401 from its next request. This cannot be undone; create a new token instead.
          </p>
        </ConfirmButton>
      )}
    </li>
  );
}
