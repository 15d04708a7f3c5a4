import type { Metadata } from "next";
import Link from "next/link";
import { SourceForm } from "@/components/admin/alerts/SourceForm";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { agoText, alertSourcesPageView } from "@/lib/views/alert-sources";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.alerts.metaTitle") };

const TH = "py-2 pr-3 font-medium";

export default async function AlertSourcesPage() {
  await requireStaff("editor", "/admin/alert-sources");
  const { sources, kinds, components, templates, now } = alertSourcesPageView();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{staffT("staff.alerts.heading")}</h1>
        <p className="max-w-prose text-sm text-gray-600 dark:text-gray-400">{staffT("staff.alerts.intro")}</p>
      </div>
      {sources.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.alerts.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{staffT("staff.alerts.caption")}</caption>
            <thead className="border-b border-gray-200 text-xs text-gray-600 dark:border-gray-800 dark:text-gray-400">
              <tr>
                <th scope="col" className={TH}>
                  {staffT("staff.alerts.source")}
                </th>
                <th scope="col" className={TH}>
                  {staffT("staff.alerts.lastDeliveryColumn")}
                </th>
                <th scope="col" className={TH}>
                  {staffT("staff.alerts.firingColumn")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {staffT("staff.alerts.unmappedColumn")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
              {sources.map((s) => (
                <tr key={s.id} data-source={s.name}>
                  <td className="py-2 pr-3">
                    <Link
                      href={`/admin/alert-sources/${s.id}`}
                      className="font-medium break-words text-blue-700 hover:underline dark:text-blue-300"
                    >
                      {s.name}
                    </Link>
                    <span className="block text-xs text-gray-600 dark:text-gray-400">
                      {s.kindLabel}
                      {s.paused ? ` · ${staffT("staff.alerts.pausedBadge")}` : ""}
                    </span>
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    {s.lastDeliveryAt ? agoText(s.lastDeliveryAt, now) : staffT("staff.alerts.never")}
                  </td>
                  <td className="py-2 pr-3">{s.firing}</td>
                  <td className="py-2">
                    {s.unmapped ? (
                      <Link
                        href={`/admin/alert-sources/${s.id}#unmapped`}
                        className="font-semibold text-amber-800 underline underline-offset-2 dark:text-amber-300"
                        aria-label={staffT("staff.alerts.unmappedOf", { count: s.unmapped, name: s.name })}
                      >
                        {s.unmapped}
                      </Link>
                    ) : (
                      0
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <SourceForm kinds={kinds} components={components} templates={templates} />
    </section>
  );
}
