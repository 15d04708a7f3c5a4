// The audit log page's read model, and how an entry reads: only the fields that changed,
// before -> after.
import { getDb, type Db } from "@/db/client";
import { auditFacets, listAudit } from "@/db/queries/audit";

export type FieldChange = { field: string; before: string; after: string };

function show(value: unknown, field = ""): string {
  if (value === undefined || value === null) return "—";
  // Timestamps are stored as epoch milliseconds; people read them as UTC times.
  if (typeof value === "number" && /At$/.test(field) && value > 1e11)
    return `${new Date(value).toISOString().slice(0, 19).replace("T", " ")} UTC`;
  if (typeof value === "string") return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  return JSON.stringify(value);
}

export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== "updatedAt");
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((field) => ({
      field,
      before: before == null ? "—" : show(b[field], field),
      after: after == null ? "—" : show(a[field], field),
    }))
    .filter((c) => c.before !== c.after);
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = { actor?: string; entity?: string; action?: string; before?: number };

/** One page of entries, newest first, the choices for the filters, and the next page's query when there is one. */
export function auditView(f: AuditFilters, db: Db = getDb()) {
  const rows = listAudit(db, {
    actorId: f.actor || undefined,
    entityType: f.entity || undefined,
    action: f.action || undefined,
    before: f.before,
    limit: AUDIT_PAGE_SIZE + 1,
  });
  const more = rows.length > AUDIT_PAGE_SIZE;
  const shown = rows.slice(0, AUDIT_PAGE_SIZE);
  const next = new URLSearchParams(
    Object.entries({ actor: f.actor, entity: f.entity, action: f.action }).filter((e): e is [string, string] => !!e[1]),
  );
  const last = shown.at(-1);
  if (more && last) next.set("before", String(last.id));
  return { rows: shown, facets: auditFacets(db), older: more ? `/admin/audit?${next}` : null };
}
