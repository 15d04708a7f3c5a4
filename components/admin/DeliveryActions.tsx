"use client";
// Retry a failed delivery; settle one whose outcome is unknown ("it was posted" with the post's
// URL, or "it was not posted: send it").
import { useActionState } from "react";
import { retryDeliveryAction, settleDeliveryAction } from "@/app/(admin)/admin/deliveries/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { FormMessage } from "@/components/ui/FormMessage";
import { CONTROL_CLASS } from "@/components/ui/Field";
import { staffT } from "@/lib/i18n/staff";

export function RetryDelivery({ id, label }: { id: string; label: string }) {
  const [state, action, pending] = useActionState(retryDeliveryAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <Button variant="secondary" disabled={pending} aria-label={staffT("staff.deliveries.retryLabel", { label })}>
        {staffT("staff.deliveries.retry")}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

export function SettleDelivery({ id, label }: { id: string; label: string }) {
  const [state, action, pending] = useActionState(settleDeliveryAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="mt-2 flex flex-wrap items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <label className="text-xs">
        {staffT("staff.deliveries.postUrl")}
        <input
          name="remoteUrl"
          type="url"
          className={`${CONTROL_CLASS} w-64`}
          aria-label={staffT("staff.deliveries.postUrlLabel", { label })}
        />
      </label>
      <Button
        variant="secondary"
        name="outcome"
        value="posted"
        disabled={pending}
        aria-label={staffT("staff.deliveries.postedLabel", { label })}
      >
        {staffT("staff.deliveries.posted")}
      </Button>
      <Button
        variant="secondary"
        name="outcome"
        value="not_posted"
        disabled={pending}
        aria-label={staffT("staff.deliveries.notPostedLabel", { label })}
      >
        {staffT("staff.deliveries.notPosted")}
      </Button>
      <FormMessage state={state} className="w-full" />
    </form>
  );
}
