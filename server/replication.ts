// Runs Litestream beside the server when LITESTREAM_REPLICA_URL is set: the launcher (the cluster
// primary, or the one process) starts it once the database is ready, restarts it with a backoff
// when it exits or is stuck on an upload, reads its metrics each second into replication.json
// (what /api/health, the infrastructure page and the lag alert read), and stops it last, after
// the database is closed, so its final sync carries the last writes.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import readline from "node:readline";
import type { Db } from "@/db/client";
import { readDataVersion } from "@/db/queries/version";
import { countRows, inspectDatabase, type ReplicaCheck } from "@/lib/backup";
import type { Config } from "@/lib/config";
import { fail } from "./fail";
import {
  describeReplica,
  litestreamConfig,
  nextState,
  parseLitestreamMetrics,
  pendingAfterRestart,
  replicationNow,
  statePath,
  writeReplicationState,
  type Pending,
  type ReplicationSettings,
  type ReplicationState,
} from "@/lib/replication";
import { freePort } from "@/lib/net/free-port";

const POLL_MS = 1_000;
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/** Up this long, Litestream counts as healthy again: the backoff starts over. */
const HEALTHY_AFTER_MS = 60_000;
/** Litestream's own shutdown (a last sync) gets this long before SIGKILL. */
const STOP_TIMEOUT_MS = 15_000;
/**
 * An upload begun this long ago and not finished means Litestream is stuck: 0.3.13 blocks for
 * good on a WAL upload after its SFTP connection dropped, silently, until it is restarted. It
 * logs nothing while uploading, so slow and stuck look alike: a WAL segment (new pages since the
 * last sync) gets a minute, a snapshot (the whole database, e.g. the first upload) ten.
 */
const STUCK_AFTER_MS = { wal: 60_000, snapshot: 10 * 60_000 };
/** A stuck Litestream ignores SIGTERM after its last sync: SIGKILL after this. */
const STUCK_KILL_AFTER_MS = 5_000;
/** A line Litestream repeats (an error each second while the store is away) is logged this often. */
const REPEAT_LOG_MS = 60_000;
/** Routine lines Litestream prints at every sync; the rest (starts, errors) go to the log. */
const ROUTINE = /msg="(write wal segment|wal segment written|write snapshot|snapshot written)"/;

/** The Litestream binary: LITESTREAM_BIN, else the one the npm package brings for this platform. */
export function litestreamBinary(bin: string | null = null): string {
  if (bin) return bin;
  const pkg = `@flydotio/litestream-${process.platform}-${process.arch}/package.json`;
  try {
    return path.join(path.dirname(createRequire(path.join(process.cwd(), "package.json")).resolve(pkg)), "litestream");
  } catch {
    throw new Error(
      `Litestream is not installed for ${process.platform}-${process.arch}: run npm install, or set LITESTREAM_BIN to a litestream binary`,
    );
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A Litestream left running by a launcher that was killed (SIGKILL leaves children behind) would
 * replicate the same database twice: stop it first. Only a `litestream replicate` process counts.
 */
async function stopLeftover(pidFile: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile, "utf8").trim());
  } catch {
    return;
  }
  if (!pid || !alive(pid)) return;
  let cmdline = "";
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    /* not Linux: trust the pid file */
  }
  if (cmdline && !(cmdline.includes("litestream") && cmdline.includes("replicate"))) return;
  console.log(`outpost: stopping a Litestream left running (pid ${pid})`);
  process.kill(pid, "SIGTERM");
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, "SIGKILL");
}

export type ReplicationSupervisor = { stop(): Promise<void> };

/** The launcher's call: null when replication is off; a clear line and exit when Litestream cannot run. */
export async function startReplicationOrFail(cfg: Config): Promise<ReplicationSupervisor | null> {
  if (!cfg.replication) return null;
  try {
    return await startReplication(cfg, cfg.replication);
  } catch (err) {
    fail(`cannot replicate the database: ${(err as Error).message}`);
  }
}

export async function startReplication(
  cfg: Pick<Config, "databasePath" | "litestreamBin"> & { port?: number },
  settings: ReplicationSettings,
): Promise<ReplicationSupervisor> {
  const bin = litestreamBinary(cfg.litestreamBin);
  const dataDir = path.dirname(cfg.databasePath);
  const pidFile = path.join(dataDir, "litestream.pid");
  const stateFile = statePath(cfg.databasePath);
  await stopLeftover(pidFile);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-litestream-"));
  const configFile = path.join(work, "litestream.yml");
  /**
   * Litestream's metrics port, chosen afresh at each start: a port free a moment ago may be taken
   * by then (another helper, or the server's own PORT, which is bound after Litestream starts and
   * so is never chosen), and a Litestream that cannot bind it exits.
   */
  let port = 0;
  const configure = async () => {
    port = await freePort(cfg.port ? [cfg.port] : []);
    fs.writeFileSync(configFile, litestreamConfig(cfg.databasePath, settings, `127.0.0.1:${port}`), { mode: 0o600 });
  };
  await configure();

  const now = Date.now();
  let state: ReplicationState = {
    replica: describeReplica(settings.replica),
    process: "starting",
    pid: null,
    generation: null,
    position: null,
    syncedAt: null,
    behindSince: null,
    startedAt: now,
    checkedAt: now,
    syncErrors: 0,
    lastError: null,
    restarts: 0,
  };
  const save = () => {
    try {
      writeReplicationState(stateFile, state);
    } catch (err) {
      console.error(`outpost: cannot write ${stateFile}: ${(err as Error).message}`);
    }
  };
  save();

  let child: ChildProcess | null = null;
  let stopping = false;
  let crashes = 0;
  let startedAt = 0;
  let restartTimer: NodeJS.Timeout | null = null;
  let polling = false;
  const repeated = new Map<string, number>();
  /** The database's positions not yet on the replica, with when each was seen. */
  let pending: Pending[] = [];
  /** The upload now under way and when it began (null: none). */
  let upload: { kind: "wal" | "snapshot"; since: number } | null = null;

  const launch = () => {
    restartTimer = null;
    if (stopping) return;
    startedAt = Date.now();
    pending = pendingAfterRestart(pending);
    const c = spawn(bin, ["replicate", "-config", configFile], {
      stdio: ["ignore", "pipe", "pipe"],
      env: process.env,
    });
    child = c;
    let lastLine = "";
    upload = null;
    const onLine = (line: string) => {
      if (/msg="write wal segment"/.test(line)) upload ??= { kind: "wal", since: Date.now() };
      else if (/msg="write snapshot"/.test(line)) upload = { kind: "snapshot", since: Date.now() };
      else if (/msg="(wal segment written|snapshot written)"/.test(line)) upload = null;
      const generation = /generation=([0-9a-f]{16})/.exec(line) ?? /position=([0-9a-f]{16})\//.exec(line);
      if (generation) state = { ...state, generation: generation[1]! };
      if (/level=(ERROR|WARN)/.test(line)) {
        lastLine = line;
        state = { ...state, lastError: { at: Date.now(), message: line.replace(/^time=\S+\s+/, "") } };
      }
      if (ROUTINE.test(line)) return;
      // The same error each second while a store is away: once a minute in the log.
      const key = line.replace(/^time=\S+\s+/, "");
      const seen = repeated.get(key);
      if (seen && Date.now() - seen < REPEAT_LOG_MS) return;
      repeated.set(key, Date.now());
      if (repeated.size > 100) repeated.clear();
      console.log(`litestream: ${line}`);
    };
    readline.createInterface({ input: c.stdout! }).on("line", onLine);
    readline.createInterface({ input: c.stderr! }).on("line", onLine);
    c.on("error", (err) => {
      lastLine = err.message;
      console.error(`outpost: cannot run Litestream (${bin}): ${err.message}`);
    });
    c.on("spawn", () => {
      if (c.pid) fs.writeFileSync(pidFile, String(c.pid));
      state = { ...state, pid: c.pid ?? null };
    });
    c.on("exit", (code, signal) => {
      if (child === c) child = null;
      if (stopping) return;
      if (Date.now() - startedAt > HEALTHY_AFTER_MS) crashes = 0;
      const wait = BACKOFF_MS[Math.min(crashes, BACKOFF_MS.length - 1)]!;
      crashes++;
      const why = signal ? `signal ${signal}` : `code ${code}`;
      console.error(`outpost: Litestream exited (${why}); starting it again in ${wait / 1000} s`);
      state = {
        ...state,
        process: "stopped",
        pid: null,
        restarts: state.restarts + 1,
        lastError: { at: Date.now(), message: `exited (${why})${lastLine ? `: ${lastLine}` : ""}` },
      };
      save();
      restartTimer = setTimeout(() => {
        configure().then(launch, (err: Error) => {
          console.error(`outpost: cannot configure Litestream: ${err.message}`);
          restartTimer = setTimeout(launch, wait);
        });
      }, wait);
    });
  };

  const poll = async () => {
    if (polling || stopping) return;
    polling = true;
    try {
      let metrics = null;
      if (child) {
        const res = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(POLL_MS) }).catch(
          () => null,
        );
        metrics = res?.ok ? parseLitestreamMetrics(await res.text()) : null;
      }
      ({ state, pending } = nextState(state, metrics, Date.now(), pending));
      if (!stopping) save();
      const c = child;
      if (c && upload && Date.now() - upload.since > STUCK_AFTER_MS[upload.kind]) {
        console.error(
          `outpost: Litestream has been uploading a ${upload.kind === "wal" ? "WAL segment" : "snapshot"} for ${Math.round((Date.now() - upload.since) / 1000)} s without finishing; restarting it`,
        );
        upload = null;
        c.kill("SIGTERM");
        setTimeout(() => {
          if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
        }, STUCK_KILL_AFTER_MS).unref();
      }
    } finally {
      polling = false;
    }
  };

  launch();
  const timer = setInterval(() => void poll(), POLL_MS);
  console.log(`outpost: replicating the database to ${state.replica} with Litestream (every ${settings.syncInterval})`);

  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      clearInterval(timer);
      if (restartTimer) clearTimeout(restartTimer);
      const c = child;
      if (c && c.exitCode === null && c.signalCode === null) {
        const exited = new Promise<void>((r) => c.once("exit", () => r()));
        c.kill("SIGTERM");
        const timeout = setTimeout(() => c.kill("SIGKILL"), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timeout);
      }
      fs.rmSync(pidFile, { force: true });
      fs.rmSync(work, { recursive: true, force: true });
      state = { ...state, process: "stopped", pid: null, checkedAt: Date.now() };
      save();
    },
  };
}

/** What `litestream restore` printed last when it failed: its error, without the time stamp. */
function lastError(output: string): string {
  const lines = output
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const line = [...lines].reverse().find((l) => /level=ERROR|^error|error:/i.test(l)) ?? lines.at(-1) ?? "";
  // Litestream logs key=value pairs: its reason is error="...".
  return /error="((?:[^"\\]|\\.)*)"/.exec(line)?.[1] ?? line.replace(/^time=\S+\s+/, "");
}

/**
 * Restores the replica's latest state into `outFile` (which must not exist) with
 * `litestream restore`. Resolves with the time it took; rejects with Litestream's own reason.
 */
export async function restoreFromReplica(
  bin: string,
  databasePath: string,
  settings: Pick<ReplicationSettings, "replica" | "syncInterval">,
  outFile: string,
  timeoutMs = 10 * 60_000,
): Promise<{ ms: number }> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-litestream-restore-"));
  const configFile = path.join(work, "litestream.yml");
  fs.writeFileSync(configFile, litestreamConfig(databasePath, settings), { mode: 0o600 });
  const started = performance.now();
  try {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const c = spawn(bin, ["restore", "-config", configFile, "-o", outFile, databasePath], {
        stdio: ["ignore", "pipe", "pipe"],
        env: process.env,
      });
      let output = "";
      c.stdout!.on("data", (d: Buffer) => (output += d.toString()));
      c.stderr!.on("data", (d: Buffer) => (output += d.toString()));
      const timer = setTimeout(() => c.kill("SIGKILL"), timeoutMs);
      c.on("error", (err) => {
        clearTimeout(timer);
        reject(new Error(`cannot run Litestream (${bin}): ${err.message}`));
      });
      c.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
    if (code !== 0 || !fs.existsSync(outFile))
      throw new Error(lastError(output) || `litestream restore exited with code ${code}`);
    return { ms: performance.now() - started };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The daily proof that the replica restores: `litestream restore` into a scratch file, then its
 * integrity_check and row counts against the database's. Runs only while the replica is in step
 * and nothing is written meanwhile (else "skipped", tried again later), so a difference is real.
 */
export async function checkReplicaRestore(
  db: Db,
  cfg: Pick<Config, "databasePath" | "litestreamBin" | "replication">,
  now = Date.now(),
): Promise<ReplicaCheck | "skipped"> {
  if (!cfg.replication || replicationNow(cfg, now).state !== "ok") return "skipped";
  const version = readDataVersion(db);
  const expected = countRows(db.$client);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-replica-check-"));
  try {
    const copy = path.join(work, "replica.db");
    await restoreFromReplica(litestreamBinary(cfg.litestreamBin), cfg.databasePath, cfg.replication, copy);
    const counts = inspectDatabase(copy);
    if (readDataVersion(db) !== version) return "skipped";
    const rows = Object.values(counts).reduce((a, n) => a + n, 0);
    const differs = Object.keys({ ...expected, ...counts }).find((t) => expected[t] !== counts[t]);
    return differs
      ? {
          at: now,
          ok: false,
          rows,
          message: `table ${differs} has ${counts[differs] ?? "no"} rows in the replica, ${expected[differs] ?? "none"} in the database`,
        }
      : { at: now, ok: true, rows, message: null };
  } catch (err) {
    return { at: now, ok: false, rows: 0, message: (err as Error).message };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
