// Checks an email + password (+ second factor) sign-in, with throttling. No account enumeration:
// an unknown email and a wrong password get the same answer, take the same time and count the same.
// Throttling counts per client address and per (address, account), so failures from one address
// never lock the account for a person signing in from another.
import { inTransaction, type Db } from "@/db/client";
import {
  clearThrottle,
  deleteSpentThrottles,
  findUserByEmail,
  getThrottle,
  putThrottle,
  updateUser,
  type UserRow,
} from "@/db/queries/users";
import type { SignInRefusal } from "../constants";
import { burnVerification, verifyPassword } from "./passwords";
import { acceptSecondFactor } from "./second-factor";
import {
  ADDRESS_LIMIT,
  addressKey,
  afterFailure,
  blockedFor,
  GLOBAL_KEY,
  GLOBAL_LIMIT,
  PAIR_LIMIT,
  pairKey,
  type Limit,
} from "./throttle";

export type SignInAttempt = { email: string; password: string; code?: string; address: string };
export type SignInResult = { ok: true; user: UserRow } | { ok: false; reason: SignInRefusal; retryAfterMs?: number };

/** The keys one attempt counts against, each with its limit. */
export function throttleKeys(address: string, email: string): [string, Limit][] {
  return [
    [pairKey(address, email), PAIR_LIMIT],
    [addressKey(address), ADDRESS_LIMIT],
    [GLOBAL_KEY, GLOBAL_LIMIT],
  ];
}

/** Milliseconds until this address may try this account again, or 0. */
export function throttledFor(db: Db, address: string, email: string, now: number): number {
  return Math.max(...throttleKeys(address, email).map(([key]) => blockedFor(getThrottle(db, key), now)));
}

/** Counts one failure against every key; logs when the instance-wide ceiling starts a pause. */
export function recordFailure(db: Db, address: string, email: string, now: number): void {
  inTransaction(db, () => {
    for (const [key, limit] of throttleKeys(address, email)) {
      const before = getThrottle(db, key);
      const after = afterFailure(key, before, limit, now);
      putThrottle(db, after);
      if (key === GLOBAL_KEY && after.blockedUntil && !blockedFor(before, now)) {
        console.warn(
          `outpost: sign-in: ${after.failures} failed sign-ins in ${limit.windowMs / 60_000} minutes across all addresses; password sign-in paused for ${limit.blockMs / 1000} s (a distributed guessing attack?)`,
        );
      }
    }
  });
}

/**
 * Forgets failures whose window has passed and that pause nobody, so guesses from many addresses
 * leave no rows behind (each row holds an address). Run hourly by the background loop.
 */
export function pruneSignInThrottles(db: Db, now: number): number {
  const longestWindow = Math.max(...throttleKeys("", "").map(([, limit]) => limit.windowMs));
  return deleteSpentThrottles(db, now - longestWindow, now);
}

export function normalEmail(raw: string): string {
  return raw.trim().toLowerCase().slice(0, 254);
}

export async function checkSignIn(db: Db, attempt: SignInAttempt, now = Date.now()): Promise<SignInResult> {
  const email = normalEmail(attempt.email);
  const wait = throttledFor(db, attempt.address, email, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterMs: wait };

  const fail = (reason: SignInRefusal): SignInResult => {
    recordFailure(db, attempt.address, email, now);
    return { ok: false, reason };
  };

  const user = findUserByEmail(db, email);
  if (!user?.passwordHash) {
    await burnVerification(attempt.password);
    return fail("invalid");
  }
  if (!(await verifyPassword(user.passwordHash, attempt.password))) return fail("invalid");

  if (user.totpEnabledAt && user.totpSecret) {
    const code = attempt.code?.trim() ?? "";
    if (!code) return { ok: false, reason: "code_required" };
    if (!acceptSecondFactor(db, user, code, now)) return fail("code_invalid");
  }
  if (user.disabledAt) return { ok: false, reason: "disabled" };

  clearThrottle(db, pairKey(attempt.address, email));
  return { ok: true, user: updateUser(db, user.id, { lastSignInAt: now }) };
}
