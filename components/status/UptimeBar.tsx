import { dayLevel, type DayLevel, type DayUptime } from "@/lib/uptime";
import { formatDay, formatDuration } from "@/lib/time";

const FILL: Record<DayLevel, string> = {
  none: "fill-gray-300 dark:fill-gray-700",
  operational: "fill-emerald-500",
  maintenance: "fill-blue-500",
  degraded: "fill-amber-400",
  partial: "fill-orange-500",
  major: "fill-red-600",
};

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

export function UptimeBar({ days, percent, name }: { days: DayUptime[]; percent: number | null; name: string }) {
  const bad = days.filter((d) => dayLevel(d) !== "operational" && dayLevel(d) !== "none");
  const label = `${name}, last ${days.length} days: ${formatPercent(percent)}. ${
    bad.length ? bad.map(describeDay).join("; ") : "No problems recorded."
  }`;
  return (
    <div className="mt-2">
      <svg
        viewBox={`0 0 ${days.length * 5 - 2} 30`}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
        className="h-8 w-full"
      >
        {days.map((d, i) => (
          <rect key={d.date} x={i * 5} y="0" width="3" height="30" rx="1" className={FILL[dayLevel(d)]}>
            <title>{describeDay(d)}</title>
          </rect>
        ))}
      </svg>
      <div className="mt-1 flex justify-between text-xs text-gray-600 dark:text-gray-400">
        <span>{days.length} days ago</span>
        <span>{formatPercent(percent)}</span>
        <span>Today</span>
      </div>
    </div>
  );
}
