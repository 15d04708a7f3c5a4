// What every probe takes and gives back. A probe never throws: failures are results.
import type { TargetPolicy } from "../../net/targets";

export type ProbeResult = {
  ok: boolean;
  /** Succeeded, but something is not right: a degraded upstream, a certificate close to expiry. */
  degraded?: boolean;
  latencyMs: number | null;
  error: string | null;
};

export type ProbeContext = {
  /** Hard limit: the probe aborts its socket and fails when it passes. */
  timeoutMs: number;
  now: number;
  /** Heartbeat monitors: when the last beat arrived. */
  lastBeatAt?: number | null;
  /** When the monitor was created (a heartbeat gets one period before silence counts). */
  createdAt?: number;
  /** Which addresses the probe may connect to, checked on the resolved address (see net/targets). */
  policy: TargetPolicy;
  /** A probe agent's location name: HTTP checks send it as `x-outpost-location` (the server's own checks send none). */
  location?: string;
};

/** The request header that says which location an HTTP check comes from. */
export const LOCATION_HEADER = "x-outpost-location";

/** Headers every HTTP check sends (before the monitor's own, which win). */
export function probeHeaders(
  ctx: Pick<ProbeContext, "location">,
  base: Record<string, string>,
): Record<string, string> {
  return ctx.location ? { ...base, [LOCATION_HEADER]: ctx.location } : base;
}

export const fail = (error: string, latencyMs: number | null = null): ProbeResult => ({ ok: false, latencyMs, error });

export function errorText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  // A refused target's message already says what happened, for staff.
  const code = e?.code && e.code !== "EPRIVATE" && !String(e.message).includes(e.code) ? `${e.code}: ` : "";
  return `${code}${e?.message ?? String(err)}`.slice(0, 500);
}

/** Runs fn with a deadline: on timeout the abort callback destroys the socket and the result is a failure. */
export function withDeadline(
  timeoutMs: number,
  fn: (done: (r: ProbeResult) => void, onAbort: (cb: () => void) => void) => void,
): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let settled = false;
    const aborts: (() => void)[] = [];
    const finish = (r: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const a of aborts) {
        try {
          a();
        } catch {
          // already closed
        }
      }
      resolve(r);
    };
    const timer = setTimeout(() => finish(fail(`No answer within ${timeoutMs} ms`)), timeoutMs);
    try {
      fn(finish, (cb) => aborts.push(cb));
    } catch (err) {
      finish(fail(errorText(err)));
    }
  });
}
