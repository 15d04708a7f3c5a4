import { describe, expect, it, vi } from "vitest";
import { testDatabase } from "@/db/testing";
import { getThrottle, getUser } from "@/db/queries/users";
import { beginTotp, confirmTotp, createUser, disableUser, resetPasswordByEmail } from "../accounts";
import { SYSTEM_ACTOR, type Actor } from "../audit";
import { must } from "../testing";
import { checkSignIn, pruneSignInThrottles } from "./sign-in";
import { ADDRESS_LIMIT, GLOBAL_KEY, GLOBAL_LIMIT, PAIR_LIMIT } from "./throttle";
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

  it("answers an unknown email exactly like a wrong password, and counts both per address and per (address, account)", async () => {
    const { db } = await withUser();
    expect(await checkSignIn(db, attempt({ password: "wrong" }), NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkSignIn(db, attempt({ email: "nobody@example.com" }), NOW)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(getThrottle(db, "pair:192.0.2.1|nobody@example.com")?.failures).toBe(1);
    expect(getThrottle(db, "pair:192.0.2.1|ann@example.com")?.failures).toBe(1);
    expect(getThrottle(db, "address:192.0.2.1")?.failures).toBe(2);
    expect(getThrottle(db, GLOBAL_KEY)?.failures).toBe(2);
    // Nothing is counted against the account alone: that is what let strangers lock people out.
    expect(getThrottle(db, "account:ann@example.com")).toBeUndefined();
  });

  it("pauses one address for one account after five failures, while the right password from another address still works", async () => {
    const { db, user } = await withUser();
    for (let i = 0; i < PAIR_LIMIT.failures; i++)
      await checkSignIn(db, attempt({ password: `wrong ${i}`, address: "198.51.100.7" }), NOW + i);
    const blocked = await checkSignIn(db, attempt({ address: "198.51.100.7" }), NOW + 10);
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    expect((blocked as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(14 * 60_000);
    expect(getThrottle(db, "pair:198.51.100.7|ann@example.com")?.blockedUntil).toBe(
      NOW + PAIR_LIMIT.failures - 1 + PAIR_LIMIT.blockMs,
    );
    expect(await checkSignIn(db, attempt({ address: "203.0.113.9" }), NOW + 11)).toMatchObject({
      ok: true,
      user: { id: user.id },
    });
    // The same address may try another account (its own) meanwhile, and the pause ends on its own.
    expect(
      await checkSignIn(
        db,
        attempt({ email: "ops@example.com", password: "another admin password", address: "198.51.100.7" }),
        NOW + 12,
      ),
    ).toMatchObject({ ok: true });
    expect(await checkSignIn(db, attempt({ address: "198.51.100.7" }), NOW + PAIR_LIMIT.windowMs + 10)).toMatchObject({
      ok: true,
    });
  });

  it("forgets spent failures hourly, but keeps a pause still running and a window still open", async () => {
    const { db } = await withUser();
    const count = () => db.$client.prepare("select count(*) from sign_in_throttle").pluck().get() as number;
    // One failure from each of 50 addresses, then five from one address that pause its pair.
    for (let i = 0; i < 50; i++) await checkSignIn(db, attempt({ password: "wrong", address: `198.51.100.${i}` }), NOW);
    for (let i = 0; i < PAIR_LIMIT.failures; i++)
      await checkSignIn(db, attempt({ password: "wrong", address: "203.0.113.1" }), NOW + 60_000 + i);
    const rows = count();
    expect(rows).toBe(50 * 2 + 2 + 1);
    // Within the window, nothing goes.
    expect(pruneSignInThrottles(db, NOW + PAIR_LIMIT.windowMs - 1)).toBe(0);
    // Past the first window: the 100 rows of the 50 addresses and the global row go; the pause stays.
    expect(pruneSignInThrottles(db, NOW + PAIR_LIMIT.windowMs + 1)).toBe(101);
    expect(getThrottle(db, "pair:203.0.113.1|ann@example.com")?.blockedUntil).toBeGreaterThan(
      NOW + PAIR_LIMIT.windowMs + 1,
    );
    // Once the pause is over, everything is gone.
    expect(pruneSignInThrottles(db, NOW + 60_000 + PAIR_LIMIT.windowMs + PAIR_LIMIT.blockMs)).toBe(2);
    expect(count()).toBe(0);
  });

  it("a password reset by an admin clears the account's pauses at every address", async () => {
    const { db } = await withUser();
    for (let i = 0; i < PAIR_LIMIT.failures; i++)
      await checkSignIn(db, attempt({ password: "wrong", address: "198.51.100.8" }), NOW);
    await checkSignIn(db, attempt({ email: "ops@example.com", password: "wrong", address: "198.51.100.8" }), NOW);
    const { password } = await resetPasswordByEmail(db, "ann@example.com", NOW + 1);
    expect(getThrottle(db, "pair:198.51.100.8|ann@example.com")).toBeUndefined();
    expect(getThrottle(db, "pair:198.51.100.8|ops@example.com")?.failures).toBe(1);
    expect(await checkSignIn(db, attempt({ password, address: "198.51.100.8" }), NOW + 2)).toMatchObject({ ok: true });
  });

  it("pauses every password sign-in for a minute past the instance-wide ceiling, and logs it once", async () => {
    const { db } = await withUser();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    // Seeded as if GLOBAL_LIMIT - 1 failures had come from as many addresses (hashing 1000 wrong passwords would be slow).
    db.$client
      .prepare("INSERT INTO sign_in_throttle (key, failures, window_started_at) VALUES (?, ?, ?)")
      .run(GLOBAL_KEY, GLOBAL_LIMIT.failures - 1, NOW);
    await checkSignIn(db, attempt({ password: "wrong", address: "198.51.100.9" }), NOW + 1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /1000 failed sign-ins in 15 minutes across all addresses; password sign-in paused for 60 s/,
    );
    expect(await checkSignIn(db, attempt({ address: "203.0.113.10" }), NOW + 2)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(await checkSignIn(db, attempt({ address: "203.0.113.10" }), NOW + 1 + GLOBAL_LIMIT.blockMs)).toMatchObject({
      ok: true,
    });
    warn.mockRestore();
  });

  it("blocks an address that tries many accounts", async () => {
    const { db } = await withUser();
    for (let i = 0; i < ADDRESS_LIMIT.failures; i++)
      await checkSignIn(db, attempt({ email: `u${i}@example.com` }), NOW);
    expect(await checkSignIn(db, attempt(), NOW + 1)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await checkSignIn(db, attempt({ address: "192.0.2.77" }), NOW + 1)).toMatchObject({ ok: true });
  });

  it("asks for a second factor, then accepts a TOTP code or a single-use recovery code", async () => {
    const { db, actor } = await withUser();
    const secret = beginTotp(db, actor, NOW);
    const codes = confirmTotp(db, actor, currentTotp(secret, NOW), NOW);
    expect(codes).toHaveLength(10);
    expect(await checkSignIn(db, attempt(), NOW)).toEqual({ ok: false, reason: "code_required" });
    expect(
      await checkSignIn(db, attempt({ code: "000000" === currentTotp(secret, NOW) ? "111111" : "000000" }), NOW),
    ).toEqual({ ok: false, reason: "code_invalid" });
    expect(await checkSignIn(db, attempt({ code: currentTotp(secret, NOW + 30_000) }), NOW + 30_000)).toMatchObject({
      ok: true,
    });
    const code = must(codes[0], "a recovery code");
    expect(await checkSignIn(db, attempt({ code: code.toUpperCase() }), NOW)).toMatchObject({ ok: true });
    expect(await checkSignIn(db, attempt({ code }), NOW)).toEqual({ ok: false, reason: "code_invalid" });
  });

  it("accepts a TOTP code once: the same code again, or an older one, is refused within its window", async () => {
    const { db, actor, user } = await withUser();
    const secret = beginTotp(db, actor, NOW);
    confirmTotp(db, actor, currentTotp(secret, NOW), NOW);
    // The enrolment code is spent too.
    expect(await checkSignIn(db, attempt({ code: currentTotp(secret, NOW) }), NOW + 1000)).toEqual({
      ok: false,
      reason: "code_invalid",
    });
    const later = NOW + 60_000;
    const code = currentTotp(secret, later);
    expect(await checkSignIn(db, attempt({ code }), later)).toMatchObject({ ok: true });
    expect(getUser(db, user.id)?.totpLastStep).toBe(Math.floor(later / 30_000));
    expect(await checkSignIn(db, attempt({ code, address: "203.0.113.5" }), later + 5_000)).toEqual({
      ok: false,
      reason: "code_invalid",
    });
    // The previous step's code is still inside the drift window, but older than the one used.
    expect(await checkSignIn(db, attempt({ code: currentTotp(secret, later - 30_000) }), later + 5_000)).toEqual({
      ok: false,
      reason: "code_invalid",
    });
    expect(await checkSignIn(db, attempt({ code: currentTotp(secret, later + 30_000) }), later + 30_000)).toMatchObject(
      { ok: true },
    );
  });

  it("says a disabled account is disabled only to someone who knows its password", async () => {
    const { db, user } = await withUser();
    disableUser(db, { ...SYSTEM_ACTOR }, user.id, NOW);
    expect(await checkSignIn(db, attempt({ password: "wrong" }), NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkSignIn(db, attempt(), NOW)).toEqual({ ok: false, reason: "disabled" });
  });
});
