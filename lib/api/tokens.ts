// API tokens over the admin API (Outpost's own, in the same style). The secret is in the
// creation response only; lists show the prefix.
import type { TokenRow } from "@/db/queries/tokens";
import { createToken, listApiTokens, revokeToken } from "../tokens";
import { pathParam, type ApiContext, type FieldNames } from "./route";
import type { TokenCreateBody } from "./schemas";
import { isoTime } from "../time";

export const TOKEN_FIELDS: FieldNames = { wrapper: "api_token" };

function tokenJson(t: TokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scope: t.scope,
    created_at: isoTime(t.createdAt)!,
    last_used_at: isoTime(t.lastUsedAt),
    revoked_at: isoTime(t.revokedAt),
  };
}

export function listTokens(ctx: ApiContext) {
  return listApiTokens(ctx.db, ctx.actor).map(tokenJson);
}

export function postToken(ctx: ApiContext<TokenCreateBody>) {
  const { token, row } = createToken(
    ctx.db,
    ctx.actor,
    { name: ctx.body.api_token.name, scope: ctx.body.api_token.scope },
    ctx.now,
  );
  return { ...tokenJson(row), token };
}

export function removeToken(ctx: ApiContext) {
  return tokenJson(revokeToken(ctx.db, ctx.actor, pathParam(ctx, "token_id"), ctx.now));
}
