// A graceful stop of an HTTP server that refuses nothing it has promised: it stops accepting,
// answers what is in flight, and answers the next request on each kept-alive connection with
// `Connection: close`, so the client opens a new connection (to another worker, or after a
// restart) instead of finding one cut under it. A connection is cut only once it has been idle
// a while (a client then is not about to reuse it) or when the grace period ends.
import http from "node:http";
import net from "node:net";

/** Idle this long while the server drains: closed (clients that reuse a connection do so sooner). */
const IDLE_CLOSE_MS = 1_000;

export type Drainable = { close: (graceMs: number) => Promise<void> };

export function drainable(server: http.Server): Drainable {
  // 0 while a request is in flight, else when the connection last fell idle.
  const idleSince = new Map<net.Socket, number>();
  let stopping = false;
  server.on("connection", (socket: net.Socket) => {
    idleSince.set(socket, Date.now());
    socket.once("close", () => idleSince.delete(socket));
  });
  // Ahead of the handler, which may answer at once from memory.
  server.prependListener("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (stopping) res.shouldKeepAlive = false;
    const socket = req.socket;
    idleSince.set(socket, 0);
    res.once("close", () => {
      if (idleSince.has(socket)) idleSince.set(socket, Date.now());
    });
  });
  return {
    close: (graceMs) =>
      new Promise((resolve) => {
        stopping = true;
        const done = () => {
          clearInterval(sweep);
          clearTimeout(timer);
          resolve();
        };
        const sweep = setInterval(() => {
          const now = Date.now();
          for (const [socket, since] of idleSince) if (since && now - since >= IDLE_CLOSE_MS) socket.destroy();
        }, 100);
        const timer = setTimeout(() => {
          server.closeAllConnections();
          done();
        }, graceMs);
        // net's close, not http's: http's also cuts every idle kept-alive connection at once.
        net.Server.prototype.close.call(server, done);
      }),
  };
}
