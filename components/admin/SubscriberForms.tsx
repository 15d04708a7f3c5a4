"use client";
import { useActionState } from "react";
import { addSubscriberAction, removeSubscriberAction } from "@/app/(admin)/admin/subscribers/actions";
import { switchNetworkAction } from "@/app/(admin)/admin/channels/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { Select, TextField } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";

const KIND_OPTIONS = {
  webhook: [{ value: "webhook", label: staffT("staff.subscribers.kindWebhook") }],
  chat: [
    { value: "slack", label: staffT("staff.subscribers.kindSlack") },
    { value: "discord", label: staffT("staff.subscribers.kindDiscord") },
    { value: "teams", label: staffT("staff.subscribers.kindTeams") },
  ],
};

export function AddSubscriberForm({
  variant,
  components,
}: {
  variant: "webhook" | "chat";
  components: readonly { id: string; name: string }[];
}) {
  const [state, action, pending] = useActionState(addSubscriberAction, INITIAL_ACTION_STATE);
  const title = variant === "webhook" ? staffT("staff.subscribers.addWebhook") : staffT("staff.subscribers.addChat");
  const id = `add-${variant}`;
  return (
    <form
      action={action}
      className="space-y-3 rounded-lg border border-gray-200 p-4 dark:border-gray-800"
      aria-labelledby={id}
    >
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      <FormStatus state={state} />
      {variant === "webhook" ? (
        <input type="hidden" name="kind" value="webhook" />
      ) : (
        <Select
          label={staffT("staff.subscribers.product")}
          name="kind"
          options={KIND_OPTIONS.chat}
          defaultValue={state.values?.kind}
          error={state.fieldErrors?.kind}
        />
      )}
      <TextField
        label={staffT("staff.subscribers.url")}
        name="url"
        type="url"
        required
        defaultValue={state.values?.url}
        error={state.fieldErrors?.url}
      />
      <TextField
        label={staffT("staff.subscribers.label")}
        name="label"
        hint={staffT("staff.subscribers.labelHint")}
        defaultValue={state.values?.label}
        error={state.fieldErrors?.label}
      />
      {components.length ? (
        <fieldset className="grid gap-1 sm:grid-cols-2">
          <legend className="text-sm font-medium">{staffT("staff.subscribers.components")}</legend>
          {components.map((c) => (
            <label key={c.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="component" value={c.id} />
              {c.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <Button disabled={pending}>{title}</Button>
    </form>
  );
}

export function RemoveSubscriber({ id, label }: { id: string; label: string }) {
  return (
    <ConfirmButton
      label={staffT("staff.subscribers.remove")}
      ariaLabel={staffT("staff.subscribers.removeLabel", { label })}
      title={staffT("staff.subscribers.removeConfirm", { label })}
      confirmLabel={staffT("staff.subscribers.remove")}
      action={removeSubscriberAction}
      fields={{ id }}
    >
      <p>{staffT("staff.subscribers.removeBody")}</p>
    </ConfirmButton>
  );
}

export function NetworkSwitch({ name, label, enabled }: { name: string; label: string; enabled: boolean }) {
  const [state, action, pending] = useActionState(switchNetworkAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="name" value={name} />
      <input type="hidden" name="enabled" value={enabled ? "0" : "1"} />
      <Button
        variant="secondary"
        disabled={pending}
        aria-label={
          enabled ? staffT("staff.channels.turnOffLabel", { label }) : staffT("staff.channels.turnOnLabel", { label })
        }
      >
        {enabled ? staffT("staff.channels.turnOff") : staffT("staff.channels.turnOn")}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
