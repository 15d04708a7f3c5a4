import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listByStatus, listRecent } from "@/db/queries/incidents";
import { listTemplates } from "@/db/queries/templates";
import { AffectedReports } from "@/components/admin/AffectedReports";
import { MonitorDrafts } from "@/components/admin/MonitorDrafts";
import { IncidentList } from "@/components/admin/incidents/IncidentList";
import { QuickStart } from "@/components/admin/incidents/QuickStart";
import { requireStaff } from "@/lib/auth/session";
import { overdueFirst } from "@/lib/cadence";
import { UNRESOLVED_INCIDENT_STATUSES } from "@/lib/constants";
import { pageZone } from "@/lib/editor-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard · Outpost" };

const WEEK = 7 * 24 * 3600_000;

export default async function DashboardPage() {
  await requireStaff("editor", "/admin");
  const db = getDb();
  const { timeZone, now } = pageZone(db);
  const open = overdueFirst(listByStatus(db, "incident", UNRESOLVED_INCIDENT_STATUSES), now);
  const maintenance = listByStatus(db, "maintenance", ["in_progress", "verifying", "scheduled"]).sort((a, b) => (a.scheduledFor ?? 0) - (b.scheduledFor ?? 0));
  const resolved = listRecent(db, "incident", 20).filter((i) => (i.status === "resolved" || i.status === "postmortem") && (i.resolvedAt ?? 0) > now - WEEK);
  return (
    <div className="space-y-8">
      <h1 className="text-xl font-semibold">Dashboard</h1>
      <MonitorDrafts />
      <QuickStart templates={listTemplates(db).filter((t) => t.kind === "incident")} />
      <AffectedReports />
      <section aria-labelledby="open" className="space-y-3">
        <h2 id="open" className="text-lg font-semibold">
          Open incidents {open.length ? `(${open.length})` : null}
        </h2>
        <IncidentList incidents={open} timeZone={timeZone} now={now} label="Open incidents" empty="No open incidents. The page shows all systems as they are." />
      </section>
      <section aria-labelledby="maint" className="space-y-3">
        <h2 id="maint" className="text-lg font-semibold">Maintenance in progress and upcoming</h2>
        <IncidentList incidents={maintenance} timeZone={timeZone} now={now} label="Maintenance" empty="Nothing scheduled." />
      </section>
      <section aria-labelledby="resolved" className="space-y-3">
        <h2 id="resolved" className="text-lg font-semibold">Resolved in the last 7 days</h2>
        <IncidentList incidents={resolved} timeZone={timeZone} now={now} label="Recently resolved" empty="None." />
      </section>
    </div>
  );
}
