// Draft incidents proposed by monitors, for the top of the staff dashboard: what broke, since
// when, the first error, and whether monitors already see it healthy again. One click publishes.
import { publishDraftAction, dismissDraftAction } from "@/app/(admin)/admin/monitors/actions";
import { requireStaff } from "@/lib/auth/session";
import { COMPONENT_STATUS_LABELS } from "@/lib/constants";
import { monitorDraftsView } from "@/lib/views/monitor-drafts";
import { ActionButton } from "./ActionButton";

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
        Monitors detected {drafts.length === 1 ? "a problem" : `${drafts.length} problems`}: draft incident
        {drafts.length === 1 ? "" : "s"}
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
              {d.componentName}: {COMPONENT_STATUS_LABELS[d.status].toLowerCase()} since {when(d.createdAt)}
              {d.recoveredAt ? ` · monitors report it healthy again since ${when(d.recoveredAt)}` : " · still failing"}
            </p>
            <p className="mt-1 text-sm">
              First error: <code className="break-all">{d.firstError}</code>
            </p>
            <div className="mt-2 flex flex-wrap gap-2">
              <ActionButton
                label="Publish incident"
                ariaLabel={`Publish incident: ${d.title}`}
                variant="primary"
                action={publishDraftAction}
                fields={{ id: d.id }}
              />
              <ActionButton
                label="Dismiss"
                ariaLabel={`Dismiss draft: ${d.title}`}
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
