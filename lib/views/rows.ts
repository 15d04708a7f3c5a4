// The stored rows staff pages and components show, as types only: they render what a read model
// in lib/views hands them and never reach into db/ themselves.
export type { AuditRow } from "@/db/queries/audit";
export type { ComponentRow, GroupRow } from "@/db/queries/components";
export type { DeliveryView } from "@/db/queries/deliveries";
export type { IncidentRow } from "@/db/queries/incidents";
export type { MonitorRow } from "@/db/queries/monitors";
export type { RecurrenceRow } from "@/db/queries/recurrences";
export type { TemplateRow } from "@/db/queries/templates";
