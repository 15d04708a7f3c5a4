import type { ActionState } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/FormMessage";
import { staffT } from "@/lib/i18n/staff";
import { SecretNotice } from "./SecretNotice";

/** The last submission's result: a secret shown once, or the note; with field messages, a pointer to them. */
export function FormStatus({ state }: { state: ActionState }) {
  if (state.secret) return <SecretNotice message={state.message} secret={state.secret} />;
  const fieldNames = Object.keys(state.fieldErrors ?? {}).filter((k) => k !== "_");
  const message = !state.ok && fieldNames.length ? staffT("staff.common.checkFields") : state.message;
  return <FormMessage state={{ ...state, message }} />;
}
