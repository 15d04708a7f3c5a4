// Where each update of an incident went: per update and per channel, pending / sent (with a link
// to the post) / failed (with the error, and Retry) / unknown (settle). Subscribers are counted
// per state rather than listed one by one.
import { UPDATE_STATUS_LABELS } from "@/lib/constants";
import { SOCIAL_NETWORKS } from "@/lib/syndication/networks";
import { incidentDeliveries } from "@/lib/views/deliveries";
import type { DeliveryView } from "@/lib/views/rows";
import { staffT } from "@/lib/i18n/staff";
import { deliveryState } from "./delivery-state";
import { RetryDelivery, SettleDelivery } from "./DeliveryActions";

const CHANNEL_LABELS: Record<string, string> = {
  ...Object.fromEntries(SOCIAL_NETWORKS.map((n) => [n.name, n.label])),
  email: staffT("staff.deliveries.email"),
  webhook: staffT("staff.deliveries.webhook"),
  slack: "Slack",
  discord: "Discord",
  teams: "Teams",
};

/** A delivery channel's name for people (x → X, email → Email); one not listed shows as stored. */
export const channelLabel = (channel: string) =>
  Object.hasOwn(CHANNEL_LABELS, channel) ? CHANNEL_LABELS[channel]! : channel;

const STATE_STYLE: Record<string, string> = {
  pending: "text-gray-700 dark:text-gray-300",
  sending: "text-gray-700 dark:text-gray-300",
  sent: "text-emerald-800 dark:text-emerald-300",
  failed: "text-red-800 dark:text-red-300",
  unknown: "text-amber-800 dark:text-amber-300",
};

const time = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;

function NetworkRow({ d }: { d: DeliveryView }) {
  const label = staffT("staff.deliveries.updateOf", {
    channel: CHANNEL_LABELS[d.channel] ?? d.channel,
    time: time(d.updateCreatedAt),
  });
  return (
    <li className="py-2">
      <span className="font-medium">{CHANNEL_LABELS[d.channel] ?? d.channel}</span>:{" "}
      <span className={STATE_STYLE[d.state]}>{deliveryState(d.state)}</span>
      {d.state === "sent" && d.remoteUrl ? (
        <>
          {" · "}
          <a
            href={d.remoteUrl}
            className="text-blue-700 underline dark:text-blue-300"
            rel="noopener noreferrer"
            target="_blank"
          >
            {staffT("staff.deliveries.viewPost")}
          </a>
        </>
      ) : null}
      {d.state === "pending" && d.attempts > 0
        ? ` · ${staffT("staff.deliveries.attempt", { n: String(d.attempts + 1), time: time(d.nextAttemptAt) })}`
        : null}
      {d.lastError && d.state !== "sent" ? (
        <span className="block text-xs text-gray-700 dark:text-gray-300">{d.lastError}</span>
      ) : null}
      {d.state === "failed" ? <RetryDelivery id={d.id} label={label} /> : null}
      {d.state === "unknown" ? <SettleDelivery id={d.id} label={label} /> : null}
    </li>
  );
}

function SubscriberSummary({ channel, rows }: { channel: string; rows: DeliveryView[] }) {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
  const failed = rows.filter((r) => r.state === "failed" || r.state === "unknown").slice(0, 5);
  return (
    <li className="py-2">
      <span className="font-medium">{CHANNEL_LABELS[channel] ?? channel}</span>:{" "}
      {[...counts]
        .map(([state, n]) => staffT("staff.deliveries.count", { count: String(n), state: deliveryState(state) }))
        .join(", ")}
      {failed.map((d) => (
        <span key={d.id} className="block text-xs text-red-800 dark:text-red-300">
          {d.lastError}
          {d.state === "failed" ? (
            <RetryDelivery id={d.id} label={staffT("staff.deliveries.deliveryOf", { channel, id: d.id })} />
          ) : null}
          {d.state === "unknown" ? (
            <SettleDelivery id={d.id} label={staffT("staff.deliveries.deliveryOf", { channel, id: d.id })} />
          ) : null}
        </span>
      ))}
    </li>
  );
}

export async function Deliveries({ incidentId }: { incidentId: string }) {
  const rows = incidentDeliveries(incidentId);
  if (rows.length === 0) {
    return (
      <section aria-labelledby="deliveries" className="space-y-2">
        <h2 id="deliveries" className="font-semibold">
          {staffT("staff.deliveries.heading")}
        </h2>
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.deliveries.none")}</p>
      </section>
    );
  }
  const byUpdate = new Map<string, [DeliveryView, ...DeliveryView[]]>();
  for (const r of rows) {
    const list = byUpdate.get(r.updateId);
    if (list) list.push(r);
    else byUpdate.set(r.updateId, [r]);
  }
  return (
    <section aria-labelledby="deliveries" className="space-y-4">
      <h2 id="deliveries" className="font-semibold">
        {staffT("staff.deliveries.heading")}
      </h2>
      {[...byUpdate.values()].map((list) => {
        const [first] = list;
        const networks = list.filter((d) => !d.subscriberId);
        const subscriberChannels = [...new Set(list.filter((d) => d.subscriberId).map((d) => d.channel))];
        return (
          <div key={first.updateId} className="rounded-lg border border-gray-200 p-3 dark:border-gray-800">
            <h3 className="text-sm font-medium">
              {UPDATE_STATUS_LABELS[first.updateStatus as keyof typeof UPDATE_STATUS_LABELS] ?? first.updateStatus} ·{" "}
              {time(first.updateCreatedAt)}
            </h3>
            <ul className="divide-y divide-gray-100 text-sm dark:divide-gray-800">
              {networks.map((d) => (
                <NetworkRow key={d.id} d={d} />
              ))}
              {subscriberChannels.map((c) => (
                <SubscriberSummary key={c} channel={c} rows={list.filter((d) => d.channel === c)} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
