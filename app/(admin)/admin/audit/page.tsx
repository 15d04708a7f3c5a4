import type { Metadata } from "next";
import { AuditTable } from "@/components/admin/AuditTable";
import { Button } from "@/components/ui/Button";
import { CONTROL_CLASS } from "@/components/ui/Field";
import { requireStaff } from "@/lib/auth/session";
import { auditView } from "@/lib/views/audit";
import { z } from "zod";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log · Outpost" };

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
      <h1 className="text-xl font-semibold">Audit log</h1>
      <p className="text-sm text-gray-600 dark:text-gray-400">
        Every change made by a person or an API token, newest first.
      </p>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter the audit log">
        <label className="text-sm font-medium">
          Who
          <select name="actor" defaultValue={f.actor ?? ""} className={CONTROL_CLASS}>
            <option value="">Anyone</option>
            {facets.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          What
          <select name="entity" defaultValue={f.entity ?? ""} className={CONTROL_CLASS}>
            <option value="">Everything</option>
            {facets.entityTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Action
          <input
            name="action"
            defaultValue={f.action ?? ""}
            placeholder="e.g. component.status"
            className={CONTROL_CLASS}
          />
        </label>
        <Button variant="secondary">Filter</Button>
      </form>
      <AuditTable rows={rows} />
      {older && (
        <a className="inline-block text-sm font-medium text-blue-700 underline dark:text-blue-300" href={older}>
          Older entries
        </a>
      )}
    </section>
  );
}
