// Post text for the social networks, fitted to each network's limit. Pure.
// The post reads "<title> (<status>): <message> <link>". The message is the update's plain text
// (lib/markdown-doc.ts: every typed character, links as "text (url)", paragraphs and bullets on
// their own lines); it is shortened at a word boundary with "…" so that the whole post fits, and
// the incident link is always kept whole: every post leads back to the page.
import { UPDATE_STATUS_LABELS } from "../constants";
import { cutUnits, ELLIPSIS, graphemes, textUnits, totalWeight, type Unit } from "../cut";
import { findLinks, markdownToText } from "../markdown";

export { graphemes };

export type PostSource = {
  incidentName: string;
  status: keyof typeof UPDATE_STATUS_LABELS;
  /** Markdown, reduced to plain text; or plain text already when `plain` (a custom tweet). */
  body: string;
  plain?: boolean;
  /** Absolute link to the incident (with the delivery marker, when there is one). */
  url: string;
};

export type Limit = {
  max: number;
  /** The weight of text that is not a link. */
  weigh: (text: string) => number;
  /** What the network counts for a link it recognises; null when it counts the link as text. */
  linkWeight: (link: { text: string; schemed: boolean }) => number | null;
  /** X also recognises addresses without a scheme ("example.com/x"). */
  bareDomains?: boolean;
};

/** X's weighting (twitter-text v3): Latin and common punctuation count 1, everything else 2. */
export function xWeight(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const light =
      cp <= 0x10ff ||
      (cp >= 0x2000 && cp <= 0x200d) ||
      (cp >= 0x2010 && cp <= 0x201f) ||
      (cp >= 0x2032 && cp <= 0x2037);
    w += light ? 1 : 2;
  }
  return w;
}

const COUNTS = {
  x: xWeight,
  codepoints: (t: string) => Array.from(t).length,
  graphemes: (t: string) => graphemes(t).length,
};

/**
 * How a network counts a post, as plain data (the editor's preview gets it from the server).
 * `linkCost`: what a link it recognises counts (null: links count as text); with `bareDomains`
 * it also recognises addresses without a scheme, and since that depends on its list of
 * top-level domains those count as whichever is more, the link cost or their length.
 */
export type PostRules = { max: number; count: keyof typeof COUNTS; linkCost: number | null; bareDomains?: boolean };

export function limitOf(rules: PostRules): Limit {
  const weigh = COUNTS[rules.count];
  const { linkCost } = rules;
  return {
    max: rules.max,
    weigh,
    linkWeight: (l) =>
      linkCost === null ? null : l.schemed ? linkCost : rules.bareDomains ? Math.max(linkCost, weigh(l.text)) : null,
    ...(rules.bareDomains ? { bareDomains: true } : {}),
  };
}

const BARE_DOMAIN = /(?<![\w@./:-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:\/[^\s]*)?/giu;

/** The links a network sees in a text. */
function linksIn(text: string, limit: Limit) {
  const links = findLinks(text);
  if (limit.bareDomains) {
    for (const m of text.matchAll(BARE_DOMAIN)) {
      const end = m.index + m[0].length;
      if (!links.some((l) => m.index < l.end && end > l.index))
        links.push({ index: m.index, end, text: m[0], schemed: false });
    }
    links.sort((a, b) => a.index - b.index);
  }
  return links;
}

/** A text as units weighed the way the network counts: each link one unit (tagged), kept or dropped whole. */
function postUnits(text: string, limit: Limit): Unit<boolean>[] {
  const units: Unit<boolean>[] = [];
  let at = 0;
  for (const link of linksIn(text, limit)) {
    units.push(...textUnits(text.slice(at, link.index), limit.weigh, false));
    units.push({
      text: link.text,
      weight: limit.linkWeight(link) ?? limit.weigh(link.text),
      boundary: true,
      tag: true,
    });
    at = link.end;
  }
  units.push(...textUnits(text.slice(at), limit.weigh, false));
  return units;
}

/** The weight of a text as the network counts it. */
export function postWeight(text: string, limit: Limit): number {
  return totalWeight(postUnits(text, limit));
}

/** The longest start of `text` within `budget`, cut at a word boundary with "…" when it does not fit. */
export function cutToWeight(text: string, budget: number, limit: Limit): string {
  // Every grapheme weighs at least 1 and few take more than 16 code units, so a long text is
  // weighed only as far as the budget can reach (to the next space, so that no link is split):
  // the preview does this on every keystroke.
  const reach = text.slice(0, Math.max(0, budget) * 16).length;
  const space = text.slice(reach).search(/\s/);
  const head = space < 0 ? text : text.slice(0, reach + space);
  // Room for " …": after an address the ellipsis needs a space, or it would read as part of it.
  const mark = limit.weigh(` ${ELLIPSIS}`);
  let { units, cut } = cutUnits(postUnits(head, limit), budget, mark);
  if (!cut && head !== text) ({ units, cut } = cutUnits(postUnits(text, limit), budget, mark));
  const kept = units.map((u) => u.text).join("");
  if (!cut || !kept) return kept;
  return `${kept}${units.at(-1)!.tag ? " " : ""}${ELLIPSIS}`;
}

/** One line, no control characters: titles. */
function oneLine(text: string): string {
  return text
    .replace(/[\u0000-\u001F\u007F]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A plain-text message as typed: control characters go, line breaks stay. */
function plainMessage(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The message of a post before fitting. */
export function postMessage(src: Pick<PostSource, "body" | "plain">): string {
  return src.plain ? plainMessage(src.body) : markdownToText(src.body);
}

/** The post for a network: always within its limit, always ending with the whole link. */
export function fitPost(src: PostSource, limit: Limit): string {
  const title = oneLine(`${src.incidentName} (${UPDATE_STATUS_LABELS[src.status] ?? src.status})`);
  const message = postMessage(src);
  const linkCost = postWeight(` ${src.url}`, limit);
  const head = cutToWeight(title, Math.max(0, limit.max - linkCost), limit);
  if (!message || head !== title) return `${head} ${src.url}`;
  // A message of several lines gets the link on a line of its own, so it does not read as part of the last bullet.
  const sep = message.includes("\n") ? "\n\n" : " ";
  const room = limit.max - postWeight(`${head}: ${sep}${src.url}`, limit);
  const body = room > 1 ? cutToWeight(message, room, limit) : "";
  if (!body) return `${head} ${src.url}`;
  return `${head}: ${body}${body.includes("\n") ? sep : " "}${src.url}`;
}

export type Preview = { network: string; text: string; weight: number; max: number; shortened: boolean };

/** What a network would post, and whether the message had to be shortened. */
export function previewPost(src: PostSource, network: string, limit: Limit): Preview {
  const full = postMessage(src);
  const text = fitPost(src, limit);
  return { network, text, weight: postWeight(text, limit), max: limit.max, shortened: !!full && !text.includes(full) };
}
