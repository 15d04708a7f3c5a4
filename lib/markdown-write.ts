// Markdown that Outpost writes itself (/index.md, /incidents/{id}.md, /llms.txt), with staff text
// in it that can never change the document's structure. Pure.
// - Names and titles are literal words: every character a Markdown reader could take as markup
//   (a `]` closing a link, a `#` or `1.` opening a heading or a list, a line break, `<b>`) is
//   escaped, so a component called "API [beta]" stays one link's words.
// - Update bodies and postmortems are Markdown already. They are read with the page's own parser
//   (lib/markdown.ts) and written back from their document (lib/markdown-doc.ts), the way the
//   Discord formatter does: every typed character, paragraphs, line breaks, lists, quotes, code
//   and links stay; headings and emphasis become plain words (a heading in a body would outrank
//   the document's own sections) and raw HTML stays text, as on the page.
import { parseMarkdown } from "./markdown";
import type { Doc, Inline } from "./markdown-doc";

const BREAKS = /\r\n?|[\n\u0085\u2028\u2029]/g;
/** C0 controls but tab, and DEL: never typed, and some readers stop at them. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
/** Read as markup wherever they stand. */
const ALWAYS = new Set(["\\", "`", "*", "[", "]", "<", "|", "~"]);
const WORD = /[\p{L}\p{N}]/u;
/** A character reference ("&amp;", "&#91;") that a reader would turn into another character. */
const ENTITY = /^&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** One line of text: line breaks become spaces, controls go. */
export function oneLine(text: string): string {
  return text.replace(BREAKS, " ").replace(CONTROL, "");
}

/**
 * Literal words, safe anywhere in a line, the start included (`atStart`: a list or heading
 * marker typed at its beginning is escaped, and leading spaces, which could make it code, go).
 */
export function mdText(text: string, atStart = true): string {
  const chars = Array.from(oneLine(text));
  let out = "";
  chars.forEach((c, i) => {
    const before = chars[i - 1] ?? "";
    if (ALWAYS.has(c)) out += `\\${c}`;
    // Inside a word an underscore is never emphasis (eu_west_1 stays as typed).
    else if (c === "_") out += WORD.test(before) && WORD.test(chars[i + 1] ?? "") ? c : "\\_";
    // A heading's closing sequence, or a heading at the start.
    else if (c === "#") out += before === "" || /\s/.test(before) ? "\\#" : c;
    else if (c === "&") out += ENTITY.test(chars.slice(i, i + 40).join("")) ? "\\&" : c;
    else out += c;
  });
  if (!atStart) return out;
  return out
    .replace(/^[ \t]+/, "")
    .replace(/^(\d{1,9})([.)])/, "$1\\$2")
    .replace(/^[-+=>]/, "\\$&");
}

/** A code span holding `text` verbatim, fenced by more backticks than it contains. */
export function mdCode(text: string): string {
  const t = oneLine(text);
  if (!t) return "";
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  // Readers drop one space at each end when both are there, and a backtick at an end would join the fence.
  const pad = t.startsWith("`") || t.endsWith("`") || (t.startsWith(" ") && t.endsWith(" ") && t.trim()) ? " " : "";
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** An address as a link destination: whatever could end it or start a title is percent-encoded. */
export function mdUrl(url: string): string {
  return oneLine(url).replace(/[\s()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** `[words](url)`; the address itself when there are no words. */
export function mdLink(text: string, url: string): string {
  const words = oneLine(text).trim();
  return `[${mdText(words || url)}](${mdUrl(url)})`;
}

function inlineMarkdown(x: Inline, atStart: boolean): string {
  if (x.kind === "code") return mdCode(x.text);
  if (x.kind === "link") return mdLink(x.text, x.url);
  return mdText(x.text, atStart);
}

/** A prefix made of continuation spaces and quote marks only: the line goes on what came before. */
const CONTINUATION = /^[ >]*$/;

/** A markdown document (lib/markdown-doc.ts) written back as Markdown that cannot reach outside itself. */
export function docMarkdown(doc: Doc): string {
  const out: string[] = [];
  doc.forEach((line, n) => {
    if (line.gap && out.length) out.push(CONTINUATION.test(line.prefix) ? line.prefix.trimEnd() : "");
    const text = line.inlines
      .map((x, i) => inlineMarkdown(x, i === 0))
      .join("")
      .trimEnd();
    const next = doc[n + 1];
    // A line break inside a paragraph (the page shows it) is a hard break: a backslash at its end.
    const breaks = text !== "" && next !== undefined && !next.gap && CONTINUATION.test(next.prefix);
    out.push(`${line.prefix}${text}${breaks ? "\\" : ""}`.trimEnd());
  });
  return out.join("\n").trim();
}

/** A staff-written body (an update, a postmortem) as Markdown safe to place between Outpost's own sections. */
export function bodyMarkdown(source: string): string {
  return docMarkdown(parseMarkdown(source));
}
