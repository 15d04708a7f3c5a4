import type { ActionState } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/FormMessage";
import { SecretNotice } from "./SecretNotice";

/** The last submission's result: a secret shown once, or the note; with field messages, a pointer to them. */
export function FormStatus({ state }: { state: ActionState }) {
  if (state.secret) return <SecretNotice message={state.message} secret={state.secret} />;
  const fieldNames = Object.keys(state.fieldErrors ?? {}).filter((k) => k !== "_");
  const message = !state.ok && fieldNames.length ? "Please check the fields marked below." : state.message;
  return <FormMessage state={{ ...state, message }} />;
}
