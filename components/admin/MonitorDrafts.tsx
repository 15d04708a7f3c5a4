// Draft incidents proposed by monitors, for the top of the staff dashboard: what broke, since
// when, the first error, and whether monitors already see it healthy again. One click publishes.
import { publishDraftAction, dismissDraftAction } from "@/app/(admin)/admin/monitors/actions";
import { requireStaff } from "@/lib/auth/session";
import { COMPONENT_STATUS_LABELS } from "@/lib/constants";
import { monitorDraftsView } from "@/lib/views/monitor-drafts";
import { staffT } from "@/lib/i18n/staff";
import { ActionButton } from "./ActionButton";
import { StaffRich } from "./StaffRich";

const when = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;

export async function MonitorDrafts() {
  await requireStaff("editor");
  const drafts = monitorDraftsView();
  if (drafts.length === 0) return null;
  return (
    <section
      aria-labelledby="monitor-drafts"
      className="mb-6 rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950/40"
    >
      <h2 id="monitor-drafts" className="font-semibold text-red-900 dark:text-red-100">
        {staffT("staff.monitors.drafts", { count: drafts.length })}
      </h2>
      <ul className="mt-3 space-y-3">
        {drafts.map((d) => (
          <li
            key={d.id}
            aria-label={d.title}
            className="rounded-md border border-red-200 bg-white p-3 dark:border-red-900 dark:bg-gray-900"
          >
            <p className="font-medium">{d.title}</p>
            <p className="text-sm text-gray-700 dark:text-gray-300">
              {staffT("staff.monitors.draftSince", {
                component: d.componentName,
                status: COMPONENT_STATUS_LABELS[d.status].toLowerCase(),
                time: when(d.createdAt),
              })}
              {` · ${
                d.recoveredAt
                  ? staffT("staff.monitors.healthyAgain", { time: when(d.recoveredAt) })
                  : staffT("staff.monitors.stillFailing")
              }`}
            </p>
            <p className="mt-1 text-sm">
              <StaffRich
                id="staff.monitors.firstError"
                values={{ error: <code className="break-all">{d.firstError}</code> }}
              />
            </p>
            <div className="mt-2 flex flex-wrap gap-2">
              <ActionButton
                label={staffT("staff.incidents.publishIncident")}
                ariaLabel={staffT("staff.monitors.publishLabel", { title: d.title })}
                variant="primary"
                action={publishDraftAction}
                fields={{ id: d.id }}
              />
              <ActionButton
                label={staffT("staff.monitors.dismiss")}
                ariaLabel={staffT("staff.monitors.dismissLabel", { title: d.title })}
                action={dismissDraftAction}
                fields={{ id: d.id }}
              />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
