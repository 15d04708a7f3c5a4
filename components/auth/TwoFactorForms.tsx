"use client";
import { useActionState } from "react";
import { beginTotpAction, confirmTotpAction, disableTotpAction } from "@/app/(admin)/admin/account/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { FormStatus } from "./FormStatus";

type Pending = { secret: string; qr: string } | null;

export function TwoFactorSection({
  enabled,
  pending,
  recoveryLeft,
}: {
  enabled: boolean;
  pending: Pending;
  recoveryLeft: number;
}) {
  const [begun, begin, beginning] = useActionState(beginTotpAction, INITIAL_ACTION_STATE);
  const [confirmed, confirm, confirming] = useActionState(confirmTotpAction, INITIAL_ACTION_STATE);
  const [disabled, disable, disabling] = useActionState(disableTotpAction, INITIAL_ACTION_STATE);
  return (
    <section
      className="space-y-3 rounded-lg border border-gray-200 p-4 dark:border-gray-800"
      aria-labelledby="two-factor"
    >
      <h2 id="two-factor" className="font-semibold">
        Two-factor sign-in
      </h2>
      {confirmed.ok ? (
        <FormStatus state={confirmed} />
      ) : enabled ? (
        <form action={disable} className="space-y-3">
          <p className="text-sm">
            On. {recoveryLeft} unused recovery code{recoveryLeft === 1 ? "" : "s"} left.
          </p>
          <FormStatus state={disabled} />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            hint="Needed to turn two-factor sign-in off."
            error={disabled.fieldErrors?.password}
          />
          <Button variant="dangerOutline" disabled={disabling}>
            Turn off two-factor sign-in
          </Button>
        </form>
      ) : pending ? (
        <form action={confirm} className="space-y-3">
          <p className="text-sm">
            Scan this code with an authenticator app (or enter the key by hand), then type the 6-digit code it shows.
          </p>
          <div
            className="w-48 rounded bg-white p-2"
            role="img"
            aria-label="QR code for your authenticator app"
            dangerouslySetInnerHTML={{ __html: pending.qr }}
          />
          <p className="text-sm">
            Key:{" "}
            <code className="break-all font-mono" data-testid="totp-secret">
              {pending.secret}
            </code>
          </p>
          <FormStatus state={confirmed} />
          <TextField
            label="Code from the app"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            error={confirmed.fieldErrors?.code}
          />
          <Button disabled={confirming}>Turn on</Button>
        </form>
      ) : (
        <form action={begin} className="space-y-3">
          <p className="text-sm">Off. With it on, signing in also asks for a code from an app on your phone.</p>
          <FormStatus state={begun} />
          <Button disabled={beginning}>Set up two-factor sign-in</Button>
        </form>
      )}
    </section>
  );
}
