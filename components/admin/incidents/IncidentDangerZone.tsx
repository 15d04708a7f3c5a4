// Ending a maintenance early and deleting an incident: both ask first.
import { deleteIncidentAction, endMaintenanceAction } from "@/app/(admin)/admin/incidents/actions";
import type { IncidentRow } from "@/lib/views/rows";
import { ConfirmButton } from "@/components/ui/ConfirmButton";

export function IncidentDangerZone({ incident: i }: { incident: IncidentRow }) {
  const live =
    i.kind === "maintenance" && (i.status === "scheduled" || i.status === "in_progress" || i.status === "verifying");
  const what = i.kind === "maintenance" ? "maintenance" : "incident";
  return (
    <section aria-labelledby="danger" className="space-y-3 rounded-lg border border-red-200 p-4 dark:border-red-900">
      <h2 id="danger" className="text-lg font-semibold">
        {live ? "End or delete" : "Delete"}
      </h2>
      <div className="flex flex-wrap items-start gap-3">
        {live ? (
          <ConfirmButton
            label="End maintenance now"
            title="End this maintenance now?"
            confirmLabel="End maintenance"
            action={endMaintenanceAction}
            fields={{ id: i.id, body: "" }}
            variant="secondary"
          >
            <p>It is marked completed with an update, and its components are set back to operational.</p>
          </ConfirmButton>
        ) : null}
        <ConfirmButton
          label={`Delete ${what}`}
          title={`Delete “${i.name}”?`}
          confirmLabel={`Delete ${what}`}
          action={deleteIncidentAction}
          fields={{ id: i.id }}
        >
          <p>
            It disappears with its whole timeline from the public page, the API and the feeds. Component statuses stay
            as they are. The audit log keeps a copy.
          </p>
        </ConfirmButton>
      </div>
    </section>
  );
}
