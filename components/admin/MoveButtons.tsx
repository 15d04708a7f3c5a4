"use client";
// Up and down for one group or component; each button's name says what moves where.
import { useActionState } from "react";
import { moveItemAction } from "@/app/(admin)/admin/components/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { FormMessage } from "@/components/ui/FormMessage";
import { staffT } from "@/lib/i18n/staff";

type Props = { kind: "group" | "component"; id: string; name: string; first: boolean; last: boolean };

export function MoveButtons({ kind, id, name, first, last }: Props) {
  const [state, action, pending] = useActionState(moveItemAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="contents">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <Button name="direction" value="up" variant="secondary" disabled={pending || first}>
        <span aria-hidden="true">↑</span>
        <span className="sr-only">{staffT("staff.components.move", { name })}</span> {staffT("staff.components.up")}
      </Button>
      <Button name="direction" value="down" variant="secondary" disabled={pending || last}>
        <span aria-hidden="true">↓</span>
        <span className="sr-only">{staffT("staff.components.move", { name })}</span> {staffT("staff.components.down")}
      </Button>
      {state.ok || !state.message ? null : <FormMessage state={state} className="w-full" />}
    </form>
  );
}
