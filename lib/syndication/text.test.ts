import { describe, expect, it } from "vitest";
import { LIMITS, previewPosts } from "./networks";
import { cutToWeight, fitPost, graphemes, postWeight, xWeight } from "./text";

const url = "https://status.example.com/incidents/abcdefghijkl?d=mnopqrstuvwx";
const src = (body: string, incidentName = "API errors") => ({
  incidentName,
  status: "investigating" as const,
  body,
  url,
});

describe("fitting posts", () => {
  it("keeps a short post whole", () => {
    expect(fitPost(src("We are looking into it."), LIMITS.x)).toBe(
      `API errors (Investigating): We are looking into it. ${url}`,
    );
  });

  it("fits a 10,000-character body into each network's limit, keeping the link", () => {
    const body = "Lorem ipsum dolor sit amet ".repeat(400).slice(0, 10_000);
    for (const [name, limit] of Object.entries(LIMITS)) {
      const text = fitPost(src(body), limit);
      expect(postWeight(text, limit), name).toBeLessThanOrEqual(limit.max);
      expect(postWeight(text, limit), name).toBeGreaterThan(limit.max - 30);
      expect(text.endsWith(` ${url}`), name).toBe(true);
      expect(text).toContain("…");
    }
  });

  it("counts X's links as 23 and wide characters as 2", () => {
    expect(xWeight("abc")).toBe(3);
    expect(xWeight("日本")).toBe(4);
    expect(xWeight("🚀")).toBe(2);
    const text = fitPost(src("障害".repeat(500)), LIMITS.x);
    expect(postWeight(text, LIMITS.x)).toBeLessThanOrEqual(280);
    expect(postWeight(`a ${url}`, LIMITS.x)).toBe(2 + 23);
  });

  it("never splits a grapheme (Bluesky counts 300 graphemes)", () => {
    const family = "👨‍👩‍👧‍👦";
    const text = fitPost(src(family.repeat(400)), LIMITS.bluesky);
    expect(graphemes(text).length).toBeLessThanOrEqual(300);
    const body = text.slice(text.indexOf(": ") + 2, text.indexOf("…"));
    expect(graphemes(body).every((g) => g === family)).toBe(true);
  });

  it("strips markup and control characters, and shortens an overlong title", () => {
    const text = fitPost(src("**Bold** <b>tag</b>\u0000\u0007 [link](https://x.test)"), LIMITS.mastodon);
    expect(text).toBe(`API errors (Investigating): Bold <b>tag</b> link (https://x.test) ${url}`);
    const long = fitPost(src("body", "T".repeat(600)), LIMITS.x);
    expect(postWeight(long, LIMITS.x)).toBeLessThanOrEqual(280);
    expect(long.endsWith(url)).toBe(true);
  });

  it("cuts at a word boundary when one is near", () => {
    expect(cutToWeight("alpha beta gamma delta", 12, { max: 12, weigh: (t) => t.length, linkWeight: () => null })).toBe(
      "alpha beta…",
    );
  });

  it("previews every network and says when it shortened", () => {
    const p = previewPosts(src("x ".repeat(200)));
    expect(p.map((x) => [x.network, x.shortened])).toEqual([
      ["x", true],
      ["mastodon", false],
      ["bluesky", true],
    ]);
    for (const x of p) expect(x.weight).toBeLessThanOrEqual(x.max);
  });
});
