// One component's uptime, day by day, with what happened on each day: the day detail the uptime
// bar opens (`/components/{id}/uptime.json`) and the no-JavaScript day page (`/history?component=…`).
import type { Db } from "@/db/client";
import { listForComponentBetween, type IncidentRow } from "@/db/queries/incidents";
import type { SnapComponent, Snapshot } from "./snapshot-types";
import { isoTime } from "./time";
import { dayEvents, dayLevel, uptimePercent, type DayLevel, type StatusPeriod } from "./uptime";

/** Incidents read for one component's window; more than this in 90 days keeps the newest. */
export const UPTIME_INCIDENT_LIMIT = 200;

export type UptimeDay = {
  date: string;
  start: number;
  end: number;
  level: DayLevel;
  /** Percent of the day's known time that was up (partial outage counts 30% down); null without data. */
  uptime: number | null;
  known: number;
  majorOutage: number;
  partialOutage: number;
  degraded: number;
  maintenance: number;
  /** Periods other than operational, clipped to the day (endedAt null: still going). */
  events: StatusPeriod[];
  incidents: Pick<IncidentRow, "id" | "name" | "kind" | "impact" | "status" | "startedAt" | "resolvedAt">[];
};

export type ComponentUptime = { component: SnapComponent; days: UptimeDay[]; percent: number | null; now: number };

export function componentUptime(db: Db, s: Snapshot, component: SnapComponent): ComponentUptime {
  const now = s.builtAt;
  const ranges = s.uptimeRanges;
  const first = ranges[0];
  const rows = first
    ? listForComponentBetween(db, component.id, { start: first.start, end: now + 1 }, UPTIME_INCIDENT_LIMIT)
    : [];
  const days = component.uptimeDays.flatMap((u, i): UptimeDay[] => {
    const range = ranges[i];
    if (!range) return [];
    return [
      {
        ...u,
        start: range.start,
        end: range.end,
        level: dayLevel(u),
        uptime: uptimePercent([u]),
        events: dayEvents(component.uptimePeriods, range, now),
        incidents: rows
          .filter((r) => r.startedAt < range.end && (r.resolvedAt ?? now) >= range.start)
          .map(({ id, name, kind, impact, status, startedAt, resolvedAt }) => ({
            id,
            name,
            kind,
            impact,
            status,
            startedAt,
            resolvedAt,
          }))
          .reverse(),
      },
    ];
  });
  return { component, days, percent: uptimePercent(component.uptimeDays), now };
}

const seconds = (ms: number) => Math.round(ms / 1000);

/** The uptime document: snake_case like the v2 JSON, times as ISO 8601. */
export function uptimeDocument(u: ComponentUptime, s: Snapshot) {
  return {
    component: { id: u.component.id, name: u.component.name, slug: u.component.slug },
    time_zone: s.page.timeZone,
    generated_at: isoTime(s.builtAt),
    uptime_percent: u.percent,
    levels: ["no downtime", "under 1% downtime", "under 5% downtime", "under 30% downtime", "30% downtime or more"],
    days: u.days.map((d) => ({
      date: d.date,
      level: d.level === "none" ? null : d.level,
      uptime_percent: d.uptime,
      known_seconds: seconds(d.known),
      major_outage_seconds: seconds(d.majorOutage),
      partial_outage_seconds: seconds(d.partialOutage),
      degraded_seconds: seconds(d.degraded),
      maintenance_seconds: seconds(d.maintenance),
      events: d.events.map((e) => ({
        status: e.status,
        started_at: isoTime(e.startedAt),
        ended_at: isoTime(e.endedAt),
      })),
      incidents: d.incidents.map((i) => ({
        id: i.id,
        name: i.name,
        kind: i.kind,
        impact: i.impact,
        status: i.status,
        started_at: isoTime(i.startedAt),
        resolved_at: isoTime(i.resolvedAt),
        url: `${s.page.url}/incidents/${i.id}`,
      })),
    })),
  };
}
