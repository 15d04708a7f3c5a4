// The one status palette: banner, component labels, incident cards, uptime bars, history, the
// widget and badges all take their colours from here. Five tones, one per severity. Each tone's
// solid colour carries white text at 4.5:1 or more (so badge-maker's white text reads on it too),
// and its text colours reach 4.5:1 on the page's light (white, gray-50) and dark (gray-900,
// gray-950) backgrounds. Colour is never alone: every use has an icon and words beside it.
import type { ComponentStatus, Impact, Indicator } from "./constants";

export const TONES = ["ok", "degraded", "partial", "major", "maintenance"] as const;
export type Tone = (typeof TONES)[number];

/**
 * Solid colours (white text on each): emerald-700 5.5:1, yellow-700 4.9:1, orange-700 5.2:1,
 * red-700 6.5:1, blue-700 6.7:1. The same in light and dark.
 */
export const TONE_HEX: Record<Tone, string> = {
  ok: "#047857",
  degraded: "#a16207",
  partial: "#c2410c",
  major: "#b91c1c",
  maintenance: "#1d4ed8",
};

/** Literal Tailwind classes (the CSS build finds them here): a solid box with white text. */
export const TONE_SOLID: Record<Tone, string> = {
  ok: "bg-emerald-700 text-white",
  degraded: "bg-yellow-700 text-white",
  partial: "bg-orange-700 text-white",
  major: "bg-red-700 text-white",
  maintenance: "bg-blue-700 text-white",
};

/** Text in the tone on the page's background, light and dark. */
export const TONE_TEXT: Record<Tone, string> = {
  ok: "text-emerald-700 dark:text-emerald-400",
  degraded: "text-yellow-700 dark:text-yellow-400",
  partial: "text-orange-700 dark:text-orange-400",
  major: "text-red-700 dark:text-red-400",
  maintenance: "text-blue-700 dark:text-blue-300",
};

/** The start border of a card in the tone. */
export const TONE_BORDER: Record<Tone, string> = {
  ok: "border-s-emerald-700 dark:border-s-emerald-500",
  degraded: "border-s-yellow-600 dark:border-s-yellow-400",
  partial: "border-s-orange-600 dark:border-s-orange-500",
  major: "border-s-red-600 dark:border-s-red-500",
  maintenance: "border-s-blue-600 dark:border-s-blue-500",
};

/** A thin stroke in the tone (uptime bars, legend marks). */
export const TONE_STROKE: Record<Tone, string> = {
  ok: "stroke-emerald-600",
  degraded: "stroke-yellow-500",
  partial: "stroke-orange-600",
  major: "stroke-red-600",
  maintenance: "stroke-blue-600",
};

export const STATUS_TONE: Record<ComponentStatus, Tone> = {
  operational: "ok",
  degraded_performance: "degraded",
  partial_outage: "partial",
  major_outage: "major",
  under_maintenance: "maintenance",
};

/** An incident's impact, and the page's indicator, in the same five tones. */
export const IMPACT_TONE: Record<Impact | Indicator, Tone> = {
  none: "ok",
  minor: "degraded",
  major: "partial",
  critical: "major",
  maintenance: "maintenance",
};

/** A resolved incident's colour says resolved, whatever its impact was. */
export const RESOLVED_TONE: Tone = "ok";

/** Relative luminance of a #rrggbb colour (WCAG 2). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
