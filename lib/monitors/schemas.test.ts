import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { ensurePage } from "@/db/seed";
import type { Actor } from "../audit";
import { createComponent } from "../components";
import { AppError } from "../errors";
import { PUBLIC_ONLY, type TargetPolicy } from "../net/targets";
import { createMonitor, updateMonitor } from "./monitors";
import { isPrivateAddress, targetWarning } from "./schemas";

const ed: Actor = { type: "user", id: "u", label: "ed@example.com", role: "editor" };
const admin: Actor = { type: "user", id: "a", label: "admin@example.com", role: "admin" };
const INTERNAL: TargetPolicy = { allowPrivate: true, allowMetadata: false };

function setup() {
  const db = testDatabase();
  ensurePage(db, { name: "Test", timeZone: "Etc/UTC" });
  return { db, api: createComponent(db, ed, { name: "API" }) };
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("monitor input", () => {
  it("refuses non-http(s) URLs, out-of-range ports and intervals below 15 s with clear messages", () => {
    const { db, api } = setup();
    const base = { componentId: api.id, name: "API" };
    const ftp = refusal(() =>
      createMonitor(db, ed, { ...base, kind: "http", settings: { url: "ftp://example.com/" } }),
    );
    expect(ftp.fieldErrors).toEqual({ "settings.url": ["Use an http:// or https:// URL"] });
    const port = refusal(() =>
      createMonitor(db, ed, { ...base, kind: "tcp", settings: { host: "db.example.com", port: 70000 } }),
    );
    expect(port.fieldErrors).toEqual({ "settings.port": ["A port is between 1 and 65535"] });
    const interval = refusal(() =>
      createMonitor(db, ed, { ...base, kind: "http", intervalSeconds: 5, settings: { url: "https://example.com/" } }),
    );
    expect(interval.message).toBe("intervalSeconds: Checks run at most every 15 seconds");
    const unknown = refusal(() =>
      createMonitor(db, ed, { ...base, componentId: "nope", kind: "http", settings: { url: "https://example.com/" } }),
    );
    expect(unknown.fieldErrors).toEqual({ componentId: ["unknown component"] });
    const timeout = refusal(() =>
      createMonitor(db, ed, {
        ...base,
        kind: "http",
        intervalSeconds: 15,
        timeoutMs: 20_000,
        settings: { url: "https://example.com/" },
      }),
    );
    expect(timeout.fieldErrors?.timeoutMs).toEqual(["The timeout must not be longer than the interval"]);
  });

  it("creates with defaults (2/2 thresholds, first check within one interval) and a heartbeat secret", () => {
    const { db, api } = setup();
    const now = Date.parse("2026-11-24T12:00:00Z");
    const m = createMonitor(
      db,
      ed,
      { componentId: api.id, name: "API", kind: "http", settings: { url: "https://example.com/health" } },
      now,
    );
    expect(m).toMatchObject({
      failThreshold: 2,
      recoverThreshold: 2,
      intervalSeconds: 60,
      paused: false,
      heartbeatToken: null,
      health: "unknown",
    });
    expect(m.settings).toEqual({
      method: "GET",
      url: "https://example.com/health",
      headers: {},
      statusMin: 200,
      statusMax: 299,
      keyword: null,
      followRedirects: true,
    });
    expect(m.nextCheckAt).toBeGreaterThanOrEqual(now);
    expect(m.nextCheckAt).toBeLessThan(now + 60_000);
    const hb = createMonitor(
      db,
      ed,
      { componentId: api.id, name: "Nightly job", kind: "heartbeat", settings: { periodSeconds: 86_400 } },
      now,
    );
    expect(hb.heartbeatToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const paused = updateMonitor(db, ed, m.id, { paused: true }, now);
    expect(paused.paused).toBe(true);
    expect(
      refusal(() => updateMonitor(db, ed, m.id, { settings: { url: "javascript:alert(1)" } })).fieldErrors,
    ).toEqual({ "settings.url": ["Use an http:// or https:// URL"] });
  });

  it("warns, without refusing, about loopback and private targets", async () => {
    expect(isPrivateAddress("127.0.0.1")).toBe(true);
    expect(isPrivateAddress("10.1.2.3")).toBe(true);
    expect(isPrivateAddress("172.20.0.1")).toBe(true);
    expect(isPrivateAddress("192.168.1.1")).toBe(true);
    expect(isPrivateAddress("::1")).toBe(true);
    expect(isPrivateAddress("fd00::1")).toBe(true);
    expect(isPrivateAddress("8.8.8.8")).toBe(false);
    const local = {
      method: "GET" as const,
      url: "http://127.0.0.1:8080/",
      headers: {},
      statusMin: 200,
      statusMax: 299,
      keyword: null,
      followRedirects: true,
    };
    expect(await targetWarning("http", local, INTERNAL)).toMatch(
      /127\.0\.0\.1, a loopback or private address: make sure/,
    );
    expect(await targetWarning("http", local, PUBLIC_ONLY)).toMatch(
      /127\.0\.0\.1, a loopback or private address: checks will refuse it unless an admin marks this monitor as an internal target/,
    );
    expect(await targetWarning("tcp", { host: "169.254.169.254", port: 80 }, INTERNAL)).toMatch(
      /cloud metadata address .*OUTPOST_ALLOW_METADATA_TARGETS/,
    );
    expect(await targetWarning("tcp", { host: "8.8.8.8", port: 53 }, PUBLIC_ONLY)).toBeNull();
    expect(await targetWarning("heartbeat", { periodSeconds: 60, graceSeconds: 0 }, PUBLIC_ONLY)).toBeNull();
  });

  it("[security] lets only admins set the internal-target flag, or re-point a monitor that has it", () => {
    const { db, api } = setup();
    const base = {
      componentId: api.id,
      name: "Intranet",
      kind: "http" as const,
      settings: { url: "http://10.0.0.5/health" },
    };
    const denied = refusal(() => createMonitor(db, ed, { ...base, internalTarget: true }));
    expect(denied.code).toBe("forbidden");
    expect(denied.fieldErrors).toEqual({ internalTarget: ["admins only"] });
    const plain = createMonitor(db, ed, base);
    expect(plain.internalTarget).toBe(false);
    expect(refusal(() => updateMonitor(db, ed, plain.id, { internalTarget: true })).code).toBe("forbidden");
    const flagged = updateMonitor(db, admin, plain.id, { internalTarget: true });
    expect(flagged.internalTarget).toBe(true);
    // An editor may still rename it or send the same settings back (the form always does)…
    expect(updateMonitor(db, ed, plain.id, { name: "Intranet API", settings: base.settings }).name).toBe(
      "Intranet API",
    );
    // …but not aim it at another inside address, nor drop the flag.
    expect(refusal(() => updateMonitor(db, ed, plain.id, { settings: { url: "http://10.0.0.6:6379/" } })).code).toBe(
      "forbidden",
    );
    expect(refusal(() => updateMonitor(db, ed, plain.id, { internalTarget: false })).code).toBe("forbidden");
    expect(updateMonitor(db, admin, plain.id, { settings: { url: "http://10.0.0.6/health" } }).settings).toMatchObject({
      url: "http://10.0.0.6/health",
    });
  });
});
