// Stand-ins for monitored services, all on 127.0.0.1: an HTTP target that can be switched
// up / down / slow / hang / closed, a Statuspage-shaped JSON server, a tiny DNS server, a TLS
// server with a self-signed certificate, and a clock the tests move by hand.
import { execFileSync } from "node:child_process";
import dgram from "node:dgram";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import type { Clock } from "./scheduler";

export type TargetMode = "up" | "down" | "slow" | "hang";

export type Target = {
  url: string;
  port: number;
  mode: TargetMode;
  slowMs: number;
  hits: number;
  close(): Promise<void>;
};

export async function startTarget(mode: TargetMode = "up"): Promise<Target> {
  const target = { mode, slowMs: 300, hits: 0 } as Target;
  const server = http.createServer((req, res) => {
    target.hits++;
    if (req.url === "/redirect") {
      res.writeHead(302, { location: "/" });
      return res.end();
    }
    if (target.mode === "hang") return; // never answers
    const answer = () => {
      res.writeHead(target.mode === "down" ? 503 : 200, { "content-type": "text/plain" });
      res.end(target.mode === "down" ? "unavailable" : "all good");
    };
    if (target.mode === "slow") setTimeout(answer, target.slowMs);
    else answer();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  Object.assign(target, {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
  return target;
}

export type StatuspageStandIn = {
  url: string;
  components: { id: string; name: string; status: string }[];
  close(): Promise<void>;
};

export async function startStatuspage(components: StatuspageStandIn["components"]): Promise<StatuspageStandIn> {
  const page = { components } as StatuspageStandIn;
  const server = http.createServer((req, res) => {
    if (req.url !== "/api/v2/components.json") {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ page: { id: "up", name: "Upstream" }, components: page.components }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  page.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  page.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return page;
}

/** Answers A queries for the names it knows (NXDOMAIN otherwise), over UDP. */
export async function startDns(
  records: Record<string, string[]>,
): Promise<{ server: string; records: Record<string, string[]>; close(): Promise<void> }> {
  const socket = dgram.createSocket("udp4");
  socket.on("message", (msg, rinfo) => {
    const id = msg.readUInt16BE(0);
    let off = 12;
    const labels: string[] = [];
    for (let length = msg.readUInt8(off); length !== 0; length = msg.readUInt8(off)) {
      labels.push(msg.subarray(off + 1, off + 1 + length).toString("ascii"));
      off += length + 1;
    }
    const question = msg.subarray(12, off + 5);
    const qtype = msg.readUInt16BE(off + 1);
    const answers = qtype === 1 ? (records[labels.join(".").toLowerCase()] ?? []) : [];
    const known = labels.join(".").toLowerCase() in records;
    const header = Buffer.alloc(12);
    header.writeUInt16BE(id, 0);
    header.writeUInt16BE(0x8180 | (known ? 0 : 3), 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    const rrs = answers.map((ip) => {
      const rr = Buffer.alloc(16);
      rr.writeUInt16BE(0xc00c, 0);
      rr.writeUInt16BE(1, 2);
      rr.writeUInt16BE(1, 4);
      rr.writeUInt32BE(60, 6);
      rr.writeUInt16BE(4, 10);
      ip.split(".").forEach((n, i) => rr.writeUInt8(Number(n), 12 + i));
      return rr;
    });
    socket.send(Buffer.concat([header, question, ...rrs]), rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => socket.bind(0, "127.0.0.1", r));
  return {
    server: `127.0.0.1:${socket.address().port}`,
    records,
    close: () => new Promise<void>((r) => socket.close(() => r())),
  };
}

/** A self-signed certificate for 127.0.0.1 valid for `days` days (openssl), and a TLS server using it. */
export async function startTlsServer(days: number): Promise<{ port: number; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-tls-"));
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      String(days),
      "-subj",
      "/CN=127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  const server = tls.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (s) => s.end());
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** A clock the test moves by hand; timers are never fired by it (tests call runDue). */
export class ManualClock implements Clock {
  constructor(public t: number) {}
  now = () => this.t;
  advance(ms: number): number {
    this.t += ms;
    return this.t;
  }
  setInterval = () => 0;
  clearInterval = () => {};
}
