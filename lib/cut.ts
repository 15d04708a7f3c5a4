// Shortening text to a budget, the way a reader expects: never inside a grapheme or a link,
// at a word boundary when one keeps at least half of the room, and marked with "…". Every
// channel with a length limit (social posts, chat messages) cuts through here. Pure.

/**
 * A piece of output. `weight` is what it costs in the channel's counting; `atomic` pieces (links,
 * escapes) are kept whole or dropped; `boundary`: a word may start here.
 */
export type Unit<T = undefined> = { text: string; weight: number; boundary: boolean; tag: T };

export const ELLIPSIS = "…";

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
// The word segmenter knows where words end in scripts without spaces (Chinese, Japanese, Thai).
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: "word" });

export function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/** Text as units of one grapheme each, weighed by `weigh`. */
export function textUnits<T>(text: string, weigh: (g: string) => number, tag: T): Unit<T>[] {
  const out: Unit<T>[] = [];
  for (const { segment } of wordSegmenter.segment(text)) {
    graphemes(segment).forEach((g, n) => out.push({ text: g, weight: weigh(g), boundary: n === 0, tag }));
  }
  return out;
}

export const totalWeight = (units: readonly Unit<unknown>[]) => units.reduce((w, u) => w + u.weight, 0);

/** Nothing a reader would want to see just before the "…": spaces, line breaks, opening brackets. */
const DANGLING = /^[\s([{"'“‘«]+$/u;

/**
 * The units that fit in `budget` once an ellipsis of weight `ellipsisWeight` is added, or all of
 * them when they fit as they are. `cut` says whether the ellipsis is due.
 */
export function cutUnits<T>(
  units: readonly Unit<T>[],
  budget: number,
  ellipsisWeight: number,
): { units: Unit<T>[]; cut: boolean } {
  if (totalWeight(units) <= budget) return { units: [...units], cut: false };
  const room = budget - ellipsisWeight;
  let end = 0;
  let used = 0;
  for (const u of units) {
    if (used + u.weight > room) break;
    used += u.weight;
    end++;
  }
  // Step back to the start of the word being cut, unless that throws away more than half the room
  // (one very long word, or a script the segmenter cannot split).
  const wordStart = units.slice(1, end + 1).findLastIndex((u) => u.boundary) + 1;
  if (wordStart > 0 && totalWeight(units.slice(0, wordStart)) >= room / 2) end = wordStart;
  const kept = units.slice(0, end);
  return { units: kept.slice(0, kept.findLastIndex((u) => !DANGLING.test(u.text)) + 1), cut: true };
}

/** Shortens a plain string (no links) to `budget` as weighed by `weigh`, with "…" when cut. */
export function cutText(
  text: string,
  budget: number,
  weigh: (t: string) => number = (t) => graphemes(t).length,
): string {
  const { units, cut } = cutUnits(textUnits(text, weigh, undefined), budget, weigh(ELLIPSIS));
  if (!cut) return text;
  return units.length ? `${units.map((u) => u.text).join("")}${ELLIPSIS}` : "";
}
