"use client";
// One button that runs a server action with a few hidden fields and shows its outcome.
import { useActionState } from "react";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/action-state";
import { Button, type ButtonVariant } from "@/components/ui/Button";
import { FormMessage } from "@/components/ui/FormMessage";

type Props = {
  label: string;
  ariaLabel?: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  variant?: ButtonVariant;
};

export function ActionButton({ label, ariaLabel, action, fields, variant = "secondary" }: Props) {
  const [state, formAction, pending] = useActionState(action, INITIAL_ACTION_STATE);
  return (
    <form action={formAction} className="inline-flex flex-col gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button variant={variant} aria-label={ariaLabel} disabled={pending}>
        {label}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
