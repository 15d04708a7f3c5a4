import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

// Labelled form controls with a hint and an error slot, wired with aria-describedby and
// aria-invalid so a screen reader hears the problem when it reaches the field.
export const CONTROL_CLASS =
  "mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm text-gray-900 shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/40 aria-[invalid=true]:border-red-600 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100 dark:aria-[invalid=true]:border-red-400";

type Common = { label: ReactNode; name: string; error?: string[]; hint?: ReactNode };

function useDescribed(error?: string[], hint?: ReactNode) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error?.length ? `${id}-error` : undefined;
  return {
    id,
    hintId,
    errorId,
    aria: {
      "aria-invalid": errorId ? true : undefined,
      "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
    },
  };
}

function Extras({
  hintId,
  errorId,
  hint,
  error,
}: {
  hintId?: string;
  errorId?: string;
  hint?: ReactNode;
  error?: string[];
}) {
  return (
    <>
      {hintId ? (
        <span id={hintId} className="mt-1 block text-xs text-gray-600 dark:text-gray-400">
          {hint}
        </span>
      ) : null}
      {errorId ? (
        <span id={errorId} className="mt-1 block text-sm font-medium text-red-700 dark:text-red-300">
          {error!.join(" ")}
        </span>
      ) : null}
    </>
  );
}

export function TextField({
  label,
  name,
  error,
  hint,
  className = "",
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const d = useDescribed(error, hint);
  return (
    <div className={className}>
      <label htmlFor={d.id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={d.id} name={name} className={CONTROL_CLASS} {...d.aria} {...input} />
      <Extras {...d} hint={hint} error={error} />
    </div>
  );
}

export function TextArea({
  label,
  name,
  error,
  hint,
  className = "",
  ...input
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const d = useDescribed(error, hint);
  return (
    <div className={className}>
      <label htmlFor={d.id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea id={d.id} name={name} className={`${CONTROL_CLASS} font-mono`} {...d.aria} {...input} />
      <Extras {...d} hint={hint} error={error} />
    </div>
  );
}

export function Select({
  label,
  name,
  error,
  hint,
  className = "",
  options,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly { value: string; label: string }[] }) {
  const d = useDescribed(error, hint);
  return (
    <div className={className}>
      <label htmlFor={d.id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={d.id} name={name} className={CONTROL_CLASS} {...d.aria} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Extras {...d} hint={hint} error={error} />
    </div>
  );
}

export function Checkbox({
  label,
  name,
  error,
  hint,
  className = "",
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const d = useDescribed(error, hint);
  return (
    <div className={className}>
      <div className="flex items-start gap-2">
        <input
          id={d.id}
          name={name}
          type="checkbox"
          className="mt-0.5 h-4 w-4 shrink-0 rounded border-gray-400 accent-blue-700 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2 dark:focus-visible:ring-offset-gray-950"
          {...d.aria}
          {...input}
        />
        <label htmlFor={d.id} className="text-sm font-medium">
          {label}
        </label>
      </div>
      <div className="pl-6">
        <Extras {...d} hint={hint} error={error} />
      </div>
    </div>
  );
}
