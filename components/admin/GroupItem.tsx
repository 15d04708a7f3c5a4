"use client";
// One component group in the staff list: rename, move, delete (its components stay, ungrouped),
// and its components beneath it.
import { useActionState, type ReactNode } from "react";
import { deleteGroupAction, editGroupAction } from "@/app/(admin)/admin/components/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import type { GroupRow } from "@/lib/views/rows";
import { Button } from "@/components/ui/Button";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { TextField } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";
import { MoveButtons } from "./MoveButtons";

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
  return (
    <li aria-label={staffT("staff.components.groupLabel", { name: group.name })} data-group-id={group.id}>
      <div className="space-y-2 bg-gray-50 p-3 dark:bg-gray-900/60">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <p className="font-semibold break-words">{group.name}</p>
          <p className="text-xs text-gray-600 dark:text-gray-400">
            {staffT("staff.components.groupMembers", { count })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <MoveButtons
            kind="group"
            id={group.id}
            name={staffT("staff.components.groupNamed", { name: group.name })}
            first={first}
            last={last}
          />
          <ConfirmButton
            label={staffT("staff.components.deleteGroup")}
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
        <details className="rounded-md border border-gray-200 bg-white px-3 py-2 dark:border-gray-800 dark:bg-gray-950">
          <summary className="cursor-pointer text-sm font-medium text-blue-700 dark:text-blue-300">
            {staffT("staff.components.rename")}
            <span className="sr-only"> {staffT("staff.components.groupNamed", { name: group.name })}</span>
          </summary>
          <RenameForm group={group} />
        </details>
      </div>
      {count ? (
        <ul
          aria-label={staffT("staff.components.membersOf", { name: group.name })}
          className="ml-3 divide-y divide-gray-200 border-l-4 border-gray-200 dark:divide-gray-800 dark:border-gray-700"
        >
          {children}
        </ul>
      ) : (
        <p className="ml-3 border-l-4 border-gray-200 p-3 text-sm text-gray-600 dark:border-gray-700 dark:text-gray-400">
          {staffT("staff.components.groupEmpty")}
        </p>
      )}
    </li>
  );
}
