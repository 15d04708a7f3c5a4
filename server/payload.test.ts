// Sending pre-built bytes: the header objects are made once per payload and reused, so every
// request must still get the right status, encoding, length and validators.
import http from "node:http";
import type net from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePayload, sendPayload } from "./payload";

const page = makePayload(200, "text/html; charset=utf-8", `<!DOCTYPE html><p>${"status ".repeat(400)}</p>`);
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => sendPayload(req, res, page));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => server.close());

function get(headers: Record<string, string>, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/", method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("sendPayload", () => {
  it("answers each encoding, a 304 and HEAD right, request after request", async () => {
    for (let round = 0; round < 2; round++) {
      const plain = await get({});
      expect(plain.status).toBe(200);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(Number(plain.headers["content-length"])).toBe(page.body.length);
      expect(plain.body.equals(page.body)).toBe(true);
      expect(plain.headers.etag).toBe(page.etag);
      expect(plain.headers.vary).toBe("Accept-Encoding");

      const gz = await get({ "accept-encoding": "gzip, deflate" });
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(zlib.gunzipSync(gz.body).equals(page.body)).toBe(true);

      const br = await get({ "accept-encoding": "gzip, deflate, br" });
      expect(br.headers["content-encoding"]).toBe("br");
      expect(Number(br.headers["content-length"])).toBe(br.body.length);
      expect(zlib.brotliDecompressSync(br.body).equals(page.body)).toBe(true);

      const cached = await get({ "if-none-match": `W/${page.etag}` });
      expect(cached.status).toBe(304);
      expect(cached.headers["content-type"]).toBeUndefined();
      expect(cached.headers.etag).toBe(page.etag);
      expect(cached.body.length).toBe(0);

      const head = await get({}, "HEAD");
      expect(head.status).toBe(200);
      expect(Number(head.headers["content-length"])).toBe(page.body.length);
      expect(head.body.length).toBe(0);
    }
  });
});
