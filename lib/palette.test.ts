import { describe, expect, it } from "vitest";
import { COMPONENT_STATUSES, IMPACTS, INDICATORS } from "./constants";
import { contrast, IMPACT_TONE, STATUS_TONE, TONE_HEX, TONES } from "./palette";

describe("the status palette", () => {
  it("carries white text at 4.5:1 or more on every tone's solid colour", () => {
    for (const tone of TONES) expect(contrast(TONE_HEX[tone], "#ffffff"), tone).toBeGreaterThanOrEqual(4.5);
  });

  it("reads each solid colour as text on the light page too (white and gray-50)", () => {
    for (const tone of TONES) expect(contrast(TONE_HEX[tone], "#f9fafb"), tone).toBeGreaterThanOrEqual(4.5);
  });

  it("gives every status, impact and indicator a tone, each severity its own", () => {
    for (const s of COMPONENT_STATUSES) expect(TONES).toContain(STATUS_TONE[s]);
    for (const i of [...IMPACTS, ...INDICATORS]) expect(TONES).toContain(IMPACT_TONE[i]);
    expect(new Set(COMPONENT_STATUSES.map((s) => STATUS_TONE[s])).size).toBe(COMPONENT_STATUSES.length);
    expect(new Set(Object.values(TONE_HEX)).size).toBe(TONES.length);
  });

  it("computes WCAG contrast as the references give it", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrast("#ffffff", "#ffffff")).toBe(1);
  });
});
