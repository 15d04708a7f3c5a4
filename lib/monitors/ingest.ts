// A probe agent's batch of results, accepted in one transaction: each result is recorded at its
// location (with its own anti-flap state) and the monitor's verdict is taken again by quorum.
// Batches are idempotent by (agent, boot, seq): what was accepted before is counted as a duplicate
// and changes nothing, so an agent may send a batch again after a lost answer.
import { inTransaction, type Db } from "@/db/client";
import { listAgentMonitors, updateAgentRow, type ProbeAgentRow } from "@/db/queries/probes";
import type { ResultsBody, ResultsResponse } from "./agent/protocol";
import { recordCheck, type Alert, type CheckOutcome } from "./engine";
import { agentsById, pollSeconds } from "./locations";

export type IngestOutcome = { response: ResultsResponse; alerts: Alert[]; outcomes: CheckOutcome[] };

/**
 * `skewMs` is the agent's clock minus the server's, measured on this request: each result's time
 * is corrected by it, and never lands in the future.
 */
export function acceptResults(
  db: Db,
  agent: ProbeAgentRow,
  body: ResultsBody,
  seen: { now: number; skewMs: number },
): IngestOutcome {
  return inTransaction(db, () => {
    // Heard from now: its votes count from this batch on.
    updateAgentRow(db, agent.id, { lastSeenAt: seen.now });
    const sameBoot = agent.boot === body.agent.boot;
    const acked = sameBoot ? agent.ackedSeq : 0;
    // Only the monitors this batch names: an agent's results come a few dozen at a time.
    const named = [...new Set(body.results.map((r) => r.monitor_id))];
    const assigned = new Map(listAgentMonitors(db, agent.id, named).map((m) => [m.id, m]));
    // Every agent, read once for the batch (each result's verdict needs them): in this
    // transaction only this agent's row changes, just above and after the last result.
    const agents = agentsById(db);
    const from = { id: agent.id, name: agent.name };
    let accepted = 0;
    let duplicates = 0;
    let ignored = 0;
    let highest = acked;
    const alerts: Alert[] = [];
    const outcomes: CheckOutcome[] = [];
    for (const r of body.results) {
      if (r.seq <= acked) {
        duplicates++;
        continue;
      }
      highest = Math.max(highest, r.seq);
      const monitor = assigned.get(r.monitor_id);
      if (!monitor) {
        ignored++;
        continue;
      }
      const at = Math.min(seen.now, Date.parse(r.at) - seen.skewMs);
      const outcome = recordCheck(
        db,
        monitor,
        { ok: r.ok, degraded: r.degraded, latencyMs: r.latency_ms, error: r.error },
        { now: at, lateMs: 0 },
        from,
        agents,
      );
      accepted++;
      alerts.push(...outcome.alerts);
      if (outcome.from !== outcome.monitor.health) outcomes.push(outcome);
    }
    updateAgentRow(db, agent.id, {
      boot: body.agent.boot,
      ackedSeq: highest,
      lastSeenAt: seen.now,
      version: body.agent.version,
      clockSkewMs: Math.round(seen.skewMs),
    });
    return {
      response: {
        accepted,
        duplicates,
        ignored,
        acked_seq: highest,
        server_time: new Date(seen.now).toISOString(),
        poll_seconds: pollSeconds(),
      },
      alerts,
      outcomes,
    };
  });
}
