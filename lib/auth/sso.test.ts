import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { listAudit } from "@/db/queries/audit";
import { getUser } from "@/db/queries/users";
import { beginTotp, confirmTotp, createUser, disableUser, signOutEverywhere } from "../accounts";
import { SYSTEM_ACTOR, type Actor } from "../audit";
import { checkSsoCode, checkSsoSignIn, needsSecondFactor, SSO_PENDING_MAX_MS } from "./sso";
import { currentTotp } from "./totp";

const NOW = Date.parse("2026-11-24T12:00:00Z");

async function withUser() {
  const db = testDatabase();
  await createUser(db, SYSTEM_ACTOR, { email: "ops@example.com", role: "admin", password: "another admin password" });
  const { user } = await createUser(db, SYSTEM_ACTOR, { email: "ann@example.com", role: "admin" });
  const actor: Actor = { type: "user", id: user.id, label: user.email, role: "admin" };
  return { db, user, actor };
}

const claims = (over: Record<string, unknown> = {}) => ({
  sub: "idp-1",
  email: "Ann@Example.com",
  email_verified: true,
  ...over,
});

describe("checkSsoSignIn", () => {
  it("refuses an email the provider has not verified, whether the claim is false or missing", async () => {
    const { db, user } = await withUser();
    expect(checkSsoSignIn(db, claims({ email_verified: false }), NOW)).toEqual({ ok: false, reason: "sso_unverified" });
    expect(checkSsoSignIn(db, claims({ email_verified: undefined }), NOW)).toEqual({
      ok: false,
      reason: "sso_unverified",
    });
    expect(checkSsoSignIn(db, claims({ email_verified: "false" }), NOW)).toEqual({
      ok: false,
      reason: "sso_unverified",
    });
    expect(getUser(db, user.id)?.oidcSubject).toBeNull();
  });

  it("binds the account to the provider's sub on the first sign-in, then refuses another sub for the same email", async () => {
    const { db, user } = await withUser();
    expect(checkSsoSignIn(db, claims(), NOW)).toMatchObject({ ok: true, user: { id: user.id, oidcSubject: "idp-1" } });
    expect(listAudit(db, { action: "user.sso_bind" })).toHaveLength(1);
    expect(checkSsoSignIn(db, claims(), NOW + 1)).toMatchObject({ ok: true, user: { id: user.id } });
    expect(checkSsoSignIn(db, claims({ sub: "idp-2" }), NOW + 2)).toEqual({ ok: false, reason: "sso_subject" });
    // The bound sub cannot claim another account either.
    expect(checkSsoSignIn(db, claims({ email: "ops@example.com" }), NOW + 3)).toEqual({
      ok: false,
      reason: "sso_subject",
    });
    expect(getUser(db, user.id)?.oidcSubject).toBe("idp-1");
  });

  it("lets in only enabled accounts that exist here", async () => {
    const { db, user } = await withUser();
    expect(checkSsoSignIn(db, claims({ email: "stranger@example.com" }), NOW)).toEqual({
      ok: false,
      reason: "sso_unknown",
    });
    disableUser(db, SYSTEM_ACTOR, user.id, NOW);
    expect(checkSsoSignIn(db, claims(), NOW)).toEqual({ ok: false, reason: "sso_unknown" });
  });
});

describe("checkSsoCode", () => {
  it("asks an account with two-factor sign-in for its code, accepts it once, and expires", async () => {
    const { db, user, actor } = await withUser();
    const secret = beginTotp(db, actor, NOW);
    confirmTotp(db, actor, currentTotp(secret, NOW), NOW);
    const bound = checkSsoSignIn(db, claims(), NOW);
    expect(bound.ok && needsSecondFactor(bound.user)).toBe(true);
    const pending = { uid: user.id, sv: user.sessionVersion, since: NOW };
    const later = NOW + 60_000;
    const code = currentTotp(secret, later);
    expect(checkSsoCode(db, pending, "", "192.0.2.1", later)).toEqual({ ok: false, reason: "code_required" });
    expect(checkSsoCode(db, pending, code === "000000" ? "111111" : "000000", "192.0.2.1", later)).toEqual({
      ok: false,
      reason: "code_invalid",
    });
    expect(checkSsoCode(db, pending, code, "192.0.2.1", later)).toMatchObject({ ok: true, user: { id: user.id } });
    expect(checkSsoCode(db, pending, code, "192.0.2.1", later + 1000)).toEqual({ ok: false, reason: "code_invalid" });
    expect(checkSsoCode(db, null, code, "192.0.2.1", later)).toEqual({ ok: false, reason: "sso_expired" });
    expect(
      checkSsoCode(
        db,
        { ...pending, since: later - SSO_PENDING_MAX_MS - 1 },
        currentTotp(secret, later + 30_000),
        "192.0.2.1",
        later + 30_000,
      ),
    ).toEqual({ ok: false, reason: "sso_expired" });
    signOutEverywhere(db, actor, user.id, later);
    expect(checkSsoCode(db, pending, currentTotp(secret, later + 30_000), "192.0.2.1", later + 30_000)).toEqual({
      ok: false,
      reason: "sso_expired",
    });
  });
});
