import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { listAudit } from "@/db/queries/audit";
import { getToken } from "@/db/queries/tokens";
import type { Actor } from "./audit";
import { authenticateToken, createToken, revokeToken, scopeAllows, tokenFromHeader } from "./tokens";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const admin: Actor = { type: "user", id: null, label: "ops@example.com", role: "admin" };

describe("API tokens", () => {
  it("reads both Statuspage's OAuth scheme and Bearer", () => {
    expect(tokenFromHeader("OAuth abc")).toBe("abc");
    expect(tokenFromHeader("bearer abc")).toBe("abc");
    expect(tokenFromHeader("Basic abc")).toBeNull();
    expect(tokenFromHeader(undefined)).toBeNull();
  });

  it("stores only a hash, authenticates the token once shown, and notes its last use", () => {
    const db = testDatabase();
    const { token, row } = createToken(db, admin, { name: "PagerDuty", scope: "admin" }, NOW);
    expect(token).toMatch(/^op_/);
    expect(JSON.stringify(getToken(db, row.id))).not.toContain(token);
    expect(authenticateToken(db, token, undefined, NOW + 1000)).toMatchObject({
      actor: { type: "token", id: row.id, label: "PagerDuty", role: "admin" },
      scope: "admin",
    });
    expect(getToken(db, row.id)?.lastUsedAt).toBe(NOW + 1000);
    expect(authenticateToken(db, `${token}x`, undefined, NOW)).toBeNull();
  });

  it("refuses a revoked token and audits create and revoke", () => {
    const db = testDatabase();
    const { token, row } = createToken(db, admin, { name: "Deploy script", scope: "write" }, NOW);
    revokeToken(db, admin, row.id, NOW + 1);
    expect(authenticateToken(db, token, undefined, NOW + 2)).toBeNull();
    expect(listAudit(db, { entityType: "token" }).map((a) => a.action)).toEqual(["token.revoke", "token.create"]);
  });

  it("accepts OUTPOST_API_TOKEN as an admin token", () => {
    const db = testDatabase();
    expect(authenticateToken(db, "provisioning-token-123456", "provisioning-token-123456")).toEqual({
      actor: { type: "token", id: null, label: "OUTPOST_API_TOKEN", role: "admin" },
      scope: "admin",
    });
    expect(authenticateToken(db, "provisioning-token-12345", "provisioning-token-123456")).toBeNull();
  });

  it("needs a name, a scope (not probe: those belong to a probe agent), and an admin", () => {
    const db = testDatabase();
    expect(() => createToken(db, admin, { name: "  ", scope: "read" })).toThrow(/Name the token/);
    expect(() => createToken(db, admin, { name: "x", scope: "" })).toThrow(/Choose read, write or admin/);
    expect(() => createToken(db, admin, { name: "x", scope: "probe" })).toThrow(/Choose read, write or admin/);
    expect(() => createToken(db, { ...admin, role: "editor" }, { name: "x", scope: "read" })).toThrow(/Only an admin/);
  });

  it("acts with its scope: admin tokens as admins, read and write tokens as editors; tokens from before scopes are admin", () => {
    const db = testDatabase();
    for (const scope of ["read", "write", "admin"] as const) {
      const { token } = createToken(db, admin, { name: scope, scope }, NOW);
      expect(authenticateToken(db, token, undefined, NOW)).toMatchObject({
        actor: { role: scope === "admin" ? "admin" : "editor" },
        scope,
      });
    }
    db.$client
      .prepare(
        "INSERT INTO api_tokens (id, name, token_hash, prefix, created_at) VALUES ('old1', 'old', ?, 'op_old', 1)",
      )
      .run(createHash("sha256").update("op_old-token").digest("hex"));
    expect(authenticateToken(db, "op_old-token", undefined, NOW)).toMatchObject({
      actor: { role: "admin" },
      scope: "admin",
    });
  });

  it("ranks scopes read < write < admin; a probe token reaches no admin API route", () => {
    expect(scopeAllows("admin", "admin")).toBe(true);
    expect(scopeAllows("write", "read")).toBe(true);
    expect(scopeAllows("write", "admin")).toBe(false);
    expect(scopeAllows("read", "write")).toBe(false);
    for (const needs of ["read", "write", "admin"] as const) expect(scopeAllows("probe", needs)).toBe(false);
  });
});
