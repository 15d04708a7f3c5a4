import Link from "next/link";
import type { Metadata } from "next";
import { IncidentList } from "@/components/admin/incidents/IncidentList";
import { buttonClass } from "@/components/ui/Button";
import { TextField, Select } from "@/components/ui/Field";
import { requireStaff } from "@/lib/auth/session";
import { incidentsView } from "@/lib/views/incidents";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Incidents · Outpost" };

type Query = { q?: string | string[]; kind?: string | string[]; page?: string | string[]; deleted?: string };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Query> }) {
  await requireStaff("editor");
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 200) : "";
  const kind = sp.kind === "incident" || sp.kind === "maintenance" ? sp.kind : undefined;
  const page = Math.min(Math.max(1, Number.parseInt(typeof sp.page === "string" ? sp.page : "1", 10) || 1), 10_000);
  const { incidents, more, ...zone } = incidentsView({ q, kind, page });
  const link = (p: number) =>
    `/admin/incidents?${new URLSearchParams({ ...(q ? { q } : {}), ...(kind ? { kind } : {}), page: String(p) })}`;
  return (
    <section className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Incidents and maintenance</h1>
        <Link href="/admin/incidents/new" className={buttonClass("danger")}>
          Report a problem
        </Link>
      </div>
      {sp.deleted ? (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-200">
          Deleted.
        </p>
      ) : null}
      <form role="search" className="flex flex-wrap items-end gap-3" action="/admin/incidents">
        <TextField
          label="Search titles and messages"
          name="q"
          type="search"
          defaultValue={q}
          className="min-w-0 flex-1"
        />
        <Select
          label="Kind"
          name="kind"
          defaultValue={kind ?? ""}
          options={[
            { value: "", label: "All" },
            { value: "incident", label: "Incidents" },
            { value: "maintenance", label: "Maintenance" },
          ]}
        />
        <button className={buttonClass("secondary", "py-2")}>Search</button>
      </form>
      <IncidentList
        incidents={incidents}
        {...zone}
        label="Incidents"
        empty={q ? "Nothing matches." : "No incidents yet."}
      />
      <nav aria-label="Pages" className="flex justify-between text-sm">
        {page > 1 ? (
          <Link href={link(page - 1)} className="underline">
            ← Newer
          </Link>
        ) : (
          <span />
        )}
        {more ? (
          <Link href={link(page + 1)} className="underline">
            Older →
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
