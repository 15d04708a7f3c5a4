import { describe, expect, it } from "vitest";
import { combineHealth, nextHealth, type Streaks } from "./evaluate";

const start: Streaks = { health: "unknown", failStreak: 0, okStreak: 0, slowStreak: 0, fastStreak: 0 };
const t = { failThreshold: 2, recoverThreshold: 2 };
const run = (outcomes: string) =>
  [...outcomes]
    .reduce<Streaks[]>((acc, c) => [...acc, nextHealth(acc.at(-1) ?? start, t, { ok: c !== "x", slow: c === "s" })], [])
    .map((s) => s.health);

describe("anti-flap", () => {
  it("goes down after two failures and up after two successes", () => {
    expect(run("..xx..")).toEqual(["up", "up", "up", "down", "down", "up"]);
  });
  it("ignores a single failure between successes (flap suppression)", () => {
    expect(run(".x.x.x.")).toEqual(["up", "up", "up", "up", "up", "up", "up"]);
  });
  it("a single success does not bring it back", () => {
    expect(run("xx.x.x")).toEqual(["unknown", "down", "down", "down", "down", "down"]);
  });
  it("slow for two checks is degraded; two fast ones end it", () => {
    expect(run(".ss..")).toEqual(["up", "up", "degraded", "degraded", "up"]);
    expect(run(".s.s.")).toEqual(["up", "up", "up", "up", "up"]);
  });
  it("back from down while slow is degraded", () => {
    expect(run("xxss")).toEqual(["unknown", "down", "down", "degraded"]);
  });
});

describe("combining a component's monitors", () => {
  it("all down is a major outage, some down partial, any degraded degraded", () => {
    expect(combineHealth(["down", "down"])).toBe("major_outage");
    expect(combineHealth(["down", "up"])).toBe("partial_outage");
    expect(combineHealth(["degraded", "up"])).toBe("degraded_performance");
    expect(combineHealth(["up", "up"])).toBe("operational");
    expect(combineHealth(["down", "unknown"])).toBe("major_outage");
    expect(combineHealth(["unknown"])).toBeNull();
    expect(combineHealth([])).toBeNull();
  });
});
