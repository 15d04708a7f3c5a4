// The one process: prepares the database before Next loads, then serves HTTP.
import http from "node:http";
import path from "node:path";
import nextModule from "next";
import { DatabaseOpenError, openDatabase, setDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { ensurePage, isEmpty, seedDemo } from "@/db/seed";
import { ensureFirstAdmin } from "@/lib/accounts";
import { config, ConfigError, type Config } from "@/lib/config";
import { ensureAuthSecret } from "@/lib/secret";
import { currentSnapshot, VERSION_POLL_MS } from "@/lib/snapshot";
import { loadAssets } from "./assets";
import { guardConnections } from "./connections";
import { createFrontHandler, homePayload } from "./front";
import { startLoops } from "./loops";

function fail(message: string): never {
  console.error(`outpost: ${message}`);
  process.exit(1);
}

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
      seedDemo(db, { name: cfg.pageName, timeZone: cfg.timeZone });
      console.log("outpost: seeded the demo page into the empty database (OUTPOST_DEMO=0 starts empty)");
    } else {
      ensurePage(db, { name: cfg.pageName, timeZone: cfg.timeZone });
    }
  }
  return db;
}

async function main() {
  let cfg: Config;
  try {
    cfg = config();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
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
  const front = createFrontHandler({
    assets,
    trustProxy: cfg.trustProxy,
    next: async (req, res) => {
      const handle = await ready;
      await handle(req, res);
    },
  });

  // Keep the home page pre-built: rebuilt off the request path when the data version moves.
  homePayload(currentSnapshot(), assets);
  const warm = setInterval(() => {
    try {
      homePayload(currentSnapshot(), assets);
    } catch (err) {
      console.error(`outpost: snapshot rebuild failed: ${(err as Error).message}`);
    }
  }, VERSION_POLL_MS);

  const stopLoops = startLoops(db);
  const server = http.createServer(front);
  guardConnections(server, { trustProxy: cfg.trustProxy });
  server.on("error", (err) => fail(`cannot listen on ${cfg.host}:${cfg.port}: ${err.message}`));
  server.listen(cfg.port, cfg.host, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : cfg.port;
    const shown = cfg.host === "0.0.0.0" || cfg.host === "::" ? "localhost" : cfg.host;
    console.log(`outpost: serving "${currentSnapshot().page.name}" at http://${shown}:${port} (public URL ${cfg.publicUrl})`);
    if (firstAdmin) {
      const how = firstAdmin.password ? `password ${firstAdmin.password} (shown once; change it after signing in)` : "the password in OUTPOST_ADMIN_PASSWORD";
      console.log(`outpost: created the first admin: sign in at http://${shown}:${port}/admin as ${firstAdmin.email} with ${how}`);
    }
  });

  // A graceful stop: no new connections, idle ones closed, requests in flight answered (a restart
  // during a surge refuses connections briefly but never fails a request), then the database.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearInterval(warm);
    stopLoops();
    const finish = () => {
      try {
        db.$client.close();
      } finally {
        process.exit(0);
      }
    };
    server.close(finish);
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      finish();
    }, 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err) => fail(err instanceof Error ? (err.stack ?? err.message) : String(err)));
