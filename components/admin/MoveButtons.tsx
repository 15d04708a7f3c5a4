"use client";
// Move up and down for one group or component: the way to reorder without JavaScript (and a
// plain one with it), in the row's menu. Each button's name says what moves where.
import { useActionState, type ReactNode } from "react";
import { moveItemAction } from "@/app/(admin)/admin/components/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/FormMessage";
import { StaffRich } from "./StaffRich";
import { MENU_ITEM } from "./menu-item";

type Props = { kind: "group" | "component"; id: string; name: string; first: boolean; last: boolean };

const sr = (text: ReactNode) => <span className="sr-only">{text}</span>;

export function MoveButtons({ kind, id, name, first, last }: Props) {
  const [state, action, pending] = useActionState(moveItemAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="contents">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <button name="direction" value="up" className={MENU_ITEM} disabled={pending || first}>
        <span aria-hidden="true">↑</span>
        <span>
          <StaffRich id="staff.components.moveUpNamed" values={{ name }} tags={{ sr }} />
        </span>
      </button>
      <button name="direction" value="down" className={MENU_ITEM} disabled={pending || last}>
        <span aria-hidden="true">↓</span>
        <span>
          <StaffRich id="staff.components.moveDownNamed" values={{ name }} tags={{ sr }} />
        </span>
      </button>
      {state.ok || !state.message ? null : <FormMessage state={state} className="w-full" />}
    </form>
  );
}
