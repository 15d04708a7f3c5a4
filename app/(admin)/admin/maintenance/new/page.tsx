import type { Metadata } from "next";
import { IncidentForm } from "@/components/admin/incidents/IncidentForm";
import { requireStaff } from "@/lib/auth/session";
import { newIncidentView } from "@/lib/views/new-incident";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Schedule maintenance · Outpost" };

export default async function NewMaintenancePage({
  searchParams,
}: {
  searchParams: Promise<{ template?: string | string[] }>;
}) {
  await requireStaff("editor");
  const { template: wanted } = await searchParams;
  const { timeZone, cadence, sections, defaults, preview } = newIncidentView(
    "maintenance",
    typeof wanted === "string" ? wanted : undefined,
  );
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Schedule maintenance</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          It shows as upcoming at once. At the start its components show “under maintenance” and an update is posted; at
          the end they are restored. Times are in the page’s zone, {timeZone}.
        </p>
      </div>
      <IncidentForm
        kind="maintenance"
        sections={sections}
        defaults={defaults}
        timeZone={timeZone}
        defaultCadence={cadence}
        preview={preview}
      />
    </section>
  );
}
