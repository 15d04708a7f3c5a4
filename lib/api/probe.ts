// Probe agents over the admin API: admins make, rename and remove them (the agent's token is in
// the creation answer only); an agent's own token reaches its assignments and posts its results,
// and nothing else. The wire shapes are the agent's (lib/monitors/agent/protocol.ts).
import { z } from "zod";
import type { ProbeAgentRow } from "@/db/queries/probes";
import { targetPolicy } from "../config";
import {
  agentForToken,
  createProbeAgent,
  deleteProbeAgent,
  probeAgentById,
  probeAgents,
  touchAgent,
  updateProbeAgent,
} from "../monitors/agents";
import {
  AGENT_NAME_HEADER,
  AGENT_TIME_HEADER,
  AGENT_VERSION_HEADER,
  type AssignmentsResponse,
  type ResultsBody,
} from "../monitors/agent/protocol";
import { deliverAlerts } from "../monitors/alerts";
import { acceptResults } from "../monitors/ingest";
import { agentLive, pollSeconds } from "../monitors/locations";
import { monitorPolicy } from "../monitors/scheduler";
import { listAgentMonitors } from "@/db/queries/probes";
import { isoTime } from "../time";
import { pathParam, type ApiContext, type FieldNames } from "./route";
import { text } from "./schemas";
import { agentName } from "../monitors/agent/protocol";

export const AGENT_FIELDS: FieldNames = { wrapper: "probe_agent" };

const iso = z.string();

export const agentOut = z.strictObject({
  id: z.string(),
  name: z.string().describe("What the agent runs as (--name) and what a monitor's locations list."),
  label: z.string().describe("Where it runs, as visitors read it, e.g. Frankfurt."),
  created_at: iso,
  last_seen_at: iso.nullable().describe("Its last request; null until it first connects."),
  version: z.string().nullable(),
  clock_skew_ms: z.number().nullable().describe("The agent's clock minus the server's at its last request."),
  silent: z.boolean().describe("It reported before and has now missed three polls: its votes do not count."),
});
export const agentCreatedOut = z.strictObject({
  ...agentOut.shape,
  token: z.string().describe("The agent's probe token. Shown only in this response."),
});
export const agentCreateBody = z.object({
  probe_agent: z.object({
    name: agentName.describe('Lower-case letters, digits and hyphens, e.g. "eu-west".'),
    label: text(60, "Say where it runs, e.g. Frankfurt"),
  }),
});
export const agentUpdateBody = z.object({ probe_agent: z.object({ label: text(60, "Say where it runs") }) });

function agentJson(a: ProbeAgentRow, now: number) {
  return {
    id: a.id,
    name: a.name,
    label: a.label,
    created_at: isoTime(a.createdAt)!,
    last_seen_at: isoTime(a.lastSeenAt),
    version: a.version,
    clock_skew_ms: a.clockSkewMs,
    silent: a.lastSeenAt !== null && !agentLive(a, now),
  };
}

export function listAgents(ctx: ApiContext) {
  return probeAgents(ctx.db).map((a) => agentJson(a, ctx.now));
}

export function showAgent(ctx: ApiContext) {
  return agentJson(probeAgentById(ctx.db, pathParam(ctx, "agent_id")), ctx.now);
}

export function postAgent(ctx: ApiContext<z.output<typeof agentCreateBody>>) {
  const { agent, token } = createProbeAgent(ctx.db, ctx.actor, ctx.body.probe_agent, ctx.now);
  return { ...agentJson(agent, ctx.now), token };
}

export function patchAgent(ctx: ApiContext<z.output<typeof agentUpdateBody>>) {
  return agentJson(
    updateProbeAgent(ctx.db, ctx.actor, pathParam(ctx, "agent_id"), ctx.body.probe_agent, ctx.now),
    ctx.now,
  );
}

export function removeAgent(ctx: ApiContext) {
  return agentJson(deleteProbeAgent(ctx.db, ctx.actor, pathParam(ctx, "agent_id"), ctx.now), ctx.now);
}

// ---- the agent's own routes

/** The agent calling, its clock's skew (agent minus server, ms) and version, from its headers. */
function caller(ctx: ApiContext) {
  const agent = agentForToken(ctx.db, ctx.actor.id, ctx.headers.get(AGENT_NAME_HEADER));
  const sent = Date.parse(ctx.headers.get(AGENT_TIME_HEADER) ?? "");
  const skewMs = Number.isFinite(sent) ? sent - ctx.now : null;
  return { agent, skewMs, version: ctx.headers.get(AGENT_VERSION_HEADER) };
}

export function getAssignments(ctx: ApiContext): AssignmentsResponse {
  const { agent, skewMs, version } = caller(ctx);
  const seen = touchAgent(ctx.db, agent, { now: ctx.now, version, skewMs });
  const base = targetPolicy();
  return {
    agent: { id: seen.id, name: seen.name, label: seen.label },
    server_time: new Date(ctx.now).toISOString(),
    poll_seconds: pollSeconds(),
    monitors: listAgentMonitors(ctx.db, agent.id).map((m) => {
      const policy = monitorPolicy(base, m);
      return {
        id: m.id,
        name: m.name,
        kind: m.kind,
        settings: m.settings as Record<string, unknown>,
        interval_seconds: m.intervalSeconds,
        timeout_ms: m.timeoutMs,
        allow_private: policy.allowPrivate,
        allow_metadata: policy.allowMetadata,
      };
    }),
  };
}

export function postResults(ctx: ApiContext<ResultsBody>) {
  const { agent, skewMs } = caller(ctx);
  const { response, alerts } = acceptResults(ctx.db, agent, ctx.body, { now: ctx.now, skewMs: skewMs ?? 0 });
  if (alerts.length)
    void deliverAlerts(ctx.db, alerts).catch((err: Error) =>
      console.error(`outpost: alert delivery failed: ${err.message}`),
    );
  return response;
}
