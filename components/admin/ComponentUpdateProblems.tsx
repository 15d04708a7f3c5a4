// Webhook component updates that failed or whose outcome is unknown, one by one (an incident's
// deliveries are shown per incident instead): what was announced, to which webhook, the error,
// and Retry or settle.
import type { ComponentUpdateProblem } from "@/lib/views/deliveries";
import { staffT } from "@/lib/i18n/staff";
import { deliveryState } from "./delivery-state";
import { RetryDelivery, SettleDelivery } from "./DeliveryActions";

const time = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function ComponentUpdateProblems({ rows }: { rows: ComponentUpdateProblem[] }) {
  return (
    <section aria-labelledby="component-updates" className="space-y-2">
      <h2 id="component-updates" className="font-semibold">
        {staffT("staff.deliveries.componentUpdates")}
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.deliveries.componentUpdatesDone")}</p>
      ) : (
        <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 text-sm dark:divide-gray-800 dark:border-gray-800">
          {rows.map((d) => (
            <li key={d.id} className="p-3">
              <span className="font-medium">{d.subject}</span> ·{" "}
              {staffT("staff.deliveries.webhookAt", { receiver: d.receiver })} · {deliveryState(d.state)} ·{" "}
              {time(d.updatedAt)}
              <span className="block text-xs text-gray-700 dark:text-gray-300">{d.lastError}</span>
              {d.state === "failed" ? <RetryDelivery id={d.id} label={d.subject} /> : null}
              {d.state === "unknown" ? <SettleDelivery id={d.id} label={d.subject} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
