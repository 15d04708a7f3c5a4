// `npm run standby -- --from REPLICA [--yes] [--restore-only]`: on a second host, restores the
// replica's latest state (Litestream) into DATABASE_PATH, checks it, then starts serving and
// replicating to the same replica as the new primary. A database already there is kept aside,
// and only with --yes; a replica that is missing or broken gives one line and changes nothing.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { restoreDatabase } from "@/lib/backup";
import { config, ConfigError } from "@/lib/config";
import { describeReplica, parseReplicaUrl, statePath, type ReplicationSettings } from "@/lib/replication";
import { litestreamBinary, restoreFromReplica } from "../replication";

const USAGE = "usage: npm run standby -- --from REPLICA_URL [--yes] [--restore-only]";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** A database file with something in it (an empty file, or none, is an empty data directory). */
function hasDatabase(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

export async function run(args: string[]): Promise<number> {
  const from = option(args, "--from");
  if (!from) {
    console.error(USAGE);
    return 2;
  }
  let cfg;
  let settings: ReplicationSettings;
  try {
    cfg = config();
    settings = {
      replica: parseReplicaUrl(from, cfg.replicaOptions),
      syncInterval: cfg.syncInterval,
      lagAlertSeconds: cfg.replication?.lagAlertSeconds ?? 60,
    };
  } catch (err) {
    console.error(`outpost: ${err instanceof ConfigError ? err.message : `--from ${(err as Error).message}`}`);
    return err instanceof ConfigError ? 1 : 2;
  }
  const target = cfg.databasePath;
  if (hasDatabase(target) && !args.includes("--yes")) {
    console.error(
      `outpost: ${target} already holds a database. Run again with --yes to restore over it (it is kept aside), or point DATABASE_PATH at an empty folder.`,
    );
    return 2;
  }

  const replica = describeReplica(settings.replica);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-standby-"));
  const restored = path.join(work, "restored.db");
  try {
    const bin = litestreamBinary(cfg.litestreamBin);
    const { ms } = await restoreFromReplica(bin, target, settings, restored);
    const { asideAs, rowCounts } = restoreDatabase(restored, target);
    // Litestream's local state and the replication status belong to the database set aside.
    const shadow = path.join(path.dirname(target), `.${path.basename(target)}-litestream`);
    for (const leftover of [shadow, statePath(target)]) {
      if (!fs.existsSync(leftover)) continue;
      if (asideAs) fs.renameSync(leftover, `${asideAs}${leftover === shadow ? "-litestream" : ".replication.json"}`);
      else fs.rmSync(leftover, { recursive: true, force: true });
    }
    const rows = Object.values(rowCounts).reduce((a, n) => a + n, 0);
    console.log(
      `outpost: restored ${replica} into ${target} in ${(ms / 1000).toFixed(1)} s (${rows} rows, integrity_check ok)`,
    );
    if (asideAs) console.log(`outpost: the previous database is kept as ${asideAs}`);
  } catch (err) {
    console.error(`outpost: cannot restore from ${replica}: ${(err as Error).message}. ${target} is unchanged.`);
    return 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (args.includes("--restore-only")) return 0;
  return serve(from);
}

/**
 * Serves the restored database as `npm start` does, replicating to the same replica (a new
 * Litestream generation) unless LITESTREAM_REPLICA_URL names another. Signals go to the server.
 */
function serve(from: string): Promise<number> {
  const server = path.join(process.cwd(), "dist/server.js");
  const env = { ...process.env, LITESTREAM_REPLICA_URL: process.env.LITESTREAM_REPLICA_URL || from, OUTPOST_DEMO: "0" };
  const child = spawn(process.execPath, [...process.execArgv, server], { stdio: "inherit", env });
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}
