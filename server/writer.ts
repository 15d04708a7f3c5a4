// The cluster's writer: the one process that runs Next and the background loops. It serves only
// its unix socket, where the public workers pass what they do not answer themselves.
import type { Config } from "@/lib/config";
import { mirrorState } from "@/lib/mirror-state";
import { startWriterApp } from "./app";
import { isMessage, type ClusterMessage } from "./cluster-messages";
import { fail } from "./fail";
import { listenWriterSocket } from "./writer-socket";

const GRACE_MS = 10_000;

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

  const app = await startWriterApp(cfg, { servesPublicPages: false });
  let lastStamp = -1;
  app.onTick(() => {
    const state = mirrorState();
    if (state.stamp === lastStamp) return;
    lastStamp = state.stamp;
    send({ type: "mirror-state", state });
  });

  const socket = listenWriterSocket(cfg.writerSocket!, app.handler, () => {
    send({ type: "writer-ready", pageName: app.pageName(), firstAdmin: app.firstAdmin });
  });
  socket.server.on("error", (err) => fail(`the writer cannot listen on ${cfg.writerSocket}: ${err.message}`));

  stopServing = () => {
    app.stop();
    void socket.close(GRACE_MS).then(() => {
      try {
        app.closeDatabase();
      } finally {
        process.exit(0);
      }
    });
  };
}
