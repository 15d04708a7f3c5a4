// A real Prometheus Alertmanager (Debian's prometheus-alertmanager) on 127.0.0.1 with one webhook
// receiver, clustering off and its state in a temporary folder; stopped by its PID.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort, tempDir } from "./server";

export const ALERTMANAGER_BIN = process.env.ALERTMANAGER_PATH ?? "/usr/bin/prometheus-alertmanager";

export type RunningAlertmanager = {
  url: string;
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
};

export type AlertmanagerTiming = {
  groupWait: string;
  groupInterval: string;
  repeatInterval: string;
  /** Sent as `Authorization: Bearer <credentials>` on every notification (the receiver's http_config). */
  credentials?: string;
};

/**
 * The configuration file: every alert goes to `webhookUrl`, grouped by alert name and service,
 * with a Bearer token when `credentials` is given.
 */
export function alertmanagerConfig(webhookUrl: string, t: AlertmanagerTiming): string {
  return [
    "route:",
    "  receiver: outpost",
    "  group_by: ['alertname', 'service']",
    `  group_wait: ${t.groupWait}`,
    `  group_interval: ${t.groupInterval}`,
    `  repeat_interval: ${t.repeatInterval}`,
    "receivers:",
    "  - name: outpost",
    "    webhook_configs:",
    `      - url: ${JSON.stringify(webhookUrl)}`,
    "        send_resolved: true",
    ...(t.credentials
      ? [
          "        http_config:",
          "          authorization:",
          `            credentials: ${JSON.stringify(t.credentials)}`,
        ]
      : []),
    "",
  ].join("\n");
}

export async function startAlertmanager(webhookUrl: string, timing: AlertmanagerTiming): Promise<RunningAlertmanager> {
  const dir = tempDir("outpost-alertmanager-");
  const config = path.join(dir, "alertmanager.yml");
  fs.writeFileSync(config, alertmanagerConfig(webhookUrl, timing));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(
    ALERTMANAGER_BIN,
    [
      `--config.file=${config}`,
      `--storage.path=${path.join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // Empty: no cluster, so no gossip port and no wait for peers before the first notification.
      "--cluster.listen-address=",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid!, "SIGTERM");
      const late = await Promise.race([exited.then(() => false), new Promise((r) => setTimeout(() => r(true), 5000))]);
      if (late) process.kill(child.pid!, "SIGKILL");
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`alertmanager exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/-/ready`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`alertmanager was not ready in 20 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: child.pid!, output: () => output, stop };
}
