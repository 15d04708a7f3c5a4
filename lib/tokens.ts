// Admin API tokens: shown once, stored as a sha256 hash, revocable, with a last-used time.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { inTransaction, type Db } from "@/db/client";
import { findTokenByHash, getToken, insertToken, listTokens, updateToken, type TokenRow } from "@/db/queries/tokens";
import { recordAudit, type Actor } from "./audit";
import { API_SCOPES, type TokenScope } from "./constants";
import { assertAdmin } from "./accounts";
import { AppError } from "./errors";
import { newId } from "./ids";
import { parse } from "./validation";

const PREFIX = "op_";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function publicToken(t: TokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scope: t.scope,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  };
}

const createInput = z.object({
  name: z.string().trim().min(1, "Name the token after what uses it").max(100, "At most 100 characters"),
  // Probe tokens are bound to a probe agent and made with it, not here.
  scope: z.enum(API_SCOPES, { error: "Choose read, write or admin" }),
});

export function createToken(
  db: Db,
  actor: Actor,
  raw: { name: string; scope: string },
  now = Date.now(),
): { token: string; row: TokenRow } {
  assertAdmin(actor);
  const input = parse(createInput, raw);
  return inTransaction(db, () => issueToken(db, actor, input.name, input.scope, now));
}

/** Makes and records a token (inside the caller's transaction); the secret is returned once. */
export function issueToken(
  db: Db,
  actor: Actor,
  name: string,
  scope: TokenScope,
  now: number,
): { token: string; row: TokenRow } {
  const token = PREFIX + randomBytes(24).toString("base64url");
  const row = insertToken(db, {
    id: newId(),
    name,
    scope,
    tokenHash: hashToken(token),
    prefix: token.slice(0, PREFIX.length + 6),
    createdBy: actor.type === "user" ? actor.id : null,
    createdAt: now,
  });
  recordAudit(db, actor, "token.create", { type: "token", id: row.id }, undefined, publicToken(row), now);
  return { token, row };
}

/** Revokes a token (again is fine: it stays revoked since the first time). Returns it as it is now. */
export function revokeToken(db: Db, actor: Actor, id: string, now = Date.now()): TokenRow {
  assertAdmin(actor);
  return inTransaction(db, () => revokeTokenRow(db, actor, id, now));
}

/** Revokes inside the caller's transaction (a probe agent's token goes with the agent). */
export function revokeTokenRow(db: Db, actor: Actor, id: string, now: number): TokenRow {
  const before = getToken(db, id);
  if (!before) throw new AppError("not_found", `No API token has the id ${id}`);
  if (before.revokedAt) return before;
  updateToken(db, id, { revokedAt: now });
  const after = { ...before, revokedAt: now };
  recordAudit(db, actor, "token.revoke", { type: "token", id }, publicToken(before), publicToken(after), now);
  return after;
}

/** Every token, newest first, revoked ones included (so their last use stays visible). */
export function listApiTokens(db: Db, actor: Actor): TokenRow[] {
  assertAdmin(actor);
  return listTokens(db);
}

/** The token in `Authorization: OAuth <token>` (Statuspage's scheme) or `Bearer <token>`. */
export function tokenFromHeader(header: string | null | undefined): string | null {
  const [, token] = /^(?:OAuth|Bearer)\s+(\S+)\s*$/i.exec(header ?? "") ?? [];
  return token ?? null;
}

function sameSecret(a: string, b: string): boolean {
  const x = createHash("sha256").update(a).digest();
  const y = createHash("sha256").update(b).digest();
  return timingSafeEqual(x, y);
}

const LAST_USED_RESOLUTION_MS = 60_000;

export type TokenIdentity = { actor: Actor; scope: TokenScope };

/**
 * Whether a token of scope `has` may call a route that needs `needs`. A probe token reaches only
 * the probe routes (its own assignments and results), and only a probe token reaches those.
 */
export function scopeAllows(has: TokenScope, needs: TokenScope): boolean {
  if (has === "probe" || needs === "probe") return has === needs;
  return API_SCOPES.indexOf(has) >= API_SCOPES.indexOf(needs);
}

/**
 * Who a presented token acts as, and its scope, or null. `envToken` is OUTPOST_API_TOKEN (always
 * admin). The domain verbs see an admin token as an admin and any other as an editor, so they
 * refuse admin-only work even if a route forgot to.
 */
export function authenticateToken(
  db: Db,
  token: string,
  envToken: string | undefined,
  now = Date.now(),
): TokenIdentity | null {
  if (envToken && sameSecret(token, envToken))
    return { actor: { type: "token", id: null, label: "OUTPOST_API_TOKEN", role: "admin" }, scope: "admin" };
  const row = findTokenByHash(db, hashToken(token));
  if (!row || row.revokedAt) return null;
  // Recording every use would make each API read a write; a minute's resolution is enough.
  if (!row.lastUsedAt || now - row.lastUsedAt >= LAST_USED_RESOLUTION_MS) updateToken(db, row.id, { lastUsedAt: now });
  return {
    actor: { type: "token", id: row.id, label: row.name, role: row.scope === "admin" ? "admin" : "editor" },
    scope: row.scope,
  };
}
