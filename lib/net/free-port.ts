// A free TCP port on 127.0.0.1, for a local helper process (Litestream's metrics, test peers).
import net from "node:net";

/**
 * A port the system has just handed out and taken back: free now, not reserved. `avoid` lists
 * ports someone is about to bind (the server's own PORT before it listens), which are never returned.
 */
export async function freePort(avoid: readonly number[] = []): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const port = await anyFreePort();
    if (!avoid.includes(port)) return port;
  }
  throw new Error(`no free port other than ${avoid.join(", ")}`);
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}
