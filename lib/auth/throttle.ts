// Failed sign-ins are throttled per account and per client address. Pure rules; the caller stores rows.
export type Limit = { failures: number; windowMs: number };
export type ThrottleState = { key: string; failures: number; windowStartedAt: number; blockedUntil: number | null };

const MIN = 60_000;
/** Five wrong passwords for one account within 15 minutes block it for 15 minutes. */
export const ACCOUNT_LIMIT: Limit = { failures: 5, windowMs: 15 * MIN };
/** One address gets more tries (a shared office network), then the same pause. */
export const ADDRESS_LIMIT: Limit = { failures: 20, windowMs: 15 * MIN };

/** Milliseconds until the key may try again, or 0. */
export function blockedFor(row: ThrottleState | undefined, now: number): number {
  return row?.blockedUntil && row.blockedUntil > now ? row.blockedUntil - now : 0;
}

export function afterFailure(key: string, row: ThrottleState | undefined, limit: Limit, now: number): ThrottleState {
  const fresh = !row || now - row.windowStartedAt >= limit.windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const windowStartedAt = fresh ? now : row.windowStartedAt;
  return { key, failures, windowStartedAt, blockedUntil: failures >= limit.failures ? now + limit.windowMs : null };
}
