// The agent's schedule: each assigned monitor is checked every interval_seconds, its first check
// spread at random over one interval (monitors assigned together do not fire together), at most
// `concurrency` at once, each with a hard deadline (its timeout plus a guard, as the server's own
// scheduler does). New assignments replace the old: added monitors start, removed ones stop and
// changed settings apply from the next check. The probes are the server's own (../registry).
import type { ProbeResult } from "../probes/types";
import { findKind, runProbe, type MonitorKind, type MonitorSettings } from "../registry";
import type { Assignment } from "./protocol";
import type { Pending } from "./buffer";

/** Extra time past a probe's own timeout before the runner gives up on it (as the scheduler does). */
export const GUARD_MS = 2_000;

/** A check that is ready to run: the assignment and its validated settings. */
export type Runnable = { a: Assignment; kind: MonitorKind; settings: MonitorSettings };

export type ProbeFn = (m: Runnable, now: number) => Promise<ProbeResult>;

export type RunnerOptions = {
  concurrency: number;
  onResult: (r: Pending) => void;
  log?: (line: string) => void;
  now?: () => number;
  random?: () => number;
  tickMs?: number;
  guardMs?: number;
  probe?: ProbeFn;
  /** This agent's name, sent with HTTP checks (used by the default probe). */
  location?: string;
};

type Entry = { m: Runnable; due: number; running: boolean };

/** The server's own probes; HTTP checks say which location they come from (x-outpost-location). */
export const agentProbe =
  (location?: string): ProbeFn =>
  ({ a, kind, settings }, now) =>
    runProbe(kind, settings, {
      timeoutMs: a.timeout_ms,
      now,
      policy: { allowPrivate: a.allow_private, allowMetadata: a.allow_metadata },
      location,
    });

/** The next time a monitor is due; a whole interval behind (the host slept) starts afresh from now. */
export function nextDue(due: number, intervalSeconds: number, now: number): number {
  const next = due + intervalSeconds * 1000;
  return next > now ? next : now + intervalSeconds * 1000;
}

/** Why an assignment cannot run here, or its validated settings. */
export function prepare(a: Assignment): { ok: true; m: Runnable } | { ok: false; why: string } {
  const kind = findKind(a.kind);
  if (!kind) return { ok: false, why: `kind "${a.kind}" is unknown to this agent (a newer server?)` };
  if (kind.heartbeatUrl) return { ok: false, why: `a ${kind.id} monitor is not checked from a location` };
  const settings = kind.settings.safeParse(a.settings);
  if (!settings.success) {
    const issue = settings.error.issues[0];
    return {
      ok: false,
      why: `invalid settings${issue?.path.length ? ` (${issue.path.join(".")})` : ""}: ${issue?.message}`,
    };
  }
  return { ok: true, m: { a, kind: kind.id, settings: settings.data } };
}

const toPending = (a: Assignment, startedAt: number, r: ProbeResult): Pending => ({
  monitor_id: a.id,
  at: new Date(startedAt).toISOString(),
  ok: r.ok,
  ...(r.degraded ? { degraded: true } : {}),
  latency_ms: r.latencyMs === null ? null : Math.min(600_000, Math.max(0, Math.round(r.latencyMs))),
  error: r.error === null ? null : r.error.slice(0, 500),
});

export class Runner {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly told = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly probe: ProbeFn;
  private readonly log: (line: string) => void;

  constructor(private readonly o: RunnerOptions) {
    this.now = o.now ?? Date.now;
    this.random = o.random ?? Math.random;
    this.probe = o.probe ?? agentProbe(o.location);
    this.log = o.log ?? (() => {});
  }

  /** How many monitors are being checked. */
  get size(): number {
    return this.entries.size;
  }

  /** Replaces the assignments; returns the ones skipped (each logged once) with why. */
  setAssignments(list: readonly Assignment[]): { id: string; why: string }[] {
    const now = this.now();
    const skipped: { id: string; why: string }[] = [];
    const keep = new Set<string>();
    for (const a of list) {
      const p = prepare(a);
      if (!p.ok) {
        skipped.push({ id: a.id, why: p.why });
        const key = `${a.id}\n${p.why}`;
        if (!this.told.has(key)) {
          this.told.add(key);
          this.log(`skipping monitor ${a.id} (${a.name.slice(0, 80)}): ${p.why}`);
        }
        continue;
      }
      keep.add(a.id);
      const entry = this.entries.get(a.id);
      if (!entry) {
        this.entries.set(a.id, { m: p.m, due: now + this.random() * a.interval_seconds * 1000, running: false });
        continue;
      }
      // A shorter interval must not wait out the old, longer one.
      if (a.interval_seconds < entry.m.a.interval_seconds)
        entry.due = Math.min(entry.due, now + a.interval_seconds * 1000);
      entry.m = p.m;
    }
    for (const id of this.entries.keys()) if (!keep.has(id)) this.entries.delete(id);
    return skipped;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.o.tickMs ?? 100);
    this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Starts the due checks, most overdue first, up to the concurrency bound; returns how many. */
  tick(): number {
    const free = this.o.concurrency - this.inFlight.size;
    if (free <= 0) return 0;
    const now = this.now();
    const due = [...this.entries.values()]
      .filter((e) => !e.running && e.due <= now)
      .sort((x, y) => x.due - y.due)
      .slice(0, free);
    for (const e of due) {
      const run = this.check(e, now).finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
    }
    return due.length;
  }

  /** Waits for the checks under way (tests; a graceful stop does not wait for them). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  private async check(e: Entry, startedAt: number): Promise<void> {
    e.running = true;
    const { m } = e;
    try {
      const result = await this.guarded(m, startedAt);
      // Removed while it ran: the server no longer wants it.
      if (this.entries.get(m.a.id) !== e) return;
      this.o.onResult(toPending(m.a, startedAt, result));
    } finally {
      e.running = false;
      e.due = nextDue(e.due, e.m.a.interval_seconds, this.now());
    }
  }

  private async guarded(m: Runnable, now: number): Promise<ProbeResult> {
    const limit = m.a.timeout_ms + (this.o.guardMs ?? GUARD_MS);
    let timer: NodeJS.Timeout | undefined;
    const guard = new Promise<ProbeResult>((resolve) => {
      timer = setTimeout(
        () => resolve({ ok: false, latencyMs: null, error: `The check did not finish within ${limit} ms` }),
        limit,
      );
    });
    try {
      return await Promise.race([
        this.probe(m, now).catch((err: Error) => ({ ok: false, latencyMs: null, error: String(err?.message ?? err) })),
        guard,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
