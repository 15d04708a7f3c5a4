// One monitor kind's settings fields, drawn from its descriptor (lib/monitors/kinds). Names
// follow the verbs' field paths ("settings.url"), so refusals show beside the right input.
import type { KindField, KindForm } from "@/lib/monitors/kind";
import { Checkbox, Select, TextArea, TextField } from "@/components/ui/Field";
import { staffT } from "@/lib/i18n/staff";

type Props = { kind: KindForm; values: Record<string, string>; errors?: Record<string, string[]>; editing: boolean };

function Field({ field: f, values, errors, editing }: Omit<Props, "kind"> & { field: KindField }) {
  const name = `settings.${f.key}`;
  const common = { label: f.label, name, error: errors?.[name], hint: f.hint };
  if (f.type === "select")
    return (
      <Select
        {...common}
        defaultValue={values[name] ?? String(f.default ?? "")}
        options={(f.options ?? []).map((o) => ({ value: o, label: o }))}
      />
    );
  if (f.type === "headers") return <TextArea {...common} rows={2} defaultValue={values[name] ?? ""} />;
  // A box that is on by default stays ticked on a new monitor's form; an edit shows what is stored.
  if (f.type === "checkbox")
    return <Checkbox {...common} defaultChecked={(f.default === true && !editing) || values[name] === "on"} />;
  return (
    <TextField
      {...common}
      defaultValue={values[name] ?? ""}
      inputMode={f.type === "number" ? "numeric" : undefined}
      required={f.required}
      type={f.type === "url" ? "url" : undefined}
      placeholder={f.placeholder}
    />
  );
}

export function KindSettings({ kind, values, errors, editing }: Props) {
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-semibold">
        {staffT("staff.monitors.kindSettings", { kind: kind.label })}
      </legend>
      {kind.fields.map((f) => (
        // Keyed by kind: switching kinds starts a field afresh, even one both kinds have (a URL).
        <Field key={`${kind.id}-${f.key}`} field={f} values={values} errors={errors} editing={editing} />
      ))}
      {kind.note ? <p className="text-xs text-gray-600 sm:col-span-2 dark:text-gray-400">{kind.note}</p> : null}
    </fieldset>
  );
}
