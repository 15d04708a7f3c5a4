// Every public-facing HTTP server is made here, in the single process and in each public worker,
// so per-connection policy is set in one place.
import http from "node:http";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

export function createHttpServer(handler: Handler): http.Server {
  const server = http.createServer(handler);
  // Longer than the usual 60 s idle timeout of proxies and load balancers, so they close first.
  server.keepAliveTimeout = 65_000;
  return server;
}
