import type { AuditRow } from "@/lib/views/rows";
import { changedFields } from "@/lib/views/audit";
import { staffT } from "@/lib/i18n/staff";

const fmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  if (rows.length === 0)
    return <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.audit.none")}</p>;
  return (
    <div
      className="overflow-x-auto rounded-lg border border-gray-200 dark:border-gray-800"
      tabIndex={0}
      role="region"
      aria-label={staffT("staff.audit.entries")}
    >
      <table className="w-full text-left text-sm">
        <thead className="bg-gray-100 text-xs uppercase tracking-wide text-gray-700 dark:bg-gray-900 dark:text-gray-300">
          <tr>
            <th scope="col" className="px-3 py-2">
              {staffT("staff.audit.when")}
            </th>
            <th scope="col" className="px-3 py-2">
              {staffT("staff.audit.who")}
            </th>
            <th scope="col" className="px-3 py-2">
              {staffT("staff.audit.action")}
            </th>
            <th scope="col" className="px-3 py-2">
              {staffT("staff.audit.changes")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-200 dark:divide-gray-800">
          {rows.map((r) => (
            <tr key={r.id} className="align-top">
              <td className="whitespace-nowrap px-3 py-2">
                <time dateTime={new Date(r.at).toISOString()}>{fmt.format(r.at)}</time>
              </td>
              <td className="px-3 py-2">
                {r.actorLabel}
                <span className="block text-xs text-gray-600 dark:text-gray-400">{r.actorType}</span>
              </td>
              <td className="px-3 py-2">
                <code>{r.action}</code>
                <span className="block text-xs text-gray-600 dark:text-gray-400">
                  {r.entityType} {r.entityId}
                </span>
              </td>
              <td className="px-3 py-2">
                <ul className="space-y-0.5">
                  {changedFields(r.before, r.after).map((c) => (
                    <li key={c.field} className="break-all">
                      <span className="font-medium">{c.field}</span>: {c.before} → {c.after}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
