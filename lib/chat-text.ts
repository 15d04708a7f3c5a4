// An update's words written for each chat product, from the markdown document (lib/markdown-doc.ts),
// shortened to what the product accepts without ever breaking a link or an escape. Pure.
// - Slack mrkdwn: &, < and > are its only control characters (escaped); links are <url|text>.
//   Slack has no way to escape * _ ~, but it only reads them as markers at word edges, so
//   identifiers (eu_west_1, node_modules) and symbols (C#, 5 * 3) arrive as typed.
// - Discord markdown: every character it would read as markup is backslash-escaped, so a typed
//   * or _ shows as itself; links are [text](url), bullets and quotes are real markdown.
// - Teams: RichTextBlock TextRuns, which are never read as markdown; links are runs with an
//   OpenUrl action.
import { cutUnits, ELLIPSIS, textUnits, type Unit } from "./cut";
import type { Doc, Inline } from "./markdown-doc";

type Link = Extract<Inline, { kind: "link" }>;
/** Which line a unit belongs to, and the link it opens (Teams builds its runs from these). */
type Tag = { line: number; url?: string; structure?: boolean };

type Style = {
  /** One literal grapheme as the product must receive it. */
  text: (g: string) => string;
  /** Escapes for the start of a line (list and heading markers typed as text). */
  lineStart?: (text: string) => string;
  code: (text: string) => string;
  link: (l: Link) => string;
};

const length = (s: string) => Array.from(s).length;

function units(doc: Doc, style: Style): Unit<Tag>[] {
  const out: Unit<Tag>[] = [];
  const atom = (text: string, tag: Tag) => out.push({ text, weight: length(text), boundary: true, tag });
  doc.forEach((line, n) => {
    if (n > 0) atom(line.gap ? "\n\n" : "\n", { line: n, structure: true });
    if (line.prefix) atom(line.prefix, { line: n, structure: true });
    line.inlines.forEach((x, i) => {
      if (x.kind === "link") return atom(style.link(x), { line: n, url: x.url });
      if (x.kind === "code") return atom(style.code(x.text), { line: n });
      let text = x.text;
      if (i === 0 && style.lineStart) {
        const escaped = style.lineStart(text);
        const lead = escaped.length - text.length;
        if (lead > 0) {
          // The escaped start is one unit, so a cut cannot separate an escape from its character.
          const raw = text.match(/^\s*(?:\d+[.)]|[#>+-])/)?.[0] ?? "";
          atom(style.lineStart(raw), { line: n });
          text = text.slice(raw.length);
        }
      }
      for (const u of textUnits(text, (g) => length(style.text(g)), { line: n }))
        out.push({ ...u, text: style.text(u.text) });
    });
  });
  return out;
}

function cut(doc: Doc, style: Style, max: number): Unit<Tag>[] {
  const { units: kept, cut: wasCut } = cutUnits(units(doc, style), max, 1);
  // A bullet or a line break whose words were cut would leave the "…" on a line of its own.
  while (wasCut && kept.at(-1)?.tag.structure) kept.pop();
  if (wasCut) kept.push({ text: ELLIPSIS, weight: 1, boundary: true, tag: { line: kept.at(-1)?.tag.line ?? 0 } });
  return kept;
}

const join = (u: readonly Unit<Tag>[]) => u.map((x) => x.text).join("");

export const slackEscape = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

const slackStyle: Style = {
  text: slackEscape,
  // A code span shows its characters literally; one holding a backtick cannot be written as one.
  code: (t) => (t.includes("`") ? slackEscape(t) : `\`${slackEscape(t)}\``),
  link: (l) => `<${l.url}|${slackEscape(l.text)}>`,
};

/** Slack mrkdwn of a document, at most `max` characters. */
export function slackText(doc: Doc, max: number): string {
  return join(cut(doc, slackStyle, max));
}

// Markers anywhere in a line; # > - + and "1." only mean something at its start (lineStart).
const DISCORD_MARKUP = /[\\*_~`|<[\]]/g;
export const discordEscape = (text: string) => text.replace(DISCORD_MARKUP, "\\$&");

const discordStyle: Style = {
  text: discordEscape,
  lineStart: (text) => text.replace(/^(\s*)(\d+)([.)])/, "$1$2\\$3").replace(/^(\s*)([#>+-])/, "$1\\$2"),
  code: (t) => (t.includes("`") ? discordEscape(t) : `\`${t}\``),
  // Discord shows an address as typed and links it itself; a worded link is [text](<url>), the
  // angle brackets keeping any parenthesis in the address from ending the link.
  link: (l) =>
    l.bare && /^https?:/.test(l.url)
      ? l.url
      : l.bare
        ? discordEscape(l.text)
        : `[${discordEscape(l.text)}](<${l.url}>)`,
};

/** Discord markdown of a document, at most `max` characters. */
export function discordText(doc: Doc, max: number): string {
  return join(cut(doc, discordStyle, max));
}

const plainStyle: Style = {
  text: (g) => g,
  code: (t) => t,
  link: (l) => l.text,
};

export type TeamsRun = {
  type: "TextRun";
  text: string;
  selectAction?: { type: "Action.OpenUrl"; url: string };
  underline?: boolean;
};
export type TeamsBlock = { type: "RichTextBlock"; inlines: TeamsRun[]; spacing?: "None" };

/**
 * Teams RichTextBlocks, one per line (a paragraph's later lines without spacing), at most `max`
 * characters. TextRuns are plain text, so nothing typed is read as markup.
 */
export function teamsBlocks(doc: Doc, max: number): TeamsBlock[] {
  const blocks: TeamsBlock[] = [];
  let block: TeamsBlock | undefined;
  for (const u of cut(doc, plainStyle, max)) {
    if (u.text === "\n\n" || u.text === "\n" || !block) {
      block =
        u.text === "\n"
          ? { type: "RichTextBlock", inlines: [], spacing: "None" }
          : { type: "RichTextBlock", inlines: [] };
      blocks.push(block);
      if (u.text.startsWith("\n")) continue;
    }
    const runs = block.inlines;
    const last = runs.at(-1);
    if (u.tag.url)
      runs.push({
        type: "TextRun",
        text: u.text,
        selectAction: { type: "Action.OpenUrl", url: u.tag.url },
        underline: true,
      });
    else if (last && !last.selectAction) last.text += u.text;
    else runs.push({ type: "TextRun", text: u.text });
  }
  return blocks;
}
