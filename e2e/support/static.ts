// A plain static file server on 127.0.0.1, like a bucket or a basic web host: no CORS headers,
// index.html for folders. Also serves fixed pages (a third-party site embedding the widget).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".js": "text/javascript; charset=utf-8",
};

export type StaticServer = { url: string; port: number; requests: string[]; stop: () => Promise<void> };

export async function startStatic(opts: {
  dir?: string;
  pages?: Record<string, string>;
  port?: number;
}): Promise<StaticServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    requests.push(url.pathname);
    const page = opts.pages?.[url.pathname];
    if (page !== undefined) {
      res.writeHead(200, { "content-type": TYPES[".html"] });
      return res.end(page);
    }
    if (opts.dir) {
      const root = path.resolve(opts.dir);
      let file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
      if (file.startsWith(root) && fs.existsSync(file) && fs.statSync(file).isDirectory())
        file = path.join(file, "index.html");
      if (file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        res.writeHead(200, {
          "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
          "cache-control": "no-cache",
        });
        return res.end(fs.readFileSync(file));
      }
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
