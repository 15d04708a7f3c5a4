"use client";
import { useActionState } from "react";
import { changePersonAction, createPersonAction } from "@/app/(admin)/admin/people/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { ROLES, type Role } from "@/lib/constants";
import { Field, FormStatus } from "./FormStatus";
import { dangerButton, inputClass, primaryButton, secondaryButton } from "./styles";

type Person = { id: string; email: string; name: string; role: Role; disabled: boolean; twoFactor: boolean; lastSignInAt: number | null };

export function NewPersonForm() {
  const [state, action, pending] = useActionState(createPersonAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="space-y-3 rounded-lg border border-gray-200 p-4 dark:border-gray-800" aria-labelledby="new-person">
      <h2 id="new-person" className="font-semibold">Add a person</h2>
      <FormStatus state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Email" name="email" type="email" required state={state} className={inputClass} />
        <Field label="Name" name="name" state={state} className={inputClass} />
        <label className="block text-sm font-medium">
          Role
          <select name="role" defaultValue={state.values?.role ?? "editor"} className={inputClass}>
            {ROLES.map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
        </label>
      </div>
      <button className={primaryButton} disabled={pending}>Add and generate a password</button>
    </form>
  );
}

export function PersonRow({ person, isSelf }: { person: Person; isSelf: boolean }) {
  const [state, action, pending] = useActionState(changePersonAction, INITIAL_ACTION_STATE);
  const label = person.name ? `${person.name} (${person.email})` : person.email;
  return (
    <li className="space-y-2 p-4" aria-label={label}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <p className="font-medium">{person.email}{isSelf && <span className="text-gray-600 dark:text-gray-400"> (you)</span>}</p>
          <p className="text-xs text-gray-600 dark:text-gray-400">
            {person.name || "No name"} · {person.role} · {person.disabled ? "disabled" : "active"} · two-factor {person.twoFactor ? "on" : "off"} ·{" "}
            {person.lastSignInAt ? `last sign-in ${new Date(person.lastSignInAt).toISOString().slice(0, 16).replace("T", " ")} UTC` : "never signed in"}
          </p>
        </div>
      </div>
      <form action={action} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="id" value={person.id} />
        <label className="text-sm font-medium">
          Role
          <select name="role" defaultValue={person.role} className={inputClass} aria-label={`Role for ${person.email}`}>
            {ROLES.map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
        </label>
        <button name="intent" value="role" className={secondaryButton} disabled={pending}>Change role</button>
        <button name="intent" value="reset" className={secondaryButton} disabled={pending}>Reset password</button>
        {person.twoFactor && <button name="intent" value="totp_off" className={secondaryButton} disabled={pending}>Turn off two-factor</button>}
        {person.disabled ? (
          <button name="intent" value="enable" className={secondaryButton} disabled={pending}>Re-enable</button>
        ) : (
          !isSelf && <button name="intent" value="disable" className={dangerButton} disabled={pending}>Disable</button>
        )}
      </form>
      <FormStatus state={state} />
    </li>
  );
}
