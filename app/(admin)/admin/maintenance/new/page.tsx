import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { getTemplate } from "@/db/queries/templates";
import { IncidentForm } from "@/components/admin/incidents/IncidentForm";
import { requireStaff } from "@/lib/auth/session";
import { pageZone, pickerSections, previewContext, templateDefaults } from "@/lib/editor-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Schedule maintenance · Outpost" };

export default async function NewMaintenancePage({ searchParams }: { searchParams: Promise<{ template?: string | string[] }> }) {
  await requireStaff("editor");
  const db = getDb();
  const { template: wanted } = await searchParams;
  const template = typeof wanted === "string" ? getTemplate(db, wanted) : undefined;
  const { timeZone, cadence } = pageZone(db);
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Schedule maintenance</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          It shows as upcoming at once. At the start its components show “under maintenance” and an update is posted; at the end they are restored. Times are in the page’s zone, {timeZone}.
        </p>
      </div>
      <IncidentForm kind="maintenance" sections={pickerSections(db)} defaults={template?.kind === "maintenance" ? templateDefaults(db, template) : {}} timeZone={timeZone} defaultCadence={cadence} preview={previewContext(db)} />
    </section>
  );
}
