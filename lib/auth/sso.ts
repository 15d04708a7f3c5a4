// OpenID Connect sign-in rules. The provider vouches for an email only when it says it verified
// it (`email_verified: true`); the first sign-in binds the account to the provider's `sub`, and a
// different `sub` for the same email is refused afterwards (a recycled or re-registered address
// at the provider must not inherit an Outpost account). An account with two-factor sign-in still
// needs its code: the session stays pending until the code is given (see checkSsoCode).
import { inTransaction, type Db } from "@/db/client";
import { findUserByEmail, findUserByOidcSubject, getUser, updateUser, type UserRow } from "@/db/queries/users";
import { publicUser } from "../accounts";
import { recordAudit } from "../audit";
import type { SignInRefusal } from "../constants";
import { acceptSecondFactor } from "./second-factor";
import { recordFailure, throttledFor, type SignInResult } from "./sign-in";

export type SsoRefusal = "sso_unverified" | "sso_unknown" | "sso_subject";
export type SsoClaims = { sub?: unknown; email?: unknown; email_verified?: unknown };

/** How long after the provider's answer the second factor may still be given. */
export const SSO_PENDING_MAX_MS = 10 * 60_000;

export function checkSsoSignIn(
  db: Db,
  claims: SsoClaims,
  now = Date.now(),
): { ok: true; user: UserRow } | { ok: false; reason: SsoRefusal } {
  const sub = typeof claims.sub === "string" ? claims.sub : "";
  const email = typeof claims.email === "string" ? claims.email : "";
  // Some providers send the claim as the string "true"; anything else (absent, false) is unverified.
  if (!sub || !email || (claims.email_verified !== true && claims.email_verified !== "true"))
    return { ok: false, reason: "sso_unverified" };
  const user = findUserByEmail(db, email);
  if (!user || user.disabledAt) return { ok: false, reason: "sso_unknown" };
  if (user.oidcSubject) return user.oidcSubject === sub ? { ok: true, user } : { ok: false, reason: "sso_subject" };
  const holder = findUserByOidcSubject(db, sub);
  if (holder) return { ok: false, reason: "sso_subject" };
  const bound = inTransaction(db, () => {
    const after = updateUser(db, user.id, { oidcSubject: sub, updatedAt: now });
    const actor = { type: "user" as const, id: user.id, label: user.email, role: user.role };
    recordAudit(
      db,
      actor,
      "user.sso_bind",
      { type: "user", id: user.id },
      publicUser(user),
      { ...publicUser(after), oidcSubject: sub },
      now,
    );
    return after;
  });
  return { ok: true, user: bound };
}

/** Whether the account behind a single sign-on must still give its second factor. */
export function needsSecondFactor(user: UserRow): boolean {
  return Boolean(user.totpEnabledAt && user.totpSecret);
}

export type PendingSso = { uid: string; sv: number; since: number };

/** The second step of a single sign-on for an account with two-factor sign-in: its code, once. */
export function checkSsoCode(
  db: Db,
  pending: PendingSso | null,
  code: string,
  address: string,
  now = Date.now(),
): SignInResult {
  const refuse = (reason: SignInRefusal): SignInResult => ({ ok: false, reason });
  if (!pending || now - pending.since > SSO_PENDING_MAX_MS) return refuse("sso_expired");
  const user = getUser(db, pending.uid);
  if (!user || user.sessionVersion !== pending.sv) return refuse("sso_expired");
  const wait = throttledFor(db, address, user.email, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterMs: wait };
  if (user.disabledAt) return refuse("disabled");
  if (!code.trim()) return refuse("code_required");
  if (needsSecondFactor(user) && !acceptSecondFactor(db, user, code.trim(), now)) {
    recordFailure(db, address, user.email, now);
    return refuse("code_invalid");
  }
  return { ok: true, user: updateUser(db, user.id, { lastSignInAt: now }) };
}
