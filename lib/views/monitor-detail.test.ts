import { describe, expect, it } from "vitest";
import { latencySummary } from "./monitor-detail";

describe("latencySummary", () => {
  it("summarises only successful checks that measured a latency", () => {
    const checks = [
      { ok: true, latencyMs: 30 },
      { ok: false, latencyMs: 900 },
      { ok: true, latencyMs: null },
      { ok: true, latencyMs: 10 },
      { ok: true, latencyMs: 20 },
    ];
    expect(latencySummary(checks)).toEqual({ p50: 20, p95: 30, max: 30 });
  });

  it("is null when no check measured one", () => {
    expect(latencySummary([{ ok: false, latencyMs: 5 }])).toBeNull();
  });
});
