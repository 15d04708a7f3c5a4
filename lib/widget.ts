// What the embeddable widget shows, and the mirror's status.js that carries it without CORS. Pure.
import type { Snapshot } from "./snapshot-types";
import { translator } from "./i18n/messages";
import { DESCRIPTIONS } from "./status";

export const WIDGET_CALLBACK = "__outpostStatus";

export type WidgetStatus = {
  page: { name: string; url: string };
  status: { indicator: string; description: string };
  incidents: { name: string; url: string }[];
  generated_at: string;
};

/** The widget's view; links point at `base` (the live page, or the mirror for the mirror's copy). */
export function widgetStatus(s: Snapshot, base: string, mirror = false): WidgetStatus {
  return {
    page: { name: s.page.name, url: mirror ? `${base}/index.html` : base },
    status: s.status,
    incidents: s.incidents.unresolved.map((i) => ({
      name: i.name,
      url: mirror ? `${base}/incidents/${i.id}/index.html` : `${base}/incidents/${i.id}`,
    })),
    generated_at: new Date(s.builtAt).toISOString(),
  };
}

/** JSON that is also safe inside a script (no `</script>`, no line separators). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** A script calling the widget's global callback: loads from any static host without CORS. */
export function statusScript(status: WidgetStatus): string {
  return `/* Outpost status, generated ${status.generated_at} */\n(window.${WIDGET_CALLBACK}||function(){})(${scriptJson(status)});\n`;
}

/** The widget's own words in one locale; `status` maps the (English) status description to them. */
export type WidgetLocale = {
  dir: "ltr" | "rtl";
  unavailable: string;
  incident: string;
  status: Record<string, string>;
};
export type WidgetWords = { default: string; locales: Record<string, WidgetLocale> };

/** The widget's words in each offered locale: it speaks its host page's language when offered. */
export function widgetWords(page: Snapshot["page"]): WidgetWords {
  const locales: Record<string, WidgetLocale> = {};
  for (const locale of page.locales) {
    const tr = translator(locale, page.defaultLocale);
    locales[locale] = {
      dir: tr.dir,
      unavailable: tr.t("widget.unavailable"),
      incident: tr.t("widget.incident", { name: "{name}" }),
      status: Object.fromEntries(
        Object.entries(DESCRIPTIONS).map(([key, english]) => [
          english,
          tr.t(`status.${key as keyof typeof DESCRIPTIONS}`),
        ]),
      ),
    };
  }
  return { default: page.defaultLocale, locales };
}

/** The widget script with its live and mirror URLs and its words filled in. */
export function embedScript(built: string, live: string, mirror: string | null, words?: WidgetWords): string {
  const w = words ?? { default: "en", locales: {} };
  return `(function(__OUTPOST_LIVE__,__OUTPOST_MIRROR__,__OUTPOST_WORDS__){${built}})(${scriptJson(live)},${scriptJson(mirror ?? "")},${scriptJson(w)});\n`;
}

/** The snippet staff copy onto their sites. */
export function embedSnippet(scriptBase: string): string {
  const attr = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return `<script src="${attr(scriptBase)}/embed.js" data-position="bottom-right" data-theme="auto" async></script>`;
}
