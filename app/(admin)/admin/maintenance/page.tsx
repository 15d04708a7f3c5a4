import Link from "next/link";
import type { Metadata } from "next";
import { IncidentList } from "@/components/admin/incidents/IncidentList";
import { RecurrenceForm } from "@/components/admin/incidents/RecurrenceForm";
import { RecurrenceList } from "@/components/admin/incidents/RecurrenceList";
import { buttonClass } from "@/components/ui/Button";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { maintenanceView } from "@/lib/views/maintenance";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.maintenance.metaTitle") };

export default async function MaintenancePage() {
  await requireStaff("editor");
  const { timeZone, now, live, sections, componentNames, recurrences } = maintenanceView();
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">{staffT("staff.maintenance.heading")}</h1>
        <Link href="/admin/maintenance/new" className={buttonClass("primary")}>
          {staffT("staff.incidents.schedule")}
        </Link>
      </div>
      <section aria-labelledby="live" className="space-y-3">
        <h2 id="live" className="text-lg font-semibold">
          {staffT("staff.maintenance.live")}
        </h2>
        <IncidentList
          incidents={live}
          timeZone={timeZone}
          now={now}
          label={staffT("staff.maintenance.liveLabel")}
          empty={staffT("staff.maintenance.nothingScheduled")}
        />
      </section>
      <section aria-labelledby="recurring" className="space-y-3">
        <h2 id="recurring" className="text-lg font-semibold">
          {staffT("staff.maintenance.recurring")}
        </h2>
        <RecurrenceList recurrences={recurrences} componentNames={componentNames} />
      </section>
      <section className="rounded-lg border border-gray-200 p-4 dark:border-gray-800">
        <RecurrenceForm sections={sections} timeZone={timeZone} />
      </section>
    </div>
  );
}
