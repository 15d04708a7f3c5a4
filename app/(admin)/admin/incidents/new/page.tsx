import type { Metadata } from "next";
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
  const { starters, template, timeZone, cadence, now, sections, defaults, preview, card } = newIncidentView(
    "incident",
    typeof wanted === "string" ? wanted : undefined,
  );
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{staffT("staff.incidents.report")}</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.incidents.newIntro")}</p>
      </div>
      <IncidentForm
        key={template?.id ?? "blank"}
        kind="incident"
        sections={sections}
        defaults={defaults}
        timeZone={timeZone}
        defaultCadence={cadence}
        preview={preview}
        card={card}
        now={now}
        starters={starters}
        chosen={template?.id}
      />
    </section>
  );
}
