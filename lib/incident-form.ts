// The staff forms' fields turned into the incident verbs' inputs. Pure: no database, no React.
// Field names are the verbs' own (components.<id>, scheduledFor, ...), so every message a verb
// gives lands beside the field it concerns.
import {
  COMPONENT_STATUSES,
  type ComponentStatus,
  type Impact,
  type IncidentKind,
  type IncidentStatus,
  type MaintenanceStatus,
} from "./constants";
import { AppError } from "./errors";
import { staffT } from "./i18n/staff";
import type { CreateIncidentInput, IncidentEdit, UpdateInput } from "./incidents";
import type { RecurrenceInput } from "./maintenance";
import type { TemplateInput } from "./templates";
import { parseLocalDateTime } from "./time";

type Values = Record<string, string | undefined>;

const isStatus = (v: string): v is ComponentStatus => (COMPONENT_STATUSES as readonly string[]).includes(v);
const checked = (v: string | undefined) => v === "on" || v === "true";
/** A message as typed: browsers send a textarea's line breaks as CRLF; store them as LF. */
const messageField = (v: string | undefined) => (v ?? "").replace(/\r\n?/g, "\n");

/** `components.<id>` fields: the chosen status of each affected component ("" = not affected). */
export function componentChoices(values: Values): Record<string, ComponentStatus> {
  const out: Record<string, ComponentStatus> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!key.startsWith("components.") || !value) continue;
    const id = key.slice("components.".length);
    if (!isStatus(value))
      throw new AppError("validation", "Choose a listed status", { [key]: ["choose a listed status"] });
    out[id] = value;
  }
  return out;
}

/**
 * The new-incident form's checklist: `affected.<id>` boxes, each with its status in
 * `components.<id>` (a status select sits beside every box and is sent even when its box is
 * clear, so only the ticked ones count). A maintenance's boxes carry no status: `fallback`.
 */
export function checklistChoices(values: Values, fallback: ComponentStatus): Record<string, ComponentStatus> {
  const out: Record<string, ComponentStatus> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!key.startsWith("affected.") || !checked(value)) continue;
    const id = key.slice("affected.".length);
    const status = values[`components.${id}`] || fallback;
    if (!isStatus(status))
      throw new AppError("validation", "Choose a listed status", { [`components.${id}`]: ["choose a listed status"] });
    out[id] = status;
  }
  return out;
}

/** An optional whole number of minutes; NaN (not a number) is left for the verb to refuse. */
export function minutesField(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  return Number(value.trim());
}

/** A required or optional wall-clock time in the page's zone. */
export function timeField(values: Values, field: string, timeZone: string, required: boolean): number | undefined {
  const raw = values[field]?.trim() ?? "";
  if (!raw) {
    if (required) throw new AppError("validation", "Enter a date and time", { [field]: ["enter a date and time"] });
    return undefined;
  }
  const at = parseLocalDateTime(raw, timeZone);
  if (at === null)
    throw new AppError("validation", "Enter a valid date and time", { [field]: ["enter a valid date and time"] });
  return at;
}

/** The "Report a problem" / "Schedule maintenance" / "Record a past incident" form. */
export function createInputFromForm(values: Values, kind: IncidentKind, timeZone: string): CreateIncidentInput {
  const components =
    values.componentList === "checklist"
      ? checklistChoices(values, kind === "maintenance" ? "under_maintenance" : "partial_outage")
      : componentChoices(values);
  const common = {
    kind,
    name: values.name ?? "",
    body: messageField(values.body),
    deliverNotifications: checked(values.deliverNotifications),
    componentIds: Object.keys(components),
  };
  if (kind === "maintenance") {
    return {
      ...common,
      status: "scheduled",
      scheduledFor: timeField(values, "scheduledFor", timeZone, true),
      scheduledUntil: timeField(values, "scheduledUntil", timeZone, true),
      autoStart: checked(values.autoStart),
      autoComplete: checked(values.autoComplete),
      remindPriorMinutes: minutesField(values.remindPriorMinutes),
    };
  }
  const impact = values.impact ? (values.impact as Impact) : undefined;
  if (checked(values.backfill)) {
    return {
      ...common,
      status: "resolved",
      impact,
      startedAt: timeField(values, "startedAt", timeZone, true),
      resolvedAt: timeField(values, "resolvedAt", timeZone, true),
      backfillComponents: components,
      deliverNotifications: false,
    };
  }
  return {
    ...common,
    status: (values.status ?? "investigating") as CreateIncidentInput["status"],
    impact,
    components,
    updateCadenceMinutes: minutesField(values.updateCadenceMinutes),
  };
}

const CLOSING: readonly string[] = ["resolved", "postmortem", "completed"];

/**
 * The "Post an update" and "Resolve" forms. Staff must write something: an empty message is
 * refused beside the field unless the person ticked "Post without a message" and the update
 * changes something (the status, a component, or restores components on closing). The admin
 * API does not come through here and keeps Statuspage's status-only updates.
 */
export function updateInputFromForm(values: Values, current: IncidentStatus | MaintenanceStatus): UpdateInput {
  const input = {
    status: (values.status ?? "") as UpdateInput["status"],
    body: messageField(values.body),
    components: componentChoices(values),
    deliverNotifications: checked(values.deliverNotifications),
    restoreComponents: checked(values.restoreComponents),
  };
  if (input.body.trim()) return input;
  if (!checked(values.withoutMessage)) {
    const why = staffT("staff.incidents.emptyMessage");
    throw new AppError("validation", why, { body: [why] });
  }
  const changes =
    input.status !== current ||
    Object.keys(input.components).length > 0 ||
    (input.restoreComponents && CLOSING.includes(input.status));
  if (!changes) {
    const why = staffT("staff.incidents.nothingToPost");
    throw new AppError("validation", why, { body: [why] });
  }
  return input;
}

/** The "Details" form: title, impact, cadence, and a maintenance's window. Changes no status. */
export function editInputFromForm(values: Values, kind: IncidentKind, timeZone: string): IncidentEdit {
  const edit: IncidentEdit = { name: values.name ?? "", deliverNotifications: false };
  if (values.impact) edit.impact = values.impact as Impact;
  if (kind === "maintenance") {
    edit.scheduledFor = timeField(values, "scheduledFor", timeZone, true);
    edit.scheduledUntil = timeField(values, "scheduledUntil", timeZone, true);
  } else {
    edit.updateCadenceMinutes = minutesField(values.updateCadenceMinutes);
  }
  return edit;
}

/** The "Recurring maintenance" form; componentIds come as `componentIds.<id>` checkboxes. */
export function recurrenceInputFromForm(values: Values): RecurrenceInput {
  const nth = values.frequency === "monthly" ? minutesField(values.nth) : undefined;
  return {
    title: values.title ?? "",
    body: values.body ?? "",
    componentIds: Object.keys(values)
      .filter((k) => k.startsWith("componentIds.") && checked(values[k]))
      .map((k) => k.slice("componentIds.".length)),
    frequency: values.frequency as RecurrenceInput["frequency"],
    weekday: Number(values.weekday ?? ""),
    nth: (nth ?? null) as RecurrenceInput["nth"],
    startTime: values.startTime ?? "",
    durationMinutes: Number(values.durationMinutes ?? ""),
    remindPriorMinutes: minutesField(values.remindPriorMinutes) ?? null,
  };
}

/** The template form: what it prefills. */
export function templateInputFromForm(values: Values): TemplateInput {
  return {
    kind: values.kind === "maintenance" ? "maintenance" : "incident",
    name: values.templateName ?? "",
    title: values.name ?? "",
    body: values.body ?? "",
    impact: (values.impact || "minor") as TemplateInput["impact"],
    components: componentChoices(values),
  };
}
