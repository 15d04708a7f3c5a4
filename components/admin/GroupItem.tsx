"use client";
// One component group in the staff list: a handle to drag it, its name, a menu with Move up /
// Move down and Delete (its components stay, ungrouped), Rename folded into a <details>, and its
// components beneath it in their own sortable list. The list item around it is SortableList's.
import { useActionState, type ReactNode } from "react";
import { deleteGroupAction, editGroupAction } from "@/app/(admin)/admin/components/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import type { GroupRow } from "@/lib/views/rows";
import { Button } from "@/components/ui/Button";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { TextField } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";
import { MENU_CONFIRM } from "./menu-item";
import { MoveButtons } from "./MoveButtons";
import { RowMenu } from "./RowMenu";
import { DragHandle } from "./SortableList";

type Props = {
  group: Pick<GroupRow, "id" | "name" | "description">;
  count: number;
  first: boolean;
  last: boolean;
  children: ReactNode;
};

function RenameForm({ group }: { group: Props["group"] }) {
  const [state, action, pending] = useActionState(editGroupAction, INITIAL_ACTION_STATE);
  const e = state.fieldErrors ?? {};
  return (
    <form
      action={action}
      aria-label={staffT("staff.components.renameLabel", { name: group.name })}
      className="mt-3 space-y-3"
    >
      <input type="hidden" name="id" value={group.id} />
      <FormStatus state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={staffT("staff.components.groupName")}
          name="name"
          required
          maxLength={100}
          defaultValue={state.values?.name ?? group.name}
          error={e.name}
        />
        <TextField
          label={staffT("staff.common.description")}
          name="description"
          defaultValue={state.values?.description ?? group.description ?? ""}
          error={e.description}
        />
      </div>
      <Button disabled={pending}>
        {staffT("staff.common.save")}
        <span className="sr-only"> {staffT("staff.components.groupNamed", { name: group.name })}</span>
      </Button>
    </form>
  );
}

export function GroupItem({ group, count, first, last, children }: Props) {
  const named = staffT("staff.components.groupNamed", { name: group.name });
  return (
    <>
      <div className="flex items-start gap-1.5 bg-gray-50 p-3 sm:gap-2 dark:bg-gray-900/60">
        <DragHandle name={named} />
        <div className="min-w-0 flex-1 space-y-2">
          <div className="flex items-center justify-between gap-x-4 gap-y-1">
            <p className="min-w-0 font-semibold break-words">
              {group.name}{" "}
              <span className="text-xs font-normal text-gray-600 dark:text-gray-400">
                {staffT("staff.components.groupMembers", { count })}
              </span>
            </p>
            <RowMenu label={staffT("staff.components.moreFor", { name: named })}>
              <MoveButtons kind="group" id={group.id} name={named} first={first} last={last} />
              <div className={MENU_CONFIRM}>
                <ConfirmButton
                  label={staffT("staff.components.deleteGroupEllipsis")}
                  ariaLabel={staffT("staff.components.deleteGroupLabel", { name: group.name })}
                  title={staffT("staff.components.deleteGroupConfirm", { name: group.name })}
                  confirmLabel={staffT("staff.components.deleteGroup")}
                  action={deleteGroupAction}
                  fields={{ id: group.id }}
                >
                  <p>
                    {count === 0
                      ? staffT("staff.components.deleteGroupEmpty")
                      : staffT("staff.components.deleteGroupBody", { count })}
                  </p>
                </ConfirmButton>
              </div>
            </RowMenu>
          </div>
          <details className="rounded-md border border-gray-200 bg-white px-3 py-2 dark:border-gray-800 dark:bg-gray-950">
            <summary className="cursor-pointer text-sm font-medium text-blue-700 dark:text-blue-300">
              {staffT("staff.components.rename")}
              <span className="sr-only"> {named}</span>
            </summary>
            <RenameForm group={group} />
          </details>
        </div>
      </div>
      {count ? (
        <div className="ml-3 border-l-4 border-gray-200 dark:border-gray-700">{children}</div>
      ) : (
        <p className="ml-3 border-l-4 border-gray-200 p-3 text-sm text-gray-600 dark:border-gray-700 dark:text-gray-400">
          {staffT("staff.components.groupEmpty")}
        </p>
      )}
    </>
  );
}
