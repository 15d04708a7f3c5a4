import type { Metadata } from "next";
import { IncidentForm } from "@/components/admin/incidents/IncidentForm";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { newIncidentView } from "@/lib/views/new-incident";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.maintenance.newMetaTitle") };

export default async function NewMaintenancePage({
  searchParams,
}: {
  searchParams: Promise<{ template?: string | string[] }>;
}) {
  await requireStaff("editor");
  const { template: wanted } = await searchParams;
  const { timeZone, cadence, now, sections, defaults, preview, card } = newIncidentView(
    "maintenance",
    typeof wanted === "string" ? wanted : undefined,
  );
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{staffT("staff.incidents.schedule")}</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          {staffT("staff.maintenance.newIntro", { zone: timeZone })}
        </p>
      </div>
      <IncidentForm
        kind="maintenance"
        sections={sections}
        defaults={defaults}
        timeZone={timeZone}
        defaultCadence={cadence}
        preview={preview}
        card={card}
        now={now}
      />
    </section>
  );
}
