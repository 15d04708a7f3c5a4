import { createAlertSource } from "./alerts/sources";
import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { ensurePage, seedDemo } from "@/db/seed";
import { getSubscriber } from "@/db/queries/subscribers";
import { beginTotp, confirmTotp, createUser } from "./accounts";
import { SYSTEM_ACTOR, type Actor } from "./audit";
import { currentTotp } from "./auth/totp";
import { addSubscriber } from "./syndication/subscribers";
import { exportData, importData } from "./data-transfer";
import { AppError } from "./errors";
import { buildSnapshot } from "./snapshot";
import { STATUSPAGE_DOCUMENTS } from "./statuspage";
import { must } from "./testing";

const NOW = Date.parse("2026-11-24T12:00:00Z");

async function source() {
  const db = testDatabase();
  seedDemo(db, { name: "Demo", timeZone: "Europe/Berlin", now: NOW });
  await createUser(db, SYSTEM_ACTOR, {
    email: "ed@example.com",
    role: "editor",
    name: "Ed",
    password: "a-long-password-1",
  });
  return db;
}

describe("data export and import", () => {
  it("round-trips every table into an empty instance: the same rows and the same public view", async () => {
    const a = await source();
    const file = JSON.parse(JSON.stringify(exportData(a, NOW)));
    const b = testDatabase();
    ensurePage(b, { name: "Fresh", timeZone: "Etc/UTC" });
    const counts = importData(b, file);
    expect(counts.components).toBe(8);
    expect(counts.users).toBe(1);
    const again = exportData(b, NOW);
    expect(again.tables).toEqual(exportData(a, NOW).tables);
    const view = (db: typeof a) =>
      must(
        STATUSPAGE_DOCUMENTS["summary.json"],
        "the summary.json document",
      )(buildSnapshot(db, { publicUrl: "http://x", now: NOW }));
    expect(view(b)).toEqual(view(a));
  });

  it("refuses a non-empty instance, a foreign file and unknown tables or columns, writing nothing", async () => {
    const a = await source();
    const file = JSON.parse(JSON.stringify(exportData(a, NOW)));
    expect(() => importData(a, file)).toThrow(/empty instance/);
    const b = testDatabase();
    ensurePage(b, { name: "Fresh", timeZone: "Etc/UTC" });
    const refusals = [
      { hello: "world" },
      { ...file, version: 99 },
      { ...file, tables: { ...file.tables, nonsense: [] } },
      { ...file, tables: { ...file.tables, components: [{ ...file.tables.components[0], evil: 1 }] } },
      {
        ...file,
        tables: {
          ...file.tables,
          incident_updates: [
            {
              id: "x",
              incident_id: "missing",
              seq: 1,
              status: "investigating",
              body: "",
              created_at: 1,
              updated_at: 1,
              display_at: 1,
            },
          ],
        },
      },
    ];
    for (const bad of refusals) {
      expect(() => importData(b, bad)).toThrow();
      expect(b.$client.prepare("SELECT count(*) FROM components").pluck().get()).toBe(0);
      expect(b.$client.prepare("SELECT name FROM pages").pluck().get()).toBe("Fresh");
    }
    expect(() => importData(b, { hello: 1 })).toThrow(AppError);
  });
});

describe("export over the admin API", () => {
  it("answers the export to an admin token, which loads into an empty instance", async () => {
    const { apiFixture } = await import("./api/testing");
    const f = apiFixture();
    const res = await f.call("GET", "export");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ format: "outpost-export", version: 1 });
    const b = testDatabase();
    ensurePage(b, { name: "Fresh", timeZone: "Etc/UTC" });
    expect(importData(b, res.json).components).toBe(8);
    expect((await f.call("GET", "export", { auth: null })).status).toBe(401);
  });

  it("never holds a TOTP secret, a webhook secret or a chat webhook URL, says what it left out, and still imports", async () => {
    const { apiFixture } = await import("./api/testing");
    const f = apiFixture();
    const { user } = await createUser(f.db, SYSTEM_ACTOR, {
      email: "twofa@example.com",
      role: "admin",
      password: "a-long-password-1",
    });
    const person: Actor = { type: "user", id: user.id, label: user.email, role: "admin" };
    const totp = beginTotp(f.db, person, NOW);
    confirmTotp(f.db, person, currentTotp(totp, NOW), NOW);
    const hook = await f.call("POST", "subscribers", {
      json: { subscriber: { endpoint: "https://hooks.example.com/outpost" } },
    });
    const slackUrl = "https://hooks.slack.com/services/T000/B000/secretpart123";
    addSubscriber(f.db, SYSTEM_ACTOR, { kind: "slack", url: slackUrl, label: "ops" }, { allowPrivate: true });
    const secret = getSubscriber(f.db, hook.json.id)!.secret!;
    expect(secret).toMatch(/^whsec_/);
    const pager = createAlertSource(f.db, SYSTEM_ACTOR, {
      name: "PagerDuty",
      kind: "pagerduty",
      signingSecret: "pd-signing-secret-42",
    });

    const res = await f.call("GET", "export");
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.json);
    for (const leaked of [totp, secret, slackUrl, "secretpart123", pager.token, "pd-signing-secret-42"])
      expect(text).not.toContain(leaked);
    expect(res.json.tables.recovery_codes).toEqual([]);
    expect(res.json.omitted.join(" ")).toMatch(/users\.totp_secret.*subscribers\.secret.*slack/);

    const b = testDatabase();
    ensurePage(b, { name: "Fresh", timeZone: "Etc/UTC" });
    importData(b, res.json);
    const imported = b.$client
      .prepare("SELECT totp_secret, totp_enabled_at FROM users WHERE email = 'twofa@example.com'")
      .get();
    expect(imported).toEqual({ totp_secret: null, totp_enabled_at: null });
    const newSecret = getSubscriber(b, hook.json.id)!.secret!;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    const source = b.$client.prepare("SELECT token, signing_secret FROM alert_sources").get() as {
      token: string;
      signing_secret: string | null;
    };
    expect(source.token).toMatch(/^[\w-]{32}$/);
    expect(source.signing_secret).toBeNull();
    // The operator's own export (the CLI) keeps them, for a full move.
    expect(JSON.stringify(exportData(f.db, NOW))).toContain(totp);
  });
});
