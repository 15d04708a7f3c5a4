import type { Metadata } from "next";
import { AffectedReports } from "@/components/admin/AffectedReports";
import { MonitorDrafts } from "@/components/admin/MonitorDrafts";
import { IncidentList } from "@/components/admin/incidents/IncidentList";
import { QuickStart } from "@/components/admin/incidents/QuickStart";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { dashboardView } from "@/lib/views/dashboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.dashboard.metaTitle") };

export default async function DashboardPage() {
  await requireStaff("editor", "/admin");
  const { timeZone, now, open, maintenance, resolved, templates } = dashboardView();
  return (
    <div className="space-y-8">
      <h1 className="text-xl font-semibold">{staffT("staff.dashboard.heading")}</h1>
      <MonitorDrafts />
      <QuickStart templates={templates} />
      <AffectedReports />
      <section aria-labelledby="open" className="space-y-3">
        <h2 id="open" className="text-lg font-semibold">
          {open.length
            ? staffT("staff.dashboard.openCount", { count: String(open.length) })
            : staffT("staff.dashboard.open")}
        </h2>
        <IncidentList
          incidents={open}
          timeZone={timeZone}
          now={now}
          label={staffT("staff.dashboard.open")}
          empty={staffT("staff.dashboard.openEmpty")}
        />
      </section>
      <section aria-labelledby="maint" className="space-y-3">
        <h2 id="maint" className="text-lg font-semibold">
          {staffT("staff.dashboard.maintenance")}
        </h2>
        <IncidentList
          incidents={maintenance}
          timeZone={timeZone}
          now={now}
          label={staffT("staff.dashboard.maintenanceLabel")}
          empty={staffT("staff.dashboard.nothingScheduled")}
        />
      </section>
      <section aria-labelledby="resolved" className="space-y-3">
        <h2 id="resolved" className="text-lg font-semibold">
          {staffT("staff.dashboard.resolved")}
        </h2>
        <IncidentList
          incidents={resolved}
          timeZone={timeZone}
          now={now}
          label={staffT("staff.dashboard.resolvedLabel")}
          empty={staffT("staff.dashboard.resolvedEmpty")}
        />
      </section>
    </div>
  );
}
