// A public worker's side of its snapshot builder thread (server/snapshot-thread.ts): when builds
// are slow (a big page), a change is built and rendered there while requests are answered from
// the last snapshot; the new one and its bytes are swapped in whole when they arrive.
import { Worker } from "node:worker_threads";
import { mirrorState, type MirrorState } from "@/lib/mirror-state";
import { acceptSnapshot, backgroundBuildFailed, buildSnapshotsWith } from "@/lib/snapshot";
import type { Snapshot } from "@/lib/snapshot-types";
import { seedHot } from "./cache";
import type { Payload } from "./payload";
import { EDGE_PATHS } from "./routes";

/** The documents everyone asks for first (the route table's edge files): built with the snapshot. */
export const PRERENDERED = EDGE_PATHS;

export const THREAD_MARK = "outpostSnapshotBuilder";

export type BuildRequest = { now: number; mirror: MirrorState };
export type BuildResult =
  { snapshot: Snapshot; payloads: [string, Payload][]; buildMs: number; error?: undefined } | { error: string };

/** A structured clone turns Buffers into plain Uint8Arrays: view the same memory as Buffers again. */
const asBuffer = (u: Uint8Array | null): Buffer | null =>
  u === null ? null : Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export function revivePayload(p: Payload): Payload {
  return { ...p, body: asBuffer(p.body)!, gzip: asBuffer(p.gzip), br: asBuffer(p.br) };
}

/** Takes a result: the snapshot becomes current (unless a newer one is) with its bytes already made. */
export function takeBuild(result: BuildResult): void {
  if (result.error !== undefined) {
    console.error(`outpost: snapshot rebuild failed: ${result.error}`);
    backgroundBuildFailed();
    return;
  }
  if (acceptSnapshot(result.snapshot))
    seedHot(
      result.snapshot,
      result.payloads.map(([key, p]) => [key, revivePayload(p)]),
    );
}

/**
 * Builds big pages' snapshots on a thread from the built file, started on the first build it is
 * asked for (a page under 100 components never starts it, nor pays its memory); if the thread
 * fails, snapshots are built on requests again. `onTaken` runs as each build is swapped in;
 * `fromComponents` moves the 100 (tests).
 */
export function startSnapshotBuilder(
  file: string,
  onTaken: () => void = () => {},
  fromComponents?: number,
): () => Promise<void> {
  let thread: Worker | null = null;
  let stopping = false;
  const giveUp = (why: string) => {
    if (stopping) return; // terminate() ends the thread with exit code 1: that is the stop asked for
    console.error(`outpost: the snapshot builder thread stopped (${why}); snapshots are built on requests`);
    buildSnapshotsWith(null);
  };
  const started = () => {
    if (thread) return thread;
    const t = new Worker(file, { workerData: { [THREAD_MARK]: true } });
    t.unref();
    t.on("message", (m: BuildResult) => {
      takeBuild(m);
      onTaken();
    });
    t.on("error", (err) => giveUp(err.message));
    t.on("exit", (code) => code !== 0 && giveUp(`exit code ${code}`));
    thread = t;
    console.log(
      `outpost: the page has 100 components or more: process ${process.pid} builds its snapshots on a thread`,
    );
    return t;
  };
  buildSnapshotsWith(
    (now) => started().postMessage({ now, mirror: mirrorState() } satisfies BuildRequest),
    fromComponents,
  );
  return async () => {
    stopping = true;
    buildSnapshotsWith(null);
    await thread?.terminate();
  };
}
