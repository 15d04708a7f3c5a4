// Every component on the dashboard, in page order under its group, each with its status one tap
// from a change (StatusSwitch: saved at once, Undo for 10 seconds).
import Link from "next/link";
import type { ComponentRow } from "@/lib/views/rows";
import { staffT } from "@/lib/i18n/staff";
import { StatusSwitch } from "./StatusSwitch";

type Section = { name: string | null; components: ComponentRow[] };

function Row({ c }: { c: ComponentRow }) {
  return (
    <li
      aria-label={c.name}
      data-component-id={c.id}
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1.5 px-3 py-2"
    >
      <p className="min-w-0 break-words">
        <span className="font-medium">{c.name}</span>
        {c.onlyShowIfDegraded ? (
          <span className="block text-xs text-gray-600 dark:text-gray-400">
            {staffT("staff.components.shownOnlyDegraded")}
          </span>
        ) : null}
      </p>
      <StatusSwitch component={{ id: c.id, name: c.name, status: c.status }} />
    </li>
  );
}

/** Groups as they are; neighbouring ungrouped components share one list. */
function blocks(sections: Section[]): Section[] {
  const out: Section[] = [];
  for (const s of sections) {
    if (s.components.length === 0) continue;
    const last = out.at(-1);
    if (s.name === null && last && last.name === null) last.components.push(...s.components);
    else out.push({ name: s.name, components: [...s.components] });
  }
  return out;
}

function Heading({ children }: { children: string }) {
  return (
    <h3 className="bg-gray-50 px-3 py-1.5 text-sm font-semibold text-gray-800 dark:bg-gray-900/60 dark:text-gray-200">
      {children}
    </h3>
  );
}

export function DashboardComponents({ sections }: { sections: Section[] }) {
  const shown = blocks(sections);
  // Among groups, components without one get a heading too, so they do not read as the last group's.
  const grouped = shown.some((b) => b.name !== null);
  return (
    <section aria-labelledby="components-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4">
        <h2 id="components-heading" className="text-lg font-semibold">
          {staffT("staff.dashboard.components")}
        </h2>
        <Link
          href="/admin/components"
          className="text-sm text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
        >
          {staffT("staff.dashboard.editComponents")}
        </Link>
      </div>
      {shown.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.dashboard.noComponents")}</p>
      ) : (
        <div className="divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
          {shown.map((block, i) =>
            block.name === null ? (
              <div key={i}>
                {grouped ? <Heading>{staffT("staff.dashboard.ungrouped")}</Heading> : null}
                <ul
                  aria-label={staffT("staff.dashboard.ungrouped")}
                  className="divide-y divide-gray-100 dark:divide-gray-800"
                >
                  {block.components.map((c) => (
                    <Row key={c.id} c={c} />
                  ))}
                </ul>
              </div>
            ) : (
              <div key={i}>
                <Heading>{block.name}</Heading>
                <ul aria-label={block.name} className="divide-y divide-gray-100 dark:divide-gray-800">
                  {block.components.map((c) => (
                    <Row key={c.id} c={c} />
                  ))}
                </ul>
              </div>
            ),
          )}
        </div>
      )}
    </section>
  );
}
