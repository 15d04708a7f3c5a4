import { describe, expect, it } from "vitest";
import { localePath, pageLocales, splitLocale } from "./locales";

describe("locale prefixes", () => {
  it("splits an offered code off the path, and nothing else", () => {
    expect(splitLocale("/de/history")).toEqual({ locale: "de", path: "/history" });
    expect(splitLocale("/ja/")).toEqual({ locale: "ja", path: "/" });
    expect(splitLocale("/ar")).toEqual({ locale: "ar", path: "/" });
    expect(splitLocale("/ar/incidents/abc")).toEqual({ locale: "ar", path: "/incidents/abc" });
    expect(splitLocale("/xx/history")).toBeNull();
    expect(splitLocale("/dex")).toBeNull();
    expect(splitLocale("/history")).toBeNull();
    expect(splitLocale("/")).toBeNull();
  });

  it("writes the default locale's addresses without a prefix", () => {
    expect(localePath("/", "fr", "en")).toBe("/fr/");
    expect(localePath("/history?month=2026-11", "fr", "en")).toBe("/fr/history?month=2026-11");
    expect(localePath("/history", "fr", "fr")).toBe("/history");
  });

  it("reads a page's settings, dropping unknown codes and always offering the default", () => {
    expect(pageLocales({ defaultLocale: "de", locales: ["ja", "xx", "en"] })).toEqual({
      defaultLocale: "de",
      locales: ["en", "de", "ja"],
    });
    expect(pageLocales({ defaultLocale: "zz", locales: [] })).toEqual({ defaultLocale: "en", locales: ["en"] });
    expect(pageLocales(null)).toEqual({ defaultLocale: "en", locales: ["en"] });
  });
});
