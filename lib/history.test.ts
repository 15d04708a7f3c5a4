import { describe, expect, it } from "vitest";
import { parseHistoryQuery } from "./history";
import { monthRange, shiftMonth } from "./time";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const q = (s: string) => parseHistoryQuery(new URLSearchParams(s), NOW, "Etc/UTC");

describe("parseHistoryQuery", () => {
  it("reads a month and page", () => {
    expect(q("month=2026-09&page=2")).toEqual({ month: "2026-09", page: 2 });
  });
  it("falls back on anything malformed or in the future", () => {
    for (const s of ["month=2026-13", "month=26-1", "month=2027-01", "page=0", "page=-3", "page=1.5", "page=x", ""]) {
      const r = q(s);
      expect(r.page).toBeGreaterThanOrEqual(1);
      expect(r.month <= "2026-11").toBe(true);
    }
    expect(q("month=2027-01").month).toBe("2026-11");
  });
});

describe("months", () => {
  it("shifts across years", () => {
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
  });
  it("spans a month in the page's zone", () => {
    const r = monthRange("2026-11", "America/New_York");
    expect(new Date(r.start).toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(new Date(r.end).toISOString()).toBe("2026-12-01T05:00:00.000Z");
  });
});
