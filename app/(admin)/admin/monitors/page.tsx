import type { Metadata } from "next";
import Link from "next/link";
import { MonitorDrafts } from "@/components/admin/MonitorDrafts";
import { MonitorForm } from "@/components/admin/MonitorForm";
import { HealthBadge } from "@/components/admin/MonitorHealth";
import { requireStaff } from "@/lib/auth/session";
import { MONITOR_KIND_LABELS } from "@/lib/monitors/registry";
import { monitorsView } from "@/lib/views/monitors";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Monitors · Outpost" };

export default async function MonitorsPage() {
  const staff = await requireStaff("editor", "/admin/monitors");
  const { components, componentNames: names, monitors, disagreements } = monitorsView();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Monitors</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          Checks from this server that set component status: down after consecutive failures, back up after consecutive
          successes, degraded when slow. They never override a status set by staff, an open incident or a maintenance;
          they say so below instead.
        </p>
      </div>
      <MonitorDrafts />
      {disagreements.length ? (
        <ul
          aria-label="Monitors disagree"
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
        <p className="text-sm text-gray-600 dark:text-gray-400">No monitors yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Monitors</caption>
            <thead className="border-b border-gray-200 text-xs text-gray-600 dark:border-gray-800 dark:text-gray-400">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  Monitor
                </th>
                <th scope="col" className="py-2 pr-3">
                  Component
                </th>
                <th scope="col" className="py-2 pr-3">
                  Health
                </th>
                <th scope="col" className="py-2 pr-3">
                  Last check
                </th>
                <th scope="col" className="py-2">
                  Last error
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
                      {MONITOR_KIND_LABELS[m.kind]} · every {m.intervalSeconds} s
                      {m.internalTarget ? " · internal target" : ""}
                    </span>
                  </td>
                  <td className="py-2 pr-3">{names.get(m.componentId)}</td>
                  <td className="py-2 pr-3">
                    <HealthBadge health={m.health} paused={m.paused} />
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    {m.lastCheckedAt ? `${new Date(m.lastCheckedAt).toISOString().slice(11, 19)} UTC` : "not yet"}
                    {m.lastLatencyMs !== null ? ` · ${m.lastLatencyMs} ms` : ""}
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
        <p className="text-sm">Add a component first.</p>
      )}
    </section>
  );
}
