// The statuses an alert can map a component to: the outages (never "operational", and maintenance
// is planned by people, not alerts), for the source's default and for rules.
import { COMPONENT_STATUS_LABELS, type ComponentStatus } from "@/lib/constants";

export const OUTAGES = ["degraded_performance", "partial_outage", "major_outage"] as const satisfies ComponentStatus[];

export const OUTAGE_OPTIONS = OUTAGES.map((s) => ({ value: s, label: COMPONENT_STATUS_LABELS[s] }));
