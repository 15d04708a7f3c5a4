import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IncidentHeader } from "@/components/admin/incidents/IncidentHeader";
import { DetailsForm } from "@/components/admin/incidents/DetailsForm";
import { PostmortemForm } from "@/components/admin/incidents/PostmortemForm";
import { Timeline } from "@/components/admin/incidents/Timeline";
import { EditorPanel } from "@/components/admin/incidents/EditorPanel";
import { IncidentDangerZone } from "@/components/admin/incidents/IncidentDangerZone";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { incidentEditorView } from "@/lib/views/incident-editor";
import { Deliveries } from "@/components/admin/Deliveries";
import { statusesFor } from "@/lib/incidents";
import { formatDateTime } from "@/lib/time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.incidents.editorMetaTitle") };

export default async function IncidentEditorPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ published?: string; resolved?: string }>;
}) {
  await requireStaff("editor");
  const view = incidentEditorView((await params).id);
  if (!view) notFound();
  const { incident, timeZone, cadence, now } = view;
  const { published, resolved } = await searchParams;
  const maintenance = incident.kind === "maintenance";
  const closed = maintenance
    ? incident.status === "completed"
    : incident.status === "resolved" || incident.status === "postmortem";
  return (
    <div className="space-y-8">
      <IncidentHeader
        incident={incident}
        timeZone={timeZone}
        justPublished={published === "1"}
        justResolved={resolved === "1" && closed}
        now={now}
      />
      <EditorPanel
        incidentId={incident.id}
        statuses={statusesFor(incident.kind)}
        current={incident.status}
        sections={view.sections}
        closing={maintenance ? ["completed"] : ["resolved"]}
        card={view.card}
        timeZone={timeZone}
        now={now}
        resolveText={view.resolveText}
        posts={view.preview}
      />
      <section aria-labelledby="timeline" className="space-y-3">
        <h2 id="timeline" className="text-lg font-semibold">
          {staffT("staff.incidents.timeline")}
        </h2>
        <Timeline updates={view.timeline} />
      </section>
      <Deliveries incidentId={incident.id} />
      {!maintenance && closed ? (
        <section className="rounded-lg border border-gray-200 p-4 dark:border-gray-800">
          <PostmortemForm
            id={incident.id}
            body={incident.postmortemBody ?? ""}
            published={incident.postmortemPublishedAt ? formatDateTime(incident.postmortemPublishedAt, timeZone) : null}
          />
        </section>
      ) : null}
      <section className="rounded-lg border border-gray-200 p-4 dark:border-gray-800">
        <DetailsForm
          id={incident.id}
          kind={incident.kind}
          defaults={view.defaults}
          timeZone={timeZone}
          defaultCadence={cadence}
        />
      </section>
      <IncidentDangerZone incident={incident} />
    </div>
  );
}
