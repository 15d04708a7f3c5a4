"use client";
// One component in the staff list: its status (set at once; the Set button serves without
// JavaScript), move, delete with confirmation, and an Edit form folded into a <details>.
import { useActionState } from "react";
import {
  deleteComponentAction,
  editComponentAction,
  setComponentStatusAction,
} from "@/app/(admin)/admin/components/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { Checkbox, Select, TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";
import { StatusIcon } from "@/components/status/StatusIcon";
import { groupOptions, STATUS_OPTIONS, type AdminComponent, type Option } from "./component-options";
import { MoveButtons } from "./MoveButtons";

const INLINE_SELECT =
  "rounded-md border border-gray-300 bg-white py-1.5 pl-2 pr-7 text-sm text-gray-900 focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/40 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100";

function StatusForm({ component }: { component: AdminComponent }) {
  const [state, action, pending] = useActionState(setComponentStatusAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={component.id} />
      <StatusIcon status={component.status} />
      <select
        key={component.status}
        name="status"
        aria-label={staffT("staff.components.statusOf", { name: component.name })}
        defaultValue={component.status}
        disabled={pending}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className={INLINE_SELECT}
      >
        {STATUS_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Button variant="secondary" disabled={pending}>
        {staffT("staff.components.set")}
        <span className="sr-only"> {staffT("staff.components.setStatusOf", { name: component.name })}</span>
      </Button>
      {state.ok || !state.message ? null : <FormMessage state={state} />}
    </form>
  );
}

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
    <li aria-label={component.name} data-component-id={component.id} className="space-y-2 p-3">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <p className="font-medium break-words">{component.name}</p>
          <p className="text-xs break-all text-gray-600 dark:text-gray-400">
            {component.slug}
            {flags.length ? ` · ${flags.join(" · ")}` : null}
          </p>
        </div>
        <StatusForm component={component} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <MoveButtons kind="component" id={component.id} name={component.name} first={first} last={last} />
        <ConfirmButton
          label={staffT("staff.common.delete")}
          ariaLabel={staffT("staff.common.deleteLabel", { name: component.name })}
          title={staffT("staff.common.deleteNamed", { name: component.name })}
          confirmLabel={staffT("staff.components.delete")}
          action={deleteComponentAction}
          fields={{ id: component.id }}
        >
          <p>{staffT("staff.components.deleteBody")}</p>
        </ConfirmButton>
      </div>
      <details className="rounded-md border border-gray-200 px-3 py-2 dark:border-gray-800">
        <summary className="cursor-pointer text-sm font-medium text-blue-700 dark:text-blue-300">
          {staffT("staff.common.edit")}
          <span className="sr-only"> {component.name}</span> {staffT("staff.components.editWhat")}
        </summary>
        <EditForm component={component} groups={groups} />
      </details>
    </li>
  );
}
