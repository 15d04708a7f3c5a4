import type { ActionState } from "@/lib/action-state";

/** The outcome of the last submission: a success note (status) or the problem (alert). */
export function FormMessage({ state, className = "" }: { state: ActionState; className?: string }) {
  if (!state.message) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`rounded-md border px-3 py-2 text-sm ${
        state.ok
          ? "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
          : "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      } ${className}`}
    >
      {state.message}
    </p>
  );
}
