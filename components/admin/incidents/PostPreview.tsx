"use client";
// The social posts an update would make, fitted to each network, under the message box.
import { ChannelPreview } from "@/components/admin/ChannelPreview";
import type { IncidentStatus, MaintenanceStatus } from "@/lib/constants";
import type { NetworkPreview } from "@/lib/syndication/network";
import { staffT } from "@/lib/i18n/staff";

export type PreviewContext = { incidentUrl: string; incidentName: string; networks: NetworkPreview[] };

export function PostPreview({
  text,
  status,
  context,
}: {
  text: string;
  status: IncidentStatus | MaintenanceStatus;
  context: PreviewContext;
}) {
  if (!context.networks.length || !text.trim()) return null;
  return (
    <details className="rounded-md border border-gray-200 p-3 dark:border-gray-800">
      <summary className="cursor-pointer text-sm font-medium">
        {staffT("staff.incidents.socialPreview", { count: String(context.networks.length) })}
      </summary>
      <div className="mt-3">
        <ChannelPreview
          text={text}
          incidentUrl={context.incidentUrl}
          incidentName={context.incidentName || staffT("staff.incidents.kindIncident")}
          status={status}
          networks={context.networks}
        />
      </div>
    </details>
  );
}
