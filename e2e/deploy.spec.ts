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
  const local = unit.replace("/usr/bin/node", process.execPath).replace(/^User=outpost$/m, "User=root").replace(/^Group=outpost$/m, "Group=root");
  const file = path.join(tempDir(), "outpost.service");
  fs.writeFileSync(file, local);
  const r = spawnSync(analyze, ["verify", file], { encoding: "utf8" });
  expect(`${r.stdout}${r.stderr}`.trim()).toBe("");
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
