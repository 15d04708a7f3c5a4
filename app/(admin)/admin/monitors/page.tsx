import type { Metadata } from "next";
import Link from "next/link";
import { MonitorDrafts } from "@/components/admin/MonitorDrafts";
import { MonitorForm } from "@/components/admin/MonitorForm";
import { HealthBadge } from "@/components/admin/MonitorHealth";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { MONITOR_KIND_LABELS } from "@/lib/monitors/registry";
import { monitorsView } from "@/lib/views/monitors";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.monitors.metaTitle") };

export default async function MonitorsPage() {
  const staff = await requireStaff("editor", "/admin/monitors");
  const { components, componentNames: names, monitors, disagreements, placeNotes } = monitorsView();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{staffT("staff.monitors.heading")}</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.monitors.intro")}</p>
      </div>
      <MonitorDrafts />
      {disagreements.length ? (
        <ul
          aria-label={staffT("staff.monitors.disagree")}
          className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
        >
          {disagreements.map((s) => (
            <li key={s.componentId}>
              <strong>{names.get(s.componentId)}</strong>: {s.disagreement}
            </li>
          ))}
        </ul>
      ) : null}
      {monitors.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.monitors.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{staffT("staff.monitors.caption")}</caption>
            <thead className="border-b border-gray-200 text-xs text-gray-600 dark:border-gray-800 dark:text-gray-400">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  {staffT("staff.monitors.monitor")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {staffT("staff.monitors.component")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {staffT("staff.monitors.health")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {staffT("staff.monitors.lastCheck")}
                </th>
                <th scope="col" className="py-2">
                  {staffT("staff.monitors.lastError")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
              {monitors.map((m) => (
                <tr key={m.id}>
                  <td className="py-2 pr-3">
                    <Link
                      href={`/admin/monitors/${m.id}`}
                      className="font-medium text-blue-700 hover:underline dark:text-blue-300"
                    >
                      {m.name}
                    </Link>
                    <span className="block text-xs text-gray-600 dark:text-gray-400">
                      {MONITOR_KIND_LABELS[m.kind]} ·{" "}
                      {staffT("staff.monitors.every", { seconds: String(m.intervalSeconds) })}
                      {m.internalTarget ? ` · ${staffT("staff.monitors.internalTarget")}` : ""}
                    </span>
                  </td>
                  <td className="py-2 pr-3">{names.get(m.componentId)}</td>
                  <td className="py-2 pr-3">
                    <HealthBadge health={m.health} paused={m.paused} />
                    {placeNotes.get(m.id) ? (
                      <span className="block text-xs text-gray-700 dark:text-gray-300">{placeNotes.get(m.id)}</span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    {m.lastCheckedAt
                      ? `${new Date(m.lastCheckedAt).toISOString().slice(11, 19)} UTC`
                      : staffT("staff.monitors.notYet")}
                    {m.lastLatencyMs !== null
                      ? ` · ${staffT("staff.monitors.ms", { ms: String(m.lastLatencyMs) })}`
                      : ""}
                  </td>
                  <td className="py-2 text-xs break-all text-gray-700 dark:text-gray-300">{m.lastError ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {components.length ? (
        <MonitorForm
          components={components.map((c) => ({ id: c.id, name: c.name }))}
          canSetInternal={staff.role === "admin"}
        />
      ) : (
        <p className="text-sm">{staffT("staff.monitors.addComponentFirst")}</p>
      )}
    </section>
  );
}
