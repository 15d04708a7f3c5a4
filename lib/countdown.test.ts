import { describe, expect, it } from "vitest";
import { countdown } from "./countdown";

const T = Date.parse("2026-11-24T12:00:00Z");

describe("countdown", () => {
  it("says minutes and seconds left within the hour, hours and minutes beyond", () => {
    expect(countdown(T + 4 * 60_000 + 5_000, T)).toEqual({ overdue: false, text: "4:05" });
    expect(countdown(T + 59 * 60_000 + 59_999, T)).toEqual({ overdue: false, text: "59:59" });
    expect(countdown(T + 2 * 3_600_000 + 5 * 60_000, T)).toEqual({ overdue: false, text: "2 h 05 min" });
  });

  it("turns overdue at the promised moment and then counts how late it is", () => {
    expect(countdown(T, T)).toEqual({ overdue: true, text: "0:00" });
    expect(countdown(T, T + 10 * 60_000 + 3_000)).toEqual({ overdue: true, text: "10:03" });
    expect(countdown(T - 1, T)).toMatchObject({ overdue: true });
    expect(countdown(T + 1, T)).toMatchObject({ overdue: false });
  });
});
