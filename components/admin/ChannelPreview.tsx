"use client";
// What each network would post for an update, exactly as fitted (and whether it was shortened).
// The delivery marker in the link is filled in when sent; it has the same length as here.
import { limitOf, previewPost } from "@/lib/syndication/text";
import type { UPDATE_STATUS_LABELS } from "@/lib/constants";
import type { NetworkPreview } from "@/lib/syndication/network";
import { staffT } from "@/lib/i18n/staff";

export function ChannelPreview({
  text,
  incidentUrl,
  incidentName,
  status = "investigating",
  networks,
}: {
  text: string;
  incidentUrl: string;
  incidentName: string;
  status?: keyof typeof UPDATE_STATUS_LABELS;
  /** The enabled networks (lib/syndication/outbox: enabledNetworks), described by the registry. */
  networks: readonly NetworkPreview[];
}) {
  const src = { incidentName, status, body: text, url: `${incidentUrl}?d=xxxxxxxxxxxx` };
  const previews = networks.map((n) => ({ ...previewPost(src, n.name, limitOf(n.post)), label: n.label }));
  if (previews.length === 0)
    return <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.incidents.noNetwork")}</p>;
  return (
    <section aria-label={staffT("staff.incidents.postsPreview")} className="space-y-3">
      {previews.map((p) => (
        <figure key={p.network} className="rounded-lg border border-gray-200 p-3 text-sm dark:border-gray-800">
          <figcaption className="mb-1 flex justify-between text-xs text-gray-600 dark:text-gray-400">
            <span className="font-medium">{p.label}</span>
            <span>
              {p.weight} / {p.max}
              {p.shortened ? ` · ${staffT("staff.incidents.shortened")}` : ""}
            </span>
          </figcaption>
          <p className="whitespace-pre-wrap break-words">{p.text}</p>
        </figure>
      ))}
    </section>
  );
}
