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
    <form action={action} aria-label={`Rename ${group.name}`} className="mt-3 space-y-3">
      <input type="hidden" name="id" value={group.id} />
      <FormStatus state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Group name"
          name="name"
          required
          maxLength={100}
          defaultValue={state.values?.name ?? group.name}
          error={e.name}
        />
        <TextField
          label="Description"
          name="description"
          defaultValue={state.values?.description ?? group.description ?? ""}
          error={e.description}
        />
      </div>
      <Button disabled={pending}>
        Save<span className="sr-only"> group {group.name}</span>
      </Button>
    </form>
  );
}

export function GroupItem({ group, count, first, last, children }: Props) {
  const members = count === 1 ? "1 component" : `${count} components`;
  return (
    <li aria-label={`Group ${group.name}`} data-group-id={group.id}>
      <div className="space-y-2 bg-gray-50 p-3 dark:bg-gray-900/60">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <p className="font-semibold break-words">{group.name}</p>
          <p className="text-xs text-gray-600 dark:text-gray-400">Group · {members}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <MoveButtons kind="group" id={group.id} name={`group ${group.name}`} first={first} last={last} />
          <ConfirmButton
            label="Delete group"
            ariaLabel={`Delete group ${group.name}`}
            title={`Delete the group “${group.name}”?`}
            confirmLabel="Delete group"
            action={deleteGroupAction}
            fields={{ id: group.id }}
          >
            <p>
              {count === 0
                ? "The group is empty; only its name and description go."
                : `${count === 1 ? "Its one component stays" : `Its ${count} components stay`} on the public page with status and history, moved to the top level without a group.`}
            </p>
          </ConfirmButton>
        </div>
        <details className="rounded-md border border-gray-200 bg-white px-3 py-2 dark:border-gray-800 dark:bg-gray-950">
          <summary className="cursor-pointer text-sm font-medium text-blue-700 dark:text-blue-300">
            Rename<span className="sr-only"> group {group.name}</span>
          </summary>
          <RenameForm group={group} />
        </details>
      </div>
      {count ? (
        <ul
          aria-label={`Components in ${group.name}`}
          className="ml-3 divide-y divide-gray-200 border-l-4 border-gray-200 dark:divide-gray-800 dark:border-gray-700"
        >
          {children}
        </ul>
      ) : (
        <p className="ml-3 border-l-4 border-gray-200 p-3 text-sm text-gray-600 dark:border-gray-700 dark:text-gray-400">
          No components yet: choose this group when adding one, or in a component&apos;s Edit form.
        </p>
      )}
    </li>
  );
}
