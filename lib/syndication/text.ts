// Post text for the social networks, fitted to each network's limit. Pure.
// The post reads "<title> (<status>): <message> <link>"; the message is shortened (with an
// ellipsis, at a word boundary when one is near) so that the whole post fits, and the link is
// always kept whole: every post leads back to the page.
import { UPDATE_STATUS_LABELS } from "../constants";
import { markdownToText } from "../markdown";

export type PostSource = {
  incidentName: string;
  status: keyof typeof UPDATE_STATUS_LABELS;
  /** Markdown; reduced to plain text. */
  body: string;
  /** Absolute link to the incident (with the delivery marker, when there is one). */
  url: string;
};

export type Limit = {
  max: number;
  /** The weight of a text without links. */
  weigh: (text: string) => number;
  /** The weight of the link (X and Mastodon count every link as 23). */
  urlWeight: (url: string) => number;
};

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** X's weighting (twitter-text v3): Latin and common punctuation count 1, everything else 2. */
export function xWeight(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const light = cp <= 0x10ff || (cp >= 0x2000 && cp <= 0x200d) || (cp >= 0x2010 && cp <= 0x201f) || (cp >= 0x2032 && cp <= 0x2037);
    w += light ? 1 : 2;
  }
  return w;
}

export const LIMITS = {
  x: { max: 280, weigh: xWeight, urlWeight: () => 23 },
  mastodon: { max: 500, weigh: (t: string) => Array.from(t).length, urlWeight: () => 23 },
  bluesky: { max: 300, weigh: (t: string) => graphemes(t).length, urlWeight: (u: string) => graphemes(u).length },
} satisfies Record<string, Limit>;
export type Network = keyof typeof LIMITS;

const ELLIPSIS = "…";

/** The longest prefix of `text` (whole graphemes) whose weight is at most `budget`, with an ellipsis when cut. */
export function cutToWeight(text: string, budget: number, weigh: (t: string) => number): string {
  if (weigh(text) <= budget) return text;
  const room = budget - weigh(ELLIPSIS);
  if (room <= 0) return "";
  const parts = graphemes(text);
  let out = "";
  let used = 0;
  for (const g of parts) {
    const w = weigh(g);
    if (used + w > room) break;
    out += g;
    used += w;
  }
  // Prefer ending at a word boundary when one is close to the cut.
  const space = out.lastIndexOf(" ");
  if (space > out.length * 0.8) out = out.slice(0, space);
  return `${out.trimEnd()}${ELLIPSIS}`;
}

/** Plain text with no control characters (newlines become spaces). */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F]+/g, " ").replace(/\s+/g, " ").trim();
}

/** The post for a network: always within its limit, always ending with the whole link. */
export function fitPost(src: PostSource, limit: Limit): string {
  const title = clean(`${src.incidentName} (${UPDATE_STATUS_LABELS[src.status] ?? src.status})`);
  const message = clean(markdownToText(src.body));
  const linkCost = 1 + limit.urlWeight(src.url);
  const head = cutToWeight(title, Math.max(0, limit.max - linkCost), limit.weigh);
  if (!message || head !== title) return `${head} ${src.url}`;
  const room = limit.max - linkCost - limit.weigh(head) - limit.weigh(": ");
  const body = room > 1 ? cutToWeight(message, room, limit.weigh) : "";
  return body ? `${head}: ${body} ${src.url}` : `${head} ${src.url}`;
}

/** The weight of a finished post as the network counts it. */
export function postWeight(text: string, limit: Limit): number {
  let total = 0;
  let rest = text;
  for (const m of text.matchAll(/https?:\/\/\S+/g)) total += limit.urlWeight(m[0]);
  rest = text.replace(/https?:\/\/\S+/g, "");
  return total + limit.weigh(rest);
}

export type Preview = { network: Network; text: string; weight: number; max: number; shortened: boolean };

/** What each network would post, and whether the message had to be shortened. */
export function previewPosts(src: PostSource): Preview[] {
  const full = clean(markdownToText(src.body));
  return (Object.keys(LIMITS) as Network[]).map((network) => {
    const limit = LIMITS[network];
    const text = fitPost(src, limit);
    return { network, text, weight: postWeight(text, limit), max: limit.max, shortened: !!full && !text.includes(full) };
  });
}
