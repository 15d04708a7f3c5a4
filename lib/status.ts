// The roll-up rule (README, "How the overall status is decided"). Pure.
import type { ComponentStatus, Impact, Indicator } from "./constants";

export type OverallStatus = { indicator: Indicator; description: string };

const SEVERITY: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

const INDICATOR_RANK: Record<Indicator, number> = { none: 0, maintenance: 1, minor: 2, major: 3, critical: 4 };

export const DESCRIPTIONS = {
  critical: "Major Service Outage",
  major: "Partial System Outage",
  minorOutage: "Minor Service Outage",
  degraded: "Partially Degraded Service",
  maintenance: "Service Under Maintenance",
  none: "All Systems Operational",
} as const;

/** Which of the DESCRIPTIONS an overall status has (its key in the message catalogue). */
export function statusWords(status: OverallStatus): keyof typeof DESCRIPTIONS {
  for (const [key, text] of Object.entries(DESCRIPTIONS))
    if (text === status.description) return key as keyof typeof DESCRIPTIONS;
  return status.indicator === "minor" ? "minorOutage" : status.indicator;
}

/** The worst of several statuses (a group's status is the worst of its children). */
export function worstStatus(statuses: readonly ComponentStatus[]): ComponentStatus {
  let worst: ComponentStatus = "operational";
  for (const s of statuses) if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

/** The indicator from leaf component statuses alone (first matching row of the rule). */
export function componentRollup(leafStatuses: readonly ComponentStatus[]): OverallStatus {
  const count = (s: ComponentStatus) => leafStatuses.filter((x) => x === s).length;
  const major = count("major_outage");
  const partial = count("partial_outage");
  if (major > 0 && major * 2 >= leafStatuses.length)
    return { indicator: "critical", description: DESCRIPTIONS.critical };
  if (major > 0 || partial >= 2) return { indicator: "major", description: DESCRIPTIONS.major };
  if (partial === 1) return { indicator: "minor", description: DESCRIPTIONS.minorOutage };
  const worst = worstStatus(leafStatuses);
  if (worst === "degraded_performance") return { indicator: "minor", description: DESCRIPTIONS.degraded };
  if (worst === "under_maintenance") return { indicator: "maintenance", description: DESCRIPTIONS.maintenance };
  return { indicator: "none", description: DESCRIPTIONS.none };
}

const FLOOR_DESCRIPTION: Record<"minor" | "major" | "critical", string> = {
  minor: DESCRIPTIONS.minorOutage,
  major: DESCRIPTIONS.major,
  critical: DESCRIPTIONS.critical,
};

/**
 * The overall status: the component roll-up, raised by every unresolved incident to at least its
 * impact and at least `minor`, so an open incident never sits under a green banner.
 */
export function overallStatus(
  leafStatuses: readonly ComponentStatus[],
  unresolvedImpacts: readonly Impact[],
): OverallStatus {
  const rolled = componentRollup(leafStatuses);
  let floor: "minor" | "major" | "critical" | null = null;
  for (const impact of unresolvedImpacts) {
    const level = impact === "major" || impact === "critical" ? impact : "minor";
    if (!floor || INDICATOR_RANK[level] > INDICATOR_RANK[floor]) floor = level;
  }
  if (floor && INDICATOR_RANK[floor] > INDICATOR_RANK[rolled.indicator]) {
    return { indicator: floor, description: FLOOR_DESCRIPTION[floor] };
  }
  return rolled;
}

/** Visible on the public page: hidden when only_show_if_degraded and operational. */
export function isComponentVisible(c: { status: ComponentStatus; onlyShowIfDegraded: boolean }): boolean {
  return !c.onlyShowIfDegraded || c.status !== "operational";
}
