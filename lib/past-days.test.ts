import { describe, expect, it } from "vitest";
import { formatDayRange } from "./i18n/format";
import { translator } from "./i18n/messages";
import { collapseQuietDays, datesDown, shiftDate, type PastDay } from "./past-days";

/** Days newest first; the listed dates have one incident each. */
const days = (newest: string, oldest: string, busy: string[] = []): PastDay<string>[] =>
  datesDown(newest, oldest).map((date) => ({ date, incidents: busy.includes(date) ? [`incident on ${date}`] : [] }));

describe("calendar dates", () => {
  it("shift across months, years and a leap day", () => {
    expect(shiftDate("2026-12-01", -1)).toBe("2026-11-30");
    expect(shiftDate("2026-12-31", 1)).toBe("2027-01-01");
    expect(shiftDate("2028-03-01", -1)).toBe("2028-02-29");
  });
  it("count down inclusively, and not at all upwards", () => {
    expect(datesDown("2026-11-02", "2026-10-31")).toEqual(["2026-11-02", "2026-11-01", "2026-10-31"]);
    expect(datesDown("2026-11-01", "2026-11-02")).toEqual([]);
  });
});

describe("collapseQuietDays", () => {
  it("turns a run of quiet days into one row and keeps busy days as they are", () => {
    const rows = collapseQuietDays(days("2026-11-30", "2026-11-15", ["2026-11-17"]));
    expect(rows).toEqual([
      { kind: "quiet", from: "2026-11-18", to: "2026-11-30", days: 13 },
      { kind: "day", date: "2026-11-17", incidents: ["incident on 2026-11-17"] },
      { kind: "quiet", from: "2026-11-15", to: "2026-11-16", days: 2 },
    ]);
  });

  it("keeps a single quiet day between two busy ones as a row of its own", () => {
    const rows = collapseQuietDays(days("2026-11-12", "2026-11-10", ["2026-11-12", "2026-11-10"]));
    expect(rows.map((r) => r.kind)).toEqual(["day", "quiet", "day"]);
    expect(rows[1]).toEqual({ kind: "quiet", from: "2026-11-11", to: "2026-11-11", days: 1 });
  });

  it("runs across a month boundary", () => {
    expect(collapseQuietDays(days("2026-12-02", "2026-11-28"))).toEqual([
      { kind: "quiet", from: "2026-11-28", to: "2026-12-02", days: 5 },
    ]);
  });

  it("does not join quiet days that are not next to each other in the calendar", () => {
    const gap: PastDay<string>[] = [
      { date: "2026-11-20", incidents: [] },
      { date: "2026-11-18", incidents: [] },
    ];
    expect(collapseQuietDays(gap)).toHaveLength(2);
  });

  it("has nothing to say about no days", () => {
    expect(collapseQuietDays([])).toEqual([]);
  });
});

describe("the quiet line's words", () => {
  const en = translator("en");
  // Intl puts thin spaces around the dash; the words are what is checked.
  const plain = (s: string) => s.replace(/\s/g, " ");
  const range = (from: string, to: string, locale: "en" | "de" = "en") => plain(formatDayRange(from, to, locale));
  const quiet = (from: string, to: string, n: number, tr = en) =>
    plain(tr.t("history.quiet", { days: n, range: tr.dayRange(from, to) }));

  it("says the month once for a range within one month", () => {
    expect(range("2026-11-18", "2026-11-30")).toBe("Nov 18 – 30");
    expect(quiet("2026-11-18", "2026-11-30", 13)).toBe("No incidents Nov 18 – 30");
    expect(range("2026-11-18", "2026-11-30", "de")).toBe("18.–30. Nov.");
  });

  it("names both months across a month boundary, and both years across a year boundary", () => {
    expect(quiet("2026-11-28", "2026-12-02", 5)).toBe("No incidents Nov 28 – Dec 2");
    expect(range("2026-12-30", "2027-01-02")).toBe("Dec 30, 2026 – Jan 2, 2027");
  });

  it("says a single quiet day as that day", () => {
    expect(quiet("2026-11-11", "2026-11-11", 1)).toBe("No incidents on Nov 11");
    const de = translator("de");
    expect(quiet("2026-11-11", "2026-11-11", 1, de)).toBe("Keine Vorfälle am 11. Nov.");
    expect(quiet("2026-11-18", "2026-11-30", 13, de)).toBe("Keine Vorfälle vom 18.–30. Nov.");
  });

  it("reads in every locale, Arabic's plural forms included", () => {
    for (const locale of ["fr", "es", "ja", "ar"] as const) {
      const tr = translator(locale);
      for (const n of [1, 2, 3, 11, 100]) {
        const text = quiet("2026-11-01", shiftDate("2026-11-01", n - 1), n, tr);
        expect(text).not.toMatch(/No incidents/);
        expect(text).toMatch(/1/);
      }
    }
  });
});
