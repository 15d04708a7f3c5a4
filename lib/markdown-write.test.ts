// Staff text in Outpost's Markdown: names stay literal words wherever they stand, bodies keep
// their words and shape but cannot reach outside themselves. Checked by reading the output back
// with a CommonMark reader that allows raw HTML, as a careless renderer would.
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { describe, expect, it } from "vitest";
import { bodyMarkdown, mdCode, mdLink, mdText, oneLine } from "./markdown-write";

const reader = new MarkdownIt({ html: true, linkify: false });
const tokens = (md: string) => reader.parse(md, {});
const html = (md: string) => reader.render(md);
/** The literal words of inline tokens, markup removed. */
const words = (children: readonly Token[]) =>
  children.map((c) => (c.type === "softbreak" || c.type === "hardbreak" ? "\n" : c.content)).join("");

const HOSTILE = [
  "API [beta]",
  "Broken ] link](https://evil.test)",
  "# Owned",
  "## Fake section\n- fake item",
  "1. not a list",
  "2) nor this",
  "- nor this",
  "+ nor this",
  "> not a quote",
  "---",
  "===",
  "***",
  "___",
  "    four spaces",
  "```js",
  "~~~",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "a | b",
  "|---|---|",
  "*bold* and _em_ and **strong** and ~~gone~~",
  "back\\slash\\",
  "&amp; &#60; &lt;",
  "[ref]: https://evil.test",
  "![image](https://evil.test/x.png)",
  "<https://evil.test>",
  "line\nbreak\r\nand\u2028more",
  "bell\u0007 and nul\u0000",
  "trailing #",
  "`code` and ``more``",
];

describe("mdText", () => {
  it("keeps every hostile name one list item of literal words", () => {
    for (const name of HOSTILE) {
      const t = tokens(`- ${mdText(name)}`);
      const types = t.map((x) => x.type);
      expect(types, name).toEqual([
        "bullet_list_open",
        "list_item_open",
        "paragraph_open",
        "inline",
        "paragraph_close",
        "list_item_close",
        "bullet_list_close",
      ]);
      const inline = t[3]!.children ?? [];
      expect(
        inline.every((c) => c.type === "text"),
        `${name}: ${inline.map((c) => c.type)}`,
      ).toBe(true);
      expect(words(inline), name).toBe(oneLine(name).trimStart());
    }
  });

  it("keeps a hostile name one heading, and one link's words", () => {
    for (const name of HOSTILE) {
      const heading = tokens(`### ${mdLink(name, "https://status.test/incidents/abc.md")}\n\nafter`);
      expect(heading.map((x) => x.type).slice(0, 3), name).toEqual(["heading_open", "inline", "heading_close"]);
      const inline = heading[1]!.children ?? [];
      expect(
        inline.map((c) => c.type),
        name,
      ).toEqual(["link_open", "text", "link_close"]);
      expect(inline[0]!.attrGet("href"), name).toBe("https://status.test/incidents/abc.md");
      expect(inline[1]!.content, name).toBe(oneLine(name).trim());
      expect(html(`### ${mdText(name)}`), name).not.toMatch(/<(script|img)/);
    }
  });

  it("leaves words alone where nothing could be read as markup", () => {
    expect(mdText("eu_west_1 is C# at 5% (R&D), see issue 42.")).toBe("eu_west_1 is C# at 5% (R&D), see issue 42.");
    expect(mdText("Payouts: 1. batch", false)).toBe("Payouts: 1. batch");
    expect(mdText("- mid-line", false)).toBe("- mid-line");
  });
});

describe("mdCode and mdLink", () => {
  it("fences code with more backticks than it holds", () => {
    for (const code of ["plain", "a `tick`", "``double``", "`edge`", " spaced ", "<b>|*_"]) {
      const inline = tokens(mdCode(code))[1]!.children ?? [];
      expect(
        inline.map((c) => c.type),
        code,
      ).toEqual(["code_inline"]);
      expect(inline[0]!.content, code).toBe(code);
    }
    expect(mdCode("")).toBe("");
  });

  it("keeps an address with parentheses and spaces one destination", () => {
    const inline = tokens(mdLink("wiki", "https://x.test/a (b)<c>"))[1]!.children ?? [];
    expect(inline[0]!.attrGet("href")).toBe("https://x.test/a%20%28b%29%3Cc%3E");
    expect(mdLink("", "https://x.test/")).toBe("[https://x.test/](https://x.test/)");
  });
});

describe("bodyMarkdown", () => {
  const body = [
    "# A heading in a body",
    "",
    "Some **bold** and a [runbook](https://x.test/a(b)) and https://x.test/bare.",
    "First line",
    "second line",
    "",
    "- one",
    "- two",
    "  - nested",
    "",
    "1. first",
    "2. second",
    "",
    "> quoted",
    "> still quoted",
    "",
    "```",
    "code `x` # not a heading",
    "```",
    "",
    "<script>alert(1)</script> 5 * 3 = 15, eu_west_1",
  ].join("\n");

  it("keeps words, lines, lists, quotes, code and links, but no heading or raw HTML", () => {
    const md = bodyMarkdown(body);
    const out = html(`## Ours\n\n${md}\n\n## After`);
    expect(out.match(/<h\d>/g)).toEqual(["<h2>", "<h2>"]);
    expect(out).toContain("<p>A heading in a body</p>");
    // Parentheses in the address are percent-encoded: the same address, and it cannot end the link.
    expect(out).toContain('<a href="https://x.test/a%28b%29">runbook</a>');
    expect(out).toContain('<a href="https://x.test/bare">https://x.test/bare</a>');
    expect(out).toContain("First line<br>\nsecond line");
    expect(out).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two\s*<ul>\s*<li>nested<\/li>/);
    expect(out).toMatch(/<ol>\s*<li>first<\/li>\s*<li>second<\/li>/);
    expect(out).toMatch(/<blockquote>\s*<p>quoted<br>\s*still quoted<\/p>/);
    expect(out).toContain("<code>code `x` # not a heading</code>");
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt; 5 * 3 = 15, eu_west_1");
    expect(out).not.toContain("<script");
  });

  it("is empty for an empty body, and drops characters nobody types", () => {
    expect(bodyMarkdown("")).toBe("");
    expect(bodyMarkdown("  \n ")).toBe("");
    expect(bodyMarkdown("ok\u0007\u0000 done")).toBe("ok done");
  });
});
