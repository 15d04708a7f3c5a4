import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { ensurePage, seedDemo } from "@/db/seed";
import { createUser } from "./accounts";
import { SYSTEM_ACTOR } from "./audit";
import { exportData, importData } from "./data-transfer";
import { AppError } from "./errors";
import { buildSnapshot } from "./snapshot";
import { STATUSPAGE_DOCUMENTS } from "./statuspage";

const NOW = Date.parse("2026-11-24T12:00:00Z");

async function source() {
  const db = testDatabase();
  seedDemo(db, { name: "Demo", timeZone: "Europe/Berlin", now: NOW });
  await createUser(db, SYSTEM_ACTOR, { email: "ed@example.com", role: "editor", name: "Ed", password: "a-long-password-1" });
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
    const view = (db: typeof a) => STATUSPAGE_DOCUMENTS["summary.json"](buildSnapshot(db, { publicUrl: "http://x", now: NOW }));
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
      { ...file, tables: { ...file.tables, incident_updates: [{ id: "x", incident_id: "missing", seq: 1, status: "investigating", body: "", created_at: 1, updated_at: 1, display_at: 1 }] } },
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
  it("answers the whole export to an admin token, which loads into an empty instance", async () => {
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
});
