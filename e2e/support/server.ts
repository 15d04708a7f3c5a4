// Starts the built server as one process on 127.0.0.1 and stops it by its PID.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../lib/net/free-port";

export { freePort };

export const ROOT = path.resolve(import.meta.dirname, "../..");

export function tempDir(prefix = "outpost-e2e-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type RunningServer = {
  url: string;
  child: ChildProcess;
  databasePath: string;
  output: () => string;
  stop: () => Promise<void>;
};

/** Runs dist/server.js directly (not through npm or npx, whose wrappers can orphan the server). */
export async function startServer(
  env: Record<string, string>,
  options: {
    /** Its own process group (with every process it starts), so a test can kill the lot like a lost host. */
    detached?: boolean;
  } = {},
): Promise<RunningServer> {
  // A fixed PORT (a restart on the same address) or a free one.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const dir = tempDir();
  const databasePath = env.DATABASE_PATH ?? path.join(dir, "outpost.db");
  let output = "";
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, "dist/server.js")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_PATH: databasePath,
      PUBLIC_URL: url,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.detached ?? false,
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`the server did not start in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  return { url, child, databasePath, output: () => output, stop };
}

/** Runs dist/server.js expecting it to fail at start; resolves with its exit code and output. */
export function startExpectingFailure(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "dist/server.js")], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Runs `node scripts/tool.mjs ARGS` (an npm script's tool) with `env`; its exit code and output. */
export function runTool(args: string[], env: Record<string, string>, timeoutMs = 120_000) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/tool.mjs"), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: timeoutMs,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}
