// What a server action answers a form. No server imports here: client components use it.
export type ActionState = {
  ok: boolean;
  /** Shown at the top of the form (a success note or the first problem). */
  message?: string;
  /** Messages by field name, shown beside each field. */
  fieldErrors?: Record<string, string[]>;
  /** Anything the form shows once, e.g. a generated password or token. */
  secret?: string;
  /** Echo of what was submitted, so a refused form keeps what the person typed. */
  values?: Record<string, string>;
};

export const INITIAL_ACTION_STATE: ActionState = { ok: false };

/**
 * Whether a checkbox that is on by default starts ticked: as submitted when the form shows a
 * refused submission (an unticked box is then absent, not "on"), otherwise as in `values`.
 */
export function boxOn(values: Record<string, string | undefined>, name: string, echoed: boolean): boolean {
  return (echoed ? values[name] : (values[name] ?? "on")) === "on";
}
