import { WINDOW_MS } from "@/lib/affected";
import { requireStaff } from "@/lib/auth/session";
import { affectedReportsView } from "@/lib/views/affected-reports";

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
        Visitor reports
      </h2>
      {spikes.length ? (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          Spike in reports:{" "}
          {spikes
            .map((s) => `${names.get(s.componentId) ?? s.componentId} (${s.windows.at(-1)!.count} in 5 minutes)`)
            .join(", ")}
        </p>
      ) : null}
      {!first ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">No visitor has reported a problem in the last hour.</p>
      ) : (
        <div
          className="overflow-x-auto rounded-lg border border-gray-200 dark:border-gray-800"
          tabIndex={0}
          role="region"
          aria-label="Reports per 5 minutes"
        >
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Reports per component and 5-minute window (UTC), newest last</caption>
            <thead className="bg-gray-100 text-xs text-gray-700 dark:bg-gray-900 dark:text-gray-300">
              <tr>
                <th scope="col" className="px-2 py-1">
                  Component
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
                    {s.spike ? <span className="ml-1 text-red-700 dark:text-red-400">(spike)</span> : null}
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
        Windows of {WINDOW_MS / 60_000} minutes. The public page shows counts only while a monitor or an open incident
        backs them up.
      </p>
    </section>
  );
}
