// Every monitor kind, in the order staff see them. Adding a kind: its descriptor in ./kinds/ and
// one line here; the database column, the verbs, the admin API (and its OpenAPI), the staff form
// and the scheduler all read this list.
import type { KindForm, MonitorKindDescriptor } from "./kind";
import { dns } from "./kinds/dns";
import { heartbeat } from "./kinds/heartbeat";
import { http } from "./kinds/http";
import { tcp } from "./kinds/tcp";
import { tls } from "./kinds/tls";
import { upstream } from "./kinds/upstream";
import type { ProbeContext, ProbeResult } from "./probes/types";

export const MONITOR_KIND_LIST = [http, tcp, dns, tls, heartbeat, upstream] as const;

type Listed = (typeof MONITOR_KIND_LIST)[number];
export type MonitorKind = Listed["id"];
export type MonitorSettings = Listed extends infer K
  ? K extends MonitorKindDescriptor<string, infer S>
    ? S
    : never
  : never;

/** The ids as a non-empty tuple, for z.enum and the database column's type. */
export const MONITOR_KINDS = MONITOR_KIND_LIST.map((k) => k.id) as [MonitorKind, ...MonitorKind[]];

const BY_ID = new Map<string, MonitorKindDescriptor<MonitorKind, MonitorSettings>>(
  MONITOR_KIND_LIST.map((k) => [k.id, k as never]),
);

/** The descriptor of a known kind (stored rows and validated input only carry known ids). */
export function kindOf(id: MonitorKind): MonitorKindDescriptor<MonitorKind, MonitorSettings> {
  return BY_ID.get(id)!;
}

/** The descriptor, or undefined for a string that names no kind (a tampered form). */
export function findKind(id: string): MonitorKindDescriptor<MonitorKind, MonitorSettings> | undefined {
  return BY_ID.get(id);
}

/** What staff call each kind. */
export const MONITOR_KIND_LABELS = Object.fromEntries(MONITOR_KIND_LIST.map((k) => [k.id, k.label])) as Record<
  MonitorKind,
  string
>;

/** The form's view of every kind, safe to hand to a client component. */
export function kindForms(): KindForm[] {
  return MONITOR_KIND_LIST.map((k) => ({
    id: k.id,
    label: k.label,
    fields: k.fields,
    ...(k.formNote ? { note: k.formNote } : {}),
  }));
}

export function runProbe(kind: MonitorKind, settings: MonitorSettings, ctx: ProbeContext): Promise<ProbeResult> {
  return kindOf(kind).probe(settings, ctx);
}
