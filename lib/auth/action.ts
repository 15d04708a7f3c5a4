// The one wrapper for server actions: checks the session and role first (every action is a
// public endpoint), runs the work against the process's database, then refreshes the staff pages
// it names and maps AppError to a form state with messages beside the fields. An action itself is
// then only: read the form, call a verb, word the success note.
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { getDb, type Db } from "@/db/client";
import type { Role } from "../constants";
import { AppError, storageError } from "../errors";
import type { ActionState } from "../action-state";
import { staffForAction, type Staff } from "./session";

export { INITIAL_ACTION_STATE, type ActionState } from "../action-state";

/** A page to refresh after a change; `layout` refreshes every page under the path. */
export type Revalidation = string | { layout: string };

/** Every staff page: the layout shows the page's name and counts shared by all of them. */
export const ALL_STAFF_PAGES: Revalidation = { layout: "/admin" };

export type ActionOptions = {
  /** What was submitted: a refused form keeps what the person typed. */
  echo?: Record<string, string>;
  /** Pages to refresh once the work succeeded (answered ok); a function when they depend on what it changed. */
  revalidate?: readonly Revalidation[] | (() => readonly Revalidation[]);
};

type Work = (staff: Staff, db: Db) => Promise<ActionState | void> | ActionState | void;

export async function runAction(role: Role, work: Work, options: ActionOptions = {}): Promise<ActionState> {
  const result = await attempt(role, work, options);
  return result.ok || !options.echo ? result : { ...result, values: options.echo };
}

async function attempt(role: Role, work: Work, { revalidate = [] }: ActionOptions): Promise<ActionState> {
  try {
    const staff = await staffForAction(role);
    const state = (await work(staff, getDb())) ?? { ok: true };
    // A refusal the work answered itself changed nothing, so no page needs refreshing.
    if (state.ok) refresh(typeof revalidate === "function" ? revalidate() : revalidate);
    return state;
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

function refresh(targets: readonly Revalidation[]) {
  for (const target of targets) {
    if (typeof target === "string") revalidatePath(target);
    else revalidatePath(target.layout, "layout");
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
