// Connection limits for the public HTTP server. One client address may hold at most
// MAX_CONNECTIONS_PER_CLIENT sockets at once: more are closed as they arrive, so thousands of idle
// sockets from one address cannot use up the process's file descriptors and starve everyone else.
// Behind a trusted reverse proxy every socket comes from the proxy, so the proxy limits per
// client instead (deploy/nginx.conf: limit_conn) and this cap does not apply.
// Slow clients are bounded by time as well: headers must arrive within HEADERS_TIMEOUT_MS and a
// whole request within REQUEST_TIMEOUT_MS; an idle keep-alive socket closes after KEEP_ALIVE_MS.
import type { Server } from "node:http";
import type { Socket } from "node:net";

export const MAX_CONNECTIONS_PER_CLIENT = 512;
export const HEADERS_TIMEOUT_MS = 20_000;
export const REQUEST_TIMEOUT_MS = 60_000;
/** Longer than the idle timeouts of common CDNs and load balancers (60 s), so they close first. */
export const KEEP_ALIVE_MS = 65_000;

/** Counts open sockets per address; closes those over the cap. */
export function capConnectionsPerClient(
  server: Server,
  perClient = MAX_CONNECTIONS_PER_CLIENT,
): () => Map<string, number> {
  const open = new Map<string, number>();
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress ?? "unknown";
    const count = (open.get(address) ?? 0) + 1;
    if (count > perClient) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  return () => open;
}

/**
 * Applies the time limits and, unless a trusted proxy stands in front, the per-client cap. With
 * public workers each process counts its own sockets; the cluster deals connections out in turn,
 * so each worker keeps its share of the cap and one address holds about the cap in all.
 */
export function guardConnections(server: Server, opts: { trustProxy: boolean; processes: number }): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  if (!opts.trustProxy)
    capConnectionsPerClient(server, Math.ceil(MAX_CONNECTIONS_PER_CLIENT / Math.max(1, opts.processes)));
}
