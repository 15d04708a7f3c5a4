import { describe, expect, it } from "vitest";
import { reportOriginAllowed } from "./reach";

const LIVE = "https://status.example.com";
const MIRROR = "https://mirror.example.net/status";

describe('[security] "I am affected" origins', () => {
  it("accepts the page and its mirror, refuses every other site", () => {
    expect(reportOriginAllowed({ origin: LIVE }, LIVE, MIRROR)).toBe(true);
    expect(reportOriginAllowed({ origin: "https://mirror.example.net" }, LIVE, MIRROR)).toBe(true);
    expect(reportOriginAllowed({ origin: "https://mirror.example.net" }, LIVE, null)).toBe(false);
    for (const origin of [
      "https://evil.example",
      "null",
      "http://status.example.com",
      "https://status.example.com.evil.example",
    ]) {
      expect(reportOriginAllowed({ origin }, LIVE, MIRROR), origin).toBe(false);
    }
  });

  it("falls back to Sec-Fetch-Site without an Origin", () => {
    expect(reportOriginAllowed({ "sec-fetch-site": "same-origin" }, LIVE, null)).toBe(true);
    expect(reportOriginAllowed({ "sec-fetch-site": "none" }, LIVE, null)).toBe(true);
    expect(reportOriginAllowed({ "sec-fetch-site": "cross-site" }, LIVE, null)).toBe(false);
    expect(reportOriginAllowed({ "sec-fetch-site": "same-site" }, LIVE, null)).toBe(false);
    expect(reportOriginAllowed({}, LIVE, null)).toBe(true);
  });
});
