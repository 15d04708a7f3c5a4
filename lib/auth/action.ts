// The one wrapper for server actions: checks the session and role first (every action is a
// public endpoint), then maps AppError to a form state with messages beside the fields.
import { unstable_rethrow } from "next/navigation";
import type { Role } from "../constants";
import { AppError, storageError } from "../errors";
import type { ActionState } from "../action-state";
import { staffForAction, type Staff } from "./session";

export { INITIAL_ACTION_STATE, type ActionState } from "../action-state";

export async function runAction(role: Role, fn: (staff: Staff) => Promise<ActionState | void> | ActionState | void): Promise<ActionState> {
  try {
    const staff = await staffForAction(role);
    return (await fn(staff)) ?? { ok: true };
  } catch (err) {
    unstable_rethrow(err); // redirect() and notFound() inside an action
    if (err instanceof AppError) return { ok: false, message: err.message, fieldErrors: err.fieldErrors };
    const storage = storageError(err);
    if (storage) {
      console.error(`outpost: action refused by storage: ${(err as Error).message}`);
      return { ok: false, message: storage.message };
    }
    console.error("outpost: action failed", err);
    return { ok: false, message: "Something went wrong; nothing was changed. Try again." };
  }
}

/** FormData to a plain object of strings (checkboxes: "on" or absent). */
export function formValues(form: FormData | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  // Actions are public endpoints: a crafted call may send anything, or nothing.
  if (!(form instanceof FormData)) return out;
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}
