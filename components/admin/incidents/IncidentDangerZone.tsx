// Ending a maintenance early and deleting an incident: both ask first.
import { deleteIncidentAction, endMaintenanceAction } from "@/app/(admin)/admin/incidents/actions";
import type { IncidentRow } from "@/lib/views/rows";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { staffT } from "@/lib/i18n/staff";

export function IncidentDangerZone({ incident: i }: { incident: IncidentRow }) {
  const live =
    i.kind === "maintenance" && (i.status === "scheduled" || i.status === "in_progress" || i.status === "verifying");
  const remove =
    i.kind === "maintenance" ? staffT("staff.incidents.deleteMaintenance") : staffT("staff.incidents.deleteIncident");
  return (
    <section aria-labelledby="danger" className="space-y-3 rounded-lg border border-red-200 p-4 dark:border-red-900">
      <h2 id="danger" className="text-lg font-semibold">
        {live ? staffT("staff.incidents.endOrDelete") : staffT("staff.common.delete")}
      </h2>
      <div className="flex flex-wrap items-start gap-3">
        {live ? (
          <ConfirmButton
            label={staffT("staff.incidents.endNow")}
            title={staffT("staff.incidents.endConfirm")}
            confirmLabel={staffT("staff.incidents.end")}
            action={endMaintenanceAction}
            fields={{ id: i.id, body: "" }}
            variant="secondary"
          >
            <p>{staffT("staff.incidents.endBody")}</p>
          </ConfirmButton>
        ) : null}
        <ConfirmButton
          label={remove}
          title={staffT("staff.common.deleteNamed", { name: i.name })}
          confirmLabel={remove}
          action={deleteIncidentAction}
          fields={{ id: i.id }}
        >
          <p>{staffT("staff.incidents.deleteBody")}</p>
        </ConfirmButton>
      </div>
    </section>
  );
}
