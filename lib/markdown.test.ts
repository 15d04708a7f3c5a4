import { describe, expect, it } from "vitest";
import { markdownToLine, markdownToText, renderMarkdown } from "./markdown";

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
  it("keeps every typed character: only markup goes", () => {
    const sent =
      "Error rate > 5% on eu_west_1 (C# and node_modules clients). See [the runbook](https://example.com/runbook); ETA ~3 minutes";
    expect(markdownToText(sent)).toBe(
      "Error rate > 5% on eu_west_1 (C# and node_modules clients). See the runbook (https://example.com/runbook); ETA ~3 minutes",
    );
    expect(markdownToText("\\*not bold\\* `a*b` <b>x</b> &amp; [js](javascript:alert(1))")).toBe(
      "*not bold* a*b <b>x</b> & [js](javascript:alert(1))",
    );
  });
  it("keeps paragraphs, bullets and numbers on their own lines, and joins them for one line", () => {
    const src = "Now:\n\n- API: *slow*\n  - eu_west_1\n\n3. retry\n4. wait\n\n> quoted";
    expect(markdownToText(src)).toBe("Now:\n\n- API: slow\n  - eu_west_1\n\n3. retry\n4. wait\n\n> quoted");
    expect(markdownToLine(src)).toBe("Now: - API: slow - eu_west_1 3. retry 4. wait > quoted");
  });
});
