"use client";
// A destructive action with a real confirmation step: the button opens a modal <dialog>
// (focus moves into it, Escape cancels) that says what will happen; only its own button acts.
import { useActionState, useId, useRef, type ReactNode } from "react";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/action-state";
import { staffT } from "@/lib/i18n/staff";
import { Button, type ButtonVariant } from "./Button";
import { FormMessage } from "./FormMessage";

type Props = {
  /** The trigger's text, e.g. "Delete". */
  label: ReactNode;
  /** Its accessible name when the text alone is ambiguous, e.g. "Delete API". */
  ariaLabel?: string;
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  variant?: ButtonVariant;
};

export function ConfirmButton({
  label,
  ariaLabel,
  title,
  children,
  confirmLabel,
  action,
  fields,
  variant = "dangerOutline",
}: Props) {
  const [state, formAction, pending] = useActionState(action, INITIAL_ACTION_STATE);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <Button
        type="button"
        variant={variant}
        aria-label={ariaLabel}
        aria-haspopup="dialog"
        disabled={pending}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-gray-200 bg-white p-5 text-gray-900 shadow-xl backdrop:bg-gray-950/50 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div className="mt-2 space-y-2 text-sm text-gray-700 dark:text-gray-300">{children}</div>
        <form
          action={formAction}
          onSubmit={() => dialog.current?.close()}
          className="mt-5 flex flex-wrap justify-end gap-2"
        >
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <Button type="button" variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
            {staffT("staff.common.cancel")}
          </Button>
          <Button variant="danger">{confirmLabel}</Button>
        </form>
      </dialog>
      {state.ok ? null : <FormMessage state={state} className="mt-2 w-full" />}
    </>
  );
}
