import { renderToStaticMarkup } from "react-dom/server";
import { COMPONENT_STATUS_LABELS } from "@/lib/constants";
import { browserProbeUrlProblem } from "@/lib/probe-url";
import type { LayoutItem, SnapComponent, SnapGroup } from "@/lib/snapshot-types";
import { isComponentVisible } from "@/lib/status";
import { dayLevel } from "@/lib/uptime";
import { ResponseTimeChart } from "./ResponseTimeChart";
import { StatusIcon, STATUS_TEXT_CLASS } from "./StatusIcon";
import { UptimeBar, UptimeLegend } from "./UptimeBar";

function StatusLabel({ status }: { status: SnapComponent["status"] }) {
  return (
    <span className={`flex items-center gap-1.5 text-sm font-medium ${STATUS_TEXT_CLASS[status]}`}>
      <StatusIcon status={status} inherit />
      {COMPONENT_STATUS_LABELS[status]}
    </span>
  );
}

/** Reports from visitors, and where the "I am affected" form posts ("" on the live page). */
export type ReachProps = { affected?: ReadonlyMap<string, number>; reportBase?: string };

function RowContent({ component, reach }: { component: SnapComponent; reach: ReachProps }) {
  const reports = reach.affected?.get(component.id);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <h4 className="font-medium">{component.name}</h4>
        <StatusLabel status={component.status} />
      </div>
      {component.description ? (
        <p className="mt-0.5 text-sm text-gray-600 dark:text-gray-400">{component.description}</p>
      ) : null}
      {component.showcase ? (
        <UptimeBar
          componentId={component.id}
          days={component.uptimeDays}
          percent={component.uptimePercent}
          name={component.name}
        />
      ) : null}
      <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-gray-600 dark:text-gray-400">
        {component.browserProbeUrl && !browserProbeUrlProblem(component.browserProbeUrl) ? (
          <p data-probe-url={component.browserProbeUrl} aria-live="polite" hidden />
        ) : null}
        {reports ? (
          <p data-affected-count={reports}>
            {reports === 1 ? "1 person" : `${reports} people`} reported problems in the last 15 minutes
          </p>
        ) : null}
        <form
          method="post"
          action={`${reach.reportBase ?? ""}/components/${component.slug}/affected`}
          data-affected-form=""
        >
          <button type="submit" aria-label={`I am affected by ${component.name}`} className="affected">
            I am affected
          </button>
        </form>
      </div>
      {component.monitoring ? <ResponseTimeChart monitoring={component.monitoring} name={component.name} /> : null}
    </>
  );
}

/**
 * Rows rendered for earlier snapshots, by component: a change renders again only the rows whose
 * inputs changed (at 1,000 components the rows were nine tenths of the page's render time).
 * Swapped at each list render, so a deleted or hidden component's row is let go.
 */
let previousRows = new Map<string, { key: string; html: string }>();
let currentRows = new Map<string, { key: string; html: string }>();

/** Forgets every rendered row (tests compare with a render from nothing). */
export function forgetRenderedRows(): void {
  previousRows = new Map();
  currentRows = new Map();
}

/** Everything a row's markup depends on; the days as their levels and the details of bad ones. */
function rowKey(c: SnapComponent, reach: ReachProps): string {
  const levels = c.uptimeDays.map(dayLevel);
  const bad = c.uptimeDays.flatMap((d, i) =>
    typeof levels[i] === "number" && (levels[i] as number) > 0
      ? [[d.date, d.majorOutage, d.partialOutage, d.degraded, d.maintenance]]
      : [],
  );
  return JSON.stringify([
    c.id,
    c.slug,
    c.name,
    c.description,
    c.status,
    c.showcase,
    c.browserProbeUrl,
    c.uptimePercent,
    levels,
    bad,
    c.monitoring ?? null,
    reach.affected?.get(c.id) ?? 0,
    reach.reportBase ?? "",
  ]);
}

function ComponentRow({ component, reach }: { component: SnapComponent; reach: ReachProps }) {
  const key = rowKey(component, reach);
  let row = previousRows.get(component.id) ?? currentRows.get(component.id);
  if (row?.key !== key) row = { key, html: renderToStaticMarkup(<RowContent component={component} reach={reach} />) };
  currentRows.set(component.id, row);
  return (
    <li
      className="px-4 py-3"
      data-component={component.slug}
      data-status={component.status}
      dangerouslySetInnerHTML={{ __html: row.html }}
    />
  );
}

function Group({ group, reach }: { group: SnapGroup; reach: ReachProps }) {
  const visible = group.components.filter(isComponentVisible);
  if (visible.length === 0) return null;
  return (
    <li>
      {/* <details> collapses without JavaScript; open by default, and always open while degraded. */}
      <details open className="group/g">
        <summary className="flex cursor-pointer list-none items-center justify-between gap-4 px-4 py-3 hover:bg-gray-50 dark:hover:bg-gray-800/60">
          <h3 className="flex items-center gap-2 font-semibold">
            <svg viewBox="0 0 20 20" aria-hidden="true" className="h-4 w-4 transition-transform group-open/g:rotate-90">
              <path d="M7 5l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
            {group.name}
            <span className="text-sm font-normal text-gray-600 dark:text-gray-400">({visible.length})</span>
          </h3>
          <StatusLabel status={group.status} />
        </summary>
        <ul className="divide-y divide-gray-100 border-t border-gray-100 pl-4 dark:divide-gray-800 dark:border-gray-800">
          {visible.map((c) => (
            <ComponentRow key={c.id} component={c} reach={reach} />
          ))}
        </ul>
      </details>
    </li>
  );
}

export function ComponentList({ layout, reach = {} }: { layout: LayoutItem[]; reach?: ReachProps }) {
  previousRows = currentRows;
  currentRows = new Map();
  return (
    <section aria-labelledby="components-heading" className="mt-8">
      <h2 id="components-heading" className="sr-only">
        Components
      </h2>
      <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white dark:divide-gray-800 dark:border-gray-800 dark:bg-gray-900">
        {layout.map((item) =>
          item.kind === "group" ? (
            <Group key={item.group.id} group={item.group} reach={reach} />
          ) : isComponentVisible(item.component) ? (
            <ComponentRow key={item.component.id} component={item.component} reach={reach} />
          ) : null,
        )}
      </ul>
      {layout.some((item) =>
        item.kind === "group" ? item.group.components.some((c) => c.showcase) : item.component.showcase,
      ) ? (
        <UptimeLegend />
      ) : null}
    </section>
  );
}
