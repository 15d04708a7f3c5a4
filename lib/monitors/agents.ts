// Probe agents: staff verbs (admins make, rename and remove them; each gets its own `probe` token,
// shown once), what an agent's own requests record (last contact, version, clock skew), and the
// silent-agent watch. Each write is one transaction with its audit row.
import { z } from "zod";
import { inTransaction, type Db } from "@/db/client";
import type { MonitorRow } from "@/db/queries/monitors";
import { getMonitor, updateMonitorRow } from "@/db/queries/monitors";
import {
  deleteAgentRow,
  findAgentByName,
  findAgentByToken,
  getAgent,
  insertAgent,
  listAgents,
  listLocations,
  LOCAL,
  replaceLocations,
  updateAgentRow,
  type ProbeAgentRow,
} from "@/db/queries/probes";
import { assertAdmin } from "../accounts";
import { config } from "../config";
import { recordAudit, type Actor } from "../audit";
import { AppError } from "../errors";
import { newId } from "../ids";
import { issueToken, revokeTokenRow } from "../tokens";
import { parse } from "../validation";
import { agentName } from "./agent/protocol";
import { refreshVerdict, type CheckOutcome } from "./engine";
import { agentLive, silentAfterMs } from "./locations";
import type { StaffNotice } from "./alerts";

const labelField = z
  .string({ error: "Say where it runs, e.g. Frankfurt" })
  .trim()
  .min(1, "Say where it runs, e.g. Frankfurt")
  .max(60, "At most 60 characters");

const createInput = z.object({ name: agentName, label: labelField });
const updateInput = z.object({ label: labelField });

function mustAgent(db: Db, id: string): ProbeAgentRow {
  const agent = getAgent(db, id);
  if (!agent) throw new AppError("not_found", `No probe agent has the id ${id}`);
  return agent;
}

/** What the audit log and the API show of an agent (never its token). */
export function publicAgent(a: ProbeAgentRow) {
  return {
    id: a.id,
    name: a.name,
    label: a.label,
    createdAt: a.createdAt,
    lastSeenAt: a.lastSeenAt,
    version: a.version,
    clockSkewMs: a.clockSkewMs,
    silentSince: a.silentSince,
  };
}

/** Makes an agent and its probe token (the secret is returned once). */
export function createProbeAgent(
  db: Db,
  actor: Actor,
  raw: { name: string; label: string },
  now = Date.now(),
): { agent: ProbeAgentRow; token: string } {
  assertAdmin(actor);
  const input = parse(createInput, raw);
  return inTransaction(db, () => {
    if (findAgentByName(db, input.name))
      throw new AppError("conflict", `A probe agent is already named ${input.name}`, { name: ["already taken"] });
    const { token, row } = issueToken(db, actor, `probe agent ${input.name}`, "probe", now);
    const agent = insertAgent(db, {
      id: newId(),
      name: input.name,
      label: input.label,
      tokenId: row.id,
      createdAt: now,
    });
    recordAudit(
      db,
      actor,
      "probe_agent.create",
      { type: "probe_agent", id: agent.id },
      undefined,
      publicAgent(agent),
      now,
    );
    return { agent, token };
  });
}

export function updateProbeAgent(
  db: Db,
  actor: Actor,
  id: string,
  raw: { label: string },
  now = Date.now(),
): ProbeAgentRow {
  assertAdmin(actor);
  const input = parse(updateInput, raw);
  return inTransaction(db, () => {
    const before = mustAgent(db, id);
    const after = updateAgentRow(db, id, { label: input.label });
    recordAudit(
      db,
      actor,
      "probe_agent.update",
      { type: "probe_agent", id },
      publicAgent(before),
      publicAgent(after),
      now,
    );
    return after;
  });
}

/**
 * Removes an agent: its token is revoked and its locations leave their monitors. A monitor left
 * with the server alone goes back to being checked as before agents; one left with nothing is
 * checked by the server, so no monitor silently stops.
 */
export function deleteProbeAgent(db: Db, actor: Actor, id: string, now = Date.now()): ProbeAgentRow {
  assertAdmin(actor);
  return inTransaction(db, () => {
    const before = mustAgent(db, id);
    const touched = [
      ...new Set(
        listLocations(db)
          .filter((l) => l.location === id)
          .map((l) => l.monitorId),
      ),
    ];
    revokeTokenRow(db, actor, before.tokenId, now);
    deleteAgentRow(db, id);
    for (const monitorId of touched) {
      const left = listLocations(db, [monitorId]).map((l) => l.location);
      if (left.every((l) => l === LOCAL)) {
        replaceLocations(db, monitorId, []);
        updateMonitorRow(db, monitorId, { checksLocally: true, updatedAt: now });
      } else {
        const monitor = getMonitor(db, monitorId);
        if (monitor) refreshVerdict(db, monitor, now);
      }
    }
    recordAudit(db, actor, "probe_agent.delete", { type: "probe_agent", id }, publicAgent(before), null, now);
    return before;
  });
}

/** Every agent, for staff (anyone signed in may look; only admins change them). */
export function probeAgents(db: Db): ProbeAgentRow[] {
  return listAgents(db);
}

export function probeAgentById(db: Db, id: string): ProbeAgentRow {
  return mustAgent(db, id);
}

/**
 * The agent a probe token belongs to, after checking the name it says it runs as: a token copied
 * to the wrong host is refused with a line that says so.
 */
export function agentForToken(db: Db, tokenId: string | null, claimedName: string | null): ProbeAgentRow {
  const agent = tokenId ? findAgentByToken(db, tokenId) : undefined;
  if (!agent) throw new AppError("forbidden", "This probe token belongs to no probe agent");
  if (claimedName !== null && claimedName !== agent.name)
    throw new AppError(
      "forbidden",
      `This token belongs to the probe agent ${agent.name}, not ${claimedName.slice(0, 40)}: run it with --name ${agent.name}`,
    );
  return agent;
}

/** Records an agent's request: its last contact, version and clock skew (agent minus server, ms). */
export function touchAgent(
  db: Db,
  agent: ProbeAgentRow,
  seen: { now: number; version: string | null; skewMs: number | null },
): ProbeAgentRow {
  return updateAgentRow(db, agent.id, {
    lastSeenAt: seen.now,
    ...(seen.version ? { version: seen.version.slice(0, 40) } : {}),
    ...(seen.skewMs !== null ? { clockSkewMs: Math.round(seen.skewMs) } : {}),
  });
}

/** The monitors an agent checks (their rows), for the verdicts to refresh when it falls silent or returns. */
function monitorsAt(db: Db, agentId: string): MonitorRow[] {
  return [
    ...new Set(
      listLocations(db)
        .filter((l) => l.location === agentId)
        .map((l) => l.monitorId),
    ),
  ]
    .map((id) => getMonitor(db, id))
    .filter((m): m is MonitorRow => !!m);
}

/**
 * The silent-agent watch: an agent that has reported before and missed three polls is marked
 * silent (one notice to staff) and its votes stop counting; when it reports again it is marked
 * back (another notice). Returns the notices and what the changed verdicts did.
 */
export function watchAgents(db: Db, now: number): { notices: StaffNotice[]; outcomes: CheckOutcome[] } {
  const notices: StaffNotice[] = [];
  const outcomes: CheckOutcome[] = [];
  for (const agent of listAgents(db)) {
    if (agent.lastSeenAt === null) continue;
    const live = agentLive(agent, now);
    if (live === (agent.silentSince === null)) continue;
    const url = `${config().publicUrl}/admin/probe-agents`;
    inTransaction(db, () => {
      updateAgentRow(db, agent.id, { silentSince: live ? null : now });
      for (const monitor of monitorsAt(db, agent.id)) {
        const outcome = refreshVerdict(db, monitor, now);
        if (outcome) outcomes.push(outcome);
      }
    });
    const last = new Date(agent.lastSeenAt).toISOString();
    notices.push(
      live
        ? {
            title: `BACK: probe agent ${agent.name} (${agent.label}) reports again`,
            text: `The probe agent ${agent.name} reports again; its locations vote again.`,
            url,
            severity: "ok",
          }
        : {
            title: `SILENT: probe agent ${agent.name} (${agent.label})`,
            text: `The probe agent ${agent.name} has not reported since ${last} (over ${Math.round(silentAfterMs() / 1000)} s). Its locations do not count as failures or successes until it returns.`,
            url,
            severity: "warning",
          },
    );
  }
  return { notices, outcomes };
}
