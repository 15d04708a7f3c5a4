// The cluster primary (OUTPOST_WORKERS > 0): holds the public listening socket through
// node:cluster and supervises one writer and N public workers. It never opens the database.
//   start:   the writer prepares the database; then the workers start listening.
//   SIGHUP:  the writer stops, then a new one starts (never two at once; workers hold what needs
//            it meanwhile); then each worker is replaced by a new one that is already listening.
//   crash:   the process is replaced after a backoff.
//   SIGTERM/SIGINT: workers finish their requests, then the writer, then the primary exits.
import cluster, { type Worker } from "node:cluster";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Config } from "@/lib/config";
import type { MirrorState } from "@/lib/mirror-state";
import { isMessage, type ClusterMessage, type WriterReady } from "./cluster-messages";
import { startReplicationOrFail, type ReplicationSupervisor } from "./replication";
import { printStartLines } from "./start-lines";

type Role = "writer" | "worker";

const START_TIMEOUT_MS = 120_000;
/** A process told to stop gets this long (its own grace period and some) before SIGKILL. */
const RETIRE_TIMEOUT_MS = 15_000;
const BACKOFF_MS = [250, 1_000, 2_000, 5_000];
const LONGEST_BACKOFF_MS = 10_000;
/** A process that stayed up this long counts as healthy again: the backoff starts over. */
const HEALTHY_AFTER_MS = 30_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * V8 flags for the writer and the workers: a 2 MB young generation (V8's default grows to 16 MB
 * per semi-space) cut the four processes' RSS from 461 to 404 MB idle and from 598 to 521 MB at
 * peak under wrk on `/` and summary.json, at the same throughput. An operator's own flag wins.
 */
export function childExecArgv(execArgv: readonly string[], nodeOptions = ""): string[] {
  const set = (flag: string) => [...execArgv, nodeOptions].some((a) => a.includes(flag));
  return [...execArgv, ...(set("--max-semi-space-size") ? [] : ["--max-semi-space-size=2"])];
}

export async function runPrimary(cfg: Config): Promise<void> {
  // Only Outpost's user may enter this folder: the writer trusts what arrives on its socket.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-"));
  const socketPath = path.join(dir, "writer.sock");
  const roles = new Map<Worker, Role>();
  const retiring = new Set<Worker>();
  const workers = new Set<Worker>();
  const crashes: Record<Role, { count: number; at: number }> = {
    writer: { count: 0, at: 0 },
    worker: { count: 0, at: 0 },
  };
  let writer: Worker | null = null;
  /** The one public worker that keeps EDGE_DIR exported (the newest one, when it goes). */
  let exporter: Worker | null = null;
  let mirror: MirrorState | null = null;
  let mirrorStamp = 0;
  let started = false;
  let shuttingDown = false;
  let replication: ReplicationSupervisor | null = null;

  const pid = (w: Worker) => w.process.pid;
  const send = (w: Worker, m: ClusterMessage) => {
    if (w.isConnected()) w.send(m);
  };

  cluster.setupPrimary({ execArgv: childExecArgv(process.execArgv, process.env.NODE_OPTIONS) });

  function fork(role: Role): Worker {
    const w = cluster.fork({ OUTPOST_PROCESS_ROLE: role, OUTPOST_WRITER_SOCKET: socketPath });
    roles.set(w, role);
    w.on("message", (m) => {
      if (role !== "writer" || !isMessage(m, "mirror-state")) return;
      // The primary numbers the states itself: a new writer starts its count again.
      mirror = { ...m.state, stamp: ++mirrorStamp };
      for (const x of workers) send(x, { type: "mirror-state", state: mirror });
    });
    w.on("exit", (code, signal) => onExit(w, code, signal));
    return w;
  }

  /** Resolves once the process is up; rejects (after it has exited) when it never gets there. */
  function whenUp<T>(w: Worker, event: "message" | "listening", accept: (x: unknown) => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => w.process.kill("SIGKILL"), START_TIMEOUT_MS);
      const onEvent = (x: unknown) => {
        const value = accept(x);
        if (value === undefined) return;
        clearTimeout(timer);
        w.off(event, onEvent);
        w.off("exit", onEarlyExit);
        resolve(value);
      };
      const onEarlyExit = (code: number | null) => {
        clearTimeout(timer);
        reject(code ?? 1);
      };
      w.on(event, onEvent);
      w.once("exit", onEarlyExit);
    });
  }

  async function forkWriter(): Promise<WriterReady> {
    const w = fork("writer");
    const ready = await whenUp(w, "message", (m) => (isMessage(m, "writer-ready") ? m : undefined));
    writer = w;
    console.log(`outpost: writer ready (pid ${pid(w)})`);
    return ready;
  }

  async function forkWorker(): Promise<number> {
    const w = fork("worker");
    const port = await whenUp(w, "listening", (a) => (a as { port: number }).port);
    workers.add(w);
    if (mirror) send(w, { type: "mirror-state", state: mirror });
    assignExporter();
    return port;
  }

  function assignExporter() {
    if (!cfg.edgeDir || shuttingDown || (exporter && workers.has(exporter))) return;
    exporter = [...workers].at(-1) ?? null;
    if (exporter) send(exporter, { type: "edge-export" });
  }

  function backoff(role: Role): number {
    const c = crashes[role];
    if (Date.now() - c.at > HEALTHY_AFTER_MS) c.count = 0;
    c.at = Date.now();
    return BACKOFF_MS[c.count++] ?? LONGEST_BACKOFF_MS;
  }

  /** Tries again (with backoff) until the process is up or the primary stops. */
  async function untilUp(role: Role, start: () => Promise<unknown>): Promise<boolean> {
    for (;;) {
      if (shuttingDown) return false;
      try {
        await start();
        return true;
      } catch {
        await sleep(backoff(role));
      }
    }
  }

  function retire(w: Worker): Promise<void> {
    if (w.isDead()) return Promise.resolve();
    retiring.add(w);
    workers.delete(w);
    if (writer === w) writer = null;
    assignExporter();
    return new Promise((resolve) => {
      const timer = setTimeout(() => w.process.kill("SIGKILL"), RETIRE_TIMEOUT_MS);
      w.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      if (w.isConnected()) send(w, { type: "stop" });
      else w.process.kill("SIGTERM");
    });
  }

  // Every change of writer goes through this chain: two writers never run at once.
  let writerChain: Promise<unknown> = Promise.resolve();
  function replaceWriter(delayMs: number): Promise<unknown> {
    writerChain = writerChain.then(async () => {
      if (writer) await retire(writer);
      await sleep(delayMs);
      await untilUp("writer", forkWriter);
    });
    return writerChain;
  }

  function onExit(w: Worker, code: number | null, signal: string | null) {
    roles.delete(w);
    if (retiring.delete(w) || shuttingDown || !started) return;
    const role = w === writer ? "writer" : workers.has(w) ? "worker" : null;
    if (!role) return; // one that never came up: its starter retries
    const delay = backoff(role);
    console.error(
      `outpost: the ${role} (pid ${pid(w)}) exited (${signal ?? `code ${code}`}); starting another in ${delay} ms`,
    );
    if (role === "writer") {
      writer = null;
      void replaceWriter(delay);
    } else {
      workers.delete(w);
      assignExporter();
      void sleep(delay).then(() => untilUp("worker", forkWorker));
    }
  }

  let reloading: Promise<void> | null = null;
  let reloadAgain = false;
  async function reload() {
    if (!started || shuttingDown) return;
    if (reloading) return void (reloadAgain = true);
    reloading = (async () => {
      do {
        reloadAgain = false;
        console.log("outpost: reloading: the writer restarts, then each worker is replaced by a new one");
        await replaceWriter(0);
        for (const old of [...workers]) {
          if (!(await untilUp("worker", forkWorker))) return;
          await retire(old);
        }
        if (!shuttingDown)
          console.log(
            `outpost: reloaded (writer pid ${writer ? pid(writer) : "-"}, workers ${[...workers].map(pid).join(", ")})`,
          );
      } while (reloadAgain && !shuttingDown);
    })().finally(() => (reloading = null));
  }

  async function shutdown(code: number) {
    if (shuttingDown) return;
    shuttingDown = true;
    // Workers first: what they hold for the writer is answered before the writer goes.
    const all = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    await Promise.all(
      all()
        .filter((w) => roles.get(w) === "worker")
        .map(retire),
    );
    await writerChain.catch(() => undefined);
    await Promise.all(all().map(retire));
    // Last, with the database closed: Litestream's final sync carries the last writes.
    await replication?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(code);
  }

  process.on("SIGHUP", () => void reload());
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGINT", () => void shutdown(0));

  let ready: WriterReady;
  try {
    ready = await forkWriter();
  } catch (code) {
    // The writer printed why it could not start.
    return shutdown(typeof code === "number" && code !== 0 ? code : 1);
  }
  // The writer has prepared the database: replicate it from now on.
  replication = await startReplicationOrFail(cfg);
  const starting = Array.from({ length: cfg.workers }, forkWorker);
  try {
    // The lines as soon as the socket is open: tests read them once the page answers.
    const port = await Promise.any(starting);
    printStartLines(cfg.host, port, cfg.publicUrl, ready.pageName, ready.firstAdmin);
    await Promise.all(starting);
  } catch (err) {
    const code = err instanceof AggregateError ? err.errors[0] : err;
    return shutdown(typeof code === "number" && code !== 0 ? code : 1);
  }
  started = true;
  console.log(
    `outpost: ${cfg.workers} public worker${cfg.workers === 1 ? "" : "s"} and one writer (primary pid ${process.pid})`,
  );
}
