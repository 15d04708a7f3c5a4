// OUTPOST_WORKERS=0: one process prepares the database, serves HTTP and runs the loops.
import type { Config } from "@/lib/config";
import { startWriterApp } from "./app";
import { fail } from "./fail";
import { drainable } from "./graceful";
import { createHttpServer } from "./http-server";
import { startReplicationOrFail } from "./replication";
import { printStartLines } from "./start-lines";

export async function runSingle(cfg: Config): Promise<void> {
  const app = await startWriterApp(cfg, { servesPublicPages: true });
  // Once the database is ready; stopped last, so its final sync carries the last writes.
  const replication = await startReplicationOrFail(cfg);
  const server = createHttpServer(app.handler);
  const drain = drainable(server);
  server.on("error", (err) => fail(`cannot listen on ${cfg.host}:${cfg.port}: ${err.message}`));
  server.listen(cfg.port, cfg.host, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : cfg.port;
    printStartLines(cfg.host, port, cfg.publicUrl, app.pageName(), app.firstAdmin);
  });

  // In this mode a restart refuses connections briefly (never fails a request in flight); the
  // cluster mode (OUTPOST_WORKERS > 0) keeps the socket open across a reload.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    app.stop();
    await drain.close(5_000);
    try {
      app.closeDatabase();
    } finally {
      await replication?.stop();
      process.exit(0);
    }
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // No reload in one process: a reload (systemd's ExecReload) stops it gracefully, and the
  // service manager starts it again.
  process.on("SIGHUP", stop);
}
