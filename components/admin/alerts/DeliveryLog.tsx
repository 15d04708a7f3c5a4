// A source's recent deliveries, newest first: when, what Outpost answered, how many alerts, and
// what each alert did (or why the delivery was refused).
import { staffT } from "@/lib/i18n/staff";
import type { AlertSourcePageView } from "@/lib/views/alert-sources";

const time = (t: number) => `${new Date(t).toISOString().slice(0, 19).replace("T", " ")} UTC`;

export function DeliveryLog({ deliveries }: { deliveries: AlertSourcePageView["deliveries"] }) {
  return (
    <section aria-labelledby="deliveries-heading" className="space-y-2">
      <h2 id="deliveries-heading" className="font-semibold">
        {staffT("staff.alerts.deliveries")}
      </h2>
      {deliveries.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.alerts.noDeliveries")}</p>
      ) : (
        <ol
          className="max-h-[32rem] divide-y divide-gray-200 overflow-y-auto rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800"
          aria-labelledby="deliveries-heading"
          tabIndex={0}
        >
          {deliveries.map((d) => (
            <li key={d.id} className="space-y-1 p-3 text-sm" data-delivery={d.id}>
              <p>
                <span className="font-medium whitespace-nowrap">{time(d.receivedAt)}</span>
                {" · "}
                <span
                  className={d.httpStatus < 300 ? "" : "font-semibold text-red-800 dark:text-red-300"}
                >{`HTTP ${d.httpStatus}`}</span>
                {" · "}
                {staffT("staff.alerts.alertCount", { count: d.alertCount })}
              </p>
              {d.error ? <p className="break-words text-red-800 dark:text-red-300">{d.error}</p> : null}
              {d.effects.length ? (
                <ul className="space-y-0.5 text-xs text-gray-700 dark:text-gray-300">
                  {d.effects.map((e, i) => (
                    <li key={i} className="break-words">
                      <span className="font-medium">{e.summary}</span>
                      {` (${e.state === "firing" ? staffT("staff.alerts.stateFiring") : staffT("staff.alerts.stateResolved")}): ${e.effect}`}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
