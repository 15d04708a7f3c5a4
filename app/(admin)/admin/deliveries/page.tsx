import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getIncident } from "@/db/queries/incidents";
import { Deliveries } from "@/components/admin/Deliveries";
import { requireStaff } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Notifications · Outpost" };

/** One incident's notifications on their own page (linked from Channels › Recent failures). */
export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff("editor");
  const raw = (await searchParams).incident;
  const id = typeof raw === "string" ? raw.slice(0, 40) : "";
  const incident = id ? getIncident(getDb(), id) : undefined;
  if (!incident) notFound();
  return (
    <section className="space-y-4">
      <h1 className="text-xl font-semibold">Notifications: {incident.name}</h1>
      <Deliveries incidentId={incident.id} />
    </section>
  );
}
