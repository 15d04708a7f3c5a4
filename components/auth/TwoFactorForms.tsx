"use client";
import { useActionState } from "react";
import { beginTotpAction, confirmTotpAction, disableTotpAction } from "@/app/(admin)/admin/account/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";
import { StaffRich } from "@/components/admin/StaffRich";
import { FormStatus } from "./FormStatus";
import { staffT } from "@/lib/i18n/staff";

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
        {staffT("staff.account.twoFactor")}
      </h2>
      {confirmed.ok ? (
        <FormStatus state={confirmed} />
      ) : enabled ? (
        <form action={disable} className="space-y-3">
          <p className="text-sm">{staffT("staff.account.twoFactorOn", { count: recoveryLeft })}</p>
          <FormStatus state={disabled} />
          <TextField
            label={staffT("staff.account.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            hint={staffT("staff.account.twoFactorOffHint")}
            error={disabled.fieldErrors?.password}
          />
          <Button variant="dangerOutline" disabled={disabling}>
            {staffT("staff.account.turnOff")}
          </Button>
        </form>
      ) : pending ? (
        <form action={confirm} className="space-y-3">
          <p className="text-sm">{staffT("staff.account.scan")}</p>
          <div
            className="w-48 rounded bg-white p-2"
            role="img"
            aria-label={staffT("staff.account.qr")}
            dangerouslySetInnerHTML={{ __html: pending.qr }}
          />
          <p className="text-sm">
            <StaffRich
              id="staff.account.key"
              values={{
                key: (
                  <code className="break-all font-mono" data-testid="totp-secret">
                    {pending.secret}
                  </code>
                ),
              }}
            />
          </p>
          <FormStatus state={confirmed} />
          <TextField
            label={staffT("staff.account.code")}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            error={confirmed.fieldErrors?.code}
          />
          <Button disabled={confirming}>{staffT("staff.account.turnOn")}</Button>
        </form>
      ) : (
        <form action={begin} className="space-y-3">
          <p className="text-sm">{staffT("staff.account.off")}</p>
          <FormStatus state={begun} />
          <Button disabled={beginning}>{staffT("staff.account.setUp")}</Button>
        </form>
      )}
    </section>
  );
}
