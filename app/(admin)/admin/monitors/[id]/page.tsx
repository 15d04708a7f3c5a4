import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/ActionButton";
import { HealthBadge } from "@/components/admin/MonitorHealth";
import { MonitorForm } from "@/components/admin/MonitorForm";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { config } from "@/lib/config";
import { valuesFromMonitor } from "@/lib/monitors/form";
import { MONITOR_KIND_LABELS } from "@/lib/monitors/registry";
import { monitorDetailView } from "@/lib/views/monitor-detail";
import { deleteMonitorAction, pauseMonitorAction, setManualAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.monitors.detailMetaTitle") };

const time = (t: number) => `${new Date(t).toISOString().slice(0, 19).replace("T", " ")} UTC`;

export default async function MonitorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaff("editor", `/admin/monitors/${id}`);
  const view = monitorDetailView(id);
  if (!view) notFound();
  const { monitor: m, components, component, state, checks, failures, latency, locations, places } = view;
  return (
    <section className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/monitors" className="text-blue-700 hover:underline dark:text-blue-300">
          {staffT("staff.monitors.back")}
        </Link>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{m.name}</h1>
          <p className="text-sm text-gray-600 dark:text-gray-400">
            {staffT("staff.monitors.kindOn", { kind: MONITOR_KIND_LABELS[m.kind], component: component?.name ?? "" })} ·{" "}
            {staffT("staff.monitors.every", { seconds: String(m.intervalSeconds) })}
            {m.internalTarget ? ` · ${staffT("staff.monitors.internalTarget")}` : ""} ·{" "}
            <HealthBadge health={m.health} paused={m.paused} />
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <ActionButton
            label={m.paused ? staffT("staff.monitors.resume") : staffT("staff.monitors.pause")}
            action={pauseMonitorAction}
            fields={{ id: m.id, paused: m.paused ? "0" : "1" }}
          />
          <ActionButton
            label={state?.manual ? staffT("staff.monitors.automatic") : staffT("staff.monitors.manual")}
            action={setManualAction}
            fields={{ componentId: m.componentId, manual: state?.manual ? "0" : "1", monitorId: m.id }}
          />
          <ConfirmButton
            label={staffT("staff.common.delete")}
            ariaLabel={staffT("staff.common.deleteLabel", { name: m.name })}
            title={staffT("staff.common.deleteNamed", { name: m.name })}
            confirmLabel={staffT("staff.monitors.delete")}
            action={deleteMonitorAction}
            fields={{ id: m.id }}
          >
            <p>{staffT("staff.monitors.deleteBody")}</p>
          </ConfirmButton>
        </div>
      </div>
      {state?.disagreement ? (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950/40"
        >
          {state.disagreement}
        </p>
      ) : null}
      {m.heartbeatToken ? (
        <div className="rounded-md border border-gray-200 p-3 text-sm dark:border-gray-800">
          <p className="font-medium">{staffT("staff.monitors.heartbeat")}</p>
          <code
            className="break-all"
            data-testid="heartbeat-url"
          >{`${config().publicUrl}/api/heartbeat/${m.heartbeatToken}`}</code>
          <p className="text-xs text-gray-600 dark:text-gray-400">
            {staffT("staff.monitors.heartbeatHint", {
              seconds: String((m.settings as { periodSeconds: number }).periodSeconds),
              time: m.lastBeatAt ? time(m.lastBeatAt) : staffT("staff.monitors.noBeat"),
            })}
          </p>
        </div>
      ) : null}
      {places ? (
        <div>
          <h2 className="font-semibold">{staffT("staff.monitors.byLocation")}</h2>
          <p className="text-sm text-gray-600 dark:text-gray-400">
            {staffT("staff.monitors.verdict", {
              quorum: String(places.quorum),
              total: String(places.locations.length),
            })}
            {places.note ? ` · ${places.note}` : ""}
          </p>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="monitor-places">
              <caption className="sr-only">{staffT("staff.monitors.byLocation")}</caption>
              <thead className="text-xs text-gray-600 dark:text-gray-400">
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    {staffT("staff.monitors.place")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {staffT("staff.monitors.health")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {staffT("staff.monitors.lastCheck")}
                  </th>
                  <th scope="col" className="py-1">
                    {staffT("staff.monitors.lastError")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
                {places.locations.map((p) => (
                  <tr key={p.location}>
                    <td className="py-1 pr-3">
                      {p.name === "local" ? staffT("staff.monitors.localLocation") : `${p.name} · ${p.label}`}
                    </td>
                    <td className="py-1 pr-3">
                      <HealthBadge health={p.health} paused={false} />
                      {p.live ? "" : ` ${staffT("staff.monitors.silentPlace")}`}
                    </td>
                    <td className="py-1 pr-3 whitespace-nowrap">
                      {p.lastCheckedAt ? time(p.lastCheckedAt) : staffT("staff.monitors.notYet")}
                      {p.lastLatencyMs !== null
                        ? ` · ${staffT("staff.monitors.ms", { ms: String(p.lastLatencyMs) })}`
                        : ""}
                    </td>
                    <td className="py-1 text-xs break-all">{p.lastError ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      <div>
        <h2 className="font-semibold">{staffT("staff.monitors.recent")}</h2>
        <p className="text-sm text-gray-600 dark:text-gray-400" data-testid="latency-summary">
          {staffT("staff.monitors.lastChecks", { count: String(checks.length), failed: String(failures) })}
          {latency
            ? ` · ${staffT("staff.monitors.latency", { p50: String(latency.p50), p95: String(latency.p95), max: String(latency.max) })}`
            : ""}
        </p>
        {checks.length ? (
          <div className="mt-2 max-h-96 overflow-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{staffT("staff.monitors.recentCaption")}</caption>
              <thead className="text-xs text-gray-600 dark:text-gray-400">
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    {staffT("staff.monitors.time")}
                  </th>
                  {places ? (
                    <th scope="col" className="py-1 pr-3">
                      {staffT("staff.monitors.place")}
                    </th>
                  ) : null}
                  <th scope="col" className="py-1 pr-3">
                    {staffT("staff.monitors.result")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {staffT("staff.monitors.latencyColumn")}
                  </th>
                  <th scope="col" className="py-1">
                    {staffT("staff.monitors.error")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
                {checks.map((c) => (
                  <tr key={c.id}>
                    <td className="py-1 pr-3 whitespace-nowrap">{time(c.at)}</td>
                    {places ? <td className="py-1 pr-3">{c.location}</td> : null}
                    <td className="py-1 pr-3">
                      {c.ok
                        ? c.slow
                          ? staffT("staff.monitors.slow")
                          : staffT("staff.monitors.ok")
                        : staffT("staff.monitors.failed")}
                    </td>
                    <td className="py-1 pr-3">
                      {c.latencyMs === null ? "–" : staffT("staff.monitors.ms", { ms: String(c.latencyMs) })}
                    </td>
                    <td className="py-1 text-xs break-all">{c.error ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-sm">{staffT("staff.monitors.noChecks")}</p>
        )}
      </div>
      <MonitorForm
        components={components.map((c) => ({ id: c.id, name: c.name }))}
        monitorId={m.id}
        initial={valuesFromMonitor(m, locations)}
        canSetInternal={staff.role === "admin"}
      />
    </section>
  );
}
