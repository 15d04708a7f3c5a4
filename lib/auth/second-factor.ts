// The one check of a second factor, for every way in (password sign-in, single sign-on): a TOTP
// code accepted once only (its time step is stored), or an unused recovery code (spent here).
import type { Db } from "@/db/client";
import { claimTotpStep, spendRecoveryCode, type UserRow } from "@/db/queries/users";
import { hashRecoveryCode, looksLikeRecoveryCode, totpStep } from "./totp";

export function acceptSecondFactor(db: Db, user: UserRow, code: string, now: number): boolean {
  if (!user.totpSecret) return false;
  const step = totpStep(user.totpSecret, code, now);
  if (step !== null) return claimTotpStep(db, user.id, step);
  return looksLikeRecoveryCode(code) && spendRecoveryCode(db, user.id, hashRecoveryCode(code), now);
}
