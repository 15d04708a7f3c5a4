import { WINDOW_MS } from "@/lib/affected";
import { requireStaff } from "@/lib/auth/session";
import { affectedReportsView } from "@/lib/views/affected-reports";
import { staffT } from "@/lib/i18n/staff";

const time = new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone: "UTC" });

/** "I am affected" reports over the last hour in 5-minute windows, with spikes called out. */
export async function AffectedReports() {
  await requireStaff("editor");
  const { series, names } = affectedReportsView();
  const spikes = series.filter((s) => s.spike);
  const [first] = series;
  return (
    <section aria-labelledby="affected-heading" className="space-y-2">
      <h2 id="affected-heading" className="text-lg font-semibold">
        {staffT("staff.dashboard.reports")}
      </h2>
      {spikes.length ? (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {staffT("staff.dashboard.spike", {
            components: spikes
              .map((s) =>
                staffT("staff.dashboard.spikeOf", {
                  component: names.get(s.componentId) ?? s.componentId,
                  count: String(s.windows.at(-1)!.count),
                }),
              )
              .join(", "),
          })}
        </p>
      ) : null}
      {!first ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.dashboard.noReports")}</p>
      ) : (
        <div
          className="overflow-x-auto rounded-lg border border-gray-200 dark:border-gray-800"
          tabIndex={0}
          role="region"
          aria-label={staffT("staff.dashboard.reportsRegion")}
        >
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{staffT("staff.dashboard.reportsCaption")}</caption>
            <thead className="bg-gray-100 text-xs text-gray-700 dark:bg-gray-900 dark:text-gray-300">
              <tr>
                <th scope="col" className="px-2 py-1">
                  {staffT("staff.dashboard.component")}
                </th>
                {first.windows.map((w) => (
                  <th key={w.start} scope="col" className="px-2 py-1 font-normal">
                    {time.format(w.start)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-200 dark:divide-gray-800">
              {series.map((s) => (
                <tr key={s.componentId} data-affected-component={s.componentId}>
                  <th scope="row" className="px-2 py-1 font-medium">
                    {names.get(s.componentId) ?? s.componentId}
                    {s.spike ? (
                      <span className="ml-1 text-red-700 dark:text-red-400">{staffT("staff.dashboard.spikeMark")}</span>
                    ) : null}
                  </th>
                  {s.windows.map((w) => (
                    <td key={w.start} className="px-2 py-1 tabular-nums">
                      {w.count || "·"}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="text-xs text-gray-600 dark:text-gray-400">
        {staffT("staff.dashboard.reportsNote", { minutes: String(WINDOW_MS / 60_000) })}
      </p>
    </section>
  );
}
