// A tiny HTTP server on 127.0.0.1 for protocol stand-ins: JSON in, JSON out, and scripted faults
// (answer N requests with a status and headers, then recover).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Fault = { status: number; headers?: Record<string, string>; times: number };
export type Req = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: () => unknown;
};
export type Res = { status: number; body: unknown; headers?: Record<string, string> };

export type StandIn = {
  url: string;
  /** The next `times` requests to paths starting with `prefix` get this answer. */
  fail(prefix: string, fault: Fault): void;
  requests: Req[];
  close(): Promise<void>;
};

export async function startStandIn(handle: (req: Req) => Res | Promise<Res>): Promise<StandIn> {
  const faults: { prefix: string; fault: Fault }[] = [];
  const requests: Req[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", async () => {
      const u = new URL(req.url ?? "/", "http://stand-in");
      const r: Req = {
        method: req.method ?? "GET",
        path: u.pathname,
        query: u.searchParams,
        headers: req.headers,
        body,
        json: () => JSON.parse(body || "{}"),
      };
      requests.push(r);
      const f = faults.find((x) => r.path.startsWith(x.prefix) && x.fault.times > 0);
      let out: Res;
      if (f) {
        f.fault.times--;
        out = { status: f.fault.status, body: { error: "stand-in fault" }, headers: f.fault.headers };
      } else {
        try {
          out = await handle(r);
        } catch (err) {
          out = { status: 500, body: { error: (err as Error).message } };
        }
      }
      const text = JSON.stringify(out.body);
      res.writeHead(out.status, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(text),
        ...out.headers,
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    fail: (prefix, fault) => faults.push({ prefix, fault: { ...fault } }),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
