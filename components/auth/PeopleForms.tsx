"use client";
import { useActionState } from "react";
import { changePersonAction, createPersonAction } from "@/app/(admin)/admin/people/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { ROLES, type Role } from "@/lib/constants";
import { Button } from "@/components/ui/Button";
import { Select, TextField } from "@/components/ui/Field";
import { FormStatus } from "./FormStatus";

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: r }));

type Person = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  twoFactor: boolean;
  lastSignInAt: number | null;
};

export function NewPersonForm() {
  const [state, action, pending] = useActionState(createPersonAction, INITIAL_ACTION_STATE);
  return (
    <form
      action={action}
      className="space-y-3 rounded-lg border border-gray-200 p-4 dark:border-gray-800"
      aria-labelledby="new-person"
    >
      <h2 id="new-person" className="font-semibold">
        Add a person
      </h2>
      <FormStatus state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label="Email"
          name="email"
          type="email"
          required
          defaultValue={state.values?.email}
          error={state.fieldErrors?.email}
        />
        <TextField label="Name" name="name" defaultValue={state.values?.name} error={state.fieldErrors?.name} />
        <Select
          label="Role"
          name="role"
          defaultValue={state.values?.role ?? "editor"}
          options={ROLE_OPTIONS}
          error={state.fieldErrors?.role}
        />
      </div>
      <Button disabled={pending}>Add and generate a password</Button>
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
          <p className="font-medium">
            {person.email}
            {isSelf && <span className="text-gray-600 dark:text-gray-400"> (you)</span>}
          </p>
          <p className="text-xs text-gray-600 dark:text-gray-400">
            {person.name || "No name"} · {person.role} · {person.disabled ? "disabled" : "active"} · two-factor{" "}
            {person.twoFactor ? "on" : "off"} ·{" "}
            {person.lastSignInAt
              ? `last sign-in ${new Date(person.lastSignInAt).toISOString().slice(0, 16).replace("T", " ")} UTC`
              : "never signed in"}
          </p>
        </div>
      </div>
      <form action={action} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="id" value={person.id} />
        <Select label="Role" name="role" defaultValue={person.role} options={ROLE_OPTIONS} />
        <Button name="intent" value="role" variant="secondary" disabled={pending}>
          Change role
        </Button>
        <Button name="intent" value="reset" variant="secondary" disabled={pending}>
          Reset password
        </Button>
        {person.twoFactor && (
          <Button name="intent" value="totp_off" variant="secondary" disabled={pending}>
            Turn off two-factor
          </Button>
        )}
        {person.disabled ? (
          <Button name="intent" value="enable" variant="secondary" disabled={pending}>
            Re-enable
          </Button>
        ) : (
          !isSelf && (
            <Button name="intent" value="disable" variant="dangerOutline" disabled={pending}>
              Disable
            </Button>
          )
        )}
      </form>
      <FormStatus state={state} />
    </li>
  );
}
