// Probe agents' results on a migrated in-memory database: per-location anti-flap, the verdict by
// quorum, "regional" staying off the public status, silent agents losing their vote, and
// batches that count once however often they are sent.
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getComponent } from "@/db/queries/components";
import { getMonitor, listRecentChecks, type MonitorRow } from "@/db/queries/monitors";
import { getAgent, listLocations, type ProbeAgentRow } from "@/db/queries/probes";
import { getToken } from "@/db/queries/tokens";
import { insertUser } from "@/db/queries/users";
import { ensurePage } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { SYSTEM_ACTOR, type Actor } from "../audit";
import { createComponent } from "../components";
import { authenticateToken } from "../tokens";
import type { Result } from "./agent/protocol";
import { createProbeAgent, deleteProbeAgent, watchAgents } from "./agents";
import { recordCheck } from "./engine";
import { acceptResults } from "./ingest";
import { locationVerdict } from "./locations";
import { createMonitor, locationNames, updateMonitor } from "./monitors";

const admin: Actor = { type: "user", id: "a", label: "admin@example.com", role: "admin" };
const T0 = Date.parse("2026-12-01T12:00:00Z");
const POLL_MS = 30_000; // OUTPOST_PROBE_POLL_SECONDS' default

let db: Db;
let componentId: string;
let agents: Record<string, ProbeAgentRow>;
let monitor: MonitorRow;
let seq: Record<string, number>;

beforeEach(() => {
  db = testDatabase();
  ensurePage(db, { name: "Test", timeZone: "Etc/UTC", now: T0 - 60_000 });
  insertUser(db, { id: "a", email: "admin@example.com", name: "Admin", role: "admin", createdAt: T0, updatedAt: T0 });
  componentId = createComponent(db, SYSTEM_ACTOR, { name: "Checkout" }, T0 - 60_000).id;
  agents = Object.fromEntries(
    [
      ["eu-west", "Frankfurt"],
      ["us-east", "Virginia"],
    ].map(([name, label]) => [name, createProbeAgent(db, admin, { name: name!, label: label! }, T0).agent]),
  );
  monitor = createMonitor(
    db,
    admin,
    {
      componentId,
      name: "Checkout page",
      kind: "http",
      settings: { url: "https://checkout.example.com/" },
      locations: ["local", "eu-west", "us-east"],
    },
    T0,
  );
  seq = {};
});

/** A batch from an agent: one result per outcome ("x" fails, "." passes), a second apart from `at`. */
function send(name: string, outcomes: string, at: number, boot = `${name}-boot-1`) {
  const results: Result[] = [...outcomes].map((c, i) => ({
    seq: (seq[name] = (seq[name] ?? 0) + 1),
    monitor_id: monitor.id,
    at: new Date(at + i * 1000).toISOString(),
    ok: c === ".",
    latency_ms: c === "." ? 40 : null,
    error: c === "." ? null : "HTTP 503",
  }));
  const agent = getAgent(db, agents[name]!.id)!;
  return acceptResults(db, agent, { agent: { boot, version: "1.0.0" }, results }, { now: at + 5000, skewMs: 0 });
}

function local(ok: boolean, at: number) {
  return recordCheck(
    db,
    getMonitor(db, monitor.id)!,
    { ok, latencyMs: ok ? 30 : null, error: ok ? null : "HTTP 503" },
    { now: at, lateMs: 0, nextCheckAt: at + 60_000 },
  );
}

const health = () => getMonitor(db, monitor.id)!.health;
const status = () => getComponent(db, componentId)!.status;

describe("probe agents' results", () => {
  it("keeps the monitor's locations by name, and a probe token that authenticates as probe", () => {
    expect(locationNames(db, monitor).sort()).toEqual(["eu-west", "local", "us-east"]);
    expect(listLocations(db, [monitor.id])).toHaveLength(3);
    const token = getToken(db, agents["eu-west"]!.tokenId)!;
    expect(token.scope).toBe("probe");
  });

  it("one location failing is regional (the public status stays); two of three take the component down", () => {
    local(true, T0);
    send("eu-west", ".", T0);
    send("us-east", ".", T0);
    expect(health()).toBe("up");
    // eu-west fails twice (its own anti-flap confirmation): regional, operational in public.
    const regional = send("eu-west", "xx", T0 + 60_000);
    expect(health()).toBe("regional");
    expect(status()).toBe("operational");
    expect(regional.alerts.map((a) => [a.kind, a.error])).toEqual([
      ["regional", "Down from eu-west; up from local, us-east"],
    ]);
    // One failure from us-east is not yet its verdict; the second is, and it makes two of three.
    send("us-east", "x", T0 + 61_000);
    expect(health()).toBe("regional");
    const down = send("us-east", "x", T0 + 62_000);
    expect(health()).toBe("down");
    expect(status()).toBe("major_outage");
    expect(down.alerts.map((a) => a.kind)).toEqual(["down"]);
    expect(locationVerdict(db, getMonitor(db, monitor.id)!, T0 + 70_000).note).toBe(
      "Down from eu-west, us-east; up from local",
    );
    // Back from both: up again, the component restored.
    send("eu-west", "..", T0 + 120_000);
    send("us-east", "..", T0 + 120_000);
    expect(health()).toBe("up");
    expect(status()).toBe("operational");
  });

  it("a new quorum takes the verdict again at once", () => {
    local(true, T0);
    send("eu-west", "xx", T0);
    send("us-east", ".", T0);
    expect(health()).toBe("regional");
    updateMonitor(db, admin, monitor.id, { quorum: 1 }, T0 + 10_000);
    expect(health()).toBe("down");
    expect(status()).toBe("major_outage");
    updateMonitor(db, admin, monitor.id, { quorum: null }, T0 + 20_000);
    expect(health()).toBe("regional");
    expect(status()).toBe("operational");
  });

  it("a batch sent again counts once; a new boot starts a new sequence", () => {
    const first = send("eu-west", "..", T0);
    expect(first.response).toMatchObject({ accepted: 2, duplicates: 0, acked_seq: 2 });
    seq["eu-west"] = 0; // the same seqs again: a lost answer, the batch resent
    const again = send("eu-west", "..", T0);
    expect(again.response).toMatchObject({ accepted: 0, duplicates: 2, acked_seq: 2 });
    expect(listRecentChecks(db, monitor.id, 10).filter((c) => c.location === "eu-west")).toHaveLength(2);
    seq["eu-west"] = 0;
    const reborn = send("eu-west", ".", T0 + 10_000, "eu-west-boot-2");
    expect(reborn.response).toMatchObject({ accepted: 1, duplicates: 0, acked_seq: 1 });
    expect(listRecentChecks(db, monitor.id, 10).filter((c) => c.location === "eu-west")).toHaveLength(3);
  });

  it("results for a monitor the agent no longer checks are ignored, and a buffered old result is history only", () => {
    updateMonitor(db, admin, monitor.id, { locations: ["local", "us-east"] }, T0);
    const r = send("eu-west", "x", T0 + 1000);
    expect(r.response).toMatchObject({ accepted: 0, ignored: 1, acked_seq: 1 });
    send("us-east", "..", T0 + 10_000);
    const old = send("us-east", "xx", T0); // sent late, older than what the location has
    expect(old.response.accepted).toBe(2);
    expect(health()).not.toBe("down");
    expect(listLocations(db, [monitor.id]).find((l) => l.location === agents["us-east"]!.id)?.health).toBe("up");
  });

  it("a silent agent's vote stops counting, staff are told once, and again when it is back", () => {
    local(true, T0);
    send("eu-west", "xx", T0);
    send("us-east", "xx", T0);
    expect(status()).toBe("major_outage");
    // us-east keeps reporting; eu-west goes quiet for three polls.
    send("us-east", "x", T0 + 3 * POLL_MS);
    const quiet = watchAgents(db, T0 + 3 * POLL_MS + 6000);
    expect(quiet.notices.map((n) => n.title)).toEqual(["SILENT: probe agent eu-west (Frankfurt)"]);
    expect(getAgent(db, agents["eu-west"]!.id)!.silentSince).toBe(T0 + 3 * POLL_MS + 6000);
    expect(health()).toBe("regional");
    expect(status()).toBe("operational");
    expect(watchAgents(db, T0 + 3 * POLL_MS + 7000).notices).toEqual([]);
    // Back (still failing): its vote counts again, and staff hear it is back.
    send("eu-west", "x", T0 + 4 * POLL_MS);
    const back = watchAgents(db, T0 + 4 * POLL_MS + 6000);
    expect(back.notices.map((n) => n.severity)).toEqual(["ok"]);
    expect(health()).toBe("down");
  });

  it("removing an agent revokes its token; a monitor left with the server alone is checked as before", () => {
    const only = createMonitor(
      db,
      admin,
      {
        componentId,
        name: "API",
        kind: "tcp",
        settings: { host: "api.example.com", port: 443 },
        locations: ["eu-west"],
      },
      T0,
    );
    expect(getMonitor(db, only.id)!.checksLocally).toBe(false);
    const tokenId = agents["eu-west"]!.tokenId;
    deleteProbeAgent(db, admin, agents["eu-west"]!.id, T0 + 1000);
    expect(getToken(db, tokenId)!.revokedAt).toBe(T0 + 1000);
    expect(authenticateToken(db, "op_whatever", undefined)).toBeNull();
    expect(locationNames(db, only)).toEqual(["local"]);
    expect(getMonitor(db, only.id)!.checksLocally).toBe(true);
    expect(locationNames(db, monitor).sort()).toEqual(["local", "us-east"]);
  });

  it("refuses unknown agents, a heartbeat elsewhere than local, and a quorum above the locations", () => {
    const base = { componentId, name: "X", kind: "http" as const, settings: { url: "https://x.example.com/" } };
    expect(() => createMonitor(db, admin, { ...base, locations: ["mars"] }, T0)).toThrow(
      /No probe agent is named mars/,
    );
    expect(() => createMonitor(db, admin, { ...base, locations: ["local", "eu-west"], quorum: 3 }, T0)).toThrow(
      /at most the number of locations/,
    );
    expect(() =>
      createMonitor(
        db,
        admin,
        {
          ...base,
          kind: "heartbeat",
          settings: { periodSeconds: 300, graceSeconds: 60 },
          locations: ["local", "eu-west"],
        },
        T0,
      ),
    ).toThrow(/heartbeat/);
  });
});
