import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { ensurePage } from "@/db/seed";
import { getSubscriber } from "@/db/queries/subscribers";
import { AppError } from "../errors";
import {
  confirmSubscription,
  pruneSubscribeThrottles,
  subscribe,
  throttleSubscribe,
  unsubscribe,
  SUBSCRIBE_LIMIT,
} from "./subscribers";

const T0 = Date.parse("2026-11-24T12:00:00Z");

function db() {
  const d = testDatabase();
  ensurePage(d, { name: "Acme", timeZone: "Etc/UTC", now: T0 });
  return d;
}

function fieldErrors(fn: () => unknown): Record<string, string[]> {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.fieldErrors ?? {};
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("public subscriptions", () => {
  it("refuses bad addresses and URLs with clear messages", () => {
    const d = db();
    expect(fieldErrors(() => subscribe(d, { kind: "email", email: "nope" }, { allowPrivate: false }))).toEqual({
      email: ["Enter a valid email address"],
    });
    expect(
      fieldErrors(() =>
        subscribe(d, { kind: "email", email: `${"a".repeat(250)}@example.com` }, { allowPrivate: false }),
      ).email?.[0],
    ).toMatch(/At most 254/);
    expect(
      fieldErrors(() => subscribe(d, { kind: "webhook", url: "javascript:alert(1)" }, { allowPrivate: false }))
        .url?.[0],
    ).toMatch(/Only http/);
    expect(
      fieldErrors(() => subscribe(d, { kind: "webhook", url: "http://192.168.0.1/hook" }, { allowPrivate: false }))
        .url?.[0],
    ).toMatch(/private or local/);
    expect(
      fieldErrors(() =>
        subscribe(d, { kind: "email", email: "a@example.com", componentIds: ["nosuch"] }, { allowPrivate: false }),
      ),
    ).toEqual({ componentIds: ["unknown component nosuch"] });
  });

  it("double opt-in: unconfirmed until the link is followed; one-click unsubscribe deletes it", () => {
    const d = db();
    const first = subscribe(d, { kind: "email", email: "Reader@Example.com" }, { allowPrivate: false, now: T0 });
    expect(first).toMatchObject({ needsConfirmation: true, secret: null });
    expect(first.subscriber).toMatchObject({ address: "reader@example.com", confirmedAt: null });
    // Asking again re-sends the confirmation; once confirmed, nothing changes.
    expect(
      subscribe(d, { kind: "email", email: "reader@example.com" }, { allowPrivate: false, now: T0 + 1 })
        .needsConfirmation,
    ).toBe(true);
    expect(confirmSubscription(d, first.subscriber.token, T0 + 2).confirmedAt).toBe(T0 + 2);
    expect(
      subscribe(d, { kind: "email", email: "reader@example.com" }, { allowPrivate: false, now: T0 + 3 })
        .needsConfirmation,
    ).toBe(false);
    expect(() => confirmSubscription(d, "wrong-token")).toThrow(/not valid/);
    expect(unsubscribe(d, first.subscriber.token)?.id).toBe(first.subscriber.id);
    expect(getSubscriber(d, first.subscriber.id)).toBeUndefined();
    expect(unsubscribe(d, first.subscriber.token)).toBeNull();
  });

  it("gives a webhook a new secret until it is confirmed", () => {
    const d = db();
    const a = subscribe(d, { kind: "webhook", url: "https://hooks.example.com/x" }, { allowPrivate: false });
    const b = subscribe(d, { kind: "webhook", url: "https://hooks.example.com/x" }, { allowPrivate: false });
    expect(a.secret).toMatch(/^whsec_/);
    expect(b.secret).toMatch(/^whsec_/);
    expect(b.secret).not.toBe(a.secret);
    expect(getSubscriber(d, a.subscriber.id)!.secret).toBe(b.secret);
  });

  it("limits attempts per client and window", () => {
    const d = db();
    for (let i = 0; i < SUBSCRIBE_LIMIT; i++) throttleSubscribe(d, "203.0.113.5", T0 + i);
    expect(() => throttleSubscribe(d, "203.0.113.5", T0 + 10)).toThrow(/Too many/);
    throttleSubscribe(d, "203.0.113.6", T0 + 10);
    throttleSubscribe(d, "203.0.113.5", T0 + 60 * 60_000 + 1);
  });

  it("forgets a client's count once its window has passed", () => {
    const d = db();
    throttleSubscribe(d, "203.0.113.5", T0);
    throttleSubscribe(d, "203.0.113.6", T0 + 30 * 60_000);
    expect(pruneSubscribeThrottles(d, T0 + 60 * 60_000 - 1)).toBe(0);
    expect(pruneSubscribeThrottles(d, T0 + 60 * 60_000 + 1)).toBe(1);
    expect(pruneSubscribeThrottles(d, T0 + 90 * 60_000 + 1)).toBe(1);
  });
});
