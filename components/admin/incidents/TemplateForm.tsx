"use client";
// Save a first word ahead of time: title, message, impact and component statuses.
import { useActionState } from "react";
import { saveTemplateAction } from "@/app/(admin)/admin/templates/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { Button } from "@/components/ui/Button";
import { Select, TextField } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";
import { ComponentPicker, type PickerSection } from "./ComponentPicker";
import { MarkdownField } from "./MarkdownField";

const IMPACTS = ["none", "minor", "major", "critical"].map((i) => ({
  value: i,
  label: i.charAt(0).toUpperCase() + i.slice(1),
}));

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
          label="Template name"
          name="templateName"
          required
          maxLength={100}
          defaultValue={v.templateName}
          error={e.name}
          hint="What staff pick it by."
        />
        <Select
          label="For"
          name="kind"
          defaultValue={v.kind ?? "incident"}
          error={e.kind}
          options={[
            { value: "incident", label: "Incidents" },
            { value: "maintenance", label: "Maintenance" },
          ]}
        />
        <Select label="Impact" name="impact" defaultValue={v.impact ?? "minor"} error={e.impact} options={IMPACTS} />
      </div>
      <TextField label="Title" name="name" required maxLength={200} defaultValue={v.name} error={e.title} />
      <MarkdownField name="body" label="Message" defaultValue={v.body} error={e.body} />
      <ComponentPicker
        sections={sections}
        defaults={v}
        errors={e}
        legend="Components it marks"
        emptyLabel="Not affected"
      />
      <Button disabled={pending}>{id ? "Save template" : "Create template"}</Button>
    </form>
  );
}
