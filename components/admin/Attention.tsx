// The dashboard's checks, one line each while all is well, a loud box with what to do when not:
// monitors that disagree with the page, a spike in visitor reports, channels whose deliveries failed,
// and (only when there are any) firing alerts that no rule maps.
import Link from "next/link";
import type { ReactNode } from "react";
import { StatusIcon } from "@/components/status/StatusIcon";
import { COMPONENT_STATUS_LABELS, type ComponentStatus, type MonitorHealth } from "@/lib/constants";
import { staffT, type StaffKey } from "@/lib/i18n/staff";
import { formatDateTime } from "@/lib/time";
import type { Disagreement, DisagreementReason, FailingChannel } from "@/lib/views/dashboard";
import { channelLabel } from "./Deliveries";
import { deliveryState } from "./delivery-state";
import { StaffRich } from "./StaffRich";

const REASON: Record<DisagreementReason, StaffKey> = {
  staff: "staff.dashboard.reason.staff",
  manual: "staff.dashboard.reason.manual",
  maintenance: "staff.dashboard.reason.maintenance",
  incident: "staff.dashboard.reason.incident",
};

const HEALTH: Record<MonitorHealth, StaffKey> = {
  up: "staff.monitors.healthUp",
  degraded: "staff.monitors.healthDegraded",
  regional: "staff.monitors.healthRegional",
  down: "staff.monitors.healthDown",
  unknown: "staff.monitors.healthUnknown",
};

const LINK = "font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300";

function Status({ status }: { status: ComponentStatus }) {
  return (
    <span className="font-semibold whitespace-nowrap">
      <StatusIcon status={status} className="me-1 inline-block align-text-bottom" />
      {COMPONENT_STATUS_LABELS[status]}
    </span>
  );
}

/** One check: a calm line, or a box in the warning (amber) or alarm (red) colour with the details. */
function Check({
  id,
  calm,
  loud,
  tone,
  children,
}: {
  id: string;
  calm: string;
  loud: string | null;
  tone: "warn" | "alarm";
  children?: ReactNode;
}) {
  if (loud === null)
    return (
      <li
        data-check={id}
        data-state="calm"
        className="flex items-center gap-2 text-sm text-gray-700 dark:text-gray-300"
      >
        <StatusIcon status="operational" />
        {calm}
      </li>
    );
  const box =
    tone === "alarm"
      ? "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40"
      : "border-amber-400 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40";
  return (
    <li data-check={id} data-state="loud" className={`rounded-lg border p-3 text-sm ${box}`}>
      <h3 className="flex items-center gap-2 font-semibold text-gray-900 dark:text-gray-100">
        <StatusIcon status={tone === "alarm" ? "major_outage" : "partial_outage"} />
        {loud}
      </h3>
      <div className="mt-2 space-y-2 ps-7">{children}</div>
    </li>
  );
}

type Props = {
  disagreements: Disagreement[];
  regional?: { id: string; name: string; component: string; note: string | null }[];
  spikes: { componentId: string; name: string; count: number }[];
  channels: FailingChannel[];
  /** Alert sources with firing alerts no rule maps, and how many. */
  unmappedAlerts?: { id: string; name: string; count: number }[];
  timeZone: string;
};

export function Attention({ disagreements, regional = [], spikes, channels, unmappedAlerts = [], timeZone }: Props) {
  return (
    <section aria-labelledby="checks" className="space-y-3">
      <h2 id="checks" className="text-lg font-semibold">
        {staffT("staff.dashboard.checks")}
      </h2>
      <ul className="space-y-2">
        <Check
          id="monitors"
          tone="warn"
          calm={staffT("staff.dashboard.monitorsAgree")}
          loud={
            disagreements.length
              ? staffT(
                  disagreements.some((d) => d.by !== "monitors")
                    ? "staff.dashboard.alertsDisagree"
                    : "staff.dashboard.monitorsDisagree",
                  { count: disagreements.length },
                )
              : null
          }
        >
          <ul className="space-y-2">
            {disagreements.map((d) => (
              <li key={d.componentId} aria-label={d.name} data-disagreement={d.componentId}>
                <p>
                  <StaffRich
                    id="staff.dashboard.disagreement"
                    values={{
                      name: <strong>{d.name}</strong>,
                      by: d.by,
                      monitors: <Status status={d.monitors} />,
                      page: <Status status={d.page} />,
                    }}
                  />
                </p>
                <p className="text-gray-700 dark:text-gray-300">
                  {staffT(REASON[d.reason])}{" "}
                  {d.checks.map((m, i) => (
                    <span key={m.id}>
                      {i ? ", " : null}
                      <Link href={`/admin/monitors/${m.id}`} className={LINK}>
                        {m.name}
                      </Link>
                      {`: ${staffT(HEALTH[m.health])}`}
                    </span>
                  ))}
                  {d.by === "monitors" ? null : (
                    <>
                      {d.checks.length ? ", " : null}
                      <Link href="/admin/alert-sources" className={LINK}>
                        {staffT("staff.dashboard.alertSources")}
                      </Link>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </Check>
        {regional.length ? (
          <Check
            id="regional"
            tone="warn"
            calm=""
            loud={staffT("staff.dashboard.regional", { count: regional.length })}
          >
            <p className="text-gray-700 dark:text-gray-300">{staffT("staff.dashboard.regionalHint")}</p>
            <ul className="space-y-1">
              {regional.map((m) => (
                <li key={m.id} data-regional={m.id}>
                  <strong>{m.component}</strong>
                  {": "}
                  <Link href={`/admin/monitors/${m.id}`} className={LINK}>
                    {m.name}
                  </Link>
                  {m.note ? ` · ${m.note}` : ""}
                </li>
              ))}
            </ul>
          </Check>
        ) : null}
        {unmappedAlerts.length ? (
          <Check
            id="alerts"
            tone="warn"
            calm=""
            loud={staffT("staff.dashboard.unmappedAlerts", {
              count: unmappedAlerts.reduce((n, s) => n + s.count, 0),
            })}
          >
            <p className="text-gray-700 dark:text-gray-300">{staffT("staff.dashboard.unmappedHint")}</p>
            <ul className="space-y-1">
              {unmappedAlerts.map((s) => (
                <li key={s.id} data-unmapped-source={s.id}>
                  <Link href={`/admin/alert-sources/${s.id}#unmapped`} className={LINK}>
                    {staffT("staff.dashboard.unmappedOf", { name: s.name, count: s.count })}
                  </Link>
                </li>
              ))}
            </ul>
          </Check>
        ) : null}
        <Check
          id="reports"
          tone="alarm"
          calm={staffT("staff.dashboard.noSpike")}
          loud={spikes.length ? staffT("staff.dashboard.spikeHeading") : null}
        >
          <p>
            {spikes
              .map((s) => staffT("staff.dashboard.spikeOf", { component: s.name, count: String(s.count) }))
              .join(", ")}
          </p>
          <p>
            <a href="#affected-heading" className={LINK}>
              {staffT("staff.dashboard.seeReports")}
            </a>
          </p>
        </Check>
        <Check
          id="deliveries"
          tone="alarm"
          calm={staffT("staff.dashboard.allDelivered")}
          loud={channels.length ? staffT("staff.dashboard.failedChannels", { count: channels.length }) : null}
        >
          <ul className="space-y-2">
            {channels.map((c) => (
              <li key={c.channel} aria-label={channelLabel(c.channel)} data-failed-channel={c.channel}>
                <p>
                  <strong>{channelLabel(c.channel)}</strong>
                  {": "}
                  {[
                    c.failed
                      ? staffT("staff.deliveries.count", { count: String(c.failed), state: deliveryState("failed") })
                      : "",
                    c.unknown
                      ? staffT("staff.deliveries.count", { count: String(c.unknown), state: deliveryState("unknown") })
                      : "",
                  ]
                    .filter(Boolean)
                    .join(", ")}
                  {` · ${staffT("staff.dashboard.lastAt", { time: formatDateTime(c.lastAt, timeZone) })}`}
                </p>
                {c.lastError ? <p className="break-words text-gray-700 dark:text-gray-300">{c.lastError}</p> : null}
                <Link href={c.href} className={LINK}>
                  <StaffRich
                    id="staff.dashboard.openDeliveries"
                    values={{ channel: channelLabel(c.channel) }}
                    tags={{ sr: (text) => <span className="sr-only">{text}</span> }}
                  />
                </Link>
              </li>
            ))}
          </ul>
        </Check>
      </ul>
    </section>
  );
}
