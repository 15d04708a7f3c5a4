import type { HistoryView } from "@/lib/history";
import { useT } from "../i18n";
import { IncidentSummaryList } from "../incidents/IncidentSummaryList";

function pageHref(month: string, page = 1) {
  return page > 1 ? `/history?month=${month}&page=${page}` : `/history?month=${month}`;
}

const LINK = "text-blue-700 hover:underline dark:text-blue-300";

export function HistoryPage({ view, timeZone }: { view: HistoryView; timeZone: string }) {
  const tr = useT();
  const month = tr.month(view.month);
  return (
    <>
      <h2 className="text-xl font-semibold">{tr.t("history.heading")}</h2>
      <section
        aria-labelledby="month-heading"
        className="mt-6 rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
      >
        <h3 id="month-heading" className="mb-3 text-lg font-semibold">
          {month}
          {view.pages > 1 ? (
            <span className="ms-2 text-sm font-normal text-gray-600 dark:text-gray-400">
              {tr.t("history.pageOf", { page: view.page, pages: view.pages })}
            </span>
          ) : null}
        </h3>
        {view.incidents.length ? (
          <IncidentSummaryList incidents={view.incidents} timeZone={timeZone} />
        ) : (
          <p className="text-sm text-gray-600 dark:text-gray-400">{tr.t("history.none")}</p>
        )}
        {view.pages > 1 ? (
          <nav aria-label={tr.t("history.pagesNav")} className="mt-4 flex gap-4 text-sm">
            {view.page > 1 ? (
              <a className={LINK} href={tr.href(pageHref(view.month, view.page - 1))}>
                {tr.t("history.newer", { month })}
              </a>
            ) : null}
            {view.page < view.pages ? (
              <a className={LINK} href={tr.href(pageHref(view.month, view.page + 1))}>
                {tr.t("history.older", { month })}
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
      <nav aria-label={tr.t("history.monthsNav")} className="mt-6 flex justify-between text-sm">
        {view.olderMonth ? (
          <a className={LINK} rel="prev" href={tr.href(pageHref(view.olderMonth))}>
            {tr.t("history.previousMonth", { month: tr.month(view.olderMonth) })}
          </a>
        ) : (
          <span />
        )}
        {view.newerMonth ? (
          <a className={LINK} rel="next" href={tr.href(pageHref(view.newerMonth))}>
            {tr.t("history.nextMonth", { month: tr.month(view.newerMonth) })}
          </a>
        ) : (
          <span />
        )}
      </nav>
    </>
  );
}
