import type { Metadata } from "next";
import { AffectedReports } from "@/components/admin/AffectedReports";
import { MonitorDrafts } from "@/components/admin/MonitorDrafts";
import { IncidentList } from "@/components/admin/incidents/IncidentList";
import { QuickStart } from "@/components/admin/incidents/QuickStart";
import { requireStaff } from "@/lib/auth/session";
import { dashboardView } from "@/lib/views/dashboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard · Outpost" };

export default async function DashboardPage() {
  await requireStaff("editor", "/admin");
  const { timeZone, now, open, maintenance, resolved, templates } = dashboardView();
  return (
    <div className="space-y-8">
      <h1 className="text-xl font-semibold">Dashboard</h1>
      <MonitorDrafts />
      <QuickStart templates={templates} />
      <AffectedReports />
      <section aria-labelledby="open" className="space-y-3">
        <h2 id="open" className="text-lg font-semibold">
          Open incidents {open.length ? `(${open.length})` : null}
        </h2>
        <IncidentList
          incidents={open}
          timeZone={timeZone}
          now={now}
          label="Open incidents"
          empty="No open incidents. The page shows all systems as they are."
        />
      </section>
      <section aria-labelledby="maint" className="space-y-3">
        <h2 id="maint" className="text-lg font-semibold">
          Maintenance in progress and upcoming
        </h2>
        <IncidentList
          incidents={maintenance}
          timeZone={timeZone}
          now={now}
          label="Maintenance"
          empty="Nothing scheduled."
        />
      </section>
      <section aria-labelledby="resolved" className="space-y-3">
        <h2 id="resolved" className="text-lg font-semibold">
          Resolved in the last 7 days
        </h2>
        <IncidentList incidents={resolved} timeZone={timeZone} now={now} label="Recently resolved" empty="None." />
      </section>
    </div>
  );
}
