// A public worker: answers the public GETs from the snapshot (the same SQLite file the writer
// writes, keyed to its version row) and passes every other request to the writer. It never
// prepares the database: the primary starts workers only once the writer has.
import path from "node:path";
import { DatabaseOpenError, openDatabase, setDatabase } from "@/db/client";
import type { Config } from "@/lib/config";
import { replaceMirrorState } from "@/lib/mirror-state";
import { currentSnapshot, VERSION_POLL_MS } from "@/lib/snapshot";
import { loadAssets } from "./assets";
import { isMessage } from "./cluster-messages";
import { fail } from "./fail";
import { edgeTicker } from "./edge-export";
import { createForwarder } from "./forward";
import { admit, answerFromMemory, createFrontHandler, homePayload } from "./front";
import { drainable } from "./graceful";
import { createHttpServer } from "./http-server";
import { startSnapshotBuilder } from "./snapshot-builder";

/** Within the primary's patience (15 s); a reload replaces workers only once the writer is back. */
const GRACE_MS = 10_000;

export function runWorker(cfg: Config): void {
  try {
    setDatabase(openDatabase(cfg.databasePath));
  } catch (err) {
    fail(err instanceof DatabaseOpenError ? err.message : (err as Error).message);
  }
  const assets = loadAssets(path.resolve(process.cwd(), "dist"));
  // Set when the primary makes this worker the one that keeps EDGE_DIR exported.
  let exportEdge: ReturnType<typeof edgeTicker> | null = null;
  // The page kept rendered, and EDGE_DIR exported, on every poll and as soon as a build is in.
  const keepWarm = () => {
    try {
      const s = currentSnapshot();
      homePayload(s, assets);
      exportEdge?.(s, assets);
    } catch (err) {
      console.error(`outpost: snapshot rebuild failed: ${(err as Error).message}`);
    }
  };
  // Slow builds (a big page) run on a thread while requests are answered from the last snapshot.
  const stopBuilder = startSnapshotBuilder(path.resolve(process.cwd(), "dist/snapshot-thread.js"), keepWarm);
  const forward = createForwarder(cfg.writerSocket!);
  const front = createFrontHandler({ assets, trustProxy: cfg.trustProxy, next: forward });

  process.on("message", (m) => {
    if (isMessage(m, "mirror-state")) replaceMirrorState(m.state);
    if (isMessage(m, "edge-export") && cfg.edgeDir) exportEdge ??= edgeTicker(cfg.edgeDir);
    if (isMessage(m, "stop")) void stop();
  });

  const warm = setInterval(keepWarm, VERSION_POLL_MS);

  const server = createHttpServer((req, res) => {
    // The edge files' bytes when they are in memory: one look-up.
    if (answerFromMemory(req, res)) return;
    // Malformed requests and oversized bodies stop here, before anything is streamed on.
    const admitted = admit(req, res);
    if (!admitted) return;
    // Writes and what lives in the writer's memory (health, throttles) are the writer's: the
    // route table says which public URLs a worker answers from the snapshot.
    const read = req.method === "GET" || req.method === "HEAD";
    if (!read || admitted.found?.route.answeredBy === "writer") return forward(req, res);
    return front(req, res);
  });
  const drain = drainable(server);
  server.on("error", (err) => fail(`cannot listen on ${cfg.host}:${cfg.port}: ${err.message}`));
  server.listen(cfg.port, cfg.host);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(warm);
    exportEdge = null;
    await drain.close(GRACE_MS);
    await stopBuilder();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => {});
  process.on("SIGHUP", () => {});
  process.on("disconnect", () => void stop());
}
