// A real SFTP server for tests: OpenSSH's sshd (Debian's openssh-server) on 127.0.0.1 with a
// throwaway host key and client key, for Litestream's `sftp` replica type. Everything lives in one
// temp folder that stop() removes; the server runs as the current user (root here, which sshd lets
// in with a key under `PermitRootLogin prohibit-password`), and the key can do SFTP and nothing else.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "./net/free-port";

export const SSHD = "/usr/sbin/sshd";

/**
 * How the store goes away. "down" (the default): sshd and every session are killed, so the
 * client's connection drops and new ones are refused until resume() starts sshd again on the same
 * port (a crashed or rebooting store). "freeze": sshd and its sessions are stopped with SIGSTOP,
 * so the kernel still holds the connections but nothing answers (a store that hangs; a new
 * connection gets no SSH banner) until resume() sends SIGCONT.
 */
export type PauseMode = "down" | "freeze";

export type SftpServerOptions = {
  /** The sshd binary; a missing one throws the install hint. */
  sshd?: string;
  /** A fixed port; by default a free one. */
  port?: number;
  /** How long sshd may take to answer with its banner, at start and at resume. */
  readyTimeoutMs?: number;
};

export type SftpServer = {
  host: "127.0.0.1";
  port: number;
  user: string;
  /** The client's private key (Litestream's `key-path`). */
  keyPath: string;
  /** A folder the replica can write to; SFTP paths are absolute on this machine (no chroot). */
  root: string;
  /** sftp://user@127.0.0.1:port/<root>/<subpath> */
  url(subpath: string): string;
  /** What sshd printed (-e): accepted keys, disconnects, errors. */
  log(): string;
  pause(mode?: PauseMode): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every process below `pid`, read from /proc (sshd's session children start their own sessions,
 * so a process group does not hold them). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      queue.push(child);
      found.push(child);
    }
  }
  return found;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

/** Alive and not a zombie. */
function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** What a new TCP connection to 127.0.0.1:port meets within `ms`: a refusal, SSH's banner, or
 * silence (accepted by the kernel, nobody answering: a frozen server). */
export function probeSsh(port: number, ms: number): Promise<"refused" | "banner" | "silent"> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const done = (answer: "refused" | "banner" | "silent") => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done("silent"), ms);
    socket.on("data", (d) => done(d.toString("latin1").startsWith("SSH-") ? "banner" : "silent"));
    socket.on("error", (e: NodeJS.ErrnoException) => done(e.code === "ECONNREFUSED" ? "refused" : "silent"));
  });
}

function keygen(file: string): void {
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "outpost-test", "-f", file], { stdio: "pipe" });
}

function sshdConfig(dir: string, port: number, user: string, penalties: boolean): string {
  return [
    `ListenAddress 127.0.0.1:${port}`,
    `HostKey ${dir}/host_ed25519`,
    `PidFile ${dir}/sshd.pid`,
    `AuthorizedKeysFile ${dir}/authorized_keys`,
    `AllowUsers ${user}`,
    "PermitRootLogin prohibit-password",
    "PubkeyAuthentication yes",
    "PasswordAuthentication no",
    "KbdInteractiveAuthentication no",
    "UsePAM no",
    "StrictModes no",
    "UseDNS no",
    "PrintMotd no",
    "AllowTcpForwarding no",
    "X11Forwarding no",
    "Subsystem sftp internal-sftp",
    "ForceCommand internal-sftp",
    // OpenSSH 9.8+ shuts out a source address whose sessions end badly; our kills would count.
    ...(penalties ? ["PerSourcePenalties no"] : []),
    "",
  ].join("\n");
}

/** Writes the config and has sshd check it (-t), dropping the option an older sshd does not know. */
function writeConfig(sshd: string, dir: string, port: number, user: string): string {
  const file = path.join(dir, "sshd_config");
  for (const penalties of [true, false]) {
    fs.writeFileSync(file, sshdConfig(dir, port, user, penalties));
    try {
      execFileSync(sshd, ["-t", "-f", file], { stdio: "pipe" });
      return file;
    } catch (e) {
      const stderr = String((e as { stderr?: Buffer }).stderr ?? e);
      if (penalties && /PerSourcePenalties/.test(stderr)) continue;
      throw new Error(`sshd refused its test config: ${stderr.trim()}`);
    }
  }
  throw new Error("unreachable");
}

// Processes still running when the test process exits (a test that died before stop()).
const live = new Set<() => void>();
process.once("exit", () => live.forEach((kill) => kill()));

export async function startSftpServer(opts: SftpServerOptions = {}): Promise<SftpServer> {
  const sshd = opts.sshd ?? SSHD;
  if (!fs.existsSync(sshd))
    throw new Error(`${sshd} is missing: the SFTP tests need OpenSSH's server (apt-get install -y openssh-server)`);
  const readyMs = opts.readyTimeoutMs ?? 10_000;
  const user = os.userInfo().username;
  // sshd run as root needs its privilege separation folder, which the package's init script makes.
  if (process.getuid?.() === 0 && !fs.existsSync("/run/sshd")) fs.mkdirSync("/run/sshd", { mode: 0o755 });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-sftp-"));
  const root = path.join(dir, "root");
  fs.mkdirSync(root);
  const keyPath = path.join(dir, "client_ed25519");
  let output = "";
  let child: ChildProcess | null = null;
  let frozen: number[] = [];
  let paused: PauseMode | null = null;

  keygen(path.join(dir, "host_ed25519"));
  keygen(keyPath);
  // restrict: no forwarding, no pty, no agent; ForceCommand already limits it to SFTP.
  fs.writeFileSync(path.join(dir, "authorized_keys"), `restrict ${fs.readFileSync(`${keyPath}.pub`, "utf8")}`);

  const launch = async (port: number): Promise<boolean> => {
    const config = writeConfig(sshd, dir, port, user);
    const proc = spawn(sshd, ["-D", "-e", "-f", config], { stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    const keep = (d: Buffer) => (output = (output + d.toString()).slice(-64_000));
    proc.stdout!.on("data", keep);
    proc.stderr!.on("data", keep);
    const deadline = Date.now() + readyMs;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null || proc.signalCode !== null) return false;
      if ((await probeSsh(port, 1000)) === "banner") return true;
      await sleep(50);
    }
    throw new Error(`sshd did not answer on 127.0.0.1:${port} within ${readyMs} ms:\n${output}`);
  };

  // SIGSTOP the listener first (no new sessions), then its sessions, repeating until no new
  // process shows up; returns every stopped pid, the listener last.
  const freeze = (): number[] => {
    if (!child?.pid) return [];
    signal(child.pid, "SIGSTOP");
    const stopped = new Set<number>();
    for (let fresh = descendants(child.pid); fresh.length;) {
      for (const pid of fresh) {
        signal(pid, "SIGSTOP");
        stopped.add(pid);
      }
      fresh = descendants(child.pid).filter((pid) => !stopped.has(pid));
    }
    return [...stopped, child.pid];
  };

  const killAll = (): number[] => {
    const pids = frozen.length ? frozen : freeze();
    pids.forEach((pid) => signal(pid, "SIGKILL"));
    frozen = [];
    child = null;
    return pids;
  };
  const onExit = () => {
    killAll();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  live.add(onExit);

  const halt = async () => {
    const pids = killAll();
    const deadline = Date.now() + 5000;
    while (pids.some(running)) {
      if (Date.now() > deadline) throw new Error(`sshd processes ${pids.filter(running).join(", ")} outlived SIGKILL`);
      await sleep(20);
    }
  };

  let port = opts.port ?? (await freePort());
  try {
    // A free port can be taken between the probe and sshd's bind: try another (unless fixed).
    for (let attempt = 1; !(await launch(port)); attempt++) {
      if (opts.port || attempt === 3) throw new Error(`sshd exited at start on port ${port}:\n${output}`);
      port = await freePort();
    }
  } catch (e) {
    await halt();
    onExit();
    live.delete(onExit);
    throw e;
  }

  return {
    host: "127.0.0.1",
    port,
    user,
    keyPath,
    root,
    url: (subpath) =>
      `sftp://${encodeURIComponent(user)}@127.0.0.1:${port}${encodeURI(path.posix.join(root, subpath))}`,
    log: () => output,
    async pause(mode = "down") {
      if (paused) throw new Error(`the SFTP server is already paused (${paused})`);
      paused = mode;
      if (mode === "freeze") frozen = freeze();
      else await halt();
    },
    async resume() {
      if (!paused) throw new Error("the SFTP server is not paused");
      if (paused === "freeze") {
        // Sessions first, the listener last: it accepts what queued meanwhile.
        frozen.forEach((pid) => signal(pid, "SIGCONT"));
        frozen = [];
      } else {
        // The same port: Litestream's config names it. sshd sets SO_REUSEADDR, so the old
        // connections' TIME_WAIT does not block the bind; someone else taking the port would.
        const deadline = Date.now() + readyMs;
        while (!(await launch(port))) {
          if (Date.now() > deadline) throw new Error(`sshd could not listen again on port ${port}:\n${output}`);
          await sleep(200);
        }
      }
      paused = null;
    },
    async stop() {
      await halt();
      fs.rmSync(dir, { recursive: true, force: true });
      live.delete(onExit);
    },
  };
}
