import type { HistoryView } from "@/lib/history";
import { historyHref } from "@/lib/history-query";
import type { LayoutItem } from "@/lib/snapshot-types";
import { Rich, useT } from "../i18n";
import { HistoryFilter } from "../incidents/HistoryFilter";
import { PastDays } from "../incidents/PastDays";

const LINK = "text-blue-700 hover:underline dark:text-blue-300";
/** A link inside a sentence: underlined, so it does not rely on colour. */
const TEXT_LINK = "text-blue-700 underline dark:text-blue-300";

/**
 * `/history?month=YYYY-MM&page=N[&component=ID]`: a month of incidents and maintenances by day,
 * quiet stretches as one line each, filterable by component with a plain form.
 */
export function HistoryPage({
  view,
  timeZone,
  layout,
  filterable = true,
}: {
  view: HistoryView;
  timeZone: string;
  layout: readonly LayoutItem[];
  /** False on the static copy, which cannot answer the filter's query. */
  filterable?: boolean;
}) {
  const tr = useT();
  const month = tr.month(view.month);
  const only = view.component;
  const href = (m: string, page = 1) => tr.href(historyHref(m, page, only?.id ?? null));
  return (
    <>
      <h2 className="text-xl font-semibold break-words">
        {only ? tr.t("history.headingFor", { component: only.name }) : tr.t("history.heading")}
      </h2>
      {only ? (
        <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
          <Rich
            id="history.filtered"
            values={{ component: only.name }}
            tags={{
              all: (text) => (
                <a className={TEXT_LINK} href={tr.href(historyHref(view.month))}>
                  {text}
                </a>
              ),
            }}
          />
          {" · "}
          <a className={TEXT_LINK} href={tr.href(`/history?component=${only.id}`)}>
            {tr.t("history.componentDays", { component: only.name })}
          </a>
        </p>
      ) : null}
      {filterable ? <HistoryFilter layout={layout} month={view.month} selected={only?.id ?? null} /> : null}
      <section
        aria-labelledby="month-heading"
        className="mt-6 rounded-lg border border-gray-200 bg-white px-4 pt-4 pb-1 dark:border-gray-800 dark:bg-gray-900"
      >
        <h3 id="month-heading" className="text-lg font-semibold">
          {month}
          {view.pages > 1 ? (
            <span className="ms-2 text-sm font-normal text-gray-600 dark:text-gray-400">
              {tr.t("history.pageOf", { page: view.page, pages: view.pages })}
            </span>
          ) : null}
        </h3>
        <div className="divide-y divide-gray-200 dark:divide-gray-800">
          <PastDays days={view.days} timeZone={timeZone} level={4} />
        </div>
        {view.pages > 1 ? (
          <nav
            aria-label={tr.t("history.pagesNav")}
            className="flex gap-4 border-t border-gray-200 py-3 text-sm dark:border-gray-800"
          >
            {view.page > 1 ? (
              <a className={LINK} href={href(view.month, view.page - 1)}>
                {tr.t("history.newer", { month })}
              </a>
            ) : null}
            {view.page < view.pages ? (
              <a className={LINK} href={href(view.month, view.page + 1)}>
                {tr.t("history.older", { month })}
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
      <nav aria-label={tr.t("history.monthsNav")} className="mt-6 flex justify-between gap-4 text-sm">
        {view.olderMonth ? (
          <a className={LINK} rel="prev" href={href(view.olderMonth)}>
            {tr.t("history.previousMonth", { month: tr.month(view.olderMonth) })}
          </a>
        ) : (
          <span />
        )}
        {view.newerMonth ? (
          <a className={LINK} rel="next" href={href(view.newerMonth)}>
            {tr.t("history.nextMonth", { month: tr.month(view.newerMonth) })}
          </a>
        ) : (
          <span />
        )}
      </nav>
    </>
  );
}
