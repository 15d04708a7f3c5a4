// The probe agents page's read model: each agent, whether it reports, and how many monitors it checks.
import { getDb, type Db } from "@/db/client";
import { listAgents, listLocations } from "@/db/queries/probes";
import { agentLive } from "../monitors/locations";

export type AgentState = "waiting" | "reporting" | "silent";

export function probeAgentsView(db: Db = getDb(), now = Date.now()) {
  const counts = new Map<string, number>();
  for (const l of listLocations(db)) counts.set(l.location, (counts.get(l.location) ?? 0) + 1);
  return listAgents(db).map((a) => ({
    id: a.id,
    name: a.name,
    label: a.label,
    lastSeenAt: a.lastSeenAt,
    version: a.version,
    clockSkewMs: a.clockSkewMs,
    silentSince: a.silentSince,
    monitors: counts.get(a.id) ?? 0,
    state: (a.lastSeenAt === null ? "waiting" : agentLive(a, now) ? "reporting" : "silent") as AgentState,
  }));
}

/** The places a monitor form offers besides this server: every probe agent's name and place. */
export function monitorPlacesView(db: Db = getDb()) {
  return listAgents(db).map((a) => ({ name: a.name, label: a.label }));
}
