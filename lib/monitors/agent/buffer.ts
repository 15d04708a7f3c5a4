// The results waiting to be sent, bounded and on disk, so a restart or an hour offline loses
// nothing. The data dir holds:
//   state.json         {boot, nextSeq, ackedSeq, server?, pageId?}, replaced whole (write, fsync, rename)
//   seg-<first>.jsonl  append-only, one result per line, seqs first … first+SEGMENT-1
//   assignments.json   the last assignments, so a restart while the server is away still checks
//   lock               the pid of the agent using the dir
// Each result gets the next seq and is written to its segment at once (so a killed process loses
// nothing the kernel holds); segments and the state are fsync'd together at most once a second,
// and only fsync'd results are handed to the sender, so a seq the server has seen is never reused.
// A segment is deleted once every seq in it is acknowledged. Above `max` waiting results the
// oldest are dropped (counted, logged at most once a minute).
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { assignmentsResponse, result, type AssignmentsResponse, type Result } from "./protocol";
import { z } from "zod";

export type Pending = Omit<Result, "seq">;

export const SEGMENT_SIZE = 1000;
const DROP_LOG_MS = 60_000;
const COMPACT_AT = 4096;

const stateFile = z.object({
  boot: z.string().min(8).max(64),
  nextSeq: z.number().int().min(1),
  ackedSeq: z.number().int().min(0),
  server: z.string().optional(),
  pageId: z.string().optional(),
});
type State = z.infer<typeof stateFile>;

export type BufferOptions = {
  dir: string;
  /** At most this many results wait; beyond it the oldest go. */
  max: number;
  segmentSize?: number;
  flushMs?: number;
  log?: (line: string) => void;
  now?: () => number;
};

const segName = (first: number) => `seg-${first}.jsonl`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.tmp`;
  const fh = await fs.open(tmp, "w");
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rename(tmp, file);
  // The rename itself reaches the disk with the folder's own fsync (best effort: not every
  // file system lets a folder be opened).
  try {
    const folder = await fs.open(path.dirname(file), "r");
    await folder.sync().finally(() => folder.close());
  } catch {
    // the rename stands; only its durability across a power cut is less certain
  }
}

/** Takes the data dir for this process: refuses one another live agent holds. */
async function lock(dir: string): Promise<void> {
  const file = path.join(dir, "lock");
  try {
    const pid = Number((await fs.readFile(file, "utf8")).trim());
    if (pid && pid !== process.pid && isAlive(pid))
      throw new Error(`another probe agent (pid ${pid}) uses the data dir ${dir}`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  await fs.writeFile(file, String(process.pid));
}

export class ResultBuffer {
  private state: State;
  /** Waiting results, oldest first, from `head` on. */
  private items: Result[] = [];
  private head = 0;
  /** Lines appended but not yet handed to the file. */
  private unwritten: Result[] = [];
  private writeScheduled = false;
  private writtenSeq: number;
  private syncedSeq: number;
  private io: Promise<void> = Promise.resolve();
  private fd: { first: number; handle: fs.FileHandle } | null = null;
  private segments = new Set<number>();
  private stateDirty = false;
  private timer: NodeJS.Timeout | null = null;
  private dropped = 0;
  private droppedTotal = 0;
  private lastDropLog = -Infinity;
  private lastIoLog = -Infinity;
  private closed = false;
  private readonly segmentSize: number;
  private readonly log: (line: string) => void;
  private readonly now: () => number;
  /** Called after each flush that made results sendable. */
  onSynced: (() => void) | null = null;

  private constructor(
    private readonly o: BufferOptions,
    state: State,
  ) {
    this.state = state;
    this.segmentSize = o.segmentSize ?? SEGMENT_SIZE;
    this.log = o.log ?? (() => {});
    this.now = o.now ?? Date.now;
    this.writtenSeq = this.syncedSeq = state.nextSeq - 1;
  }

  /** Opens (or creates) the data dir and reads back what was waiting. */
  static async open(o: BufferOptions): Promise<ResultBuffer> {
    await fs.mkdir(o.dir, { recursive: true });
    await lock(o.dir);
    const file = path.join(o.dir, "state.json");
    let state: State;
    try {
      state = stateFile.parse(JSON.parse(await fs.readFile(file, "utf8")));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT")
        throw new Error(`cannot read ${file} (${(err as Error).message.slice(0, 200)}); move the data dir aside`);
      state = { boot: crypto.randomBytes(12).toString("hex"), nextSeq: 1, ackedSeq: 0 };
      // Segments without a state belong to no known boot: they cannot be sent.
      const stray = (await fs.readdir(o.dir)).filter((f) => /^seg-\d+\.jsonl$/.test(f));
      for (const f of stray) await fs.rm(path.join(o.dir, f), { force: true });
      if (stray.length) o.log?.(`no state.json in ${o.dir}: removed ${stray.length} result files of an unknown boot`);
      await writeAtomic(file, JSON.stringify(state));
    }
    const buffer = new ResultBuffer(o, state);
    await buffer.load();
    buffer.timer = setInterval(() => void buffer.flush(), o.flushMs ?? 1000);
    buffer.timer.unref();
    return buffer;
  }

  private async load(): Promise<void> {
    const firsts = (await fs.readdir(this.o.dir))
      .map((f) => /^seg-(\d+)\.jsonl$/.exec(f)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    let maxSeq = 0;
    for (const first of firsts) {
      const file = path.join(this.o.dir, segName(first));
      if (first + this.segmentSize - 1 <= this.state.ackedSeq) {
        await fs.rm(file, { force: true });
        continue;
      }
      this.segments.add(first);
      const text = await fs.readFile(file, "utf8");
      // A process killed mid-write leaves half a line: cut it, or the next append would join it.
      const end = text.lastIndexOf("\n") + 1;
      if (end < text.length) await fs.truncate(file, Buffer.byteLength(text.slice(0, end)));
      for (const line of text.slice(0, end).split("\n")) {
        if (!line) continue;
        let parsed: Result;
        try {
          parsed = result.parse(JSON.parse(line));
        } catch {
          continue;
        }
        maxSeq = Math.max(maxSeq, parsed.seq);
        if (parsed.seq > this.state.ackedSeq) this.items.push(parsed);
      }
    }
    this.items.sort((a, b) => a.seq - b.seq);
    this.items = this.items.filter((r, i, all) => i === 0 || r.seq !== all[i - 1]!.seq);
    this.state.nextSeq = Math.max(this.state.nextSeq, maxSeq + 1, this.state.ackedSeq + 1);
    // Everything read back is on disk already.
    this.writtenSeq = this.syncedSeq = this.state.nextSeq - 1;
    this.trim();
    this.stateDirty = true;
  }

  get boot(): string {
    return this.state.boot;
  }
  get nextSeq(): number {
    return this.state.nextSeq;
  }
  get ackedSeq(): number {
    return this.state.ackedSeq;
  }
  /** Results not yet acknowledged (whether or not they are on disk yet). */
  get waiting(): number {
    return this.items.length - this.head;
  }
  get droppedCount(): number {
    return this.droppedTotal;
  }
  get server(): string | undefined {
    return this.state.server;
  }
  get pageId(): string | undefined {
    return this.state.pageId;
  }

  /** Which server and page the results are for (a new server means learning its page again). */
  setPage(server: string, pageId: string | undefined): void {
    if (this.state.server === server && this.state.pageId === pageId) return;
    this.state.server = server;
    this.state.pageId = pageId;
    this.stateDirty = true;
  }

  /** Gives the result the next seq and queues it for the disk; null once the buffer is closed. */
  append(r: Pending): Result | null {
    if (this.closed) return null;
    const full: Result = { seq: this.state.nextSeq++, ...r };
    this.items.push(full);
    this.unwritten.push(full);
    this.trim();
    if (!this.writeScheduled) {
      this.writeScheduled = true;
      setImmediate(() => {
        this.writeScheduled = false;
        this.io = this.io.then(() => this.writeOut());
      });
    }
    return full;
  }

  /** Up to n of the oldest results that are on disk and not yet acknowledged, oldest first. */
  peek(n: number): Result[] {
    const out: Result[] = [];
    for (let i = this.head; i < this.items.length && out.length < n; i++) {
      const r = this.items[i]!;
      if (r.seq > this.syncedSeq) break;
      out.push(r);
    }
    return out;
  }

  /**
   * Everything up to seq has reached the server. An ack past anything this buffer handed out
   * means the server saw this boot further along (a data dir restored from an older copy): new
   * results continue after it, or the server would skip them as duplicates.
   */
  ack(seq: number): void {
    if (seq >= this.state.nextSeq) {
      this.log(`the server already holds seq ${seq} of this buffer (restored from a copy?); continuing after it`);
      this.state.nextSeq = seq + 1;
      this.writtenSeq = Math.max(this.writtenSeq, seq);
      this.syncedSeq = Math.max(this.syncedSeq, seq);
    }
    if (seq <= this.state.ackedSeq) return;
    this.state.ackedSeq = seq;
    this.stateDirty = true;
    while (this.head < this.items.length && this.items[this.head]!.seq <= seq) this.head++;
    this.compact();
  }

  private trim(): void {
    const over = this.waiting - this.o.max;
    if (over <= 0) return;
    this.head += over;
    this.dropped += over;
    this.droppedTotal += over;
    this.state.ackedSeq = Math.max(this.state.ackedSeq, this.items[this.head - 1]!.seq);
    this.stateDirty = true;
    this.compact();
  }

  private compact(): void {
    if (this.head >= COMPACT_AT && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  private ioTrouble(err: unknown): void {
    const now = this.now();
    if (now - this.lastIoLog < DROP_LOG_MS) return;
    this.lastIoLog = now;
    this.log(`cannot write the buffer in ${this.o.dir} (${(err as Error).message}); results wait in memory only`);
  }

  private async segmentHandle(first: number): Promise<fs.FileHandle> {
    if (this.fd?.first === first) return this.fd.handle;
    await this.closeSegment();
    const handle = await fs.open(path.join(this.o.dir, segName(first)), "a");
    this.fd = { first, handle };
    this.segments.add(first);
    return handle;
  }

  private async closeSegment(): Promise<void> {
    if (!this.fd) return;
    const { handle } = this.fd;
    this.fd = null;
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Hands the appended lines to their segment files (no fsync: that is flush's). */
  private async writeOut(): Promise<void> {
    const lines = this.unwritten;
    this.unwritten = [];
    let i = 0;
    while (i < lines.length) {
      const first = Math.floor((lines[i]!.seq - 1) / this.segmentSize) * this.segmentSize + 1;
      let j = i;
      let text = "";
      while (j < lines.length && lines[j]!.seq < first + this.segmentSize) text += `${JSON.stringify(lines[j++])}\n`;
      try {
        await (await this.segmentHandle(first)).write(text);
      } catch (err) {
        this.ioTrouble(err);
      }
      this.writtenSeq = Math.max(this.writtenSeq, lines[j - 1]!.seq);
      i = j;
    }
  }

  /** Writes what is pending, fsyncs it with the state, and deletes acknowledged segments. */
  flush(): Promise<void> {
    this.io = this.io.then(async () => {
      if (this.unwritten.length) await this.writeOut();
      const synced = this.writtenSeq;
      if (synced === this.syncedSeq && !this.stateDirty) return this.logDrops();
      try {
        await this.fd?.handle.sync();
        this.stateDirty = false;
        // Only what is on disk counts: a seq handed out but not yet written may be handed out again.
        const acked = this.state.ackedSeq;
        const nextSeq = Math.max(synced + 1, acked + 1);
        await writeAtomic(
          path.join(this.o.dir, "state.json"),
          JSON.stringify({ ...this.state, ackedSeq: acked, nextSeq }),
        );
        for (const first of [...this.segments]) {
          if (first + this.segmentSize - 1 > acked) continue;
          if (this.fd?.first === first) await this.closeSegment();
          await fs.rm(path.join(this.o.dir, segName(first)), { force: true });
          this.segments.delete(first);
        }
      } catch (err) {
        this.ioTrouble(err);
      }
      const grew = synced > this.syncedSeq;
      this.syncedSeq = Math.max(this.syncedSeq, synced);
      this.logDrops();
      if (grew) this.onSynced?.();
    });
    return this.io;
  }

  private logDrops(): void {
    const now = this.now();
    if (!this.dropped || now - this.lastDropLog < DROP_LOG_MS) return;
    this.lastDropLog = now;
    this.log(
      `buffer full (${this.o.max} results waiting): dropped the ${this.dropped} oldest (${this.droppedTotal} since start)`,
    );
    this.dropped = 0;
  }

  async saveAssignments(a: AssignmentsResponse): Promise<void> {
    const run = this.io.then(() =>
      writeAtomic(path.join(this.o.dir, "assignments.json"), JSON.stringify(a)).catch((err) => this.ioTrouble(err)),
    );
    this.io = run;
    return run;
  }

  /** The assignments saved last, or null (none yet, or unreadable). */
  async savedAssignments(): Promise<AssignmentsResponse | null> {
    try {
      return assignmentsResponse.parse(
        JSON.parse(await fs.readFile(path.join(this.o.dir, "assignments.json"), "utf8")),
      );
    } catch {
      return null;
    }
  }

  /** Flushes everything and releases the data dir. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.stateDirty = true;
    await this.flush();
    this.io = this.io.then(() => this.closeSegment().catch((err) => this.ioTrouble(err)));
    await this.io;
    await fs.rm(path.join(this.o.dir, "lock"), { force: true });
  }
}
