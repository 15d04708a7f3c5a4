// The public subscribe verb: every outcome the form can show, without HTTP.
import { beforeEach, describe, expect, it } from "vitest";
import { setDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { buildSnapshot } from "../snapshot";
import { requestSubscription } from "./request-subscription";
import { SUBSCRIBE_LIMIT } from "./subscribers";

let db: ReturnType<typeof testDatabase>;
beforeEach(() => {
  db = testDatabase();
  seedDemo(db, { name: "Subscribe Demo", timeZone: "Etc/UTC" });
  setDatabase(db);
});

const page = (emailSubscriptions: boolean) => ({
  ...buildSnapshot(db, { publicUrl: "http://status.test" }),
  emailSubscriptions,
});
const opts = { clientAddress: "198.51.100.7", allowPrivate: false };

describe("requestSubscription", () => {
  it("refuses email when the page sends no mail", async () => {
    expect(
      await requestSubscription(db, page(false), { kind: "email", email: "a@example.com", componentIds: [] }, opts),
    ).toEqual({
      ok: false,
      status: 400,
      reason: "noEmail",
      message: "Email subscriptions are not available on this page.",
    });
  });

  it("names the field of bad input", async () => {
    const r = await requestSubscription(db, page(false), { kind: "webhook", url: "not a url", componentIds: [] }, opts);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.status).toBe(400);
    expect(!r.ok && Object.keys(r.fieldErrors ?? {})).toEqual(["url"]);
  });

  it("says a webhook it cannot reach cannot receive webhooks, without saying why", async () => {
    const r = await requestSubscription(
      db,
      page(false),
      { kind: "webhook", url: "https://127.0.0.1:9/hook", componentIds: [] },
      { ...opts, allowPrivate: true },
    );
    expect(r).toEqual({
      ok: false,
      status: 400,
      reason: "form",
      message: "Please check the form.",
      fieldErrors: { url: ["This address cannot receive webhooks."] },
    });
  });

  it("throttles one client address", async () => {
    for (let i = 0; i < SUBSCRIBE_LIMIT; i++)
      await requestSubscription(db, page(false), { kind: "webhook", url: "bad", componentIds: [] }, opts);
    const r = await requestSubscription(db, page(false), { kind: "webhook", url: "bad", componentIds: [] }, opts);
    expect(!r.ok && r.status).toBe(429);
    const other = await requestSubscription(
      db,
      page(false),
      { kind: "webhook", url: "bad", componentIds: [] },
      { ...opts, clientAddress: "203.0.113.9" },
    );
    expect(!other.ok && other.status).toBe(400);
  });
});
