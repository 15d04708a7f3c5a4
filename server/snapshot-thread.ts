// The snapshot builder thread of a public worker: builds the next snapshot and renders its big
// documents (the page, the v2 JSON, the feeds) away from the thread that answers requests, and
// sends both back. Its own database connection reads the same file (WAL readers never block).
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { getDb, openDatabase, setDatabase } from "@/db/client";
import { config } from "@/lib/config";
import { replaceMirrorState } from "@/lib/mirror-state";
import { buildSnapshot, liveSnapshotOptions } from "@/lib/snapshot";
import { loadAssets } from "./assets";
import { prerender } from "./front";
import { PRERENDERED, THREAD_MARK, type BuildRequest, type BuildResult } from "./snapshot-builder";

const port = parentPort;
// Only as the builder thread (test runners run files in threads of their own).
if (port && (workerData as Record<string, unknown> | null)?.[THREAD_MARK] === true) {
  setDatabase(openDatabase(config().databasePath));
  const assets = loadAssets(path.resolve(process.cwd(), "dist"));
  port.on("message", (m: BuildRequest) => {
    const started = performance.now();
    try {
      replaceMirrorState(m.mirror);
      const snapshot = buildSnapshot(getDb(), liveSnapshotOptions(m.now));
      const payloads = prerender(snapshot, assets, PRERENDERED);
      const result: BuildResult = { snapshot, payloads, buildMs: performance.now() - started };
      port.postMessage(result);
    } catch (err) {
      port.postMessage({ error: err instanceof Error ? err.message : String(err) } satisfies BuildResult);
    }
  });
}
