"use client";
// The monitor form in the browser: common fields, then the chosen kind's settings (KindSettings),
// then timing. The kinds arrive as plain data from MonitorForm.
import { useActionState, useState } from "react";
import { createMonitorAction, updateMonitorAction } from "@/app/(admin)/admin/monitors/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import type { KindForm } from "@/lib/monitors/kind";
import { Button } from "@/components/ui/Button";
import { Checkbox, Select, TextField } from "@/components/ui/Field";
import { KindSettings } from "./KindSettings";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";

export type MonitorEditorProps = {
  kinds: KindForm[];
  components: { id: string; name: string }[];
  monitorId?: string;
  initial?: Record<string, string>;
  canSetInternal?: boolean;
  /** Probe agents a monitor may also be checked from; none: the server alone, and no choice shown. */
  places?: { name: string; label: string }[];
};

export function MonitorEditor({
  kinds,
  components,
  monitorId,
  initial = {},
  canSetInternal = false,
  places = [],
}: MonitorEditorProps) {
  const editing = monitorId !== undefined;
  const [state, action, pending] = useActionState(
    editing ? updateMonitorAction : createMonitorAction,
    INITIAL_ACTION_STATE,
  );
  const v = { ...initial, ...(state.values ?? {}) };
  const [kind, setKind] = useState<string>(v.kind || "http");
  const current = kinds.find((k) => k.id === kind);
  const err = (name: string) => state.fieldErrors?.[name];
  const text = (name: string, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      key={`${kind}-${name}`}
      label={label}
      name={name}
      defaultValue={v[name] ?? ""}
      error={err(name)}
      {...extra}
    />
  );
  return (
    // Keyed by the last answer: React resets a form after its action, and a remount makes the
    // reset land on what was submitted (state.values) rather than on the first render's values.
    <form
      key={JSON.stringify(state.values ?? {}) + (state.message ?? "")}
      action={action}
      className="space-y-4 rounded-lg border border-gray-200 p-4 dark:border-gray-800"
      aria-labelledby="monitor-form"
    >
      <h2 id="monitor-form" className="font-semibold">
        {editing ? staffT("staff.monitors.edit") : staffT("staff.monitors.add")}
      </h2>
      <FormStatus state={state} />
      {editing ? <input type="hidden" name="id" value={monitorId} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("name", staffT("staff.common.name"), { required: true, hint: staffT("staff.monitors.nameHint") })}
        <Select
          label={staffT("staff.monitors.component")}
          name="componentId"
          defaultValue={v.componentId}
          error={err("componentId")}
          options={components.map((c) => ({ value: c.id, label: c.name }))}
        />
        {editing ? (
          <p className="text-sm">
            <span className="block font-medium">{staffT("staff.monitors.kind")}</span> {current?.label}
          </p>
        ) : (
          <Select
            label={staffT("staff.monitors.kind")}
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            error={err("kind")}
            options={kinds.map((k) => ({ value: k.id, label: k.label }))}
          />
        )}
      </div>
      {current ? <KindSettings kind={current} values={v} errors={state.fieldErrors} editing={editing} /> : null}
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">{staffT("staff.monitors.timing")}</legend>
        {text("intervalSeconds", staffT("staff.monitors.interval"), {
          inputMode: "numeric",
          placeholder: "60",
          hint: staffT("staff.monitors.intervalHint"),
        })}
        {text("timeoutMs", staffT("staff.monitors.timeout"), { inputMode: "numeric", placeholder: "10000" })}
        {text("latencyThresholdMs", staffT("staff.monitors.slowAbove"), { inputMode: "numeric" })}
        {text("failThreshold", staffT("staff.monitors.failThreshold"), { inputMode: "numeric", placeholder: "2" })}
        {text("recoverThreshold", staffT("staff.monitors.recoverThreshold"), {
          inputMode: "numeric",
          placeholder: "2",
        })}
      </fieldset>
      {places.length && kind !== "heartbeat" ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">{staffT("staff.monitors.locations")}</legend>
          <p className="text-xs text-gray-600 dark:text-gray-400">{staffT("staff.monitors.locationsHint")}</p>
          <input type="hidden" name="locationsShown" value="1" />
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {[{ name: "local", label: staffT("staff.monitors.localLocation") }, ...places].map((p) => (
              <Checkbox
                key={p.name}
                label={p.name === "local" ? p.label : `${p.name} · ${p.label}`}
                name={`location.${p.name}`}
                defaultChecked={v[`location.${p.name}`] === "on" || (!editing && !state.values && p.name === "local")}
              />
            ))}
          </div>
          {err("locations") ? (
            <p className="text-sm text-red-700 dark:text-red-400" role="alert">
              {err("locations")?.join(" ")}
            </p>
          ) : null}
          <div className="max-w-xs">
            {text("quorum", staffT("staff.monitors.quorum"), {
              inputMode: "numeric",
              hint: staffT("staff.monitors.quorumHint"),
            })}
          </div>
        </fieldset>
      ) : null}
      <Checkbox
        label={staffT("staff.monitors.autoPublish")}
        name="autoPublish"
        defaultChecked={v.autoPublish === "on"}
      />
      {canSetInternal ? (
        <>
          <input type="hidden" name="internalTargetShown" value="1" />
          <Checkbox
            label={staffT("staff.monitors.internal")}
            name="internalTarget"
            defaultChecked={v.internalTarget === "on"}
            error={err("internalTarget")}
            hint={staffT("staff.monitors.internalHint")}
          />
        </>
      ) : v.internalTarget === "on" ? (
        <p className="text-sm" data-testid="internal-target-note">
          {staffT("staff.monitors.internalNote")}
        </p>
      ) : null}
      <Button disabled={pending}>{editing ? staffT("staff.monitors.save") : staffT("staff.monitors.addButton")}</Button>
    </form>
  );
}
