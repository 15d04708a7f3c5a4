import { describe, expect, it } from "vitest";
import { dailyUptime, dayEvents, dayLevel, uptimePercent, type DayUptime, type StatusPeriod } from "./uptime";
import { must } from "./testing";
import { lastDays } from "./time";

const H = 3600_000;
const M = 60_000;

describe("lastDays", () => {
  it("gives 25-hour and 23-hour days across DST changes", () => {
    // Europe/Berlin leaves summer time on 2026-10-25 and enters it on 2026-03-29.
    const autumn = lastDays(Date.parse("2026-10-26T12:00:00Z"), 3, "Europe/Berlin");
    expect(autumn.map((d) => d.date)).toEqual(["2026-10-24", "2026-10-25", "2026-10-26"]);
    const fallBack = must(autumn[1], "the day summer time ends");
    expect(fallBack.end - fallBack.start).toBe(25 * H);
    const spring = lastDays(Date.parse("2026-03-30T12:00:00Z"), 2, "Europe/Berlin");
    const springForward = must(spring[0], "the day summer time begins");
    expect(springForward.end - springForward.start).toBe(23 * H);
  });
  it("starts days at local midnight", () => {
    const day = must(lastDays(Date.parse("2026-11-24T03:00:00Z"), 1, "America/New_York")[0], "a day");
    expect(day.date).toBe("2026-11-23");
    expect(new Date(day.start).toISOString()).toBe("2026-11-23T05:00:00.000Z");
  });
});

describe("dailyUptime", () => {
  const tz = "Etc/UTC";
  const now = Date.parse("2026-11-24T12:00:00Z");

  it("splits a period that crosses midnight between the two days", () => {
    const periods: StatusPeriod[] = [
      {
        status: "operational",
        startedAt: Date.parse("2026-11-20T00:00:00Z"),
        endedAt: Date.parse("2026-11-22T23:30:00Z"),
      },
      {
        status: "major_outage",
        startedAt: Date.parse("2026-11-22T23:30:00Z"),
        endedAt: Date.parse("2026-11-23T00:30:00Z"),
      },
      { status: "operational", startedAt: Date.parse("2026-11-23T00:30:00Z"), endedAt: null },
    ];
    const days = dailyUptime(periods, { now, days: 3, timeZone: tz });
    expect(days.map((d) => d.majorOutage)).toEqual([30 * M, 30 * M, 0]);
    expect(days[0]?.known).toBe(24 * H);
    expect(days[2]?.known).toBe(12 * H); // today counts only up to now
    expect(days.map(dayLevel)).toEqual([2, 2, 0]); // 30 min of 24 h is 2.1%: under 5%
  });

  it("lets the later period win where two overlap", () => {
    const periods: StatusPeriod[] = [
      { status: "operational", startedAt: Date.parse("2026-11-24T00:00:00Z"), endedAt: null },
      {
        status: "partial_outage",
        startedAt: Date.parse("2026-11-24T06:00:00Z"),
        endedAt: Date.parse("2026-11-24T07:00:00Z"),
      },
    ];
    const today = must(dailyUptime(periods, { now, days: 1, timeZone: tz })[0], "today");
    // The open operational period is cut at 06:00 by the later one, so nothing is counted twice.
    expect(today.known).toBe(7 * H);
    expect(today.partialOutage).toBe(H);
  });

  it("marks a day with no data and leaves it out of the percentage", () => {
    const periods: StatusPeriod[] = [
      { status: "operational", startedAt: Date.parse("2026-11-24T00:00:00Z"), endedAt: null },
    ];
    const days = dailyUptime(periods, { now, days: 3, timeZone: tz });
    expect(days.map(dayLevel)).toEqual(["none", "none", 0]);
    expect(uptimePercent(days)).toBe(100);
    expect(uptimePercent(days.slice(0, 2))).toBeNull();
  });

  it("does not count time before the component's start date", () => {
    const periods: StatusPeriod[] = [
      { status: "major_outage", startedAt: Date.parse("2026-11-01T00:00:00Z"), endedAt: null },
    ];
    const days = dailyUptime(periods, { now, days: 2, timeZone: tz, startedFrom: Date.parse("2026-11-24T00:00:00Z") });
    expect(days[0]?.known).toBe(0);
    expect(days[1]?.majorOutage).toBe(12 * H);
  });

  it("counts a whole 25-hour DST day", () => {
    const periods: StatusPeriod[] = [
      { status: "operational", startedAt: Date.parse("2026-10-01T00:00:00Z"), endedAt: null },
    ];
    const days = dailyUptime(periods, { now: Date.parse("2026-10-26T12:00:00Z"), days: 2, timeZone: "Europe/Berlin" });
    expect(days[0]?.known).toBe(25 * H);
  });
});

describe("uptimePercent", () => {
  it("weighs a partial outage at 30% and ignores degraded and maintenance", () => {
    const day = {
      date: "2026-11-24",
      known: 100 * M,
      majorOutage: 1 * M,
      partialOutage: 10 * M,
      degraded: 20 * M,
      maintenance: 5 * M,
    };
    expect(uptimePercent([day])).toBe(96);
  });
  it("never rounds a small outage up to 100%", () => {
    const day = {
      date: "2026-11-24",
      known: 90 * 24 * H,
      majorOutage: 1000,
      partialOutage: 0,
      degraded: 0,
      maintenance: 0,
    };
    expect(uptimePercent([day])).toBe(99.99);
  });

  it("levels a day by its share of downtime, a partial outage weighing 30%", () => {
    const day = (major: number, partial = 0, degraded = 0): DayUptime => ({
      date: "2026-11-24",
      known: 24 * H,
      majorOutage: major,
      partialOutage: partial,
      degraded,
      maintenance: 0,
    });
    expect(dayLevel(day(0, 0, 5 * H))).toBe(0); // degraded is not downtime
    expect(dayLevel(day(M))).toBe(1); // a one-minute blip: 0.07%
    expect(dayLevel(day(14 * M))).toBe(1); // 0.97%
    expect(dayLevel(day(15 * M))).toBe(2); // 1.04%
    expect(dayLevel(day(0, 2 * H))).toBe(2); // 2 h partial = 36 min of downtime: 2.5%
    expect(dayLevel(day(2 * H))).toBe(3); // 8.3%
    expect(dayLevel(day(0, 23 * H))).toBe(3); // 23 h partial = 28.75%
    expect(dayLevel(day(8 * H))).toBe(4); // 33%
    expect(dayLevel({ ...day(0), known: 0 })).toBe("none");
  });

  it("lists a day's events other than operational, clipped to the day, the open one without an end", () => {
    const tz = "Etc/UTC";
    const now = Date.parse("2026-11-24T12:00:00Z");
    const periods: StatusPeriod[] = [
      {
        status: "major_outage",
        startedAt: Date.parse("2026-11-22T23:30:00Z"),
        endedAt: Date.parse("2026-11-23T00:30:00Z"),
      },
      {
        status: "operational",
        startedAt: Date.parse("2026-11-23T00:30:00Z"),
        endedAt: Date.parse("2026-11-24T10:00:00Z"),
      },
      { status: "degraded_performance", startedAt: Date.parse("2026-11-24T10:00:00Z"), endedAt: null },
    ];
    const [d22, d23, d24] = dailyUptime(periods, { now, days: 3, timeZone: tz }).map((d) => ({
      start: Date.parse(`${d.date}T00:00:00Z`),
      end: Date.parse(`${d.date}T00:00:00Z`) + 24 * H,
    }));
    expect(dayEvents(periods, must(d22, "22"), now)).toEqual([
      {
        status: "major_outage",
        startedAt: Date.parse("2026-11-22T23:30:00Z"),
        endedAt: Date.parse("2026-11-23T00:00:00Z"),
      },
    ]);
    expect(dayEvents(periods, must(d23, "23"), now)).toEqual([
      {
        status: "major_outage",
        startedAt: Date.parse("2026-11-23T00:00:00Z"),
        endedAt: Date.parse("2026-11-23T00:30:00Z"),
      },
    ]);
    expect(dayEvents(periods, must(d24, "24"), now)).toEqual([
      { status: "degraded_performance", startedAt: Date.parse("2026-11-24T10:00:00Z"), endedAt: null },
    ]);
  });
});
