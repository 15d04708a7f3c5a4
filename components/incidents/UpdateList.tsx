import type { SnapUpdate } from "@/lib/snapshot-types";
import { Rich, useT } from "../i18n";
import { Time } from "../status/Time";

/** Every update, newest first, in the strict order the server assigned. */
export function UpdateList({ updates, timeZone }: { updates: SnapUpdate[]; timeZone: string }) {
  const tr = useT();
  return (
    <ol className="space-y-4">
      {updates.map((u) => (
        <li key={u.id} data-update-seq={u.seq} className="grid gap-1 sm:grid-cols-[8rem_1fr] sm:gap-4">
          <p className="font-semibold">{tr.t(`update.${u.status}`)}</p>
          <div>
            {/* Rendered from markdown with raw HTML escaped (lib/markdown.ts). */}
            <div className="prose-update break-words" dir="auto" dangerouslySetInnerHTML={{ __html: u.bodyHtml }} />
            <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
              <Time at={u.displayAt} timeZone={timeZone} />
              {u.editedAt ? (
                <>
                  {" · "}
                  <span data-edited>
                    <Rich id="incident.edited" values={{ time: <Time at={u.editedAt} timeZone={timeZone} /> }} />
                  </span>
                </>
              ) : null}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
