// The bare Node baseline: serves fixed bytes from memory, nothing else.
// Usage: node bench/baseline-server.mjs PORT DIR (DIR holds the files the bench wrote).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const [port, dir] = process.argv.slice(2);
const routes = JSON.parse(fs.readFileSync(path.join(dir, "routes.json"), "utf8"));
const bodies = new Map(routes.map((r) => [r.path, { body: fs.readFileSync(path.join(dir, r.file)), type: r.type }]));
http
  .createServer((req, res) => {
    const hit = bodies.get(req.url);
    if (!hit) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { "content-type": hit.type, "content-length": hit.body.length });
    res.end(hit.body);
  })
  .listen(Number(port), "127.0.0.1", () => console.log("ready"));
