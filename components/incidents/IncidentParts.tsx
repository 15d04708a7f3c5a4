// What an incident card and an incident page both say first: the stage, what is affected, and
// when the next word comes (or that it is late).
import { isClosedStatus } from "@/lib/incident-rules";
import { IMPACT_TONE, RESOLVED_TONE, TONE_SOLID, type Tone } from "@/lib/palette";
import type { SnapComponent, SnapIncident } from "@/lib/snapshot-types";
import { Rich, useT } from "../i18n";
import { StatusIcon } from "../status/StatusIcon";
import { Time } from "../status/Time";

/** Closed: resolved, with a postmortem, or a completed maintenance. */
export function isClosed(i: Pick<SnapIncident, "status">): boolean {
  return isClosedStatus(i.status);
}

/** A resolved incident's colour says resolved; an open one's says its impact. */
export function incidentTone(i: Pick<SnapIncident, "status" | "impact" | "kind">): Tone {
  if (isClosed(i)) return RESOLVED_TONE;
  return IMPACT_TONE[i.kind === "maintenance" ? "maintenance" : i.impact];
}

/** The current stage as a label that reads at a glance: "Investigating", "Monitoring", "Resolved". */
export function StageLabel({ incident }: { incident: SnapIncident }) {
  const tr = useT();
  return (
    <span
      data-incident-status={incident.status}
      className={`inline-flex items-center rounded px-2 py-0.5 text-sm font-semibold ${TONE_SOLID[incidentTone(incident)]}`}
    >
      {tr.t(`update.${incident.status}`)}
    </span>
  );
}

/** The affected components with their status now. */
export function AffectedComponents({ components }: { components: readonly SnapComponent[] }) {
  const tr = useT();
  if (!components.length) return null;
  return (
    <ul aria-label={tr.t("incident.affects")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-affected-list="">
      {components.map((c) => (
        <li key={c.id} className="flex items-center gap-1.5" data-affected-component={c.slug}>
          <StatusIcon status={c.status} />
          <span>
            <span className="font-medium" dir="auto">
              {c.name}
            </span>
            <span className="text-gray-600 dark:text-gray-400">
              {" · "}
              {tr.t(`component.${c.status}`)}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Twelve hours: a promise further away says its date too. */
const SAME_DAY_MS = 12 * 60 * 60_000;

/**
 * "Next update by 14:30 UTC", or, once that has passed, "Update overdue since 14:30 UTC; we are
 * still working on it." Both are in the page (one hidden): the page script shows the second the
 * moment the promise passes, and the server's next build (at that moment) bakes it in.
 */
export function NextUpdate({ incident, now, timeZone }: { incident: SnapIncident; now: number; timeZone: string }) {
  const due = incident.nextUpdateAt;
  if (due === null || isClosed(incident)) return null;
  const overdue = due <= now; // as lib/cadence.ts isOverdue, without its database import
  const time = <Time at={due} timeZone={timeZone} format={Math.abs(due - now) < SAME_DAY_MS ? "time" : "datetime"} />;
  return (
    <p data-due={new Date(due).toISOString()} data-next-update="" className="text-sm font-medium">
      <span data-when="before" hidden={overdue}>
        <Rich id="incident.nextUpdate" values={{ time }} />
      </span>
      <span data-when="overdue" hidden={!overdue} className="text-red-700 dark:text-red-400">
        <Rich id="incident.overdue" values={{ time }} />
      </span>
    </p>
  );
}
