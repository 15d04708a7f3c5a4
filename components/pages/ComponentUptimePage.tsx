import { COMPONENT_STATUS_LABELS, UPDATE_STATUS_LABELS } from "@/lib/constants";
import { formatDay, formatDuration } from "@/lib/time";
import type { ComponentUptime, UptimeDay } from "@/lib/uptime-view";
import { Time } from "../status/Time";
import { formatPercent, LEVEL_LABELS, LEVEL_STROKE, UptimeLegend } from "../status/UptimeBar";

const LINK = "text-blue-700 hover:underline dark:text-blue-300";

/** A day worth a section of its own: some downtime, another status, or an incident. */
const eventful = (d: UptimeDay) =>
  (typeof d.level === "number" && d.level > 0) || d.events.length + d.incidents.length > 0;

function Day({ day, timeZone, now }: { day: UptimeDay; timeZone: string; now: number }) {
  return (
    <section
      id={`day-${day.date}`}
      aria-labelledby={`day-${day.date}-h`}
      className="rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
    >
      <h3 id={`day-${day.date}-h`} className="flex items-center gap-2 text-lg font-semibold">
        <svg viewBox="0 0 1 1" className="h-4 w-2" aria-hidden="true">
          <path className={`${LEVEL_STROKE[day.level]} [stroke-width:2]`} d="M.5 0v1" />
        </svg>
        {formatDay(day.date)}
      </h3>
      <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
        {day.uptime === null
          ? "No data for this day."
          : `${formatPercent(day.uptime)}; downtime: ${LEVEL_LABELS[day.level]}.`}
      </p>
      {day.events.length ? (
        <ul className="mt-2 space-y-1 text-sm">
          {day.events.map((e) => (
            <li key={e.startedAt}>
              <span className="font-medium">{COMPONENT_STATUS_LABELS[e.status]}</span> from{" "}
              <Time at={e.startedAt} timeZone={timeZone} />{" "}
              {e.endedAt === null ? (
                "and still going"
              ) : (
                <>
                  to <Time at={e.endedAt} timeZone={timeZone} />
                </>
              )}{" "}
              ({formatDuration((e.endedAt ?? now) - e.startedAt)})
            </li>
          ))}
        </ul>
      ) : null}
      {day.incidents.length ? (
        <>
          <h4 className="mt-3 text-sm font-semibold">Incidents and maintenance</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {day.incidents.map((i) => (
              <li key={i.id}>
                <a className={LINK} href={`/incidents/${i.id}`}>
                  {i.name}
                </a>{" "}
                <span className="text-gray-600 dark:text-gray-400">
                  ({UPDATE_STATUS_LABELS[i.status]}, from <Time at={i.startedAt} timeZone={timeZone} />)
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** `/history?component={id}` (every day worth telling, newest first) and `…&day=YYYY-MM-DD` (one day). */
export function ComponentUptimePage({
  uptime,
  day,
  timeZone,
}: {
  uptime: ComponentUptime;
  day: UptimeDay | null;
  timeZone: string;
}) {
  const c = uptime.component;
  const shown = day ? [day] : uptime.days.filter(eventful).reverse();
  return (
    <>
      <h2 className="text-xl font-semibold">
        {c.name}: {day ? formatDay(day.date) : `uptime over the last ${uptime.days.length} days`}
      </h2>
      <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
        {formatPercent(uptime.percent)} over the last {uptime.days.length} days.
      </p>
      <nav aria-label="Uptime pages" className="mt-2 flex flex-wrap gap-4 text-sm">
        {day ? (
          <a className={LINK} href={`/history?component=${c.id}`}>
            Every day of {c.name}
          </a>
        ) : null}
        <a className={LINK} href="/history">
          All incidents by month
        </a>
        <a className={LINK} href="/">
          Current status
        </a>
      </nav>
      <div className="mt-6 space-y-4">
        {shown.map((d) => (
          <Day key={d.date} day={d} timeZone={timeZone} now={uptime.now} />
        ))}
        {day ? null : (
          <p className="text-sm text-gray-600 dark:text-gray-400">
            {shown.length
              ? "Every other day: no downtime and no incident."
              : "No downtime and no incident in these days."}
          </p>
        )}
      </div>
      <UptimeLegend />
    </>
  );
}
