// How an audit entry reads: only the fields that changed, before -> after.
export type FieldChange = { field: string; before: string; after: string };

function show(value: unknown, field = ""): string {
  if (value === undefined || value === null) return "—";
  // Timestamps are stored as epoch milliseconds; people read them as UTC times.
  if (typeof value === "number" && /At$/.test(field) && value > 1e11) return `${new Date(value).toISOString().slice(0, 19).replace("T", " ")} UTC`;
  if (typeof value === "string") return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  return JSON.stringify(value);
}

export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== "updatedAt");
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((field) => ({ field, before: before == null ? "—" : show(b[field], field), after: after == null ? "—" : show(a[field], field) }))
    .filter((c) => c.before !== c.after);
}
