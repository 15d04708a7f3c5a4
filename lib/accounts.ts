// Staff accounts: the verbs admins (and each person, for their own account) use. Each write is one
// transaction with its audit row. Admin-only verbs check the actor themselves.
import { z } from "zod";
import { inTransaction, type Db } from "@/db/client";
import {
  countActiveAdmins,
  countUsers,
  findUserByEmail,
  getUser,
  insertUser,
  replaceRecoveryCodes,
  updateUser,
  clearAccountThrottles,
  type UserRow,
} from "@/db/queries/users";
import { recordAudit, SYSTEM_ACTOR, type Actor } from "./audit";
import { generatePassword, hashPassword, verifyPassword } from "./auth/passwords";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpStep } from "./auth/totp";
import { ROLES, type Role } from "./constants";
import { AppError } from "./errors";
import { newId } from "./ids";
import { email, parse, password } from "./validation";

/** What the audit log and the people page may see of an account. */
export function publicUser(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabledAt !== null,
    twoFactor: u.totpEnabledAt !== null,
  };
}

export function assertAdmin(actor: Actor): void {
  if (actor.role !== "admin") throw new AppError("forbidden", "Only an admin can do this");
}

function mustGet(db: Db, id: string): UserRow {
  const user = getUser(db, id);
  if (!user) throw new AppError("not_found", "No such account");
  return user;
}

const createInput = z.object({
  email,
  name: z.string().trim().max(100, "At most 100 characters").default(""),
  role: z.enum(ROLES, { error: "Choose admin or editor" }),
  password: password.optional(),
});

/** Creates an account; returns the password to hand over (generated when none was given). */
export async function createUser(db: Db, actor: Actor, raw: z.input<typeof createInput>, now = Date.now()) {
  assertAdmin(actor);
  const input = parse(createInput, raw);
  const plain = input.password ?? generatePassword();
  const passwordHash = await hashPassword(plain);
  const user = inTransaction(db, () => {
    if (findUserByEmail(db, input.email))
      throw new AppError("conflict", "An account with this email exists", { email: ["already has an account"] });
    const row = insertUser(db, {
      id: newId(),
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash,
      createdAt: now,
      updatedAt: now,
    });
    recordAudit(db, actor, "user.create", { type: "user", id: row.id }, undefined, publicUser(row), now);
    return row;
  });
  return { user, password: plain };
}

/** Keeps at least one enabled admin, so nobody locks the whole team out. */
function guardLastAdmin(db: Db, user: UserRow) {
  if (user.role === "admin" && !user.disabledAt && countActiveAdmins(db) <= 1) {
    throw new AppError("conflict", "This is the only enabled admin; make another admin first");
  }
}

function change(
  db: Db,
  actor: Actor,
  id: string,
  action: string,
  patch: (u: UserRow) => Partial<UserRow>,
  now: number,
): UserRow {
  return inTransaction(db, () => {
    const before = mustGet(db, id);
    const after = updateUser(db, id, { ...patch(before), updatedAt: now });
    recordAudit(db, actor, action, { type: "user", id }, publicUser(before), publicUser(after), now);
    return after;
  });
}

export function setRole(db: Db, actor: Actor, id: string, role: Role, now = Date.now()): UserRow {
  assertAdmin(actor);
  const parsed = parse(z.enum(ROLES, { error: "Choose admin or editor" }), role);
  return change(
    db,
    actor,
    id,
    "user.role",
    (u) => {
      if (u.role === parsed) return {};
      if (parsed !== "admin") guardLastAdmin(db, u);
      // No sign-out needed: the gate reads the role from the database on every request.
      return { role: parsed };
    },
    now,
  );
}

export function updateProfile(db: Db, actor: Actor, id: string, name: string, now = Date.now()): UserRow {
  if (actor.id !== id) assertAdmin(actor);
  const parsed = parse(z.string().trim().max(100, "At most 100 characters"), name);
  return change(db, actor, id, "user.update", () => ({ name: parsed }), now);
}

export function disableUser(db: Db, actor: Actor, id: string, now = Date.now()): UserRow {
  assertAdmin(actor);
  return change(
    db,
    actor,
    id,
    "user.disable",
    (u) => {
      if (u.disabledAt) return {};
      guardLastAdmin(db, u);
      return { disabledAt: now, sessionVersion: u.sessionVersion + 1 };
    },
    now,
  );
}

export function enableUser(db: Db, actor: Actor, id: string, now = Date.now()): UserRow {
  assertAdmin(actor);
  return change(db, actor, id, "user.enable", () => ({ disabledAt: null }), now);
}

/** Sets a new generated password, ends the account's sessions and returns the password once. */
export async function resetPassword(db: Db, actor: Actor, id: string, now = Date.now()) {
  assertAdmin(actor);
  const plain = generatePassword();
  const passwordHash = await hashPassword(plain);
  const user = change(
    db,
    actor,
    id,
    "user.reset_password",
    (u) => ({ passwordHash, sessionVersion: u.sessionVersion + 1 }),
    now,
  );
  return { user, password: plain };
}

const ownPasswordInput = z.object({ current: z.string().min(1, "Enter your current password"), next: password });

export async function changeOwnPassword(db: Db, actor: Actor, raw: z.input<typeof ownPasswordInput>, now = Date.now()) {
  const input = parse(ownPasswordInput, raw);
  const user = mustGet(db, actor.id ?? "");
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.current))) {
    throw new AppError("validation", "Your current password is not right", { current: ["is not right"] });
  }
  const passwordHash = await hashPassword(input.next);
  // Keep this session's version: the person stays signed in here; other sessions keep theirs too
  // (use "sign out everywhere" to end them).
  return change(db, actor, user.id, "user.change_password", () => ({ passwordHash }), now);
}

/** Ends every session of this account (its own or, for an admin, anyone's). */
export function signOutEverywhere(db: Db, actor: Actor, id: string, now = Date.now()): UserRow {
  if (actor.id !== id) assertAdmin(actor);
  return change(db, actor, id, "user.sign_out_everywhere", (u) => ({ sessionVersion: u.sessionVersion + 1 }), now);
}

/** Step one of two-factor enrolment: a pending secret, shown as a QR code until confirmed. */
export function beginTotp(db: Db, actor: Actor, now = Date.now()): string {
  const user = mustGet(db, actor.id ?? "");
  if (user.totpEnabledAt) throw new AppError("conflict", "Two-factor sign-in is already on");
  const secret = newTotpSecret();
  updateUser(db, user.id, { totpSecret: secret, updatedAt: now });
  return secret;
}

/** Step two: a correct code turns two-factor on; returns the recovery codes, shown once. */
export function confirmTotp(db: Db, actor: Actor, code: string, now = Date.now()): string[] {
  const user = mustGet(db, actor.id ?? "");
  if (user.totpEnabledAt) throw new AppError("conflict", "Two-factor sign-in is already on");
  const step = user.totpSecret ? totpStep(user.totpSecret, code, now) : null;
  if (step === null) {
    throw new AppError("validation", "That code is not right", {
      code: ["is not right; enter the newest code from the app"],
    });
  }
  const codes = newRecoveryCodes();
  inTransaction(db, () => {
    // The code that turned two-factor on is spent: it cannot sign anyone in afterwards.
    const after = updateUser(db, user.id, { totpEnabledAt: now, totpLastStep: step, updatedAt: now });
    replaceRecoveryCodes(db, user.id, codes.map(hashRecoveryCode));
    recordAudit(db, actor, "user.totp_enable", { type: "user", id: user.id }, publicUser(user), publicUser(after), now);
  });
  return codes;
}

/** Turns two-factor off: the person themselves, or an admin for someone who lost their device. */
export function disableTotp(db: Db, actor: Actor, id: string, now = Date.now()): UserRow {
  if (actor.id !== id) assertAdmin(actor);
  return inTransaction(db, () => {
    const user = change(
      db,
      actor,
      id,
      "user.totp_disable",
      () => ({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }),
      now,
    );
    replaceRecoveryCodes(db, id, []);
    return user;
  });
}

/** The first admin, created when there is no account: from the environment, or generated. */
export async function ensureFirstAdmin(db: Db, configured: { email?: string; password?: string }, now = Date.now()) {
  if (countUsers(db) > 0) return null;
  const result = await createUser(
    db,
    SYSTEM_ACTOR,
    { email: configured.email ?? "admin@outpost.local", role: "admin", name: "Admin", password: configured.password },
    now,
  );
  return { email: result.user.email, password: configured.password ? null : result.password };
}

/** For `npm run admin:reset-password`: no session needed, the shell is the credential. */
export async function resetPasswordByEmail(db: Db, address: string, now = Date.now()) {
  const user = findUserByEmail(db, parse(email, address));
  if (!user) throw new AppError("not_found", `No account has the email ${address}`);
  const result = await resetPassword(db, SYSTEM_ACTOR, user.id, now);
  clearAccountThrottles(db, user.email);
  return result;
}
