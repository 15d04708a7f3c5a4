"use client";
// The social posts an update would make, fitted to each network, under the message box.
import { ChannelPreview } from "@/components/admin/ChannelPreview";
import type { IncidentStatus, MaintenanceStatus } from "@/lib/constants";
import type { NetworkPreview } from "@/lib/syndication/network";

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
        Preview of the social posts ({context.networks.length})
      </summary>
      <div className="mt-3">
        <ChannelPreview
          text={text}
          incidentUrl={context.incidentUrl}
          incidentName={context.incidentName || "Incident"}
          status={status}
          networks={context.networks}
        />
      </div>
    </details>
  );
}
