import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ComponentUpdateProblems } from "@/components/admin/ComponentUpdateProblems";
import { Deliveries } from "@/components/admin/Deliveries";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { deliveriesIncident, deliveriesNeedingAttention } from "@/lib/views/deliveries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.deliveries.metaTitle") };

/**
 * Incidents with failed or unsettled notifications and such component updates (no ?incident=), or
 * one incident's notifications.
 */
export default async function DeliveriesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff("editor");
  const raw = (await searchParams).incident;
  const id = typeof raw === "string" ? raw.slice(0, 40) : "";
  if (!id) return <NeedingAttention />;
  const incident = deliveriesIncident(id);
  if (!incident) notFound();
  return (
    <section className="space-y-4">
      <h1 className="text-xl font-semibold">{staffT("staff.deliveries.headingOf", { name: incident.name })}</h1>
      <Deliveries incidentId={incident.id} />
    </section>
  );
}

function NeedingAttention() {
  const { incidents: seen, componentUpdates } = deliveriesNeedingAttention();
  return (
    <section className="space-y-4">
      <h1 className="text-xl font-semibold">{staffT("staff.deliveries.attention")}</h1>
      {seen.size === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.deliveries.allWentOut")}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5">
          {[...seen].map(([incidentId, name]) => (
            <li key={incidentId}>
              <a
                className="text-blue-700 underline dark:text-blue-300"
                href={`/admin/deliveries?incident=${incidentId}`}
              >
                {name}
              </a>
            </li>
          ))}
        </ul>
      )}
      <ComponentUpdateProblems rows={componentUpdates} />
    </section>
  );
}
