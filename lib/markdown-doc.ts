// The words of a markdown body, read from markdown-it's parse tree rather than by pattern: every
// character a person typed stays (C#, eu_west_1, "> 5%", "~3"), only the markup goes. Each
// channel then writes the same document in its own way (plain text, Slack, Discord, Teams), so
// none of them can lose what another keeps. Pure.
import type { Token } from "markdown-it";

export type Inline =
  /** Literal text, markup removed. */
  | { kind: "text"; text: string }
  /** A code span or a line of a code block, verbatim. */
  | { kind: "code"; text: string }
  /**
   * A link. `url` is the address as sent (percent-encoded), `shown` as a person reads it; `bare`
   * when the person typed the address itself (its text is the address).
   */
  | { kind: "link"; text: string; url: string; shown: string; bare: boolean };

/** One line of output. `prefix` carries list bullets and quote marks; `gap`: a blank line before. */
export type Line = { prefix: string; inlines: Inline[]; gap: boolean };
export type Doc = Line[];

type Frame = { first: string; rest: string; used: boolean };

/** Characters no person types and no channel can carry: C0 controls other than tab and newline. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

export function tokensToDoc(tokens: readonly Token[], showUrl: (url: string) => string): Doc {
  const doc: Doc = [];
  const frames: Frame[] = [];
  let gap = false;
  let ordinal = 0;
  // The line of the table row being read: its cells' words go on it, " | " between them.
  let row: Line | undefined;

  const newLine = (withGap: boolean): Line => {
    const prefix = frames.map((f) => (f.used ? f.rest : ((f.used = true), f.first))).join("");
    const line: Line = { prefix, inlines: [], gap: doc.length > 0 && withGap };
    doc.push(line);
    gap = false;
    return line;
  };

  for (const t of tokens) {
    switch (t.type) {
      case "paragraph_open":
      case "heading_open":
        // Paragraphs of a tight list carry `hidden`: its items follow each other without a blank line.
        if (!t.hidden) gap = true;
        break;
      case "inline": {
        const cells = row;
        if (cells) inlineInto(cells, t.children ?? [], () => cells, showUrl);
        else inlineInto(newLine(gap), t.children ?? [], () => newLine(false), showUrl);
        break;
      }
      case "bullet_list_open":
      case "ordered_list_open":
        if (frames.length === 0) gap = true;
        break;
      case "list_item_open": {
        const marker = t.markup === "-" || t.markup === "*" || t.markup === "+" ? "- " : `${t.info}${t.markup} `;
        frames.push({ first: marker, rest: " ".repeat(marker.length), used: false });
        break;
      }
      case "blockquote_open":
        gap = true;
        frames.push({ first: "> ", rest: "> ", used: false });
        break;
      case "list_item_close":
      case "blockquote_close":
        frames.pop();
        break;
      case "fence":
      case "code_block": {
        const lines = t.content.replace(/\n$/, "").split("\n");
        lines.forEach((text, n) => newLine(n === 0).inlines.push({ kind: "code", text: text.replace(CONTROL, "") }));
        break;
      }
      case "table_open":
        gap = true;
        break;
      case "tr_open":
        ordinal = 0;
        row = newLine(gap);
        break;
      case "tr_close":
        row = undefined;
        break;
      case "th_open":
      case "td_open":
        if (ordinal++ > 0) row?.inlines.push({ kind: "text", text: " | " });
        break;
      case "hr":
        gap = true;
        break;
    }
  }
  return doc;
}

function inlineInto(start: Line, children: readonly Token[], breakLine: () => Line, showUrl: (url: string) => string) {
  let line = start;
  const push = (inline: Inline) => {
    const last = line.inlines.at(-1);
    if (inline.kind === "text" && last?.kind === "text") last.text += inline.text;
    else line.inlines.push(inline);
  };
  // A link's words are gathered up to its close, then written as one inline.
  let link: { open: Token; text: string } | undefined;
  const pushLink = ({ open, text }: { open: Token; text: string }) =>
    push(
      linkOf(
        text.replace(CONTROL, ""),
        String(open.attrGet("href") ?? ""),
        open.markup === "linkify" || open.markup === "autolink",
        showUrl,
      ),
    );
  for (const c of children) {
    if (link) {
      if (c.type === "link_close") {
        pushLink(link);
        link = undefined;
      } else link.text += c.content;
      continue;
    }
    switch (c.type) {
      case "text":
        if (c.content) push({ kind: "text", text: c.content.replace(CONTROL, "") });
        break;
      case "code_inline":
        push({ kind: "code", text: c.content.replace(CONTROL, "") });
        break;
      case "softbreak":
      case "hardbreak":
        line = breakLine();
        break;
      case "link_open":
        link = { open: c, text: "" };
        break;
      case "image": {
        const src = String(c.attrGet("src") ?? "");
        // An inline data: image would put kilobytes of base64 into the text: its description is enough.
        if (src.startsWith("data:")) push({ kind: "text", text: c.content });
        else push(linkOf(c.content, src, false, showUrl));
        break;
      }
    }
  }
  // markdown-it closes every link; should one be left open, its words are still written.
  if (link) pushLink(link);
}

function linkOf(text: string, url: string, typed: boolean, showUrl: (url: string) => string): Inline {
  const shown = url.startsWith("mailto:") && !typed ? showUrl(url.slice("mailto:".length)) : showUrl(url);
  const bare = typed || !text.trim() || text === shown || text === url;
  return { kind: "link", text: bare && !typed ? shown : text, url, shown, bare };
}

/** A link written in plain text: its words, then the address in brackets. */
export function linkText(l: Extract<Inline, { kind: "link" }>): string {
  return l.bare ? l.text : `${l.text} (${l.shown})`;
}

export function lineText(line: Line): string {
  return line.prefix + line.inlines.map((x) => (x.kind === "link" ? linkText(x) : x.text)).join("");
}

/**
 * Plain text: lines kept, a blank line between paragraphs. `oneLine` joins everything with
 * spaces, for a summary that must fit in one line of a list.
 */
export function docToText(doc: Doc, opts: { oneLine?: boolean } = {}): string {
  if (opts.oneLine) return doc.map(lineText).join(" ").replace(/\s+/g, " ").trim();
  return doc
    .map((l) => `${l.gap ? "\n" : ""}${lineText(l).trimEnd()}`)
    .join("\n")
    .trim();
}
