// Upstream status page: reads another Statuspage-compatible page's /api/v2/components.json and
// follows one component (by id or name). Degraded upstream: degraded; any outage: failed.
import { z } from "zod";
import { defineKind } from "../kind";
import { probeHttpBody } from "../probes/http-body";
import { fail, type ProbeContext, type ProbeResult } from "../probes/types";
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

export function componentsUrl(url: string): string {
  if (/\.json(\?.*)?$/.test(url)) return url;
  return `${url.replace(/\/+$/, "")}/api/v2/components.json`;
}

type UpstreamComponent = { id?: string; name?: string; status?: string };

export async function probeUpstream(s: UpstreamSettings, ctx: ProbeContext): Promise<ProbeResult> {
  const got = await probeHttpBody(componentsUrl(s.url), ctx.timeoutMs, ctx.policy, ctx.location);
  if (!got.ok) return fail(got.error, got.latencyMs);
  let list: UpstreamComponent[];
  try {
    const doc = JSON.parse(got.body) as { components?: UpstreamComponent[] };
    if (!Array.isArray(doc.components)) throw new Error("no components list");
    list = doc.components;
  } catch {
    return fail("The upstream page did not answer with Statuspage components JSON", got.latencyMs);
  }
  const want = s.component.toLowerCase();
  const c = list.find((x) => x.id === s.component) ?? list.find((x) => x.name?.toLowerCase() === want);
  if (!c) return fail(`The upstream page has no component “${s.component}”`, got.latencyMs);
  const name = c.name ?? s.component;
  switch (c.status) {
    case "operational":
    case "under_maintenance":
      return { ok: true, latencyMs: got.latencyMs, error: null };
    case "degraded_performance":
      return { ok: true, degraded: true, latencyMs: got.latencyMs, error: `Upstream ${name}: degraded performance` };
    case "partial_outage":
    case "major_outage":
      return fail(`Upstream ${name}: ${c.status.replace("_", " ")}`, got.latencyMs);
    default:
      return fail(`Upstream ${name}: unknown status ${String(c.status).slice(0, 40)}`, got.latencyMs);
  }
}

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
