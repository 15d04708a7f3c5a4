// The SFTP test peer (testing-sftp.ts) proven with the real Litestream binary (0.3.13, from
// @flydotio/litestream): replicate over SFTP, restore the same rows, and both kinds of outage.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeSsh, startSftpServer, type SftpServer } from "./testing-sftp";

const PLATFORM_BIN = "node_modules/@flydotio/litestream-linux-x64/litestream";
const candidates = [
  path.resolve(import.meta.dirname, "..", process.env.LITESTREAM_BIN ?? PLATFORM_BIN),
  `/tmp/ls/${PLATFORM_BIN}`,
];
const LITESTREAM = candidates.find((file) => fs.existsSync(file));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(check: () => boolean, ms: number, what: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what()}`);
    await sleep(250);
  }
}

let server: SftpServer;
let work: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!LITESTREAM)
    throw new Error(
      `no Litestream binary at ${candidates.join(" or ")}: install @flydotio/litestream or set LITESTREAM_BIN`,
    );
  server = await startSftpServer();
  work = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-sftp-test-"));
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await server?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** Runs a one-shot Litestream command (bounded: a hung SFTP handshake has no timeout of its own). */
function litestream(args: string[]): { status: number | null; output: string } {
  const r = spawnSync(LITESTREAM!, args, { encoding: "utf8", timeout: 30_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

type Replicator = { child: ChildProcess; log: () => string };

function replicate(config: string): Replicator {
  const child = spawn(LITESTREAM!, ["replicate", "-config", config], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  return { child, log: () => log };
}

/** SIGTERM (Litestream syncs once more, then exits), SIGKILL if it has not exited in 5 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  if (await Promise.race([exited.then(() => true), sleep(5000).then(() => false)])) return;
  child.kill("SIGKILL");
  await exited;
}

/** A fresh WAL database with a table of rows, and the YAML for replicating it. */
function database(name: string, replica: string) {
  const file = path.join(work, `${name}.db`);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  const insert = db.prepare("INSERT INTO rows (body) VALUES (?)");
  const write = db.transaction((n: number, tag: string) => {
    for (let i = 0; i < n; i++) insert.run(`${tag} ${i} ${"x".repeat(200)}`);
  });
  const config = path.join(work, `${name}.yml`);
  fs.writeFileSync(config, `dbs:\n  - path: ${file}\n    replicas:\n${replica}`);
  return { file, db, config, write, rows: () => readRows(file) };
}

/** The explicit form: Litestream 0.3.13 reads host, user, key-path and path for `type: sftp`. */
const explicitReplica = (subpath: string) =>
  [
    "      - type: sftp",
    `        host: "127.0.0.1:${server.port}"`,
    `        user: ${server.user}`,
    `        key-path: ${server.keyPath}`,
    `        path: ${path.join(server.root, subpath)}`,
    "        sync-interval: 1s",
    "",
  ].join("\n");

/** The URL form: the same replica; key-path still comes from its own field. */
const urlReplica = (subpath: string) =>
  [`      - url: ${server.url(subpath)}`, `        key-path: ${server.keyPath}`, "        sync-interval: 1s", ""].join(
    "\n",
  );

function readRows(file: string): { id: number; body: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT id, body FROM rows ORDER BY id").all() as { id: number; body: string }[];
  } finally {
    db.close();
  }
}

let restores = 0;
/** Restores the replica into a new file; null when Litestream could not. */
function restore(config: string, dbFile: string): string | null {
  const out = path.join(work, `restored-${++restores}.db`);
  return litestream(["restore", "-config", config, "-o", out, dbFile]).status === 0 ? out : null;
}

/** How many rows a restore from the replica holds right now (-1: no restore yet). */
function replicatedCount(config: string, dbFile: string): number {
  const out = restore(config, dbFile);
  return out ? readRows(out).length : -1;
}

function expectSameRows(config: string, dbFile: string, expected: { id: number; body: string }[]): void {
  const out = restore(config, dbFile);
  expect(out, "litestream restore").not.toBeNull();
  const copy = new Database(out!, { readonly: true });
  expect(copy.pragma("integrity_check")).toEqual([{ integrity_check: "ok" }]);
  copy.close();
  expect(readRows(out!)).toEqual(expected);
}

/** Every file in a replica folder with its size. */
function listing(subpath: string): string[] {
  const dir = path.join(server.root, subpath);
  return fs
    .readdirSync(dir, { recursive: true })
    .map((f) => `${f} ${fs.statSync(path.join(dir, String(f))).size}`)
    .sort();
}

/** Ten batches of rows, one a second, while the store is away: nothing reaches the replica
 * folder meanwhile (Litestream syncs every second, so a session left running would show). */
async function writeDuringOutage(subpath: string, write: (n: number, tag: string) => void): Promise<void> {
  const before = listing(subpath);
  for (let i = 0; i < 10; i++) {
    write(20, `outage ${i}`);
    await sleep(1000);
  }
  expect(listing(subpath)).toEqual(before);
}

describe("startSftpServer", () => {
  it("refuses to start without sshd, naming the package to install", async () => {
    await expect(startSftpServer({ sshd: "/nonexistent/sshd" })).rejects.toThrow(/apt-get install -y openssh-server/);
  });

  it("lets its own key put files over SFTP under root, and nothing else in", () => {
    expect(server.url("replica")).toBe(`sftp://${server.user}@127.0.0.1:${server.port}${server.root}/replica`);
    const target = `${server.user}@127.0.0.1`;
    const port = String(server.port);
    const opts = { encoding: "utf8", timeout: 20_000, input: "" } as const;
    const ssh = [
      "BatchMode=yes",
      "IdentitiesOnly=yes",
      "StrictHostKeyChecking=no",
      "UserKnownHostsFile=/dev/null",
    ].flatMap((option) => ["-o", option]);
    const local = path.join(work, "hello.txt");
    fs.writeFileSync(local, "hello over sftp");
    const batch = path.join(work, "batch");
    fs.writeFileSync(batch, `put ${local} ${server.root}/hello.txt\n`);
    const sftp = (key: string) => spawnSync("sftp", [...ssh, "-i", key, "-P", port, "-b", batch, target], opts);

    const other = path.join(work, "other_ed25519");
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", other]);
    const refused = sftp(other);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/Permission denied/);
    expect(fs.existsSync(path.join(server.root, "hello.txt"))).toBe(false);

    expect(sftp(server.keyPath).status).toBe(0);
    expect(fs.readFileSync(path.join(server.root, "hello.txt"), "utf8")).toBe("hello over sftp");

    // ForceCommand internal-sftp: the key opens no shell.
    const shell = spawnSync("ssh", [...ssh, "-i", server.keyPath, "-p", port, target, "echo shell-open"], opts);
    expect(shell.stdout).not.toContain("shell-open");
  });
});

describe("Litestream over SFTP", () => {
  it("replicates a WAL database and restores the same rows", async () => {
    const { file, db, config, write, rows } = database("roundtrip", explicitReplica("roundtrip"));
    write(300, "before");
    const ls = replicate(config);
    await waitUntil(
      () => /^sftp\s+[0-9a-f]{16}\s+0\s/m.test(litestream(["snapshots", "-config", config, file]).output),
      30_000,
      () => `a snapshot on the SFTP replica; litestream said:\n${ls.log()}`,
    );
    write(200, "after");
    const expected = rows();
    await waitUntil(
      () => replicatedCount(config, file) === expected.length,
      30_000,
      () => `${expected.length} rows in the replica; litestream said:\n${ls.log()}`,
    );
    expect(litestream(["wal", "-config", config, file]).output).toMatch(/^sftp\s+[0-9a-f]{16}\s/m);
    await stop(ls.child);
    db.close();
    expectSameRows(config, file, expected);
  }, 90_000);

  it("restore fails with exit 1 on a missing replica and on a truncated snapshot", async () => {
    const { file, db, config, write } = database("damaged", explicitReplica("damaged"));
    write(300, "row");
    const ls = replicate(config);
    await waitUntil(
      () => replicatedCount(config, file) === 300,
      30_000,
      () => `300 rows in the replica; litestream said:\n${ls.log()}`,
    );
    await stop(ls.child);
    db.close();

    const elsewhere = (subpath: string) => {
      const other = path.join(work, `${subpath}.yml`);
      fs.writeFileSync(other, fs.readFileSync(config, "utf8").replace(/damaged$/m, subpath));
      return other;
    };
    const out = path.join(work, "never.db");
    const missing = litestream(["restore", "-config", elsewhere("nothing-here"), "-o", out, file]);
    expect(missing).toMatchObject({ status: 1, output: expect.stringContaining("no matching backups found") });
    const optional = litestream([
      "restore",
      "-if-replica-exists",
      "-config",
      elsewhere("nothing-here"),
      "-o",
      out,
      file,
    ]);
    expect(optional.status).toBe(0);

    fs.cpSync(path.join(server.root, "damaged"), path.join(server.root, "truncated"), { recursive: true });
    const snapshots = fs
      .readdirSync(path.join(server.root, "truncated"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".snapshot.lz4"));
    expect(snapshots).toHaveLength(1);
    const snapshot = path.join(server.root, "truncated", snapshots[0]!);
    fs.truncateSync(snapshot, Math.floor(fs.statSync(snapshot).size / 2));
    const truncated = litestream(["restore", "-config", elsewhere("truncated"), "-o", out, file]);
    expect(truncated).toMatchObject({ status: 1, output: expect.stringContaining("cannot restore snapshot") });
    expect(fs.existsSync(out)).toBe(false);
  }, 90_000);

  it("pause('freeze'): rows written while the store hangs arrive after resume, Litestream untouched", async () => {
    const { file, db, config, write, rows } = database("freeze", urlReplica("freeze"));
    write(100, "before");
    const ls = replicate(config);
    await waitUntil(
      () => replicatedCount(config, file) === 100,
      30_000,
      () => `100 rows in the replica; litestream said:\n${ls.log()}`,
    );

    await server.pause("freeze");
    expect(await probeSsh(server.port, 1000)).toBe("silent"); // the kernel accepts, sshd never answers
    await writeDuringOutage("freeze", write);
    await server.resume();
    expect(await probeSsh(server.port, 10_000)).toBe("banner");

    const expected = rows();
    await waitUntil(
      () => replicatedCount(config, file) === expected.length,
      60_000,
      () => `${expected.length} rows in the replica after resume; litestream said:\n${ls.log()}`,
    );
    expect(ls.child.exitCode).toBeNull(); // the same Litestream, never restarted
    await stop(ls.child);
    db.close();
    expectSameRows(config, file, expected);
  }, 120_000);

  it("pause('down'): the store refuses connections; after resume and a Litestream restart every row arrives", async () => {
    const { file, db, config, write, rows } = database("down", explicitReplica("down"));
    write(100, "before");
    let ls = replicate(config);
    await waitUntil(
      () => replicatedCount(config, file) === 100,
      30_000,
      () => `100 rows in the replica; litestream said:\n${ls.log()}`,
    );

    await server.pause("down");
    expect(await probeSsh(server.port, 5000)).toBe("refused");
    await writeDuringOutage("down", write);
    await server.resume();
    expect(await probeSsh(server.port, 10_000)).toBe("banner"); // the same port as before

    // Litestream 0.3.13 never recovers from a dropped SFTP connection by itself: the next WAL
    // upload fails before reading its io.Pipe and the writer blocks on it for good (fixed upstream
    // only in 0.5), logging nothing. So, as Outpost's supervisor must, restart it: SIGTERM makes
    // it sync once more, but the stuck goroutine keeps it from exiting, hence the SIGKILL fallback.
    await stop(ls.child);
    ls = replicate(config);

    const expected = rows();
    await waitUntil(
      () => replicatedCount(config, file) === expected.length,
      60_000,
      () => `${expected.length} rows in the replica after resume; litestream said:\n${ls.log()}`,
    );
    await stop(ls.child);
    db.close();
    expectSameRows(config, file, expected);
  }, 120_000);
});
