// The cluster's writer: the one process that runs Next and the background loops. It serves only
// its unix socket, where the public workers pass what they do not answer themselves.
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import type { Config } from "@/lib/config";
import { mirrorState } from "@/lib/mirror-state";
import { startWriterApp, type Handler } from "./app";
import { ACCEPTED, isMessage, PEER_HEADER, type ClusterMessage } from "./cluster-messages";
import { fail } from "./fail";

const GRACE_MS = 10_000;

/**
 * On the unix socket the worker's view of the client stands in for the socket's own address, so
 * sign-in throttling and "I am affected" see the visitor, not the worker. This socket sits in a
 * folder only Outpost's user can enter; public sockets never get this treatment.
 */
function trustWorkerPeer(handler: Handler): Handler {
  return (req, res) => {
    const peer = req.headers[PEER_HEADER];
    delete req.headers[PEER_HEADER];
    Object.defineProperty(req.socket, "remoteAddress", { value: typeof peer === "string" ? peer : undefined, configurable: true });
    return handler(req, res);
  };
}

export async function runWriter(cfg: Config): Promise<void> {
  const send = (m: ClusterMessage) => process.send?.(m);
  let stopping = false;
  let stopServing: (() => void) | null = null;
  // Listened for from the start: a stop asked for while the database is being prepared counts.
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (stopServing) stopServing();
    else process.exit(0);
  };
  process.on("message", (m) => {
    if (isMessage(m, "stop")) stop();
  });
  process.on("SIGTERM", stop);
  // The primary decides when to stop (a Ctrl-C reaches the whole process group) or is gone.
  process.on("SIGINT", () => {});
  process.on("SIGHUP", () => {});
  process.on("disconnect", stop);

  const app = await startWriterApp(cfg);
  let lastStamp = -1;
  app.onTick(() => {
    const state = mirrorState();
    if (state.stamp === lastStamp) return;
    lastStamp = state.stamp;
    send({ type: "mirror-state", state });
  });

  const httpServer = http.createServer(trustWorkerPeer(app.handler));
  const sockets = new Set<net.Socket>();
  // The writer is never overlapped with another, so a file left here is a stopped writer's.
  fs.rmSync(cfg.writerSocket!, { force: true });
  const listener = net.createServer((sock) => {
    sockets.add(sock);
    sock.once("close", () => sockets.delete(sock));
    sock.write(Buffer.from([ACCEPTED]));
    httpServer.emit("connection", sock);
  });
  listener.on("error", (err) => fail(`the writer cannot listen on ${cfg.writerSocket}: ${err.message}`));
  // exclusive: this socket is the writer's own, not one the cluster primary shares out.
  listener.listen({ path: cfg.writerSocket!, exclusive: true }, () => {
    send({ type: "writer-ready", pageName: app.pageName(), firstAdmin: app.firstAdmin });
  });

  stopServing = () => {
    app.stop();
    const finish = () => {
      try {
        app.closeDatabase();
      } finally {
        process.exit(0);
      }
    };
    // Connections already accepted carry one request each and close after their answer.
    listener.close(finish);
    setTimeout(() => {
      for (const s of sockets) s.destroy();
      finish();
    }, GRACE_MS).unref();
  };
}
