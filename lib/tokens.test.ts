import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { listAudit } from "@/db/queries/audit";
import { getToken } from "@/db/queries/tokens";
import type { Actor } from "./audit";
import { authenticateToken, createToken, revokeToken, tokenFromHeader } from "./tokens";

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
    const { token, row } = createToken(db, admin, "PagerDuty", NOW);
    expect(token).toMatch(/^op_/);
    expect(JSON.stringify(getToken(db, row.id))).not.toContain(token);
    expect(authenticateToken(db, token, undefined, NOW + 1000)).toMatchObject({ type: "token", id: row.id, label: "PagerDuty", role: "admin" });
    expect(getToken(db, row.id)?.lastUsedAt).toBe(NOW + 1000);
    expect(authenticateToken(db, `${token}x`, undefined, NOW)).toBeNull();
  });

  it("refuses a revoked token and audits create and revoke", () => {
    const db = testDatabase();
    const { token, row } = createToken(db, admin, "Deploy script", NOW);
    revokeToken(db, admin, row.id, NOW + 1);
    expect(authenticateToken(db, token, undefined, NOW + 2)).toBeNull();
    expect(listAudit(db, { entityType: "token" }).map((a) => a.action)).toEqual(["token.revoke", "token.create"]);
  });

  it("accepts OUTPOST_API_TOKEN as an admin token", () => {
    const db = testDatabase();
    expect(authenticateToken(db, "provisioning-token-123456", "provisioning-token-123456")).toMatchObject({ label: "OUTPOST_API_TOKEN" });
    expect(authenticateToken(db, "provisioning-token-12345", "provisioning-token-123456")).toBeNull();
  });

  it("needs a name, and an admin", () => {
    const db = testDatabase();
    expect(() => createToken(db, admin, "  ")).toThrow(/Name the token/);
    expect(() => createToken(db, { ...admin, role: "editor" }, "x")).toThrow(/Only an admin/);
  });
});
