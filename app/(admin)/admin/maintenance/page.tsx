import Link from "next/link";
import type { Metadata } from "next";
import { IncidentList } from "@/components/admin/incidents/IncidentList";
import { RecurrenceForm } from "@/components/admin/incidents/RecurrenceForm";
import { RecurrenceList } from "@/components/admin/incidents/RecurrenceList";
import { buttonClass } from "@/components/ui/Button";
import { requireStaff } from "@/lib/auth/session";
import { maintenanceView } from "@/lib/views/maintenance";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Maintenance · Outpost" };

export default async function MaintenancePage() {
  await requireStaff("editor");
  const { timeZone, now, live, sections, componentNames, recurrences } = maintenanceView();
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Maintenance</h1>
        <Link href="/admin/maintenance/new" className={buttonClass("primary")}>
          Schedule maintenance
        </Link>
      </div>
      <section aria-labelledby="live" className="space-y-3">
        <h2 id="live" className="text-lg font-semibold">
          In progress and upcoming
        </h2>
        <IncidentList
          incidents={live}
          timeZone={timeZone}
          now={now}
          label="In progress and upcoming maintenance"
          empty="Nothing scheduled."
        />
      </section>
      <section aria-labelledby="recurring" className="space-y-3">
        <h2 id="recurring" className="text-lg font-semibold">
          Recurring schedules
        </h2>
        <RecurrenceList recurrences={recurrences} componentNames={componentNames} />
      </section>
      <section className="rounded-lg border border-gray-200 p-4 dark:border-gray-800">
        <RecurrenceForm sections={sections} timeZone={timeZone} />
      </section>
    </div>
  );
}
