import { renderToStaticMarkup } from "react-dom/server";
import { browserProbeUrlProblem } from "@/lib/probe-url";
import type { LayoutItem, SnapComponent, SnapGroup } from "@/lib/snapshot-types";
import { isComponentVisible } from "@/lib/status";
import { dayLevel } from "@/lib/uptime";
import { I18nProvider, useT } from "../i18n";
import { Chevron } from "../ui/Chevron";
import type { RenderedRows } from "./rendered-rows";
import { ResponseTimeChart } from "./ResponseTimeChart";
import { StatusIcon, STATUS_TEXT_CLASS } from "./StatusIcon";
import { UptimeBar, UptimeLegend } from "./UptimeBar";
import { WhereFrom, failingFrom } from "./WhereFrom";

function StatusLabel({ status }: { status: SnapComponent["status"] }) {
  const tr = useT();
  return (
    <span className={`flex items-center gap-1.5 text-sm font-medium ${STATUS_TEXT_CLASS[status]}`}>
      <StatusIcon status={status} inherit />
      {tr.t(`component.${status}`)}
    </span>
  );
}

/**
 * Reports from visitors, where the "I am affected" form posts ("" on the live page), and the
 * components in an open incident (where the button is offered in full).
 */
export type ReachProps = {
  affected?: ReadonlyMap<string, number>;
  reportBase?: string;
  inIncident?: ReadonlySet<string>;
};

/** "I am affected" helps where something is wrong; elsewhere a quiet "Report a problem" does. */
function offersAffected(component: SnapComponent, reach: ReachProps): boolean {
  return component.status !== "operational" || (reach.inIncident?.has(component.id) ?? false);
}

function RowContent({ component, reach }: { component: SnapComponent; reach: ReachProps }) {
  const tr = useT();
  const reports = reach.affected?.get(component.id);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <h4 className="font-medium" dir="auto">
          {component.name}
        </h4>
        <StatusLabel status={component.status} />
      </div>
      <WhereFrom component={component} />
      {component.description ? (
        <p className="mt-0.5 text-sm text-gray-600 dark:text-gray-400" dir="auto">
          {component.description}
        </p>
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
        {reports ? <p data-affected-count={reports}>{tr.t("component.reports", { count: reports })}</p> : null}
        <form
          method="post"
          action={`${reach.reportBase ?? ""}${tr.href(`/components/${component.slug}/affected`)}`}
          data-affected-form=""
        >
          <button
            type="submit"
            aria-label={tr.t("component.affectedLabel", { name: component.name })}
            className={offersAffected(component, reach) ? "affected" : "report"}
          >
            {tr.t(offersAffected(component, reach) ? "component.affected" : "component.reportProblem")}
          </button>
        </form>
      </div>
      {component.monitoring ? <ResponseTimeChart monitoring={component.monitoring} name={component.name} /> : null}
    </>
  );
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
    failingFrom(c),
    reach.affected?.get(c.id) ?? 0,
    offersAffected(c, reach),
    reach.reportBase ?? "",
  ]);
}

/** What the rows need besides the component: visitor reports, and rows kept from the last render. */
type RowContext = { reach: ReachProps; rows?: RenderedRows };

function ComponentRow({ component, ctx }: { component: SnapComponent; ctx: RowContext }) {
  const tr = useT();
  const { reach, rows } = ctx;
  // A row is markup of its own (kept between renders), so it gets the page's locale again.
  const make = () =>
    renderToStaticMarkup(
      <I18nProvider value={tr}>
        <RowContent component={component} reach={reach} />
      </I18nProvider>,
    );
  const html = rows ? rows.html(component.id, rowKey(component, reach), make) : make();
  return (
    <li
      className="px-4 py-3"
      data-component={component.slug}
      data-status={component.status}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

function Group({ group, ctx }: { group: SnapGroup; ctx: RowContext }) {
  const visible = group.components.filter(isComponentVisible);
  if (visible.length === 0) return null;
  return (
    <li>
      {/* <details> collapses without JavaScript; open by default, and always open while degraded. */}
      <details open className="group/d">
        <summary className="flex cursor-pointer list-none items-center justify-between gap-4 px-4 py-3 hover:bg-gray-50 dark:hover:bg-gray-800/60">
          <h3 className="flex items-center gap-2 font-semibold">
            <Chevron />
            <span dir="auto">{group.name}</span>
            <span className="text-sm font-normal text-gray-600 dark:text-gray-400">({visible.length})</span>
          </h3>
          <StatusLabel status={group.status} />
        </summary>
        <ul className="divide-y divide-gray-100 border-t border-gray-100 ps-4 dark:divide-gray-800 dark:border-gray-800">
          {visible.map((c) => (
            <ComponentRow key={c.id} component={c} ctx={ctx} />
          ))}
        </ul>
      </details>
    </li>
  );
}

/** `rows`: keep rendered rows there between renders (the caller begins each render on it). */
export function ComponentList({
  layout,
  reach = {},
  rows,
}: {
  layout: LayoutItem[];
  reach?: ReachProps;
  rows?: RenderedRows;
}) {
  const tr = useT();
  const ctx: RowContext = { reach, rows };
  return (
    <section aria-labelledby="components-heading" className="mt-8">
      <h2 id="components-heading" className="sr-only">
        {tr.t("page.components")}
      </h2>
      <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white dark:divide-gray-800 dark:border-gray-800 dark:bg-gray-900">
        {layout.map((item) =>
          item.kind === "group" ? (
            <Group key={item.group.id} group={item.group} ctx={ctx} />
          ) : isComponentVisible(item.component) ? (
            <ComponentRow key={item.component.id} component={item.component} ctx={ctx} />
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
