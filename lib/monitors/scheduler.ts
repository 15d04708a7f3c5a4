// The monitor scheduler. One per database: a lease row decides which process runs it (renewed
// every few seconds, taken over when it expires). Each tick starts the checks that are due, up
// to a concurrency bound; every probe has a hard deadline, so a hung target only holds its own
// slot. First checks are spread at random over one interval (jitter), so monitors created
// together do not fire together. Time comes from an injectable clock so tests can drive it.
import crypto from "node:crypto";
import type { Db } from "@/db/client";
import {
  acquireLease,
  getLease,
  listDueMonitors,
  listMonitors,
  releaseLease,
  type MonitorRow,
} from "@/db/queries/monitors";
import { deliverAlerts, deliverStaffNotices, type StaffNotice } from "./alerts";
import { watchAgents } from "./agents";
import { confirmAlerts } from "../alerts/ingest";
import { listTrustedAlertComponents } from "@/db/queries/alerts";
import { reconcileComponent, recordCheck, type Alert, type CheckOutcome } from "./engine";
import type { ProbeResult } from "./probes/types";
import { runProbe } from "./registry";
import { prune, rollUp } from "./rollups";
import { inTransaction } from "@/db/client";
import { storageError } from "../errors";
import { targetPolicy } from "../config";
import type { TargetPolicy } from "../net/targets";

export type Clock = {
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
};

export const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  setInterval: (fn, ms) => {
    const t = setInterval(fn, ms);
    t.unref?.();
    return t;
  },
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

export type SchedulerOptions = {
  clock?: Clock;
  owner?: string;
  concurrency?: number;
  tickMs?: number;
  leaseTtlMs?: number;
  leaseRenewMs?: number;
  retentionDays?: number;
  housekeepingMs?: number;
  rollupMs?: number;
  pruneMs?: number;
  /** What monitors may reach (default: from the configuration); a monitor's internal-target flag adds private addresses. */
  targets?: TargetPolicy;
  probe?: (m: MonitorRow, now: number) => Promise<ProbeResult>;
  onAlerts?: (alerts: Alert[]) => Promise<unknown>;
  /** How often probe agents are looked at for silence (ms). */
  agentWatchMs?: number;
  onNotices?: (notices: StaffNotice[]) => Promise<unknown>;
  onCheck?: (outcome: CheckOutcome) => void;
};

/** A check later than this against its schedule counts as late (for /api/health). */
export const LATE_AFTER_MS = 5_000;
/** Extra time past a probe's own timeout before the scheduler gives up on it. */
const GUARD_MS = 2_000;
const LATENESS_SAMPLES = 10_000;

export function nextDue(due: number, intervalSeconds: number, now: number): number {
  const step = intervalSeconds * 1000;
  const next = due + step;
  // Fell a whole interval behind (the process slept): start afresh from now.
  return next > now ? next : now + step;
}

/** The policy for one monitor: metadata addresses stay the operator's call, whatever the flag says. */
export function monitorPolicy(base: TargetPolicy, m: Pick<MonitorRow, "internalTarget">): TargetPolicy {
  return { allowPrivate: base.allowPrivate || m.internalTarget, allowMetadata: base.allowMetadata };
}

function defaultProbe(targets: TargetPolicy) {
  return (m: MonitorRow, now: number): Promise<ProbeResult> =>
    runProbe(m.kind, m.settings, {
      timeoutMs: m.timeoutMs,
      now,
      lastBeatAt: m.lastBeatAt,
      createdAt: m.createdAt,
      policy: monitorPolicy(targets, m),
    });
}

export class MonitorScheduler {
  readonly owner: string;
  private readonly clock: Clock;
  private readonly o: Required<Omit<SchedulerOptions, "clock" | "owner" | "onCheck" | "targets">> &
    Pick<SchedulerOptions, "onCheck">;
  private readonly inFlight = new Map<string, Promise<void>>();
  private timer: unknown = null;
  private holding = false;
  private leaseCheckedAt = -Infinity;
  private lastHousekeeping: number | null = null;
  private lastRollup: number | null = null;
  private lastPrune = -Infinity;
  private lastAgentWatch = -Infinity;
  private ticking = false;
  /** While the database cannot be written (read-only, disk full): no ticks until then. */
  private backoffUntil = -Infinity;
  private backoffMs = 0;
  /** Recent check-start lateness in ms (for the benchmark and the staff page). */
  readonly lateness: number[] = [];

  constructor(
    private readonly db: Db,
    opts: SchedulerOptions = {},
  ) {
    this.clock = opts.clock ?? REAL_CLOCK;
    this.owner = opts.owner ?? `${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
    this.o = {
      concurrency: opts.concurrency ?? 64,
      tickMs: opts.tickMs ?? 100,
      leaseTtlMs: opts.leaseTtlMs ?? 30_000,
      leaseRenewMs: opts.leaseRenewMs ?? 5_000,
      retentionDays: opts.retentionDays ?? 14,
      housekeepingMs: opts.housekeepingMs ?? 60_000,
      // The current hour is re-read whole: every few minutes is plenty for hourly charts.
      rollupMs: opts.rollupMs ?? 5 * 60_000,
      pruneMs: opts.pruneMs ?? 3_600_000,
      probe: opts.probe ?? defaultProbe(opts.targets ?? targetPolicy()),
      onAlerts: opts.onAlerts ?? ((alerts) => deliverAlerts(db, alerts)),
      agentWatchMs: opts.agentWatchMs ?? 5_000,
      onNotices: opts.onNotices ?? ((notices) => deliverStaffNotices(db, notices)),
      onCheck: opts.onCheck,
    };
  }

  start(): () => void {
    if (this.timer === null) this.timer = this.clock.setInterval(() => void this.tick(), this.o.tickMs);
    void this.tick();
    return () => this.stop();
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearInterval(this.timer);
    this.timer = null;
    if (this.holding) releaseLease(this.db, this.owner);
    this.holding = false;
  }

  get isLeader(): boolean {
    return this.holding;
  }

  /** Takes or renews the lease every few seconds; false while another process holds it. */
  private lease(now: number): boolean {
    if (now - this.leaseCheckedAt >= this.o.leaseRenewMs || !this.holding) {
      this.leaseCheckedAt = now;
      this.holding = acquireLease(this.db, this.owner, now, this.o.leaseTtlMs);
    }
    return this.holding;
  }

  /** Starts the due checks (without waiting for them) and runs housekeeping when due. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const now = this.clock.now();
      if (now < this.backoffUntil) return;
      if (!this.lease(now)) return;
      this.startDue(now);
      if (now - this.lastAgentWatch >= this.o.agentWatchMs) {
        this.watchAgents(now);
        // Alerts that have now fired for their rule's time start to count (same few-second cadence).
        inTransaction(this.db, () => confirmAlerts(this.db, now));
      }
      if (this.lastHousekeeping === null || now - this.lastHousekeeping >= this.o.housekeepingMs)
        this.housekeeping(now);
    } catch (err) {
      if (!this.storageTrouble(err)) console.error(`outpost: monitor scheduler tick failed: ${(err as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }

  /** One tick, then waits for every check it started: the test's and the benchmark's step. */
  async runDue(): Promise<number> {
    const before = new Set(this.inFlight.keys());
    await this.tick();
    const started = [...this.inFlight].filter(([id]) => !before.has(id)).map(([, p]) => p);
    await Promise.all(started);
    return started.length;
  }

  /** Waits for the checks under way. */
  async idle(): Promise<void> {
    await Promise.all(this.inFlight.values());
  }

  private startDue(now: number): void {
    const free = this.o.concurrency - this.inFlight.size;
    if (free <= 0) return;
    const due = listDueMonitors(this.db, now, free + this.inFlight.size)
      .filter((m) => !this.inFlight.has(m.id))
      .slice(0, free);
    for (const m of due) {
      const run = this.check(m, now).finally(() => this.inFlight.delete(m.id));
      this.inFlight.set(m.id, run);
    }
  }

  private async guardedProbe(m: MonitorRow, now: number): Promise<ProbeResult> {
    let timer: NodeJS.Timeout | undefined;
    const guard = new Promise<ProbeResult>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            ok: false,
            latencyMs: null,
            error: `The check did not finish within ${m.timeoutMs + GUARD_MS} ms`,
          }),
        m.timeoutMs + GUARD_MS,
      );
      timer.unref?.();
    });
    try {
      return await Promise.race([
        this.o.probe(m, now).catch((err: Error) => ({ ok: false, latencyMs: null, error: err.message })),
        guard,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async check(m: MonitorRow, startedAt: number): Promise<void> {
    const lateMs = Math.max(0, startedAt - m.nextCheckAt);
    if (this.lateness.length >= LATENESS_SAMPLES) this.lateness.shift();
    this.lateness.push(lateMs);
    try {
      const result = await this.guardedProbe(m, startedAt);
      const now = this.clock.now();
      const outcome = recordCheck(this.db, m, result, {
        now,
        lateMs,
        nextCheckAt: nextDue(m.nextCheckAt, m.intervalSeconds, now),
      });
      this.backoffMs = 0; // writes work again
      this.o.onCheck?.(outcome);
      if (outcome.alerts.length)
        this.o
          .onAlerts(outcome.alerts)
          .catch((err) => console.error(`outpost: alert delivery failed: ${(err as Error).message}`));
    } catch (err) {
      if (!this.storageTrouble(err)) console.error(`outpost: monitor ${m.id} check failed: ${(err as Error).message}`);
    }
  }

  /**
   * A database that cannot be written fails every check and tick alike: rather than retrying
   * (and logging) ten times a second, pause, doubling from 1 s to a minute, with one line per pause.
   */
  private storageTrouble(err: unknown): boolean {
    const storage = storageError(err);
    if (!storage) return false;
    const now = this.clock.now();
    if (now < this.backoffUntil) return true;
    this.backoffMs = Math.min(this.backoffMs ? this.backoffMs * 2 : 1000, 60_000);
    this.backoffUntil = now + this.backoffMs;
    console.error(
      `outpost: monitor scheduler paused for ${this.backoffMs / 1000} s: ${storage.message} (${(err as { code?: string }).code})`,
    );
    return true;
  }

  /** Probe agents that fell silent (or came back): staff are told, and their monitors' verdicts are taken again. */
  private watchAgents(now: number): void {
    this.lastAgentWatch = now;
    const { notices, outcomes } = watchAgents(this.db, now);
    for (const n of notices) console.log(`outpost: ${n.title}`);
    if (notices.length)
      this.o
        .onNotices(notices)
        .catch((err) => console.error(`outpost: notice delivery failed: ${(err as Error).message}`));
    const alerts = outcomes.flatMap((o) => o.alerts);
    if (alerts.length)
      this.o
        .onAlerts(alerts)
        .catch((err) => console.error(`outpost: alert delivery failed: ${(err as Error).message}`));
  }

  /** Roll-ups, pruning, and re-reconciling components (maintenance windows end, incidents close). */
  housekeeping(now: number): void {
    this.lastHousekeeping = now;
    try {
      if (this.lastRollup === null || now - this.lastRollup >= this.o.rollupMs) {
        rollUp(this.db, now, this.lastRollup);
        this.lastRollup = now;
      }
      if (now - this.lastPrune >= this.o.pruneMs) {
        prune(this.db, now, this.o.retentionDays);
        this.lastPrune = now;
      }
      // Components whose status monitors or trusted alerts may set (a maintenance may have ended).
      const componentIds = new Set([
        ...listMonitors(this.db).map((m) => m.componentId),
        ...listTrustedAlertComponents(this.db),
      ]);
      for (const id of componentIds) inTransaction(this.db, () => reconcileComponent(this.db, id, now));
    } catch (err) {
      if (!this.storageTrouble(err)) console.error(`outpost: monitor housekeeping failed: ${(err as Error).message}`);
    }
  }
}

/** When the scheduler (in whichever process holds the lease) last ran. */
export function schedulerLastRun(db: Db): number | null {
  return getLease(db)?.lastRunAt ?? null;
}
