// The writer's unix socket: where public workers pass what they do not answer themselves.
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { ACCEPTED, PEER_HEADER } from "./cluster-messages";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

/**
 * On this socket the worker's view of the client stands in for the socket's own address, so
 * sign-in throttling and "I am affected" see the visitor, not the worker. The socket sits in a
 * folder only Outpost's user can enter; public sockets never get this treatment.
 */
function trustWorkerPeer(handler: Handler): Handler {
  return (req, res) => {
    const peer = req.headers[PEER_HEADER];
    delete req.headers[PEER_HEADER];
    Object.defineProperty(req.socket, "remoteAddress", {
      value: typeof peer === "string" ? peer : undefined,
      configurable: true,
    });
    return handler(req, res);
  };
}

export type WriterSocket = { server: net.Server; close: (graceMs: number) => Promise<void> };

export function listenWriterSocket(socketPath: string, handler: Handler, onListening: () => void): WriterSocket {
  const httpServer = http.createServer(trustWorkerPeer(handler));
  const sockets = new Set<net.Socket>();
  // The writer is never overlapped with another, so a file left here is a stopped writer's.
  fs.rmSync(socketPath, { force: true });
  const server = net.createServer((sock) => {
    sockets.add(sock);
    sock.once("close", () => sockets.delete(sock));
    // Only now does the worker send its request: one refused before this byte is tried again.
    sock.write(Buffer.from([ACCEPTED]));
    httpServer.emit("connection", sock);
  });
  // exclusive: this socket is the writer's own, not one the cluster primary shares out.
  server.listen({ path: socketPath, exclusive: true }, onListening);
  return {
    server,
    close: (graceMs) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          for (const s of sockets) s.destroy();
          resolve();
        }, graceMs);
        timer.unref();
        // Connections already accepted carry one request each and close after their answer.
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
