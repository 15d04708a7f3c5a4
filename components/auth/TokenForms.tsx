"use client";
import { useActionState, useState } from "react";
import { createTokenAction, revokeTokenAction } from "@/app/(admin)/admin/tokens/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Field, FormStatus } from "./FormStatus";
import { dangerButton, inputClass, primaryButton, secondaryButton } from "./styles";

type Token = { id: string; name: string; prefix: string; createdAt: number; lastUsedAt: number | null; revokedAt: number | null };
const when = (t: number | null) => (t ? `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC` : "never");

export function NewTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="space-y-3 rounded-lg border border-gray-200 p-4 dark:border-gray-800" aria-labelledby="new-token">
      <h2 id="new-token" className="font-semibold">Create a token</h2>
      <FormStatus state={state} />
      <Field label="Name" name="name" required hint="What uses it, e.g. “PagerDuty” or “deploy script”." state={state} className={inputClass} />
      <button className={primaryButton} disabled={pending}>Create token</button>
    </form>
  );
}

export function TokenRow({ token }: { token: Token }) {
  const [state, action, pending] = useActionState(revokeTokenAction, INITIAL_ACTION_STATE);
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 p-4" aria-label={token.name}>
      <div>
        <p className="font-medium">{token.name} <code className="text-xs text-gray-600 dark:text-gray-400">{token.prefix}…</code></p>
        <p className="text-xs text-gray-600 dark:text-gray-400">
          created {when(token.createdAt)} · last used {when(token.lastUsedAt)}
          {token.revokedAt && ` · revoked ${when(token.revokedAt)}`}
        </p>
        <FormStatus state={state} />
      </div>
      {!token.revokedAt && (
        <form action={action} className="flex gap-2">
          <input type="hidden" name="id" value={token.id} />
          {confirming ? (
            <>
              <button className={dangerButton} disabled={pending}>Yes, revoke “{token.name}”</button>
              <button type="button" className={secondaryButton} onClick={() => setConfirming(false)}>Keep it</button>
            </>
          ) : (
            <button type="button" className={dangerButton} onClick={() => setConfirming(true)}>Revoke…</button>
          )}
        </form>
      )}
    </li>
  );
}
