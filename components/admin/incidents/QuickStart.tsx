// The dashboard's first thing: one click to the form that publishes the first word.
import Link from "next/link";
import type { TemplateRow } from "@/lib/views/rows";
import { buttonClass } from "@/components/ui/Button";
import { staffT } from "@/lib/i18n/staff";

export function QuickStart({ templates }: { templates: TemplateRow[] }) {
  return (
    <section
      aria-label={staffT("staff.dashboard.start")}
      className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
    >
      <div className="flex flex-wrap gap-2">
        <Link href="/admin/incidents/new" className={buttonClass("danger", "px-4 py-2.5 text-base")}>
          {staffT("staff.incidents.report")}
        </Link>
        <Link href="/admin/maintenance/new" className={buttonClass("secondary", "py-2.5")}>
          {staffT("staff.incidents.schedule")}
        </Link>
      </div>
      {templates.length ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-gray-700 dark:text-gray-300">{staffT("staff.dashboard.orTemplate")}</span>
          {templates.map((t) => (
            <Link
              key={t.id}
              href={`/admin/incidents/new?template=${t.id}`}
              className="rounded-full border border-gray-300 px-3 py-1 hover:bg-gray-100 dark:border-gray-700 dark:hover:bg-gray-800"
            >
              {t.name}
            </Link>
          ))}
        </p>
      ) : null}
    </section>
  );
}
