"use client";
import { useActionState } from "react";
import { changePersonAction, createPersonAction } from "@/app/(admin)/admin/people/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { ROLES, type Role } from "@/lib/constants";
import { Button } from "@/components/ui/Button";
import { Select, TextField } from "@/components/ui/Field";
import { FormStatus } from "./FormStatus";
import { staffT } from "@/lib/i18n/staff";

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
        {staffT("staff.people.add")}
      </h2>
      <FormStatus state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label={staffT("staff.people.email")}
          name="email"
          type="email"
          required
          defaultValue={state.values?.email}
          error={state.fieldErrors?.email}
        />
        <TextField
          label={staffT("staff.common.name")}
          name="name"
          defaultValue={state.values?.name}
          error={state.fieldErrors?.name}
        />
        <Select
          label={staffT("staff.people.role")}
          name="role"
          defaultValue={state.values?.role ?? "editor"}
          options={ROLE_OPTIONS}
          error={state.fieldErrors?.role}
        />
      </div>
      <Button disabled={pending}>{staffT("staff.people.addButton")}</Button>
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
            {isSelf && <span className="text-gray-600 dark:text-gray-400"> {staffT("staff.people.you")}</span>}
          </p>
          <p className="text-xs text-gray-600 dark:text-gray-400">
            {person.name || staffT("staff.people.noName")} · {person.role} ·{" "}
            {person.disabled ? staffT("staff.people.disabled") : staffT("staff.people.active")} ·{" "}
            {person.twoFactor ? staffT("staff.people.twoFactorOn") : staffT("staff.people.twoFactorOff")} ·{" "}
            {person.lastSignInAt
              ? staffT("staff.people.lastSignIn", {
                  time: `${new Date(person.lastSignInAt).toISOString().slice(0, 16).replace("T", " ")} UTC`,
                })
              : staffT("staff.people.neverSignedIn")}
          </p>
        </div>
      </div>
      <form action={action} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="id" value={person.id} />
        <Select label={staffT("staff.people.role")} name="role" defaultValue={person.role} options={ROLE_OPTIONS} />
        <Button name="intent" value="role" variant="secondary" disabled={pending}>
          {staffT("staff.people.changeRole")}
        </Button>
        <Button name="intent" value="reset" variant="secondary" disabled={pending}>
          {staffT("staff.people.resetPassword")}
        </Button>
        {person.twoFactor && (
          <Button name="intent" value="totp_off" variant="secondary" disabled={pending}>
            {staffT("staff.people.turnOffTwoFactor")}
          </Button>
        )}
        {person.disabled ? (
          <Button name="intent" value="enable" variant="secondary" disabled={pending}>
            {staffT("staff.people.enable")}
          </Button>
        ) : (
          !isSelf && (
            <Button name="intent" value="disable" variant="dangerOutline" disabled={pending}>
              {staffT("staff.people.disable")}
            </Button>
          )
        )}
      </form>
      <FormStatus state={state} />
    </li>
  );
}
