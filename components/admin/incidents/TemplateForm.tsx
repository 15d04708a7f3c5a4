"use client";
// Save a first word ahead of time: title, message, impact and component statuses.
import { useActionState } from "react";
import { saveTemplateAction } from "@/app/(admin)/admin/templates/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { Select, TextField } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { staffT } from "@/lib/i18n/staff";
import { ComponentPicker, type PickerSection } from "./ComponentPicker";
import { MarkdownField } from "./MarkdownField";

const IMPACTS = [
  { value: "none", label: staffT("staff.incidents.impactNone") },
  { value: "minor", label: staffT("staff.incidents.impactMinor") },
  { value: "major", label: staffT("staff.incidents.impactMajor") },
  { value: "critical", label: staffT("staff.incidents.impactCritical") },
];

type Props = { id?: string; defaults: Record<string, string>; sections: PickerSection[]; heading: string };

export function TemplateForm({ id, defaults, sections, heading }: Props) {
  const [state, action, pending] = useActionState(saveTemplateAction, INITIAL_ACTION_STATE);
  const v = state.values ?? defaults;
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" aria-label={heading}>
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <FormStatus state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={staffT("staff.templates.name")}
          name="templateName"
          required
          maxLength={100}
          defaultValue={v.templateName}
          error={e.name}
          hint={staffT("staff.templates.nameHint")}
        />
        <Select
          label={staffT("staff.templates.for")}
          name="kind"
          defaultValue={v.kind ?? "incident"}
          error={e.kind}
          options={[
            { value: "incident", label: staffT("staff.templates.forIncidents") },
            { value: "maintenance", label: staffT("staff.templates.forMaintenance") },
          ]}
        />
        <Select
          label={staffT("staff.common.impact")}
          name="impact"
          defaultValue={v.impact ?? "minor"}
          error={e.impact}
          options={IMPACTS}
        />
      </div>
      <TextField
        label={staffT("staff.common.title")}
        name="name"
        required
        maxLength={200}
        defaultValue={v.name}
        error={e.title}
      />
      <MarkdownField name="body" label={staffT("staff.common.message")} defaultValue={v.body} error={e.body} />
      <ComponentPicker
        sections={sections}
        defaults={v}
        errors={e}
        legend={staffT("staff.templates.marks")}
        emptyLabel={staffT("staff.incidents.notAffected")}
      />
      <Button disabled={pending}>{id ? staffT("staff.templates.save") : staffT("staff.templates.create")}</Button>
    </form>
  );
}
