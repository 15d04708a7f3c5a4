import type { Metadata } from "next";
import { AuditTable } from "@/components/admin/AuditTable";
import { Button } from "@/components/ui/Button";
import { CONTROL_CLASS } from "@/components/ui/Field";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { auditView } from "@/lib/views/audit";
import { z } from "zod";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.audit.metaTitle") };

const filters = z.object({
  actor: z.string().max(40).optional().catch(undefined),
  entity: z.string().max(40).optional().catch(undefined),
  action: z.string().max(60).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff("admin");
  const f = filters.parse(await searchParams);
  const { rows, facets, older } = auditView(f);
  return (
    <section className="space-y-4">
      <h1 className="text-xl font-semibold">{staffT("staff.audit.heading")}</h1>
      <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.audit.intro")}</p>
      <form
        method="get"
        className="flex flex-wrap items-end gap-3"
        role="search"
        aria-label={staffT("staff.audit.filter")}
      >
        <label className="text-sm font-medium">
          {staffT("staff.audit.who")}
          <select name="actor" defaultValue={f.actor ?? ""} className={CONTROL_CLASS}>
            <option value="">{staffT("staff.audit.anyone")}</option>
            {facets.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {staffT("staff.audit.what")}
          <select name="entity" defaultValue={f.entity ?? ""} className={CONTROL_CLASS}>
            <option value="">{staffT("staff.audit.everything")}</option>
            {facets.entityTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {staffT("staff.audit.action")}
          <input
            name="action"
            defaultValue={f.action ?? ""}
            placeholder={staffT("staff.audit.actionPlaceholder")}
            className={CONTROL_CLASS}
          />
        </label>
        <Button variant="secondary">{staffT("staff.audit.filterButton")}</Button>
      </form>
      <AuditTable rows={rows} />
      {older && (
        <a className="inline-block text-sm font-medium text-blue-700 underline dark:text-blue-300" href={older}>
          {staffT("staff.audit.older")}
        </a>
      )}
    </section>
  );
}
