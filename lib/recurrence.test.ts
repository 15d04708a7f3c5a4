import { describe, expect, it } from "vitest";
import { describeRule, occurrences } from "./recurrence";
import { must } from "./testing";

const iso = (t: number) => new Date(t).toISOString();

describe("occurrences", () => {
  it("finds the first Sunday of each month at 02:00 local, across a DST change", () => {
    const rule = { frequency: "monthly" as const, weekday: 0, nth: 1, startTime: "02:00", durationMinutes: 60 };
    const got = occurrences(
      rule,
      Date.parse("2026-09-15T00:00:00Z"),
      Date.parse("2026-12-31T00:00:00Z"),
      "Europe/Berlin",
    ).map((o) => iso(o.start));
    // October 4 is still summer time (UTC+2); November 1 and December 6 are winter time (UTC+1).
    expect(got).toEqual(["2026-10-04T00:00:00.000Z", "2026-11-01T01:00:00.000Z", "2026-12-06T01:00:00.000Z"]);
  });

  it("finds the last Friday of the month", () => {
    const rule = { frequency: "monthly" as const, weekday: 5, nth: -1, startTime: "22:30", durationMinutes: 90 };
    const [first] = occurrences(
      rule,
      Date.parse("2026-11-01T00:00:00Z"),
      Date.parse("2026-12-01T00:00:00Z"),
      "Etc/UTC",
    );
    const o = must(first, "an occurrence");
    expect(iso(o.start)).toBe("2026-11-27T22:30:00.000Z");
    expect(o.end - o.start).toBe(90 * 60_000);
  });

  it("repeats weekly and keeps to [from, until)", () => {
    const rule = { frequency: "weekly" as const, weekday: 2, startTime: "06:00", durationMinutes: 30 };
    const got = occurrences(
      rule,
      Date.parse("2026-11-24T06:00:00Z"),
      Date.parse("2026-12-08T06:00:00Z"),
      "Etc/UTC",
    ).map((o) => iso(o.start));
    expect(got).toEqual(["2026-11-24T06:00:00.000Z", "2026-12-01T06:00:00.000Z"]);
  });

  it("describes itself in words", () => {
    expect(describeRule({ frequency: "monthly", weekday: 0, nth: 1, startTime: "02:00", durationMinutes: 60 })).toBe(
      "Every first Sunday of the month, 02:00 for 60 minutes",
    );
  });
});
