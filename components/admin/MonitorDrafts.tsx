// Draft incidents proposed by monitors or opened by alerts, for the top of the staff dashboard:
// what broke, since when, the first error (or the alert and its source, with a link back to it),
// and whether it is already healthy again. One click publishes.
import { publishDraftAction, dismissDraftAction } from "@/app/(admin)/admin/monitors/actions";
import { requireStaff } from "@/lib/auth/session";
import { COMPONENT_STATUS_LABELS } from "@/lib/constants";
import { monitorDraftsView } from "@/lib/views/monitor-drafts";
import { staffT } from "@/lib/i18n/staff";
import { ActionButton } from "./ActionButton";
import { StaffRich } from "./StaffRich";

const when = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;

type Draft = ReturnType<typeof monitorDraftsView>[number];

/** Whether what opened the draft sees it healthy again: the monitors, or the alert that resolved. */
function recovery(d: Draft): string {
  if (d.alertSourceId)
    return d.recoveredAt
      ? staffT("staff.alerts.resolvedAgain", { time: when(d.recoveredAt) })
      : staffT("staff.alerts.stillFiring");
  return d.recoveredAt
    ? staffT("staff.monitors.healthyAgain", { time: when(d.recoveredAt) })
    : staffT("staff.monitors.stillFailing");
}

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
        {drafts.every((d) => !d.alertSourceId)
          ? staffT("staff.monitors.drafts", { count: drafts.length })
          : staffT("staff.alerts.drafts", { count: drafts.length })}
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
              {d.alertSourceId
                ? ` · ${staffT("staff.alerts.draftFrom", { source: d.sourceName ?? staffT("staff.alerts.deletedSource") })}`
                : ""}
              {` · ${recovery(d)}`}
            </p>
            {d.alertSourceId ? (
              <p className="mt-1 text-sm break-words">
                {staffT("staff.alerts.draftAlert", { summary: d.firstError })}
                {d.link ? (
                  <>
                    {" "}
                    <a
                      href={d.link}
                      rel="noreferrer"
                      target="_blank"
                      className="text-blue-700 underline underline-offset-2 dark:text-blue-300"
                    >
                      {staffT("staff.alerts.viewAlert")}
                    </a>
                  </>
                ) : null}
              </p>
            ) : (
              <p className="mt-1 text-sm">
                <StaffRich
                  id="staff.monitors.firstError"
                  values={{ error: <code className="break-all">{d.firstError}</code> }}
                />
              </p>
            )}
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
