import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { listAudit } from "@/db/queries/audit";
import { findUserByEmail } from "@/db/queries/users";
import { createUser, disableUser, enableUser, ensureFirstAdmin, resetPasswordByEmail, setRole } from "./accounts";
import type { Actor } from "./audit";
import { verifyPassword } from "./auth/passwords";
import { AppError } from "./errors";

const NOW = Date.parse("2026-11-24T12:00:00Z");

async function team() {
  const db = testDatabase();
  const first = await ensureFirstAdmin(db, {}, NOW);
  const admin = findUserByEmail(db, first!.email)!;
  const adminActor: Actor = { type: "user", id: admin.id, label: admin.email, role: "admin" };
  const { user: editor } = await createUser(db, adminActor, { email: "ed@example.com", role: "editor" }, NOW);
  const editorActor: Actor = { type: "user", id: editor.id, label: editor.email, role: "editor" };
  return { db, first: first!, admin, adminActor, editor, editorActor };
}

describe("accounts", () => {
  it("creates the first admin once, with a generated password when none is configured", async () => {
    const { db, first, admin } = await team();
    expect(first.password).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
    expect(await verifyPassword(admin.passwordHash!, first.password!)).toBe(true);
    expect(await ensureFirstAdmin(db, { email: "x@example.com", password: "x".repeat(12) })).toBeNull();
  });

  it("uses OUTPOST_ADMIN_EMAIL and _PASSWORD when given, and prints no password", async () => {
    const db = testDatabase();
    expect(await ensureFirstAdmin(db, { email: "boss@example.com", password: "a long enough password" })).toEqual({
      email: "boss@example.com",
      password: null,
    });
  });

  it("refuses admin-only verbs to an editor, and writes nothing", async () => {
    const { db, editorActor, admin } = await team();
    const audits = listAudit(db).length;
    await expect(createUser(db, editorActor, { email: "x@example.com", role: "admin" })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(() => disableUser(db, editorActor, admin.id)).toThrow(AppError);
    expect(listAudit(db)).toHaveLength(audits);
  });

  it("rejects a duplicate email with a field message", async () => {
    const { db, adminActor } = await team();
    await expect(createUser(db, adminActor, { email: "ED@example.com", role: "editor" })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { email: ["already has an account"] },
    });
  });

  it("bumps the session version on disable, so old sessions end; a role change keeps them", async () => {
    const { db, adminActor, editor } = await team();
    const disabled = disableUser(db, adminActor, editor.id, NOW);
    expect(disabled.sessionVersion).toBe(editor.sessionVersion + 1);
    expect(disabled.disabledAt).toBe(NOW);
    const enabled = enableUser(db, adminActor, editor.id, NOW);
    expect(enabled.disabledAt).toBeNull();
    expect(setRole(db, adminActor, editor.id, "admin", NOW)).toMatchObject({
      role: "admin",
      sessionVersion: editor.sessionVersion + 1,
    });
  });

  it("never disables or demotes the last enabled admin", async () => {
    const { db, adminActor, admin } = await team();
    expect(() => disableUser(db, adminActor, admin.id)).toThrow(/only enabled admin/);
    expect(() => setRole(db, adminActor, admin.id, "editor")).toThrow(/only enabled admin/);
  });

  it("records who changed what, before and after, without secrets", async () => {
    const { db, adminActor, editor } = await team();
    setRole(db, adminActor, editor.id, "admin", NOW);
    const [entry] = listAudit(db, { entityType: "user", entityId: editor.id, action: "user.role" });
    expect(entry).toMatchObject({ actorLabel: adminActor.label, before: { role: "editor" }, after: { role: "admin" } });
    expect(JSON.stringify(listAudit(db))).not.toMatch(/argon2/);
  });

  it("resets a password from the command line and ends the account's sessions", async () => {
    const { db, editor } = await team();
    const { user, password } = await resetPasswordByEmail(db, "Ed@Example.com", NOW);
    expect(await verifyPassword(user.passwordHash!, password)).toBe(true);
    expect(user.sessionVersion).toBe(editor.sessionVersion + 1);
    await expect(resetPasswordByEmail(db, "nobody@example.com")).rejects.toMatchObject({ code: "not_found" });
  });
});
