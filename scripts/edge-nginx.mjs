// deploy/nginx.conf as it is, made runnable on 127.0.0.1 without TLS in front of a local Outpost
// and its EDGE_DIR, under a prefix folder of its own (the bench and the [edge] test run it).
import fs from "node:fs";
import path from "node:path";

/**
 * Writes PREFIX/nginx.conf (and the site it includes) and returns its path. `perClientCap: false`
 * leaves out the per-client connection cap (a load generator is one client with many connections).
 */
export function writeEdgeNginxConfig({
  root,
  prefix,
  port,
  outpostPort,
  edgeDir,
  workers = "auto",
  perClientCap = true,
}) {
  fs.mkdirSync(prefix, { recursive: true });
  let site = fs
    .readFileSync(path.join(root, "deploy/nginx.conf"), "utf8")
    .replace("listen 443 ssl http2;", `listen 127.0.0.1:${port};`)
    .replace(/^\s*ssl_certificate(_key)? .*$/gm, "")
    .replace("server 127.0.0.1:3000;", `server 127.0.0.1:${outpostPort};`)
    .replace("/var/lib/outpost-edge/", `${edgeDir}/`);
  if (!perClientCap) site = site.replace(/^\s*limit_conn outpost_conn .*$/m, "");
  fs.writeFileSync(path.join(prefix, "site.conf"), site);
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((t) => `${t}_temp_path ${prefix}/${t};`)
    .join(" ");
  const conf = path.join(prefix, "nginx.conf");
  fs.writeFileSync(
    conf,
    `worker_processes ${workers}; daemon off; pid ${prefix}/nginx.pid; error_log ${prefix}/error.log;
events { worker_connections 4096; }
http { access_log off; ${temp} include ${prefix}/site.conf; }\n`,
  );
  return conf;
}
