"use client";
// One component in the staff list: a handle to drag it, its status (one tap saves; Undo for 10
// seconds), a menu with Move up / Move down (the way to reorder without JavaScript) and Delete
// (after a confirmation), and an Edit form folded into a <details>. The list item around it is
// SortableList's.
import { useActionState } from "react";
import { deleteComponentAction, editComponentAction } from "@/app/(admin)/admin/components/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { Checkbox, Select, TextField } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";
import { groupOptions, type AdminComponent, type Option } from "./component-options";
import { MENU_CONFIRM } from "./menu-item";
import { MoveButtons } from "./MoveButtons";
import { RowMenu } from "./RowMenu";
import { DragHandle } from "./SortableList";
import { StatusSwitch } from "./StatusSwitch";

function EditForm({ component, groups }: { component: AdminComponent; groups: Option[] }) {
  const [state, action, pending] = useActionState(editComponentAction, INITIAL_ACTION_STATE);
  const e = state.fieldErrors ?? {};
  const v = state.values;
  const checked = (key: string, saved: boolean) => (v ? v[key] === "on" : saved);
  return (
    <form
      action={action}
      aria-label={staffT("staff.components.editLabel", { name: component.name })}
      className="mt-3 space-y-3"
    >
      <input type="hidden" name="id" value={component.id} />
      <FormStatus state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={staffT("staff.common.name")}
          name="name"
          required
          maxLength={100}
          defaultValue={v?.name ?? component.name}
          error={e.name}
        />
        <TextField
          label={staffT("staff.components.slug")}
          name="slug"
          defaultValue={v?.slug ?? component.slug}
          hint={staffT("staff.components.slugHint")}
          error={e.slug}
        />
        <TextField
          label={staffT("staff.common.description")}
          name="description"
          className="sm:col-span-2"
          defaultValue={v?.description ?? component.description ?? ""}
          error={e.description}
        />
        <Select
          label={staffT("staff.components.group")}
          name="groupId"
          options={groupOptions(groups)}
          defaultValue={v?.groupId ?? component.groupId ?? ""}
          error={e.groupId}
        />
        <TextField
          label={staffT("staff.components.startDate")}
          name="startDate"
          type="date"
          defaultValue={v?.startDate ?? component.startDate ?? ""}
          hint={staffT("staff.components.startDateHint")}
          error={e.startDate}
        />
      </div>
      <Checkbox
        label={staffT("staff.components.showcase")}
        name="showcase"
        defaultChecked={checked("showcase", component.showcase)}
        error={e.showcase}
      />
      <Checkbox
        label={staffT("staff.components.onlyShowIfDegraded")}
        name="onlyShowIfDegraded"
        defaultChecked={checked("onlyShowIfDegraded", component.onlyShowIfDegraded)}
        error={e.onlyShowIfDegraded}
      />
      <Button disabled={pending}>
        {staffT("staff.common.save")}
        <span className="sr-only"> {component.name}</span>
      </Button>
    </form>
  );
}

type Props = { component: AdminComponent; groups: Option[]; first: boolean; last: boolean };

export function ComponentItem({ component, groups, first, last }: Props) {
  const flags = [
    !component.showcase && staffT("staff.components.noUptimeBar"),
    component.onlyShowIfDegraded && staffT("staff.components.shownOnlyDegraded"),
  ].filter(Boolean);
  return (
    <div className="flex items-start gap-1.5 p-3 sm:gap-2">
      <DragHandle name={component.name} />
      <div className="min-w-0 flex-1 space-y-2">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <div className="min-w-0 flex-1 basis-40">
            <p className="font-medium break-words">{component.name}</p>
            <p className="text-xs break-all text-gray-600 dark:text-gray-400">
              {component.slug}
              {flags.length ? ` · ${flags.join(" · ")}` : null}
            </p>
          </div>
          {/* On a phone the status takes its own line under the name; the menu stays beside the name. */}
          <div className="order-last w-full sm:order-none sm:w-auto">
            <StatusSwitch component={component} labels="lg" />
          </div>
          <RowMenu label={staffT("staff.components.moreFor", { name: component.name })}>
            <MoveButtons kind="component" id={component.id} name={component.name} first={first} last={last} />
            <div className={MENU_CONFIRM}>
              <ConfirmButton
                label={staffT("staff.components.deleteEllipsis")}
                ariaLabel={staffT("staff.common.deleteLabel", { name: component.name })}
                title={staffT("staff.common.deleteNamed", { name: component.name })}
                confirmLabel={staffT("staff.components.delete")}
                action={deleteComponentAction}
                fields={{ id: component.id }}
              >
                <p>{staffT("staff.components.deleteBody")}</p>
              </ConfirmButton>
            </div>
          </RowMenu>
        </div>
        <details className="rounded-md border border-gray-200 px-3 py-2 dark:border-gray-800">
          <summary className="cursor-pointer text-sm font-medium text-blue-700 dark:text-blue-300">
            {staffT("staff.common.edit")}
            <span className="sr-only"> {component.name}</span> {staffT("staff.components.editWhat")}
          </summary>
          <EditForm component={component} groups={groups} />
        </details>
      </div>
    </div>
  );
}
