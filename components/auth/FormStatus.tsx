import type { ActionState } from "@/lib/action-state";
import { SecretNotice } from "./SecretNotice";

/** The result of the last submission: a success note, a secret shown once, or the problem. */
export function FormStatus({ state }: { state: ActionState }) {
  if (state.secret) return <SecretNotice message={state.message} secret={state.secret} />;
  if (!state.message) return null;
  // With messages beside the fields, the top line points at them instead of repeating one.
  const fieldNames = Object.keys(state.fieldErrors ?? {}).filter((k) => k !== "_");
  const text = !state.ok && fieldNames.length ? "Please check the fields marked below." : state.message;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={
        state.ok
          ? "rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100"
          : "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      }
    >
      {text}
    </p>
  );
}

/** A labelled input with its message beside it. */
export function Field({
  label,
  name,
  state,
  hint,
  className,
  ...input
}: { label: string; name: string; state: ActionState; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const errors = state.fieldErrors?.[name];
  const describedBy = [hint && `${name}-hint`, errors && `${name}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <label className="block text-sm font-medium">
      {label}
      <input name={name} aria-invalid={errors ? true : undefined} aria-describedby={describedBy} defaultValue={state.values?.[name]} className={className} {...input} />
      {hint && <span id={`${name}-hint`} className="mt-1 block text-xs font-normal text-gray-600 dark:text-gray-400">{hint}</span>}
      {errors && <span id={`${name}-error`} className="mt-1 block text-xs font-normal text-red-700 dark:text-red-300">{errors.join("; ")}</span>}
    </label>
  );
}
