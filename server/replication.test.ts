// The supervisor with the real Litestream binary and a `file` replica: it replicates and says so
// in replication.json, restarts Litestream when it dies, stops one left behind by a killed
// launcher, stops cleanly, and the daily check restores the replica and compares it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { litestreamConfig, readReplicationState, statePath, type ReplicationSettings } from "@/lib/replication";
import { checkReplicaRestore, litestreamBinary, startReplication, type ReplicationSupervisor } from "./replication";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, get: () => T | null | undefined | false, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`waited in vain for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Setup = { dir: string; db: Db; databasePath: string; settings: ReplicationSettings; pidFile: string };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function setup(): Setup {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-replication-test-"));
  const databasePath = path.join(dir, "data", "outpost.db");
  fs.mkdirSync(path.dirname(databasePath));
  const db = openDatabase(databasePath);
  migrateDatabase(db);
  seedDemo(db, { name: "Demo", timeZone: "Etc/UTC", now: Date.now() });
  cleanups.push(() => {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    db,
    databasePath,
    settings: { replica: { type: "file", path: path.join(dir, "replica") }, syncInterval: "1s", lagAlertSeconds: 60 },
    pidFile: path.join(dir, "data", "litestream.pid"),
  };
}

async function supervise(s: Setup): Promise<ReplicationSupervisor> {
  const sup = await startReplication({ databasePath: s.databasePath, litestreamBin: null }, s.settings);
  cleanups.push(() => sup.stop());
  return sup;
}

const stateOf = (s: Setup) => readReplicationState(statePath(s.databasePath));
const pidOf = (s: Setup) => (fs.existsSync(s.pidFile) ? Number(fs.readFileSync(s.pidFile, "utf8")) : null);

describe("the replication supervisor", () => {
  it("replicates, restarts Litestream when it dies, stops cleanly; the daily check restores and compares", async () => {
    const s = setup();
    const sup = await supervise(s);
    const synced = await until("the first sync", () => {
      const st = stateOf(s);
      return st?.process === "running" && st.syncedAt !== null && st.position ? st : null;
    });
    expect(synced.generation).toMatch(/^[0-9a-f]{16}$/);

    const check = await checkReplicaRestore(s.db, {
      databasePath: s.databasePath,
      litestreamBin: null,
      replication: s.settings,
    });
    expect(check).toMatchObject({ ok: true, message: null });
    expect(check !== "skipped" && check.rows).toBeGreaterThan(100);

    // Litestream dies: it is started again (a new process), and replicates again.
    const first = await until("Litestream's pid", () => pidOf(s));
    process.kill(first, "SIGKILL");
    const second = await until("a new Litestream", () => {
      const p = pidOf(s);
      return p && p !== first ? p : null;
    });
    expect(alive(second)).toBe(true);
    expect(stateOf(s)?.restarts).toBe(1);
    await until("running again", () => stateOf(s)?.process === "running");

    await sup.stop();
    expect(alive(second)).toBe(false);
    expect(fs.existsSync(s.pidFile)).toBe(false);
    expect(stateOf(s)?.process).toBe("stopped");
  }, 60_000);

  it("stops a Litestream left running by a killed launcher before starting its own", async () => {
    const s = setup();
    // What a launcher killed with SIGKILL leaves: Litestream still replicating, and its pid file.
    const config = path.join(s.dir, "leftover.yml");
    fs.writeFileSync(config, litestreamConfig(s.databasePath, s.settings));
    const leftover = spawn(litestreamBinary(), ["replicate", "-config", config], { stdio: "ignore" });
    cleanups.push(() => void leftover.kill("SIGKILL"));
    await until("the leftover to start", () => leftover.pid);
    fs.writeFileSync(s.pidFile, String(leftover.pid));
    const exited = new Promise((r) => leftover.once("exit", r));

    await supervise(s);
    await exited;
    expect(alive(leftover.pid!)).toBe(false);
    const own = await until("its own Litestream", () => {
      const p = pidOf(s);
      return p && p !== leftover.pid ? p : null;
    });
    expect(alive(own)).toBe(true);
  }, 60_000);

  it("a replica that cannot be restored fails the daily check with Litestream's reason", async () => {
    const s = setup();
    await supervise(s);
    await until("the first sync", () => stateOf(s)?.syncedAt);
    // The replica's files gone (a store emptied behind Outpost's back).
    fs.rmSync(path.join(s.dir, "replica"), { recursive: true, force: true });
    fs.mkdirSync(path.join(s.dir, "replica"));
    const check = await checkReplicaRestore(s.db, {
      databasePath: s.databasePath,
      litestreamBin: null,
      replication: s.settings,
    });
    expect(check).toMatchObject({ ok: false, message: "no matching backups found" });
  }, 60_000);
});
