import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("escapes raw HTML instead of passing it through", () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror="alert(1)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });
  it("refuses javascript: links", () => {
    expect(renderMarkdown("[x](javascript:alert(1))")).not.toContain("href=");
  });
  it("marks links nofollow noopener", () => {
    expect(renderMarkdown("see https://example.com/x")).toContain('rel="nofollow noopener"');
  });
  it("renders emphasis and lists", () => {
    expect(renderMarkdown("**down**\n\n- a\n- b")).toContain("<strong>down</strong>");
  });
});

describe("markdownToText", () => {
  it("drops markup, keeps link text and gives the address", () => {
    expect(markdownToText("**We are** [looking](https://x.y) into it")).toBe("We are looking (https://x.y) into it");
  });
});
