import Link from "next/link";
import type { Metadata } from "next";
import { IncidentList } from "@/components/admin/incidents/IncidentList";
import { buttonClass } from "@/components/ui/Button";
import { TextField, Select } from "@/components/ui/Field";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { incidentsView } from "@/lib/views/incidents";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.incidents.metaTitle") };

const H2 = "text-lg font-semibold";

type Query = { q?: string | string[]; kind?: string | string[]; page?: string | string[]; deleted?: string };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Query> }) {
  await requireStaff("editor");
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 200) : "";
  const kind = sp.kind === "incident" || sp.kind === "maintenance" ? sp.kind : undefined;
  const page = Math.min(Math.max(1, Number.parseInt(typeof sp.page === "string" ? sp.page : "1", 10) || 1), 10_000);
  const { unresolved, maintenance, past, more, timeZone, now } = incidentsView({ q, kind, page });
  const zone = { timeZone, now };
  const link = (p: number) =>
    `/admin/incidents?${new URLSearchParams({ ...(q ? { q } : {}), ...(kind ? { kind } : {}), page: String(p) })}`;
  return (
    <section className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">{staffT("staff.incidents.heading")}</h1>
        <Link href="/admin/incidents/new" className={buttonClass("danger")}>
          {staffT("staff.incidents.report")}
        </Link>
      </div>
      {sp.deleted ? (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-200">
          {staffT("staff.incidents.deleted")}
        </p>
      ) : null}
      <form role="search" className="flex flex-wrap items-end gap-3" action="/admin/incidents">
        <TextField
          label={staffT("staff.incidents.search")}
          name="q"
          type="search"
          defaultValue={q}
          className="min-w-0 flex-1"
        />
        <Select
          label={staffT("staff.incidents.kind")}
          name="kind"
          defaultValue={kind ?? ""}
          options={[
            { value: "", label: staffT("staff.incidents.kindAll") },
            { value: "incident", label: staffT("staff.incidents.kindIncidents") },
            { value: "maintenance", label: staffT("staff.incidents.kindMaintenance") },
          ]}
        />
        <button className={buttonClass("secondary", "py-2")}>{staffT("staff.incidents.searchButton")}</button>
      </form>
      {kind === "maintenance" ? null : (
        <section aria-labelledby="unresolved" className="space-y-3">
          <h2 id="unresolved" className={H2}>
            {staffT("staff.incidents.unresolved", { count: unresolved.length })}
          </h2>
          <IncidentList
            incidents={unresolved}
            {...zone}
            label={staffT("staff.incidents.unresolvedLabel")}
            empty={q ? staffT("staff.incidents.noMatch") : staffT("staff.incidents.unresolvedNone")}
          />
        </section>
      )}
      {kind === "incident" ? null : (
        <section aria-labelledby="maintenance" className="space-y-3">
          <h2 id="maintenance" className={H2}>
            {staffT("staff.incidents.maintenanceHeading", { count: maintenance.length })}
          </h2>
          <IncidentList
            incidents={maintenance}
            {...zone}
            label={staffT("staff.incidents.maintenanceLabel")}
            empty={q ? staffT("staff.incidents.noMatch") : staffT("staff.incidents.maintenanceNone")}
          />
        </section>
      )}
      <section aria-labelledby="past" className="space-y-3">
        <h2 id="past" className={H2}>
          {staffT("staff.incidents.past")}
        </h2>
        <IncidentList
          incidents={past}
          {...zone}
          label={staffT("staff.incidents.pastLabel")}
          empty={q ? staffT("staff.incidents.noMatch") : staffT("staff.incidents.none")}
        />
      </section>
      <nav aria-label={staffT("staff.incidents.pages")} className="flex justify-between text-sm">
        {page > 1 ? (
          <Link href={link(page - 1)} className="underline">
            {staffT("staff.incidents.newer")}
          </Link>
        ) : (
          <span />
        )}
        {more ? (
          <Link href={link(page + 1)} className="underline">
            {staffT("staff.incidents.older")}
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
