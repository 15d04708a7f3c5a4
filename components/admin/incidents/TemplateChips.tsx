"use client";
// Templates one tap away: each fills the form at once (title, message, impact, components). They
// are links to the form prefilled by the server, so they work without JavaScript too.
import { staffT } from "@/lib/i18n/staff";

export type Starter = { id: string; name: string; values: Record<string, string> };

type Props = { starters: Starter[]; chosen?: string; onPick: (starter: Starter) => void };

export function TemplateChips({ starters, chosen, onPick }: Props) {
  if (!starters.length) return null;
  return (
    <nav aria-label={staffT("staff.incidents.fromTemplate")} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="font-medium">{staffT("staff.incidents.fromTemplateColon")}</span>
      {starters.map((t) => (
        <a
          key={t.id}
          href={`/admin/incidents/new?template=${encodeURIComponent(t.id)}`}
          aria-current={chosen === t.id ? "true" : undefined}
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            onPick(t);
          }}
          className="inline-flex min-h-9 items-center rounded-full border border-gray-300 px-3 hover:bg-gray-100 aria-[current=true]:border-blue-700 aria-[current=true]:bg-blue-50 aria-[current=true]:text-blue-900 dark:border-gray-700 dark:hover:bg-gray-800 dark:aria-[current=true]:bg-blue-950 dark:aria-[current=true]:text-blue-100"
        >
          {t.name}
        </a>
      ))}
    </nav>
  );
}
