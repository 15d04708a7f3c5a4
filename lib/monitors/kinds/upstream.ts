// Upstream status page: follows one component of another Statuspage-compatible page.
import { z } from "zod";
import { defineKind } from "../kind";
import { probeUpstream } from "../probes/upstream";
import { httpUrl, urlHost } from "./common";

const settings = z.object({
  url: httpUrl("status page URL"),
  component: z
    .string({ error: "Name the upstream component (its id or name)" })
    .trim()
    .min(1, "Name the upstream component (its id or name)")
    .max(200),
});
export type UpstreamSettings = z.output<typeof settings>;

export const upstream = defineKind({
  id: "upstream",
  label: "Upstream status page",
  settings,
  apiSettings: "url (a Statuspage-compatible page), component (id or name)",
  example: { url: "https://status.provider.com", component: "API" },
  fields: [
    { key: "url", label: "Status page URL", type: "url", required: true, placeholder: "https://status.provider.com" },
    { key: "component", label: "Component (id or name)", type: "text", required: true },
  ],
  probe: probeUpstream,
  host: (s) => urlHost(s.url),
  measuresLatency: true,
  heartbeatUrl: false,
});
