import { describe, expect, it } from "vitest";
import { combineHealth, nextHealth, quorumHealth, requiredQuorum, type LocationVote, type Streaks } from "./evaluate";

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

describe("quorum across locations", () => {
  const votes = (spec: string): LocationVote[] =>
    spec.split(" ").map((v, i) => ({
      location: `l${i}`,
      health: ({ u: "up", d: "down", s: "degraded", "?": "unknown", x: "down" } as const)[v[0] as "u"],
      live: !v.endsWith("!"),
    }));
  it("needs a majority by default, or the monitor's own quorum", () => {
    expect([1, 2, 3, 4, 5].map((n) => requiredQuorum(n, null))).toEqual([1, 2, 2, 3, 3]);
    expect(requiredQuorum(3, 1)).toBe(1);
    expect(requiredQuorum(3, 7)).toBe(3);
  });
  it("one of three down is regional, two are down", () => {
    expect(quorumHealth(votes("d u u"), null)).toBe("regional");
    expect(quorumHealth(votes("d d u"), null)).toBe("down");
    expect(quorumHealth(votes("d u u"), 1)).toBe("down");
    expect(quorumHealth(votes("u u u"), null)).toBe("up");
  });
  it("a silent location votes neither way", () => {
    expect(quorumHealth(votes("d d! u"), null)).toBe("regional");
    expect(quorumHealth(votes("u! u! u!"), null)).toBe("unknown");
    expect(quorumHealth(votes("? u ?"), null)).toBe("up");
  });
  it("slow from the quorum is degraded, from one place it is not", () => {
    expect(quorumHealth(votes("s s u"), null)).toBe("degraded");
    expect(quorumHealth(votes("s u u"), null)).toBe("up");
  });
  it("regional keeps the component operational", () => {
    expect(combineHealth(["regional"])).toBe("operational");
    expect(combineHealth(["regional", "down"])).toBe("partial_outage");
  });
});
