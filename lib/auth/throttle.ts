// Failed sign-ins are throttled per client address and per (address, account), never per account
// alone: a stranger's wrong passwords must not lock a person out from their own address. Pure
// rules; the caller stores rows.
export type Limit = { failures: number; windowMs: number; blockMs: number };
export type ThrottleState = { key: string; failures: number; windowStartedAt: number; blockedUntil: number | null };

const MIN = 60_000;
/** Five wrong passwords for one account from one address within 15 minutes pause that pair for 15 minutes. */
export const PAIR_LIMIT: Limit = { failures: 5, windowMs: 15 * MIN, blockMs: 15 * MIN };
/** One address gets more tries over all accounts (a shared office network), then the same pause. */
export const ADDRESS_LIMIT: Limit = { failures: 20, windowMs: 15 * MIN, blockMs: 15 * MIN };
/**
 * The last resort against guessing from very many addresses: past this many failures in the whole
 * instance, password sign-ins pause for a minute at a time (logged). High enough that only a
 * distributed attack reaches it; short, so nobody is locked out for long.
 */
export const GLOBAL_LIMIT: Limit = { failures: 1000, windowMs: 15 * MIN, blockMs: MIN };

export const GLOBAL_KEY = "global";
export const addressKey = (address: string) => `address:${address}`;
/** The address comes first and never holds "|", so the key splits unambiguously whatever the email holds. */
export const pairKey = (address: string, email: string) => `pair:${address}|${email}`;

/** Milliseconds until the key may try again, or 0. */
export function blockedFor(row: ThrottleState | undefined, now: number): number {
  return row?.blockedUntil && row.blockedUntil > now ? row.blockedUntil - now : 0;
}

export function afterFailure(key: string, row: ThrottleState | undefined, limit: Limit, now: number): ThrottleState {
  const fresh = !row || now - row.windowStartedAt >= limit.windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const windowStartedAt = fresh ? now : row.windowStartedAt;
  return { key, failures, windowStartedAt, blockedUntil: failures >= limit.failures ? now + limit.blockMs : null };
}
