import { historyHref } from "@/lib/history-query";
import { dayKey, monthKey } from "@/lib/time";
import type { ComponentUptime, UptimeDay } from "@/lib/uptime-view";
import { Rich, useT } from "../i18n";
import { Time } from "../status/Time";
import { formatUptime, LEVEL_STROKE, LEVEL_WORDS, UptimeLegend } from "../status/UptimeBar";

const LINK = "text-blue-700 hover:underline dark:text-blue-300";

/** A day worth a section of its own: some downtime, another status, or an incident. */
const eventful = (d: UptimeDay) =>
  (typeof d.level === "number" && d.level > 0) || d.events.length + d.incidents.length > 0;

function Day({ day, timeZone, now }: { day: UptimeDay; timeZone: string; now: number }) {
  const tr = useT();
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
        {tr.day(day.date)}
      </h3>
      <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
        {day.uptime === null
          ? tr.t("day.noData")
          : tr.t("day.summary", { percent: formatUptime(day.uptime, tr), level: tr.t(LEVEL_WORDS[day.level]) })}
      </p>
      {day.events.length ? (
        <ul className="mt-2 space-y-1 text-sm">
          {day.events.map((e) => (
            <li key={e.startedAt}>
              <Rich
                id={e.endedAt === null ? "day.eventOngoing" : "day.event"}
                values={{
                  status: <span className="font-medium">{tr.t(`component.${e.status}`)}</span>,
                  from: <Time at={e.startedAt} timeZone={timeZone} />,
                  // Within one day the end says its time only: the date is said already.
                  to:
                    e.endedAt === null ? (
                      ""
                    ) : (
                      <Time
                        at={e.endedAt}
                        timeZone={timeZone}
                        format={dayKey(e.endedAt, timeZone) === dayKey(e.startedAt, timeZone) ? "time" : "datetime"}
                      />
                    ),
                  duration: tr.duration((e.endedAt ?? now) - e.startedAt),
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {day.incidents.length ? (
        <>
          <h4 className="mt-3 text-sm font-semibold">{tr.t("day.incidents")}</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {day.incidents.map((i) => (
              <li key={i.id}>
                <a className={LINK} href={tr.href(`/incidents/${i.id}`)}>
                  {i.name}
                </a>{" "}
                <span className="text-gray-600 dark:text-gray-400">
                  <Rich
                    id="day.incident"
                    values={{
                      status: tr.t(`update.${i.status}`),
                      from: <Time at={i.startedAt} timeZone={timeZone} />,
                    }}
                  />
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
  const tr = useT();
  const c = uptime.component;
  const shown = day ? [day] : uptime.days.filter(eventful).reverse();
  return (
    <>
      <h2 className="text-xl font-semibold">
        {day
          ? tr.t("days.dayHeading", { name: c.name, day: tr.day(day.date) })
          : tr.t("days.heading", { name: c.name, days: tr.number(uptime.days.length) })}
      </h2>
      <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
        {tr.t("days.percent", { percent: formatUptime(uptime.percent, tr), days: tr.number(uptime.days.length) })}
      </p>
      <nav aria-label={tr.t("days.nav")} className="mt-2 flex flex-wrap gap-4 text-sm">
        {day ? (
          <a className={LINK} href={tr.href(`/history?component=${c.id}`)}>
            {tr.t("days.every", { name: c.name })}
          </a>
        ) : null}
        <a className={LINK} href={tr.href(historyHref(monthKey(uptime.now, timeZone), 1, c.id))}>
          {tr.t("days.byMonth", { name: c.name })}
        </a>
        <a className={LINK} href={tr.href("/history")}>
          {tr.t("days.allIncidents")}
        </a>
        <a className={LINK} href={tr.href("/")}>
          {tr.t("days.current")}
        </a>
      </nav>
      <div className="mt-6 space-y-4">
        {shown.map((d) => (
          <Day key={d.date} day={d} timeZone={timeZone} now={uptime.now} />
        ))}
        {day ? null : (
          <p className="text-sm text-gray-600 dark:text-gray-400">
            {tr.t(shown.length ? "days.quietOthers" : "days.quiet")}
          </p>
        )}
      </div>
      <UptimeLegend />
    </>
  );
}
