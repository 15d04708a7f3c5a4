import { formatDay, formatDuration } from "@/lib/time";
import { dayLevel, type DayLevel, type DayUptime } from "@/lib/uptime";

/** Stroke colour of each level; the bar draws one <path> per level present. */
export const LEVEL_STROKE: Record<DayLevel, string> = {
  none: "stroke-gray-300 dark:stroke-gray-700",
  0: "stroke-emerald-500",
  1: "stroke-lime-400",
  2: "stroke-amber-400",
  3: "stroke-orange-500",
  4: "stroke-red-600",
};

export const LEVEL_LABELS: Record<DayLevel, string> = {
  0: "none",
  1: "under 1%",
  2: "1–5%",
  3: "5–30%",
  4: "30% or more",
  none: "no data",
};

const LEVEL_ORDER: readonly DayLevel[] = [0, 1, 2, 3, 4, "none"];

/** "Nov 3, 2026: 12 min major outage, 5 min degraded performance" */
export function describeDay(d: DayUptime): string {
  if (d.known === 0) return `${formatDay(d.date)}: no data`;
  const parts = [
    [d.majorOutage, "major outage"],
    [d.partialOutage, "partial outage"],
    [d.degraded, "degraded performance"],
    [d.maintenance, "maintenance"],
  ]
    .filter(([ms]) => (ms as number) > 0)
    .map(([ms, label]) => `${formatDuration(ms as number)} ${label}`);
  return `${formatDay(d.date)}: ${parts.length ? parts.join(", ") : "no downtime recorded"}`;
}

export function formatPercent(p: number | null): string {
  return p === null ? "No data" : `${p.toFixed(2).replace(/\.00$/, "")}% uptime`;
}

/**
 * Path data for one level: each run of consecutive days at that level is one horizontal segment,
 * one unit per day; the dash pattern in CSS cuts it into bars. Its size depends on the number of
 * runs only (at most one per day), never on which colours they are.
 */
export function levelPaths(levels: readonly DayLevel[]): { level: DayLevel; d: string }[] {
  const runs = new Map<DayLevel, string>();
  for (let i = 0; i < levels.length;) {
    const level = levels[i] as DayLevel;
    let end = i + 1;
    while (end < levels.length && levels[end] === level) end++;
    runs.set(level, `${runs.get(level) ?? ""}M${i} .5h${end - i}`);
    i = end;
  }
  return LEVEL_ORDER.flatMap((level) => {
    const d = runs.get(level);
    return d ? [{ level, d }] : [];
  });
}

/** The days a screen reader hears about: the most recent few with downtime, then how many more. */
const SPOKEN_DAYS = 3;

export function UptimeBar({
  componentId,
  days,
  percent,
  name,
}: {
  componentId: string;
  days: DayUptime[];
  percent: number | null;
  name: string;
}) {
  const levels = days.map(dayLevel);
  const bad = days.filter((_, i) => typeof levels[i] === "number" && (levels[i] as number) > 0).reverse();
  const spoken = bad.slice(0, SPOKEN_DAYS).map(describeDay);
  if (bad.length > SPOKEN_DAYS) spoken.push(`${bad.length - SPOKEN_DAYS} more days with downtime`);
  const label = `${name}, last ${days.length} days: ${formatPercent(percent)}. ${
    spoken.length ? `${spoken.join("; ")}.` : "No downtime recorded."
  } Day by day`;
  return (
    <div className="mt-2">
      {/* Without JavaScript the bar opens the component's days; the page script shows a day in place. */}
      <a
        href={`/history?component=${componentId}`}
        data-uptime={componentId}
        aria-label={label}
        className="ub block overflow-hidden rounded-sm"
      >
        <svg viewBox={`0 0 ${days.length} 1`} preserveAspectRatio="none" aria-hidden="true">
          {levelPaths(levels).map((p) => (
            <path key={String(p.level)} className={LEVEL_STROKE[p.level]} d={p.d} />
          ))}
        </svg>
      </a>
      <div className="mt-1 flex justify-between text-xs text-gray-600 dark:text-gray-400">
        <span>
          <span className="sm:hidden">30</span>
          <span className="max-sm:hidden">{days.length}</span> days ago
        </span>
        <span>{formatPercent(percent)}</span>
        <span>Today</span>
      </div>
    </div>
  );
}

/** What the bars' colours mean, once per page. */
export function UptimeLegend() {
  return (
    <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 px-1 text-xs text-gray-600 dark:text-gray-400">
      <span>Each bar is one day, by its downtime:</span>
      {LEVEL_ORDER.map((level) => (
        <span key={String(level)} className="flex items-center gap-1">
          <svg viewBox="0 0 1 1" className="h-3 w-2" aria-hidden="true">
            <path className={`${LEVEL_STROKE[level]} [stroke-width:2]`} d="M.5 0v1" />
          </svg>
          {LEVEL_LABELS[level]}
        </span>
      ))}
    </p>
  );
}
