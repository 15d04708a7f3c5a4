// The incident rules the server's verbs and the editor's live preview share. Pure and
// client-safe: no database, no server module.
import type { ComponentStatus, Impact, IncidentKind, IncidentStatus, MaintenanceStatus } from "./constants";

type AnyStatus = IncidentStatus | MaintenanceStatus;

const CLOSED: readonly AnyStatus[] = ["resolved", "postmortem", "completed"];
const OPEN: readonly AnyStatus[] = ["investigating", "identified", "monitoring"];

/** Closed: resolved, with a postmortem, or a completed maintenance. */
export function isClosedStatus(status: AnyStatus): boolean {
  return CLOSED.includes(status);
}

const IMPACT_OF_STATUS: Partial<Record<ComponentStatus, Impact>> = {
  degraded_performance: "minor",
  partial_outage: "major",
  major_outage: "critical",
};
const IMPACT_ORDER: readonly Impact[] = ["none", "minor", "major", "critical"];

/** Statuspage's rule when no impact is given: the worst component status it sets decides. */
export function impactOfComponentStatuses(statuses: readonly ComponentStatus[]): Impact {
  return statuses.reduce<Impact>((worst, s) => {
    const impact = IMPACT_OF_STATUS[s] ?? "none";
    return IMPACT_ORDER.indexOf(impact) > IMPACT_ORDER.indexOf(worst) ? impact : worst;
  }, "none");
}

/** When the next update is due after posting one with `status`; null when no promise is made. */
export function nextUpdateAfter(
  kind: IncidentKind,
  status: AnyStatus,
  cadenceMinutes: number,
  now: number,
): number | null {
  return kind === "incident" && OPEN.includes(status) ? now + cadenceMinutes * 60_000 : null;
}
