import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { getThrottle, getUser } from "@/db/queries/users";
import { beginTotp, confirmTotp, createUser, disableUser } from "../accounts";
import { SYSTEM_ACTOR, type Actor } from "../audit";
import { checkSignIn } from "./sign-in";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT } from "./throttle";
import { currentTotp } from "./totp";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const PASSWORD = "correct horse battery";

async function withUser(role: "admin" | "editor" = "editor") {
  const db = testDatabase();
  await createUser(db, SYSTEM_ACTOR, { email: "Ops@Example.com", role: "admin", password: "another admin password" });
  const { user } = await createUser(db, SYSTEM_ACTOR, { email: "Ann@Example.com", role, password: PASSWORD });
  const actor: Actor = { type: "user", id: user.id, label: user.email, role };
  return { db, user, actor };
}

const attempt = (over: Partial<{ email: string; password: string; code: string; address: string }> = {}) => ({
  email: "ann@example.com",
  password: PASSWORD,
  address: "192.0.2.1",
  ...over,
});

describe("checkSignIn", () => {
  it("accepts the right password, whatever the email's case, and records the sign-in", async () => {
    const { db, user } = await withUser();
    const result = await checkSignIn(db, attempt({ email: " ANN@example.com " }), NOW);
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
    expect(getUser(db, user.id)?.lastSignInAt).toBe(NOW);
  });

  it("answers an unknown email exactly like a wrong password, and counts both", async () => {
    const { db } = await withUser();
    expect(await checkSignIn(db, attempt({ password: "wrong" }), NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkSignIn(db, attempt({ email: "nobody@example.com" }), NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(getThrottle(db, "account:nobody@example.com")?.failures).toBe(1);
    expect(getThrottle(db, "address:192.0.2.1")?.failures).toBe(2);
  });

  it("blocks an account after five failures, even with the right password, until the window passes", async () => {
    const { db } = await withUser();
    for (let i = 0; i < ACCOUNT_LIMIT.failures; i++) await checkSignIn(db, attempt({ password: "wrong", address: `198.51.100.${i}` }), NOW + i);
    const blocked = await checkSignIn(db, attempt({ address: "203.0.113.9" }), NOW + 10);
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    expect((blocked as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(14 * 60_000);
    expect(await checkSignIn(db, attempt(), NOW + ACCOUNT_LIMIT.windowMs + 10)).toMatchObject({ ok: true });
  });

  it("blocks an address that tries many accounts", async () => {
    const { db } = await withUser();
    for (let i = 0; i < ADDRESS_LIMIT.failures; i++) await checkSignIn(db, attempt({ email: `u${i}@example.com` }), NOW);
    expect(await checkSignIn(db, attempt(), NOW + 1)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await checkSignIn(db, attempt({ address: "192.0.2.77" }), NOW + 1)).toMatchObject({ ok: true });
  });

  it("asks for a second factor, then accepts a TOTP code or a single-use recovery code", async () => {
    const { db, actor } = await withUser();
    const secret = beginTotp(db, actor, NOW);
    const codes = confirmTotp(db, actor, currentTotp(secret, NOW), NOW);
    expect(codes).toHaveLength(10);
    expect(await checkSignIn(db, attempt(), NOW)).toEqual({ ok: false, reason: "code_required" });
    expect(await checkSignIn(db, attempt({ code: "000000" === currentTotp(secret, NOW) ? "111111" : "000000" }), NOW)).toEqual({ ok: false, reason: "code_invalid" });
    expect(await checkSignIn(db, attempt({ code: currentTotp(secret, NOW) }), NOW)).toMatchObject({ ok: true });
    expect(await checkSignIn(db, attempt({ code: codes[0].toUpperCase() }), NOW)).toMatchObject({ ok: true });
    expect(await checkSignIn(db, attempt({ code: codes[0] }), NOW)).toEqual({ ok: false, reason: "code_invalid" });
  });

  it("says a disabled account is disabled only to someone who knows its password", async () => {
    const { db, user } = await withUser();
    disableUser(db, { ...SYSTEM_ACTOR }, user.id, NOW);
    expect(await checkSignIn(db, attempt({ password: "wrong" }), NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkSignIn(db, attempt(), NOW)).toEqual({ ok: false, reason: "disabled" });
  });
});
