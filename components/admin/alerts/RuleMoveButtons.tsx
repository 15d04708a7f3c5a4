"use client";
// Earlier and later in the order rules are tried: two small buttons beside Edit and Delete, which
// post without JavaScript too. Each button's accessible name says which rule moves where.
import { useActionState } from "react";
import { moveRuleAction } from "@/app/(admin)/admin/alert-sources/actions";
import { buttonClass } from "@/components/ui/Button";
import { FormMessage } from "@/components/ui/FormMessage";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { staffT } from "@/lib/i18n/staff";

type Props = { id: string; sourceId: string; name: string; first: boolean; last: boolean };

export function RuleMoveButtons({ id, sourceId, name, first, last }: Props) {
  const [state, action, pending] = useActionState(moveRuleAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="contents">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="sourceId" value={sourceId} />
      <button
        name="direction"
        value="up"
        className={buttonClass("secondary")}
        disabled={pending || first}
        aria-label={staffT("staff.alerts.moveRuleUp", { name })}
        title={staffT("staff.alerts.moveRuleUp", { name })}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        name="direction"
        value="down"
        className={buttonClass("secondary")}
        disabled={pending || last}
        aria-label={staffT("staff.alerts.moveRuleDown", { name })}
        title={staffT("staff.alerts.moveRuleDown", { name })}
      >
        <span aria-hidden="true">↓</span>
      </button>
      {state.ok || !state.message ? null : <FormMessage state={state} className="w-full" />}
    </form>
  );
}
