import { afterEach, describe, expect, it } from "vitest";
import type { ProbeResult } from "../probes/types";
import type { Pending } from "./buffer";
import type { Assignment } from "./protocol";
import { Runner, type ProbeFn, type Runnable } from "./runner";
import { assignmentFor, startTarget } from "./test-support";

const T0 = Date.UTC(2030, 0, 1);
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

function setup(o: { concurrency?: number; probe?: ProbeFn; random?: number; guardMs?: number } = {}) {
  const clock = { now: T0 };
  const results: Pending[] = [];
  const log: string[] = [];
  const calls: Runnable[] = [];
  const probe: ProbeFn =
    o.probe ??
    ((m) => {
      calls.push(m);
      return Promise.resolve({ ok: true, latencyMs: 12.4, error: null });
    });
  const runner = new Runner({
    concurrency: o.concurrency ?? 32,
    onResult: (r) => results.push(r),
    log: (l) => log.push(l),
    now: () => clock.now,
    random: () => o.random ?? 0.5,
    guardMs: o.guardMs,
    probe,
  });
  closers.push(async () => runner.stop());
  return { clock, results, log, calls, runner };
}

const m = (id: string, over: Partial<Assignment> = {}) => assignmentFor(id, `https://${id}.example.com/`, over);

describe("probe agent runner", () => {
  it("spreads first checks over one interval, then checks every interval", async () => {
    const { clock, results, runner } = setup({ random: 0.25 });
    runner.setAssignments([m("a", { interval_seconds: 60 })]);
    expect(runner.tick()).toBe(0);
    clock.now = T0 + 14_999;
    expect(runner.tick()).toBe(0);
    clock.now = T0 + 15_000;
    expect(runner.tick()).toBe(1);
    await runner.idle();
    expect(results).toEqual([
      { monitor_id: "a", at: new Date(T0 + 15_000).toISOString(), ok: true, latency_ms: 12, error: null },
    ]);
    clock.now = T0 + 74_999;
    expect(runner.tick()).toBe(0);
    clock.now = T0 + 75_000;
    expect(runner.tick()).toBe(1);
    await runner.idle();
    expect(results).toHaveLength(2);
  });

  it("runs at most `concurrency` checks at once, the most overdue first", async () => {
    const waiting: ((r: ProbeResult) => void)[] = [];
    const started: string[] = [];
    const { clock, results, runner } = setup({
      concurrency: 2,
      random: 0,
      probe: (r) =>
        new Promise((resolve) => {
          started.push(r.a.id);
          waiting.push(resolve);
        }),
    });
    runner.setAssignments([m("a"), m("b"), m("c")]);
    clock.now = T0 + 100;
    runner.setAssignments([m("a"), m("b"), m("c"), m("d")]); // d is due later than the rest
    clock.now = T0 + 200;
    expect(runner.tick()).toBe(2);
    expect(runner.tick()).toBe(0);
    waiting.shift()!({ ok: false, latencyMs: null, error: "refused" });
    await new Promise((r) => setImmediate(r));
    expect(runner.tick()).toBe(1);
    expect(started).toEqual(["a", "b", "c"]);
    for (const w of waiting.splice(0)) w({ ok: true, degraded: true, latencyMs: 5, error: null });
    await runner.idle();
    expect(results.map((r) => [r.monitor_id, r.ok, r.degraded ?? false])).toEqual([
      ["a", false, false],
      ["b", true, true],
      ["c", true, true],
    ]);
  });

  it("starts added monitors, stops removed ones and applies changed settings at the next check", async () => {
    const { clock, results, calls, runner } = setup({ random: 0 });
    runner.setAssignments([m("a", { interval_seconds: 60 }), m("b")]);
    expect(runner.tick()).toBe(2);
    await runner.idle();
    clock.now = T0 + 1000;
    runner.setAssignments([
      m("a", { interval_seconds: 60, timeout_ms: 700, settings: { url: "https://changed.example.com/" } }),
      m("c"),
    ]);
    expect(runner.size).toBe(2);
    expect(runner.tick()).toBe(1); // c; b is gone, a waits for its interval
    await runner.idle();
    clock.now = T0 + 60_000;
    expect(runner.tick()).toBe(2);
    await runner.idle();
    const lastA = calls.filter((c) => c.a.id === "a").at(-1)!;
    expect(lastA.a.timeout_ms).toBe(700);
    expect(lastA.settings).toMatchObject({ url: "https://changed.example.com/", method: "GET" });
    expect(results.map((r) => r.monitor_id).sort()).toEqual(["a", "a", "b", "c", "c"]);

    // A shorter interval does not wait out the longer one.
    runner.setAssignments([m("a", { interval_seconds: 5 })]);
    clock.now = T0 + 65_000;
    expect(runner.tick()).toBe(1);
  });

  it("drops the result of a monitor removed while its check ran", async () => {
    let finish: (r: ProbeResult) => void = () => {};
    const { results, runner } = setup({ random: 0, probe: () => new Promise((r) => (finish = r)) });
    runner.setAssignments([m("a")]);
    runner.tick();
    runner.setAssignments([]);
    finish({ ok: true, latencyMs: 1, error: null });
    await runner.idle();
    expect(results).toEqual([]);
  });

  it("skips what it cannot run, saying so once per monitor", () => {
    const { log, runner } = setup();
    const list = [
      m("ok"),
      m("beat", { kind: "heartbeat", settings: { periodSeconds: 60 } }),
      m("new", { kind: "icmp", settings: {} }),
      m("bad", { settings: { url: "ftp://x" } }),
    ];
    const skipped = runner.setAssignments(list);
    runner.setAssignments(list);
    expect(runner.size).toBe(1);
    expect(skipped.map((s) => s.id)).toEqual(["beat", "new", "bad"]);
    expect(log).toEqual([
      "skipping monitor beat (monitor beat): a heartbeat monitor is not checked from a location",
      'skipping monitor new (monitor new): kind "icmp" is unknown to this agent (a newer server?)',
      "skipping monitor bad (monitor bad): invalid settings (url): Use an http:// or https:// URL",
    ]);
  });

  it("gives up on a check past its timeout plus the guard", async () => {
    const { results, runner } = setup({ random: 0, guardMs: 50, probe: () => new Promise(() => {}) });
    runner.setAssignments([m("hung", { timeout_ms: 100 })]);
    runner.tick();
    await runner.idle();
    expect(results).toMatchObject([{ monitor_id: "hung", ok: false, error: "The check did not finish within 150 ms" }]);
  });

  it("checks with the server's probes under the assignment's target policy", async () => {
    const target = await startTarget();
    closers.push(target.close);
    const results: Pending[] = [];
    const runner = new Runner({ concurrency: 4, onResult: (r) => results.push(r), random: () => 0 });
    runner.setAssignments([
      assignmentFor("inside", target.url, { allow_private: true }),
      assignmentFor("outside", target.url, { allow_private: false }),
    ]);
    runner.tick();
    await runner.idle();
    const by = Object.fromEntries(results.map((r) => [r.monitor_id, r]));
    expect(by.inside).toMatchObject({ ok: true, error: null });
    expect(by.inside!.latency_ms).toBeGreaterThanOrEqual(0);
    expect(by.outside).toMatchObject({ ok: false });
    expect(by.outside!.error).toMatch(/private/i);
    expect(target.hits).toBe(1);
  });
});
