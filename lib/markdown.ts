// Markdown for update bodies and postmortems. Raw HTML is escaped, never passed through;
// markdown-it also refuses javascript:, vbscript: and data: (except images) links.
// Plain text comes from the same parse tree (lib/markdown-doc.ts), so what the page shows and
// what a mail or a post says are the same words.
import MarkdownIt from "markdown-it";
import { docToText, tokensToDoc, type Doc } from "./markdown-doc";

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (!token) throw new Error(`markdown-it gave link_open no token at ${idx}`);
  token.attrSet("rel", "nofollow noopener");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** The document of a markdown body: lines of literal text and links, markup removed. */
export function parseMarkdown(source: string): Doc {
  // A NUL is never typed; markdown-it would turn it into U+FFFD, which shows as "�".
  return tokensToDoc(md.parse(source.replaceAll("\u0000", ""), {}), (url) => md.normalizeLinkText(url));
}

/** Plain text of a markdown body: paragraphs, bullets and every typed character kept; links as "text (url)". */
export function markdownToText(source: string): string {
  return docToText(parseMarkdown(source));
}

/** The same plain text on one line, for summaries in a list. */
export function markdownToLine(source: string): string {
  return docToText(parseMarkdown(source), { oneLine: true });
}

export type FoundLink = { index: number; end: number; text: string; schemed: boolean };

/** Addresses in plain text (http, https, mailto, and protocol-relative), as markdown-it's linkify finds them. */
export function findLinks(text: string): FoundLink[] {
  return (md.linkify.match(text) ?? []).map((m) => ({
    index: m.index,
    end: m.lastIndex,
    text: m.raw,
    schemed: m.schema === "http:" || m.schema === "https:",
  }));
}
