"use client";
// A new alert source, or an existing one's settings. A plain form: it posts without JavaScript
// too. The secret (PagerDuty's signing secret, or the one other tools send in their Authorization
// header) is never sent to the browser: on an edit the field starts blank and a
// blank field keeps the stored secret; a box removes it.
import { useActionState } from "react";
import { createSourceAction, updateSourceAction } from "@/app/(admin)/admin/alert-sources/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { FormStatus } from "@/components/auth/FormStatus";
import { Button } from "@/components/ui/Button";
import { Checkbox, Select, TextField } from "@/components/ui/Field";
import { staffT } from "@/lib/i18n/staff";
import { OUTAGE_OPTIONS } from "./outage-options";

export type SourceFormProps = {
  kinds: { id: string; label: string }[];
  components: { id: string; name: string }[];
  templates: { id: string; name: string }[];
  /** The source being edited: its id, whether a signing secret is set, and its settings as form values. */
  source?: { id: string; signed: boolean; values: Record<string, string> };
};

export function SourceForm({ kinds, components, templates, source }: SourceFormProps) {
  const editing = source !== undefined;
  const [state, action, pending] = useActionState(
    editing ? updateSourceAction : createSourceAction,
    INITIAL_ACTION_STATE,
  );
  const v: Record<string, string | undefined> = { ...source?.values, ...state.values };
  const err = (name: string) => state.fieldErrors?.[name];
  const none = (label: string) => [{ value: "", label }];
  return (
    // Keyed by the last answer, so the form remounts on what was submitted (or saved).
    <form
      key={JSON.stringify(state.values ?? {}) + (state.message ?? "")}
      action={action}
      className="space-y-4 rounded-lg border border-gray-200 p-4 dark:border-gray-800"
      aria-labelledby="source-form"
    >
      <h2 id="source-form" className="font-semibold">
        {editing ? staffT("staff.alerts.settings") : staffT("staff.alerts.create")}
      </h2>
      <FormStatus state={state} />
      {editing ? <input type="hidden" name="id" value={source.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={staffT("staff.common.name")}
          name="name"
          required
          maxLength={80}
          hint={staffT("staff.alerts.nameHint")}
          defaultValue={v.name ?? ""}
          error={err("name")}
        />
        <Select
          label={staffT("staff.alerts.kind")}
          name="kind"
          defaultValue={v.kind ?? kinds[0]?.id}
          error={err("kind")}
          options={kinds.map((k) => ({ value: k.id, label: k.label }))}
        />
        <TextField
          label={staffT("staff.alerts.signingSecret")}
          name="signingSecret"
          type="password"
          autoComplete="off"
          spellCheck={false}
          hint={[staffT("staff.alerts.signingHint"), source?.signed ? staffT("staff.alerts.signingKept") : ""].join(
            " ",
          )}
          error={err("signingSecret")}
        />
        {source?.signed ? (
          <Checkbox
            className="sm:pt-7"
            label={staffT("staff.alerts.removeSecret")}
            name="removeSigningSecret"
            defaultChecked={v.removeSigningSecret === "on"}
          />
        ) : null}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{staffT("staff.alerts.defaultLegend")}</legend>
        <p className="text-xs text-gray-600 dark:text-gray-400">{staffT("staff.alerts.defaultHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Select
            label={staffT("staff.alerts.defaultComponent")}
            name="defaultComponentId"
            defaultValue={v.defaultComponentId ?? ""}
            error={err("defaultComponentId")}
            options={[
              ...none(staffT("staff.alerts.noDefault")),
              ...components.map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
          <Select
            label={staffT("staff.alerts.defaultStatus")}
            name="defaultStatus"
            defaultValue={v.defaultStatus ?? ""}
            error={err("defaultStatus")}
            options={[...none(staffT("staff.alerts.noDefault")), ...OUTAGE_OPTIONS]}
          />
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Checkbox
          label={staffT("staff.alerts.autoPublish")}
          name="autoPublish"
          hint={staffT("staff.alerts.autoPublishHint")}
          defaultChecked={v.autoPublish === "on"}
          error={err("autoPublish")}
        />
        <Select
          label={staffT("staff.alerts.template")}
          name="templateId"
          defaultValue={v.templateId ?? ""}
          error={err("templateId")}
          options={[
            ...none(staffT("staff.alerts.noTemplate")),
            ...templates.map((t) => ({ value: t.id, label: t.name })),
          ]}
        />
      </div>
      <Checkbox
        label={staffT("staff.alerts.paused")}
        name="paused"
        hint={staffT("staff.alerts.pausedHint")}
        defaultChecked={v.paused === "on"}
        error={err("paused")}
      />
      <Button disabled={pending}>{editing ? staffT("staff.alerts.save") : staffT("staff.alerts.createButton")}</Button>
    </form>
  );
}
