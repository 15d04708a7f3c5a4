import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ResultBuffer } from "./buffer";
import { ProbeClient } from "./client";
import { Link } from "./link";
import { Sender, type PageRef } from "./sender";
import { PAGE_ID, TOKEN, startStandIn, until, type StandIn } from "./test-support";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(o: { batchMax?: number; timeoutMs?: number; pageIds?: string[] } = {}) {
  const standIn: StandIn = await startStandIn();
  cleanups.push(() => standIn.close());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-probe-sender-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const buffer = await ResultBuffer.open({ dir, max: 10_000, flushMs: 20 });
  cleanups.push(() => buffer.close());
  const log: string[] = [];
  const link = new Link((l) => log.push(l));
  let forgotten = 0;
  // The ids the page "has" in turn (a page that moved answers 404 under its old id).
  const ids = [...(o.pageIds ?? [PAGE_ID])];
  const page: PageRef = {
    get: async () => ids[0]!,
    forget: () => {
      forgotten++;
      if (ids.length > 1) ids.shift();
    },
  };
  const client = new ProbeClient({
    server: standIn.url,
    token: TOKEN,
    name: "eu-west",
    version: "1.2.3",
    timeoutMs: o.timeoutMs ?? 2000,
  });
  const sender = new Sender({
    buffer,
    client,
    page,
    link,
    version: "1.2.3",
    log: (l) => log.push(l),
    intervalMs: 20,
    backoffMs: [20, 40],
    authRetryMs: 60,
    batchMax: o.batchMax ?? 500,
  });
  cleanups.push(() => sender.stopped());
  const add = (n: number) => {
    for (let i = 0; i < n; i++)
      buffer.append({ monitor_id: "m1", at: new Date().toISOString(), ok: true, latency_ms: 3, error: null });
  };
  return { standIn, buffer, link, log, sender, add, forgotten: () => forgotten };
}

const acceptedSeqs = (s: StandIn) => s.accepted.map((r) => r.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("probe agent sender", () => {
  it("posts the results oldest first in bounded batches and lets the buffer drop what was acknowledged", async () => {
    const { standIn, buffer, sender, add } = await setup({ batchMax: 4 });
    add(10);
    sender.start();
    await until(() => standIn.accepted.length === 10 && buffer.waiting === 0, "ten results");
    expect(acceptedSeqs(standIn)).toEqual(range(1, 10));
    expect(standIn.posts.every((p) => p.seqs.length <= 4)).toBe(true);
    expect(standIn.posts.flatMap((p) => p.seqs)).toEqual(range(1, 10));
    expect(new Set(standIn.posts.map((p) => p.boot))).toEqual(new Set([buffer.boot]));
    expect(buffer.ackedSeq).toBe(10);
    expect(standIn.duplicates).toBe(0);
  });

  it("retries the same oldest results while the server fails, and says when it is back", async () => {
    const { standIn, buffer, log, sender, add } = await setup();
    standIn.mode.results = "unavailable";
    add(3);
    sender.start();
    await until(() => standIn.requests.filter((r) => r.path.endsWith("/results")).length >= 3, "three attempts");
    expect(buffer.waiting).toBe(3);
    expect(log).toEqual([
      "cannot reach the server: POST /api/v1/pages/page-standin/probe/results: 503 Down for a moment; checks go on, results wait on disk",
    ]);
    // Two more wait behind them (the sender paused meanwhile, so the next attempt takes all five).
    await sender.stopped();
    add(2);
    await buffer.flush();
    standIn.mode.results = "ok";
    sender.start();
    await until(() => buffer.waiting === 0, "the backlog");
    expect(acceptedSeqs(standIn)).toEqual(range(1, 5));
    expect(standIn.posts[0]!.seqs[0]).toBe(1);
    await until(() => log.length === 2, "the back line");
    expect(log[1]).toMatch(/^the server is back after \d+ s; sent 5 results that waited$/);
  });

  it("keeps trying a refused token slowly without giving up", async () => {
    const { standIn, buffer, log, sender, add } = await setup();
    standIn.mode.results = "unauthorized";
    add(1);
    sender.start();
    await until(() => standIn.requests.length >= 2, "a retry");
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^the server refuses this agent's token .*401 The token is not valid/);
    expect(log[0]).not.toContain(TOKEN);
    standIn.mode.results = "ok";
    await until(() => buffer.waiting === 0, "the result");
    expect(acceptedSeqs(standIn)).toEqual([1]);
  });

  it("gives up on a hung answer and sends the same seqs again: the server counts them once", async () => {
    const { standIn, buffer, sender, add } = await setup({ timeoutMs: 200 });
    standIn.mode.results = "hang";
    add(2);
    sender.start();
    await until(() => standIn.requests.length >= 2, "a second attempt");
    standIn.mode.results = "ok";
    await until(() => buffer.waiting === 0, "the results");
    expect(acceptedSeqs(standIn)).toEqual([1, 2]);
  });

  it("drops a batch the server rejects as invalid instead of holding everything behind it", async () => {
    const { standIn, buffer, log, sender } = await setup();
    // A seq the protocol refuses (the agent's own schema is bypassed to provoke the server).
    buffer.append({ monitor_id: "m1", at: "not a date", ok: true, latency_ms: 1, error: null });
    buffer.append({ monitor_id: "m1", at: new Date().toISOString(), ok: true, latency_ms: 1, error: null });
    sender.start();
    await until(() => buffer.waiting === 0, "the drop");
    expect(standIn.accepted).toEqual([]);
    expect(log.at(-1)).toMatch(/^the server rejected results 1-2, dropped: POST .*: 422 /);
  });

  it("learns the page again when the server says 404", async () => {
    const { standIn, sender, add, forgotten } = await setup({ pageIds: ["old-page", PAGE_ID] });
    add(1);
    sender.start();
    await until(() => standIn.accepted.length === 1, "the result");
    expect(forgotten()).toBe(1);
  });
});
