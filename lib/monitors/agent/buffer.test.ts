import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ResultBuffer, type BufferOptions, type Pending } from "./buffer";
import { assignmentFor } from "./test-support";

let dir: string;
const open: ResultBuffer[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-probe-buffer-"));
});
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function openBuffer(over: Partial<BufferOptions> = {}): Promise<ResultBuffer> {
  const b = await ResultBuffer.open({ dir, max: 1000, segmentSize: 10, flushMs: 60_000, ...over });
  open.push(b);
  return b;
}

const pending = (i: number): Pending => ({
  monitor_id: `m${i % 3}`,
  at: new Date(Date.UTC(2030, 0, 1, 0, 0, i)).toISOString(),
  ok: i % 2 === 0,
  latency_ms: i,
  error: i % 2 === 0 ? null : `failure ${i}`,
});

const files = () => fs.readdirSync(dir).sort();
const state = () => JSON.parse(fs.readFileSync(path.join(dir, "state.json"), "utf8"));
const seqs = (b: ResultBuffer, n = 10_000) => b.peek(n).map((r) => r.seq);

async function closeAndForget(b: ResultBuffer) {
  open.splice(open.indexOf(b), 1);
  await b.close();
}

describe("probe agent buffer", () => {
  it("numbers results, hands out only what is on disk, and keeps boot and seq across a restart", async () => {
    const b = await openBuffer();
    expect(b.boot).toMatch(/^[0-9a-f]{24}$/);
    for (let i = 1; i <= 25; i++) expect(b.append(pending(i))?.seq).toBe(i);
    expect(b.waiting).toBe(25);
    // Not fsync'd yet: not for the sender.
    expect(b.peek(500)).toEqual([]);
    await b.flush();
    expect(seqs(b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(b.peek(3).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(files()).toEqual(["lock", "seg-1.jsonl", "seg-11.jsonl", "seg-21.jsonl", "state.json"]);
    expect(state()).toEqual({ boot: b.boot, nextSeq: 26, ackedSeq: 0 });
    expect(b.peek(1)[0]).toEqual({ seq: 1, ...pending(1) });

    // Acknowledged segments go; the one still holding waiting results stays.
    b.ack(20);
    await b.flush();
    expect(files()).toEqual(["lock", "seg-21.jsonl", "state.json"]);
    expect(state()).toMatchObject({ nextSeq: 26, ackedSeq: 20 });
    const boot = b.boot;
    await closeAndForget(b);
    expect(files()).not.toContain("lock");

    const again = await openBuffer();
    expect(again.boot).toBe(boot);
    expect(seqs(again)).toEqual([21, 22, 23, 24, 25]);
    expect(again.append(pending(26))?.seq).toBe(26);
    await again.flush();
    expect(seqs(again)).toEqual([21, 22, 23, 24, 25, 26]);
  });

  it("reads back what a killed agent had written, cutting a half-written line", async () => {
    // As a kill -9 leaves it: the state fsync'd a while ago, the segment written further.
    fs.writeFileSync(path.join(dir, "state.json"), JSON.stringify({ boot: "boot-killed-1", nextSeq: 3, ackedSeq: 1 }));
    const lines = [1, 2, 3, 4, 5].map((seq) => JSON.stringify({ seq, ...pending(seq) }));
    fs.writeFileSync(path.join(dir, "seg-1.jsonl"), `${lines.join("\n")}\n{"seq":6,"monitor_id":"m`);
    const b = await openBuffer();
    expect(b.boot).toBe("boot-killed-1");
    expect(seqs(b)).toEqual([2, 3, 4, 5]);
    expect(b.nextSeq).toBe(6);
    expect(b.append(pending(6))?.seq).toBe(6);
    await closeAndForget(b);

    const again = await openBuffer();
    expect(seqs(again)).toEqual([2, 3, 4, 5, 6]);
    expect(fs.readFileSync(path.join(dir, "seg-1.jsonl"), "utf8").split("\n").filter(Boolean)).toHaveLength(6);
  });

  it("drops the oldest beyond its bound, counts them and says so at most once a minute", async () => {
    const log: string[] = [];
    let now = 0;
    const b = await openBuffer({ max: 5, log: (l) => log.push(l), now: () => now });
    for (let i = 1; i <= 8; i++) b.append(pending(i));
    await b.flush();
    expect(b.waiting).toBe(5);
    expect(seqs(b)).toEqual([4, 5, 6, 7, 8]);
    expect(b.droppedCount).toBe(3);
    expect(log).toEqual(["buffer full (5 results waiting): dropped the 3 oldest (3 since start)"]);
    b.append(pending(9));
    await b.flush();
    expect(log).toHaveLength(1);
    now += 60_000;
    await b.flush();
    expect(log[1]).toBe("buffer full (5 results waiting): dropped the 1 oldest (4 since start)");
    // The dropped ones are gone for good: a restart does not bring them back.
    await closeAndForget(b);
    const again = await openBuffer({ max: 5 });
    expect(seqs(again)).toEqual([5, 6, 7, 8, 9]);
  });

  it("continues after the server's seq when the server is further along (a restored data dir)", async () => {
    const log: string[] = [];
    const b = await openBuffer({ log: (l) => log.push(l) });
    b.append(pending(1));
    await b.flush();
    b.ack(40);
    expect(log[0]).toMatch(/already holds seq 40/);
    expect(b.waiting).toBe(0);
    expect(b.append(pending(2))?.seq).toBe(41);
    await closeAndForget(b);
    expect(state()).toMatchObject({ nextSeq: 42, ackedSeq: 40 });
  });

  it("keeps the page and the last assignments for a restart", async () => {
    const b = await openBuffer();
    expect(await b.savedAssignments()).toBeNull();
    b.setPage("https://s.example.com", "page-1");
    const a = {
      agent: { id: "a1", name: "eu-west", label: "EU west" },
      server_time: "2030-01-01T00:00:00.000Z",
      poll_seconds: 30,
      monitors: [assignmentFor("m1", "https://example.com/")],
    };
    await b.saveAssignments(a);
    await closeAndForget(b);
    const again = await openBuffer();
    expect(again.server).toBe("https://s.example.com");
    expect(again.pageId).toBe("page-1");
    expect(await again.savedAssignments()).toEqual(a);
  });

  it("refuses a data dir another live agent holds, and an unreadable state", async () => {
    // The parent of this test process is alive and is not an agent sharing our pid.
    fs.writeFileSync(path.join(dir, "lock"), String(process.ppid));
    await expect(openBuffer()).rejects.toThrow(`another probe agent (pid ${process.ppid}) uses the data dir ${dir}`);
    // A lock left by a process that is gone is taken over.
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid;
    fs.writeFileSync(path.join(dir, "lock"), String(gone));
    await closeAndForget(await openBuffer());

    fs.writeFileSync(path.join(dir, "state.json"), "{not json");
    await expect(openBuffer()).rejects.toThrow(/cannot read .*state.json .*move the data dir aside/);
  });

  it("forgets segments that no state describes", async () => {
    fs.writeFileSync(path.join(dir, "seg-1.jsonl"), `${JSON.stringify({ seq: 1, ...pending(1) })}\n`);
    const b = await openBuffer();
    expect(b.waiting).toBe(0);
    expect(files()).toEqual(["lock", "state.json"]);
  });
});
