// Every alert source kind, in the order staff see them. Adding a kind: its descriptor in ./kinds/
// and one line here; the database column, the ingest route and the staff form read this list.
import type { AlertKindDescriptor } from "./kind";
import { alertmanager } from "./kinds/alertmanager";
import { generic } from "./kinds/generic";
import { grafana } from "./kinds/grafana";
import { opsgenie } from "./kinds/opsgenie";
import { pagerduty } from "./kinds/pagerduty";

export const ALERT_KIND_LIST = [alertmanager, grafana, pagerduty, opsgenie, generic] as const;

export type AlertKind = (typeof ALERT_KIND_LIST)[number]["id"];

/** The ids as a non-empty tuple, for z.enum and the database column's type. */
export const ALERT_KINDS = ALERT_KIND_LIST.map((k) => k.id) as [AlertKind, ...AlertKind[]];

const BY_ID = new Map<string, AlertKindDescriptor<AlertKind>>(ALERT_KIND_LIST.map((k) => [k.id, k]));

/** The descriptor of a known kind (stored rows and validated input only carry known ids). */
export function alertKindOf(id: AlertKind): AlertKindDescriptor<AlertKind> {
  return BY_ID.get(id)!;
}

/** The descriptor, or undefined for a string that names no kind (a tampered form or URL). */
export function findAlertKind(id: string): AlertKindDescriptor<AlertKind> | undefined {
  return BY_ID.get(id);
}

/** What staff call each kind. */
export const ALERT_KIND_LABELS = Object.fromEntries(ALERT_KIND_LIST.map((k) => [k.id, k.label])) as Record<
  AlertKind,
  string
>;
