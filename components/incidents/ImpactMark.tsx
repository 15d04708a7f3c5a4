import type { ComponentStatus } from "@/lib/constants";
import { IMPACT_TONE, TONE_TEXT } from "@/lib/palette";
import type { SnapIncident } from "@/lib/snapshot-types";
import { useT } from "../i18n";
import { StatusIcon } from "../status/StatusIcon";

/** The impact's icon: the shape of the component status of the same tone, so shape and words carry it, not colour alone. */
const SHAPE: Record<keyof typeof IMPACT_TONE, ComponentStatus> = {
  none: "operational",
  minor: "degraded_performance",
  major: "partial_outage",
  critical: "major_outage",
  maintenance: "under_maintenance",
};

/** What an incident's impact was (a maintenance's is maintenance), for the colour of its row. */
export function impactOf(i: Pick<SnapIncident, "kind" | "impact">): keyof typeof IMPACT_TONE {
  return i.kind === "maintenance" ? "maintenance" : i.impact;
}

/** "Major impact" with its icon, in the impact's tone. */
export function ImpactMark({ incident }: { incident: Pick<SnapIncident, "kind" | "impact"> }) {
  const tr = useT();
  const impact = impactOf(incident);
  return (
    <span
      className={`inline-flex items-center gap-1 font-medium ${TONE_TEXT[IMPACT_TONE[impact]]}`}
      data-impact={impact}
    >
      <StatusIcon status={SHAPE[impact]} inherit className="h-4 w-4" />
      {tr.t(`impact.${impact}`)}
    </span>
  );
}
