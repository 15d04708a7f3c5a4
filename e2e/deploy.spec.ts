// The deployment files are real: the systemd unit passes systemd's own checker (with this
// machine's node and user substituted), and the Dockerfile runs the same steps as CI.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT, tempDir } from "./support/server";
import { expect, test } from "./fixtures";

test("[deploy] the systemd unit passes systemd-analyze verify", () => {
  const analyze = spawnSync("sh", ["-c", "command -v systemd-analyze"], { encoding: "utf8" }).stdout.trim();
  test.skip(!analyze, "systemd-analyze is not installed here");
  const unit = fs.readFileSync(path.join(ROOT, "deploy/outpost.service"), "utf8");
  expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node \/opt\/outpost\/scripts\/start\.mjs$/m);
  const local = unit
    .replace("/usr/bin/node", process.execPath)
    .replace(/^User=outpost$/m, "User=root")
    .replace(/^Group=outpost$/m, "Group=root");
  const file = path.join(tempDir(), "outpost.service");
  fs.writeFileSync(file, local);
  const r = spawnSync(analyze, ["verify", file], { encoding: "utf8" });
  expect(`${r.stdout}${r.stderr}`.trim()).toBe("");
  expect(r.status).toBe(0);
});

test("[deploy] the nginx recipe passes nginx -t and limits connections, bodies and form posts per client", () => {
  const nginx = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  expect(nginx, "CI installs nginx (.ci/run)").not.toBe("");
  const site = fs.readFileSync(path.join(ROOT, "deploy/nginx.conf"), "utf8");
  expect(site).toMatch(/^\s*limit_conn outpost_conn \d+;$/m);
  expect(site).toMatch(/^\s*client_max_body_size 1m;$/m);
  expect(site).toMatch(/^\s*limit_req zone=outpost_post/m);
  // The real file, with a throwaway certificate and a prefix of its own.
  const dir = tempDir("outpost-nginx-");
  const cert = spawnSync("openssl", [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    `${dir}/key.pem`,
    "-out",
    `${dir}/cert.pem`,
    "-days",
    "1",
    "-subj",
    "/CN=status.test",
  ]);
  expect(cert.status).toBe(0);
  fs.writeFileSync(
    `${dir}/site.conf`,
    site
      .replace("/etc/ssl/outpost/fullchain.pem", `${dir}/cert.pem`)
      .replace("/etc/ssl/outpost/privkey.pem", `${dir}/key.pem`),
  );
  fs.writeFileSync(
    `${dir}/nginx.conf`,
    `pid ${dir}/nginx.pid; error_log ${dir}/error.log; events {} http { access_log off; include ${dir}/site.conf; }\n`,
  );
  const r = spawnSync(nginx, ["-t", "-c", `${dir}/nginx.conf`, "-p", dir], { encoding: "utf8" });
  expect(r.stderr).toContain("test is successful");
  expect(r.status).toBe(0);
});

test("[deploy] the Dockerfile installs and builds as CI does, runs unprivileged, keeps data in a volume", () => {
  const docker = fs.readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
  const ci = fs.readFileSync(path.join(ROOT, ".ci/run"), "utf8");
  for (const step of ["npm install --no-audit --no-fund", "npm_config_nodedir"]) {
    expect(ci, step).toContain(step);
    expect(docker, step).toContain(step);
  }
  expect(docker).toContain("RUN npm run build");
  expect(docker).not.toContain("npm test");
  expect(docker).toMatch(/^USER node$/m);
  expect(docker).toMatch(/^VOLUME \["\/data"\]$/m);
  expect(docker).toContain("DATABASE_PATH=/data/outpost.db");
});
