// Where a monitor is checked from, and what its locations say together. The server itself is the
// "local" location; each probe agent is another. A location's vote counts while it reports: a
// probe agent silent for three polls has none (a dead agent is not a failure).
import type { Db } from "@/db/client";
import { listMonitors, type MonitorRow } from "@/db/queries/monitors";
import { LOCAL, listAgents, listLocations, type LocationRow, type ProbeAgentRow } from "@/db/queries/probes";
import { config } from "../config";
import type { MonitorHealth } from "../constants";
import { quorumHealth, requiredQuorum, type LocationVote } from "./evaluate";
import type { LocatedMonitor, PublicLocation } from "./location-types";

export type { LocatedMonitor, PublicLocation } from "./location-types";

/** How often agents fetch their assignments (their heartbeat): OUTPOST_PROBE_POLL_SECONDS. */
export function pollSeconds(): number {
  return config().monitors.probePollSeconds;
}

/** An agent not heard from for three polls is silent: staff are alerted and its votes stop counting. */
export function silentAfterMs(): number {
  return 3 * pollSeconds() * 1000;
}

export function agentLive(agent: Pick<ProbeAgentRow, "lastSeenAt">, now: number): boolean {
  return agent.lastSeenAt !== null && now - agent.lastSeenAt < silentAfterMs();
}

export type LocationView = LocationRow & { name: string; label: string; live: boolean };

/** A monitor's locations with their names and whether each is reporting; agents by id when given. */
export function locationViews(
  rows: readonly LocationRow[],
  agents: ReadonlyMap<string, ProbeAgentRow>,
  now: number,
  localLabel: string,
): LocationView[] {
  const views = rows.flatMap((row) => {
    if (row.location === LOCAL) return [{ ...row, name: LOCAL, label: localLabel, live: true }];
    const agent = agents.get(row.location);
    return agent ? [{ ...row, name: agent.name, label: agent.label, live: agentLive(agent, now) }] : [];
  });
  // The server first, then the agents by name.
  return views.sort((a, b) => Number(b.name === LOCAL) - Number(a.name === LOCAL) || a.name.localeCompare(b.name));
}

export function agentsById(db: Db): Map<string, ProbeAgentRow> {
  return new Map(listAgents(db).map((a) => [a.id, a]));
}

export type Verdict = { health: MonitorHealth; note: string | null; locations: LocationView[]; quorum: number };

/** Staff's one line on a split verdict: "Down from eu-west; up from local, us-east; silent: ap-south". */
export function verdictNote(views: readonly LocationView[]): string | null {
  const named = (pick: (v: LocationView) => boolean) =>
    views
      .filter(pick)
      .map((v) => v.name)
      .join(", ");
  const down = named((v) => v.live && v.health === "down");
  if (!down) return null;
  const parts = [`Down from ${down}`];
  const up = named((v) => v.live && v.health !== "down" && v.health !== "unknown");
  if (up) parts.push(`up from ${up}`);
  const silent = named((v) => !v.live);
  if (silent) parts.push(`silent: ${silent}`);
  return parts.join("; ");
}

/**
 * A located monitor's health now, from its locations' own states (inside the caller's
 * transaction). A caller that read them already in the same transaction passes the monitor's
 * location rows and the agents, so a batch of results does not read them again for each result.
 */
export function locationVerdict(
  db: Db,
  monitor: MonitorRow,
  now: number,
  known: { rows?: readonly LocationRow[]; agents?: ReadonlyMap<string, ProbeAgentRow> } = {},
): Verdict {
  const rows = known.rows ?? listLocations(db, [monitor.id]);
  const views = locationViews(rows, known.agents ?? agentsById(db), now, LOCAL);
  const votes: LocationVote[] = views.map((v) => ({ location: v.name, health: v.health, live: v.live }));
  return {
    health: quorumHealth(votes, monitor.quorum),
    note: verdictNote(views),
    locations: views,
    quorum: requiredQuorum(views.length, monitor.quorum),
  };
}

const publicHealth = (v: LocationView): PublicLocation["health"] =>
  !v.live || v.health === "regional" ? "unknown" : v.health;

/** Every unpaused monitor that has locations, by component (for the snapshot). */
export function locatedMonitorsView(db: Db, now: number, localLabel: string | null): Map<string, LocatedMonitor[]> {
  const rows = listLocations(db);
  const out = new Map<string, LocatedMonitor[]>();
  if (rows.length === 0) return out;
  const agents = agentsById(db);
  const byMonitor = new Map<string, LocationRow[]>();
  for (const r of rows) byMonitor.set(r.monitorId, [...(byMonitor.get(r.monitorId) ?? []), r]);
  for (const monitor of listMonitors(db)) {
    const own = byMonitor.get(monitor.id);
    if (!own || monitor.paused) continue;
    const views = locationViews(own, agents, now, localLabel ?? LOCAL);
    const located: LocatedMonitor = {
      id: monitor.id,
      name: monitor.name,
      verdict: monitor.health,
      quorum: requiredQuorum(views.length, monitor.quorum),
      locations: views.map((v) => ({
        name: v.name,
        label: v.name === LOCAL ? localLabel : v.label,
        health: publicHealth(v),
        reporting: v.live,
        lastCheckedAt: v.lastCheckedAt,
        latencyMs: v.lastLatencyMs,
      })),
    };
    out.set(monitor.componentId, [...(out.get(monitor.componentId) ?? []), located]);
  }
  return out;
}

/** Every place checks come from: the server, then each probe agent, with whether it reports. */
export function probeLocationsView(
  db: Db,
  now: number,
  localLabel: string | null,
): { name: string; label: string | null; reporting: boolean; lastSeenAt: number | null }[] {
  return [
    { name: LOCAL, label: localLabel, reporting: true, lastSeenAt: now },
    ...listAgents(db).map((a) => ({
      name: a.name,
      label: a.label,
      reporting: agentLive(a, now),
      lastSeenAt: a.lastSeenAt,
    })),
  ];
}
