// Checks an email + password (+ second factor) sign-in, with throttling. No account enumeration:
// an unknown email and a wrong password get the same answer, take the same time and count the same.
import { inTransaction, type Db } from "@/db/client";
import { clearThrottle, findUserByEmail, getThrottle, putThrottle, updateUser, spendRecoveryCode, type UserRow } from "@/db/queries/users";
import type { SignInRefusal } from "../constants";
import { burnVerification, verifyPassword } from "./passwords";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, afterFailure, blockedFor } from "./throttle";
import { hashRecoveryCode, looksLikeRecoveryCode, verifyTotp } from "./totp";

export type SignInAttempt = { email: string; password: string; code?: string; address: string };
export type SignInResult = { ok: true; user: UserRow } | { ok: false; reason: SignInRefusal; retryAfterMs?: number };

export async function checkSignIn(db: Db, attempt: SignInAttempt, now = Date.now()): Promise<SignInResult> {
  const email = attempt.email.trim().toLowerCase().slice(0, 254);
  const accountKey = `account:${email}`;
  const addressKey = `address:${attempt.address}`;
  const wait = Math.max(blockedFor(getThrottle(db, accountKey), now), blockedFor(getThrottle(db, addressKey), now));
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterMs: wait };

  const fail = (reason: SignInRefusal): SignInResult => {
    inTransaction(db, () => {
      putThrottle(db, afterFailure(accountKey, getThrottle(db, accountKey), ACCOUNT_LIMIT, now));
      putThrottle(db, afterFailure(addressKey, getThrottle(db, addressKey), ADDRESS_LIMIT, now));
    });
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
    const accepted = verifyTotp(user.totpSecret, code, now) || (looksLikeRecoveryCode(code) && spendRecoveryCode(db, user.id, hashRecoveryCode(code), now));
    if (!accepted) return fail("code_invalid");
  }
  if (user.disabledAt) return { ok: false, reason: "disabled" };

  clearThrottle(db, accountKey);
  return { ok: true, user: updateUser(db, user.id, { lastSignInAt: now }) };
}
