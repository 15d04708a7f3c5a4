// The writer's application: prepares the database before Next loads, then builds the request
// handler (public bytes from the snapshot, everything else to Next) and starts the background
// loops. Exactly one process at a time runs this: the single process, or the cluster's writer.
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import nextModule from "next";
import { DatabaseOpenError, openDatabase, setDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { ensurePage, isEmpty, seedDemo } from "@/db/seed";
import { ensureFirstAdmin } from "@/lib/accounts";
import type { Config } from "@/lib/config";
import { ensureAuthSecret } from "@/lib/secret";
import { currentSnapshot, VERSION_POLL_MS } from "@/lib/snapshot";
import { loadAssets } from "./assets";
import { fail } from "./fail";
import { edgeTicker } from "./edge-export";
import { createFrontHandler, homePayload } from "./front";
import { startLoops } from "./loops";
import type { FirstAdmin } from "./start-lines";

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export type WriterApp = {
  handler: Handler;
  firstAdmin: FirstAdmin | null;
  pageName: () => string;
  /** Runs on every snapshot poll (the cluster's writer shares its mirror state from here). */
  onTick: (fn: () => void) => void;
  /** Stops the loops and the warming; the caller closes the database after its server drained. */
  stop: () => void;
  closeDatabase: () => void;
};

function prepareDatabase(cfg: Config): Db {
  let db: Db;
  try {
    db = openDatabase(cfg.databasePath);
    migrateDatabase(db);
  } catch (err) {
    if (err instanceof DatabaseOpenError) fail(err.message);
    fail(`DATABASE_PATH=${cfg.databasePath}: cannot prepare the database: ${(err as Error).message}`);
  }
  setDatabase(db);
  if (isEmpty(db)) {
    if (cfg.demo) {
      seedDemo(db, { name: cfg.pageName, timeZone: cfg.timeZone, publicUrl: cfg.publicUrl, ...cfg.locales });
      console.log("outpost: seeded the demo page into the empty database (OUTPOST_DEMO=0 starts empty)");
    } else {
      ensurePage(db, { name: cfg.pageName, timeZone: cfg.timeZone, ...cfg.locales });
    }
  }
  return db;
}

/**
 * `servesPublicPages`: this process answers the public page (one process); a cluster's writer does
 * not, so it does not keep the page rendered (at 1,000 components that was half a second of its
 * event loop, and of the admin API's, after every write).
 */
export async function startWriterApp(cfg: Config, opts: { servesPublicPages: boolean }): Promise<WriterApp> {
  const db = prepareDatabase(cfg);
  try {
    ensureAuthSecret(cfg.databasePath, cfg.authSecret);
  } catch (err) {
    fail(`cannot keep the session secret beside DATABASE_PATH=${cfg.databasePath}: ${(err as Error).message}`);
  }
  const firstAdmin = await ensureFirstAdmin(db, cfg.admin);

  const assets = loadAssets(path.resolve(process.cwd(), "dist"));
  const createNext = (nextModule as unknown as { default?: typeof nextModule }).default ?? nextModule;
  const app = createNext({ dev: false, dir: process.cwd(), hostname: cfg.host, port: cfg.port });
  // Public pages are served at once; only requests for Next wait for it to be ready.
  const ready = app.prepare().then(() => app.getRequestHandler());
  const handler = createFrontHandler({
    assets,
    trustProxy: cfg.trustProxy,
    next: async (req, res) => {
      const handle = await ready;
      await handle(req, res);
    },
  });

  // Keep the home page pre-built: rebuilt off the request path when the data version moves.
  // One process serving everything keeps EDGE_DIR exported too (in a cluster, one worker does).
  const exportEdge = opts.servesPublicPages && cfg.edgeDir ? edgeTicker(cfg.edgeDir) : null;
  const keepWarm = () => {
    const s = currentSnapshot();
    if (!opts.servesPublicPages) return;
    homePayload(s, assets);
    exportEdge?.(s, assets);
  };
  keepWarm();
  const ticks: (() => void)[] = [];
  const warm = setInterval(() => {
    try {
      keepWarm();
    } catch (err) {
      console.error(`outpost: snapshot rebuild failed: ${(err as Error).message}`);
    }
    for (const fn of ticks) fn();
  }, VERSION_POLL_MS);
  const stopLoops = startLoops(db);

  return {
    handler,
    firstAdmin,
    pageName: () => currentSnapshot().page.name,
    onTick: (fn) => void ticks.push(fn),
    stop: () => {
      clearInterval(warm);
      stopLoops();
    },
    closeDatabase: () => db.$client.close(),
  };
}
