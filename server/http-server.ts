// Every public-facing HTTP server is made here, in the single process and in each public worker,
// so per-connection policy (time limits, the per-client cap: server/connections.ts) is set in one place.
import http from "node:http";
import { config } from "@/lib/config";
import { guardConnections } from "./connections";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

export function createHttpServer(handler: Handler): http.Server {
  const server = http.createServer(handler);
  const cfg = config();
  // OUTPOST_WORKERS=0: this one process serves everything.
  guardConnections(server, { trustProxy: cfg.trustProxy, processes: cfg.workers });
  return server;
}
