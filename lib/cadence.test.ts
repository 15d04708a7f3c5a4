import { describe, expect, it } from "vitest";
import { overdueFirst } from "./cadence";

describe("overdue first", () => {
  it("puts overdue incidents on top, the longest overdue first, and keeps the others' order", () => {
    const list = [
      { id: "a", nextUpdateAt: 5_000 },
      { id: "b", nextUpdateAt: 900 },
      { id: "c", nextUpdateAt: null },
      { id: "d", nextUpdateAt: 100 },
      { id: "e", nextUpdateAt: 1_000 },
    ];
    expect(overdueFirst(list, 1_000).map((i) => i.id)).toEqual(["d", "b", "e", "a", "c"]);
    expect(overdueFirst([], 1_000)).toEqual([]);
  });
});
