"use client";
import { signOut } from "next-auth/react";
import { useActionState, useEffect } from "react";
import { changePasswordAction, saveProfileAction, signOutEverywhereAction } from "@/app/(admin)/admin/account/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { FormStatus } from "./FormStatus";
import { staffT } from "@/lib/i18n/staff";

const box = "space-y-3 rounded-lg border border-gray-200 p-4 dark:border-gray-800";

export function ProfileForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState(saveProfileAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className={box} aria-labelledby="profile">
      <h2 id="profile" className="font-semibold">
        {staffT("staff.account.profile")}
      </h2>
      <FormStatus state={state} />
      <TextField
        label={staffT("staff.common.name")}
        name="name"
        defaultValue={name}
        error={state.fieldErrors?._ ?? state.fieldErrors?.name}
      />
      <Button disabled={pending}>{staffT("staff.common.save")}</Button>
    </form>
  );
}

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className={box} aria-labelledby="password">
      <h2 id="password" className="font-semibold">
        {staffT("staff.account.password")}
      </h2>
      <FormStatus state={state} />
      <TextField
        label={staffT("staff.account.current")}
        name="current"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.current}
      />
      <TextField
        label={staffT("staff.account.new")}
        name="next"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint={staffT("staff.account.newHint")}
        error={state.fieldErrors?.next}
      />
      <Button disabled={pending}>{staffT("staff.account.change")}</Button>
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
        {staffT("staff.account.sessions")}
      </h2>
      <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.account.sessionsIntro")}</p>
      <FormStatus state={state} />
      <Button variant="dangerOutline" disabled={pending}>
        {staffT("staff.account.signOutEverywhere")}
      </Button>
    </form>
  );
}
