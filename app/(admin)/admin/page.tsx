import type { Metadata } from "next";
import { AffectedReports } from "@/components/admin/AffectedReports";
import { Attention } from "@/components/admin/Attention";
import { AutoRefresh } from "@/components/admin/AutoRefresh";
import { DashboardComponents } from "@/components/admin/DashboardComponents";
import { MonitorDrafts } from "@/components/admin/MonitorDrafts";
import { PublicBanner } from "@/components/admin/PublicBanner";
import { IncidentList } from "@/components/admin/incidents/IncidentList";
import { QuickStart } from "@/components/admin/incidents/QuickStart";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { dashboardView } from "@/lib/views/dashboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.dashboard.metaTitle") };

const H2 = "text-lg font-semibold";

// The cockpit: what the public sees, what is open (overdue first), what needs a person, and every
// component one tap from a new status. Quiet lines while all is well; loud boxes when not.
export default async function DashboardPage() {
  await requireStaff("editor", "/admin");
  const v = dashboardView();
  const { timeZone, now } = v;
  return (
    <div className="space-y-8">
      <AutoRefresh />
      <h1 className="text-xl font-semibold">{staffT("staff.dashboard.heading")}</h1>
      <QuickStart templates={v.templates} />
      <MonitorDrafts />
      <section aria-labelledby="public-now" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4">
          <h2 id="public-now" className={H2}>
            {staffT("staff.dashboard.publicNow")}
          </h2>
          <a href="/" className="text-sm text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
            {staffT("staff.dashboard.openPublic")}
          </a>
        </div>
        <PublicBanner banner={v.banner} />
      </section>
      {/* The banner links here when more than one incident is open, as on the public page. */}
      <section id="active-incidents" aria-labelledby="open" className="space-y-3">
        <h2 id="open" className={H2}>
          {v.open.length
            ? staffT("staff.dashboard.openCount", { count: String(v.open.length) })
            : staffT("staff.dashboard.open")}
        </h2>
        <IncidentList
          incidents={v.open}
          timeZone={timeZone}
          now={now}
          label={staffT("staff.dashboard.open")}
          empty={staffT("staff.dashboard.openEmpty")}
        />
      </section>
      <Attention
        disagreements={v.disagreements}
        regional={v.regional}
        spikes={v.spikes}
        channels={v.channels}
        unmappedAlerts={v.unmappedAlerts}
        timeZone={timeZone}
      />
      <DashboardComponents sections={v.sections} />
      <section id="maintenance" aria-labelledby="maint" className="space-y-3">
        <h2 id="maint" className={H2}>
          {staffT("staff.dashboard.maintenance")}
        </h2>
        <IncidentList
          incidents={v.maintenance}
          timeZone={timeZone}
          now={now}
          label={staffT("staff.dashboard.maintenanceLabel")}
          empty={staffT("staff.dashboard.nothingScheduled")}
        />
      </section>
      <AffectedReports />
      <section aria-labelledby="resolved" className="space-y-3">
        <h2 id="resolved" className={H2}>
          {staffT("staff.dashboard.resolved")}
        </h2>
        <IncidentList
          incidents={v.resolved}
          timeZone={timeZone}
          now={now}
          label={staffT("staff.dashboard.resolvedLabel")}
          empty={staffT("staff.dashboard.resolvedEmpty")}
        />
      </section>
    </div>
  );
}
