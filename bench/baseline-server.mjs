// The bare Node baseline: serves fixed bytes from memory, nothing else.
// Usage: node bench/baseline-server.mjs PORT DIR [--headers]
// DIR holds the files the bench wrote. With --headers it also sends the headers Outpost sent for
// each file (ETag, cache, CORS, security headers), so a ratio against it measures Outpost's own
// per-request work rather than how many header bytes go out.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const [port, dir, flag] = process.argv.slice(2);
const withHeaders = flag === "--headers";
const routes = JSON.parse(fs.readFileSync(path.join(dir, "routes.json"), "utf8"));
const bodies = new Map(
  routes.map((r) => {
    const body = fs.readFileSync(path.join(dir, r.file));
    const base = { "content-type": r.type, "content-length": body.length };
    return [r.path, { body, headers: withHeaders ? { ...r.headers, ...base } : base }];
  }),
);
http
  .createServer((req, res) => {
    const hit = bodies.get(req.url);
    if (!hit) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, hit.headers);
    res.end(hit.body);
  })
  .listen(Number(port), "127.0.0.1", () => console.log("ready"));
