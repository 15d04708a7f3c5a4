"use client";
// Adding a component or a group. A refused form keeps what was typed.
import { useActionState } from "react";
import { createComponentAction, createGroupAction } from "@/app/(admin)/admin/components/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { Select, TextField } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";
import { groupOptions, STATUS_OPTIONS, type Option } from "./component-options";

const CARD = "space-y-3 rounded-lg border border-gray-200 p-4 dark:border-gray-800";

export function NewComponentForm({ groups }: { groups: Option[] }) {
  const [state, action, pending] = useActionState(createComponentAction, INITIAL_ACTION_STATE);
  const e = state.fieldErrors ?? {};
  const v = state.values;
  return (
    <form action={action} className={CARD} aria-labelledby="new-component">
      <h2 id="new-component" className="font-semibold">
        {staffT("staff.components.add")}
      </h2>
      <FormStatus state={state} />
      <TextField
        label={staffT("staff.common.name")}
        name="name"
        required
        maxLength={100}
        defaultValue={v?.name}
        error={e.name}
      />
      <TextField
        label={staffT("staff.common.description")}
        name="description"
        defaultValue={v?.description}
        hint={staffT("staff.components.descriptionHint")}
        error={e.description}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <Select
          label={staffT("staff.components.group")}
          name="groupId"
          options={groupOptions(groups)}
          defaultValue={v?.groupId ?? ""}
          error={e.groupId}
        />
        <Select
          label={staffT("staff.common.status")}
          name="status"
          options={STATUS_OPTIONS}
          defaultValue={v?.status ?? "operational"}
          error={e.status}
        />
      </div>
      <Button disabled={pending}>{staffT("staff.components.addButton")}</Button>
    </form>
  );
}

export function NewGroupForm() {
  const [state, action, pending] = useActionState(createGroupAction, INITIAL_ACTION_STATE);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className={CARD} aria-labelledby="new-group">
      <h2 id="new-group" className="font-semibold">
        {staffT("staff.components.addGroup")}
      </h2>
      <FormStatus state={state} />
      <TextField
        label={staffT("staff.common.name")}
        name="name"
        required
        maxLength={100}
        defaultValue={state.values?.name}
        error={e.name}
      />
      <TextField
        label={staffT("staff.common.description")}
        name="description"
        defaultValue={state.values?.description}
        hint={staffT("staff.components.optional")}
        error={e.description}
      />
      <Button disabled={pending}>{staffT("staff.components.addGroupButton")}</Button>
    </form>
  );
}
