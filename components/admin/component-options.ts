// Shared by the component forms (client code: no server imports).
import type { ComponentRow } from "@/lib/views/rows";
import { COMPONENT_STATUSES, COMPONENT_STATUS_LABELS } from "@/lib/constants";
import { staffT } from "@/lib/i18n/staff";

export type AdminComponent = Pick<
  ComponentRow,
  "id" | "name" | "description" | "groupId" | "slug" | "status" | "showcase" | "onlyShowIfDegraded" | "startDate"
>;
export type Option = { value: string; label: string };

export const STATUS_OPTIONS: readonly Option[] = COMPONENT_STATUSES.map((s) => ({
  value: s,
  label: COMPONENT_STATUS_LABELS[s],
}));

export const groupOptions = (groups: Option[]): Option[] => [
  { value: "", label: staffT("staff.components.noGroup") },
  ...groups,
];
