import { and, asc, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { recoveryCodes, signInThrottle, users } from "../schema";

export type UserRow = typeof users.$inferSelect;
export type ThrottleRow = typeof signInThrottle.$inferSelect;

export function getUser(db: Db, id: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function findUserByEmail(db: Db, email: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export function listUsers(db: Db): UserRow[] {
  return db.select().from(users).orderBy(asc(users.email)).all();
}

export function countUsers(db: Db): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .get()?.n ?? 0
  );
}

export function countActiveAdmins(db: Db): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
      .get()?.n ?? 0
  );
}

export function insertUser(db: Db, row: typeof users.$inferInsert): UserRow {
  return db.insert(users).values(row).returning().get();
}

export function updateUser(db: Db, id: string, patch: Partial<typeof users.$inferInsert>): UserRow {
  return db.update(users).set(patch).where(eq(users.id, id)).returning().get();
}

export function replaceRecoveryCodes(db: Db, userId: string, hashes: string[]): void {
  db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  if (hashes.length)
    db.insert(recoveryCodes)
      .values(hashes.map((codeHash) => ({ userId, codeHash })))
      .run();
}

/** Marks an unused recovery code as used; false when there is none with that hash. */
export function spendRecoveryCode(db: Db, userId: string, codeHash: string, at: number): boolean {
  const result = db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .run();
  return result.changes > 0;
}

export function countUnusedRecoveryCodes(db: Db, userId: string): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
      .get()?.n ?? 0
  );
}

export function getThrottle(db: Db, key: string): ThrottleRow | undefined {
  return db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
}

export function putThrottle(db: Db, row: ThrottleRow): void {
  db.insert(signInThrottle)
    .values(row)
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: { failures: row.failures, windowStartedAt: row.windowStartedAt, blockedUntil: row.blockedUntil },
    })
    .run();
}

export function clearThrottle(db: Db, key: string): void {
  db.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
}

/** Clears every (address, account) pause of one account, e.g. after an admin resets its password. */
export function clearAccountThrottles(db: Db, email: string): void {
  const suffix = `|${email}`;
  db.delete(signInThrottle)
    .where(sql`${signInThrottle.key} LIKE 'pair:%' AND substr(${signInThrottle.key}, -${suffix.length}) = ${suffix}`)
    .run();
}

/**
 * Records `step` as the account's last accepted TOTP time step, only when it is later than the
 * stored one: false means the code (or an older one) was already used (RFC 6238 section 5.2).
 * One conditional UPDATE, so two requests racing with the same code cannot both win.
 */
export function claimTotpStep(db: Db, userId: string, step: number): boolean {
  const result = db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), sql`(${users.totpLastStep} IS NULL OR ${users.totpLastStep} < ${step})`))
    .run();
  return result.changes > 0;
}

export function findUserByOidcSubject(db: Db, subject: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.oidcSubject, subject)).get();
}

/** Deletes throttle rows whose window began before `windowStart` and that block nobody now; returns how many. */
export function deleteSpentThrottles(db: Db, windowStart: number, now: number): number {
  return db
    .delete(signInThrottle)
    .where(
      and(
        lt(signInThrottle.windowStartedAt, windowStart),
        or(isNull(signInThrottle.blockedUntil), lte(signInThrottle.blockedUntil, now)),
      ),
    )
    .run().changes;
}
