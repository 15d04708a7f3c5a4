// Builds when the build is missing or stale, one build at a time (a lock folder).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isBuildFresh } from "./stamp.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const STALE_LOCK_MS = 20 * 60_000;

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function acquire(lock) {
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, "pid"), String(process.pid));
      return;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      let pid = 0;
      try {
        pid = Number(fs.readFileSync(path.join(lock, "pid"), "utf8"));
      } catch {
        /* the holder has not written its pid yet */
      }
      const age = Date.now() - fs.statSync(lock).mtimeMs;
      if ((pid && !isAlive(pid)) || age > STALE_LOCK_MS) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      await sleep(500);
    }
  }
}

export async function ensureBuild(root) {
  if (isBuildFresh(root)) return false;
  const lock = path.join(root, ".build-lock");
  await acquire(lock);
  try {
    if (isBuildFresh(root)) return false; // another process built it while we waited
    console.log("outpost: the build is missing or stale; building (about two minutes)...");
    const result = spawnSync(process.execPath, [path.join(root, "scripts/build.mjs")], { cwd: root, stdio: "inherit" });
    if (result.status !== 0) throw new Error("the build failed (see above)");
    return true;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
