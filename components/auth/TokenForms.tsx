"use client";
import { useActionState } from "react";
import { createTokenAction, revokeTokenAction } from "@/app/(admin)/admin/tokens/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { Select, TextField } from "@/components/ui/Field";
import { API_SCOPES, TOKEN_SCOPE_LABELS, type TokenScope } from "@/lib/constants";
import { FormStatus } from "./FormStatus";
import { staffT } from "@/lib/i18n/staff";

type Token = {
  id: string;
  name: string;
  prefix: string;
  scope: TokenScope;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
};
const when = (t: number | null) =>
  t ? `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC` : staffT("staff.tokens.never");

export function NewTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, INITIAL_ACTION_STATE);
  return (
    <form
      action={action}
      className="space-y-3 rounded-lg border border-gray-200 p-4 dark:border-gray-800"
      aria-labelledby="new-token"
    >
      <h2 id="new-token" className="font-semibold">
        {staffT("staff.tokens.create")}
      </h2>
      <FormStatus state={state} />
      <TextField
        label={staffT("staff.common.name")}
        name="name"
        required
        hint={staffT("staff.tokens.nameHint")}
        defaultValue={state.values?.name}
        error={state.fieldErrors?.name}
      />
      <Select
        label={staffT("staff.tokens.scope")}
        name="scope"
        options={API_SCOPES.map((value) => ({ value, label: TOKEN_SCOPE_LABELS[value] }))}
        defaultValue={state.values?.scope ?? "read"}
        hint={staffT("staff.tokens.scopeHint")}
        error={state.fieldErrors?.scope}
      />
      <Button disabled={pending}>{staffT("staff.tokens.createButton")}</Button>
    </form>
  );
}

export function TokenRow({ token }: { token: Token }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 p-4" aria-label={token.name}>
      <div>
        <p className="font-medium">
          {token.name} <code className="text-xs text-gray-600 dark:text-gray-400">{token.prefix}…</code>{" "}
          <span className="rounded bg-gray-100 px-1.5 py-0.5 text-xs dark:bg-gray-800">
            {staffT("staff.tokens.scopeOf", { scope: token.scope })}
          </span>
        </p>
        <p className="text-xs text-gray-600 dark:text-gray-400">
          {staffT("staff.tokens.created", { time: when(token.createdAt) })} ·{" "}
          {staffT("staff.tokens.lastUsed", { time: when(token.lastUsedAt) })}
          {token.revokedAt && ` · ${staffT("staff.tokens.revoked", { time: when(token.revokedAt) })}`}
        </p>
      </div>
      {!token.revokedAt && (
        <ConfirmButton
          label={staffT("staff.tokens.revoke")}
          ariaLabel={staffT("staff.tokens.revokeLabel", { name: token.name })}
          title={staffT("staff.tokens.revokeConfirm", { name: token.name })}
          confirmLabel={staffT("staff.tokens.revokeToken")}
          action={revokeTokenAction}
          fields={{ id: token.id }}
        >
          <p>{staffT("staff.tokens.revokeBody")}</p>
        </ConfirmButton>
      )}
    </li>
  );
}
