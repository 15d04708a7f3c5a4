"use client";
import { signOut } from "next-auth/react";
import { useActionState, useEffect } from "react";
import { changePasswordAction, saveProfileAction, signOutEverywhereAction } from "@/app/(admin)/admin/account/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { FormStatus } from "./FormStatus";

const box = "space-y-3 rounded-lg border border-gray-200 p-4 dark:border-gray-800";

export function ProfileForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState(saveProfileAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className={box} aria-labelledby="profile">
      <h2 id="profile" className="font-semibold">
        Profile
      </h2>
      <FormStatus state={state} />
      <TextField label="Name" name="name" defaultValue={name} error={state.fieldErrors?._ ?? state.fieldErrors?.name} />
      <Button disabled={pending}>Save</Button>
    </form>
  );
}

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className={box} aria-labelledby="password">
      <h2 id="password" className="font-semibold">
        Password
      </h2>
      <FormStatus state={state} />
      <TextField
        label="Current password"
        name="current"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.current}
      />
      <TextField
        label="New password"
        name="next"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint="At least 12 characters."
        error={state.fieldErrors?.next}
      />
      <Button disabled={pending}>Change password</Button>
    </form>
  );
}

export function SignOutEverywhereForm() {
  const [state, action, pending] = useActionState(signOutEverywhereAction, INITIAL_ACTION_STATE);
  useEffect(() => {
    if (state.ok) void signOut({ callbackUrl: "/admin/sign-in" });
  }, [state.ok]);
  return (
    <form action={action} className={box} aria-labelledby="sessions">
      <h2 id="sessions" className="font-semibold">
        Sessions
      </h2>
      <p className="text-sm text-gray-600 dark:text-gray-400">
        Lost a laptop? End every session of this account, on every device.
      </p>
      <FormStatus state={state} />
      <Button variant="dangerOutline" disabled={pending}>
        Sign out everywhere
      </Button>
    </form>
  );
}
