import type { Metadata } from "next";
import Link from "next/link";
import { IncidentForm } from "@/components/admin/incidents/IncidentForm";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { newIncidentView } from "@/lib/views/new-incident";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.incidents.reportMetaTitle") };

export default async function NewIncidentPage({
  searchParams,
}: {
  searchParams: Promise<{ template?: string | string[] }>;
}) {
  await requireStaff("editor");
  const { template: wanted } = await searchParams;
  const { templates, template, timeZone, cadence, sections, defaults, preview } = newIncidentView(
    "incident",
    typeof wanted === "string" ? wanted : undefined,
  );
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{staffT("staff.incidents.report")}</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.incidents.newIntro")}</p>
      </div>
      {templates.length ? (
        <nav aria-label={staffT("staff.incidents.fromTemplate")} className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium">{staffT("staff.incidents.fromTemplateColon")}</span>
          {templates.map((t) => (
            <Link
              key={t.id}
              href={`/admin/incidents/new?template=${t.id}`}
              aria-current={template?.id === t.id ? "true" : undefined}
              className="rounded-full border border-gray-300 px-3 py-1 hover:bg-gray-100 aria-[current=true]:border-blue-700 aria-[current=true]:bg-blue-50 aria-[current=true]:text-blue-900 dark:border-gray-700 dark:hover:bg-gray-800 dark:aria-[current=true]:bg-blue-950 dark:aria-[current=true]:text-blue-100"
            >
              {t.name}
            </Link>
          ))}
        </nav>
      ) : null}
      <IncidentForm
        key={template?.id ?? "blank"}
        kind="incident"
        sections={sections}
        defaults={defaults}
        timeZone={timeZone}
        defaultCadence={cadence}
        preview={preview}
      />
    </section>
  );
}
