import type { HistoryView } from "@/lib/history";
import { formatMonth } from "@/lib/time";
import { IncidentSummaryList } from "../incidents/IncidentSummaryList";

function pageHref(month: string, page = 1) {
  return page > 1 ? `/history?month=${month}&page=${page}` : `/history?month=${month}`;
}

const LINK = "text-blue-700 hover:underline dark:text-blue-300";

export function HistoryPage({ view, timeZone }: { view: HistoryView; timeZone: string }) {
  return (
    <>
      <h2 className="text-xl font-semibold">Incident history</h2>
      <section
        aria-labelledby="month-heading"
        className="mt-6 rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
      >
        <h3 id="month-heading" className="mb-3 text-lg font-semibold">
          {formatMonth(view.month)}
          {view.pages > 1 ? (
            <span className="ml-2 text-sm font-normal text-gray-600 dark:text-gray-400">
              page {view.page} of {view.pages}
            </span>
          ) : null}
        </h3>
        {view.incidents.length ? (
          <IncidentSummaryList incidents={view.incidents} timeZone={timeZone} />
        ) : (
          <p className="text-sm text-gray-600 dark:text-gray-400">No incidents reported this month.</p>
        )}
        {view.pages > 1 ? (
          <nav aria-label="Pages of this month" className="mt-4 flex gap-4 text-sm">
            {view.page > 1 ? (
              <a className={LINK} href={pageHref(view.month, view.page - 1)}>
                Newer in {formatMonth(view.month)}
              </a>
            ) : null}
            {view.page < view.pages ? (
              <a className={LINK} href={pageHref(view.month, view.page + 1)}>
                Older in {formatMonth(view.month)}
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
      <nav aria-label="Months" className="mt-6 flex justify-between text-sm">
        {view.olderMonth ? (
          <a className={LINK} rel="prev" href={pageHref(view.olderMonth)}>
            ← {formatMonth(view.olderMonth)}
          </a>
        ) : (
          <span />
        )}
        {view.newerMonth ? (
          <a className={LINK} rel="next" href={pageHref(view.newerMonth)}>
            {formatMonth(view.newerMonth)} →
          </a>
        ) : (
          <span />
        )}
      </nav>
    </>
  );
}
