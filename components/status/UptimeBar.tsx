import type { Translator } from "@/lib/i18n/messages";
import { dayLevel, type DayLevel, type DayUptime } from "@/lib/uptime";
import { TONE_STROKE } from "@/lib/palette";
import { useT } from "../i18n";

/** Stroke colour of each level; the bar draws one <path> per level present. */
export const LEVEL_STROKE: Record<DayLevel, string> = {
  none: "stroke-gray-300 dark:stroke-gray-700",
  0: TONE_STROKE.ok,
  1: "stroke-lime-500",
  2: TONE_STROKE.degraded,
  3: TONE_STROKE.partial,
  4: TONE_STROKE.major,
};

/** The words of each level (their keys in the catalogue). */
export const LEVEL_WORDS = {
  0: "uptime.level0",
  1: "uptime.level1",
  2: "uptime.level2",
  3: "uptime.level3",
  4: "uptime.level4",
  none: "uptime.levelNone",
} as const satisfies Record<DayLevel, string>;

const LEVEL_ORDER: readonly DayLevel[] = [0, 1, 2, 3, 4, "none"];

/** "Nov 3, 2026: 12 min major outage, 5 min degraded performance" */
export function describeDay(d: DayUptime, tr: Translator): string {
  const day = tr.day(d.date);
  if (d.known === 0) return tr.t("uptime.dayNoData", { day });
  const parts = (
    [
      [d.majorOutage, "uptime.majorOutage"],
      [d.partialOutage, "uptime.partialOutage"],
      [d.degraded, "uptime.degraded"],
      [d.maintenance, "uptime.maintenance"],
    ] as const
  )
    .filter(([ms]) => ms > 0)
    .map(([ms, key]) => tr.t(key, { duration: tr.duration(ms) }));
  return parts.length ? tr.t("uptime.dayParts", { day, parts: tr.list(parts) }) : tr.t("uptime.dayQuiet", { day });
}

/** "99.95% uptime", or "No data". */
export function formatUptime(p: number | null, tr: Translator): string {
  return p === null ? tr.t("uptime.noData") : tr.t("uptime.percent", { percent: tr.percent(p) });
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
  const tr = useT();
  const levels = days.map(dayLevel);
  const bad = days.filter((_, i) => typeof levels[i] === "number" && (levels[i] as number) > 0).reverse();
  const spoken = bad.slice(0, SPOKEN_DAYS).map((d) => describeDay(d, tr));
  if (bad.length > SPOKEN_DAYS) spoken.push(tr.t("uptime.moreDays", { count: bad.length - SPOKEN_DAYS }));
  const label = tr.t("uptime.label", {
    name,
    days: days.length,
    percent: formatUptime(percent, tr),
    spoken: spoken.length ? tr.t("uptime.spoken", { days: spoken.join("; ") }) : tr.t("uptime.noDowntime"),
  });
  return (
    <div className="mt-2">
      {/* Without JavaScript the bar opens the component's days; the page script shows a day in place. */}
      <a
        href={tr.href(`/history?component=${componentId}`)}
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
          <span className="sm:hidden">{tr.t("uptime.daysAgo", { days: tr.number(30) })}</span>
          <span className="max-sm:hidden">{tr.t("uptime.daysAgo", { days: tr.number(days.length) })}</span>
        </span>
        <span>{formatUptime(percent, tr)}</span>
        <span>{tr.t("uptime.today")}</span>
      </div>
    </div>
  );
}

/** What the bars' colours mean, once per page. */
export function UptimeLegend() {
  const tr = useT();
  return (
    <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 px-1 text-xs text-gray-600 dark:text-gray-400">
      <span>{tr.t("uptime.legend")}</span>
      {LEVEL_ORDER.map((level) => (
        <span key={String(level)} className="flex items-center gap-1">
          <svg viewBox="0 0 1 1" className="h-3 w-2" aria-hidden="true">
            <path className={`${LEVEL_STROKE[level]} [stroke-width:2]`} d="M.5 0v1" />
          </svg>
          {tr.t(LEVEL_WORDS[level])}
        </span>
      ))}
    </p>
  );
}
