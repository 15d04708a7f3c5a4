// What the embeddable widget shows, and the mirror's status.js that carries it without CORS. Pure.
import type { Snapshot } from "./snapshot-types";
import { translator, type MessageKey, type Translator } from "./i18n/messages";
import { DESCRIPTIONS } from "./status";
import type { WidgetData, WidgetLocale, WidgetWords } from "./widget-view";

export type { WidgetLocale, WidgetWords } from "./widget-view";

export const WIDGET_CALLBACK = "__outpostStatus";

/** What the /embed iframe posts to its parent: its content height, on load and on every change. */
export const EMBED_HEIGHT_MESSAGE = "outpost:embed-height";

export type WidgetStatus = WidgetData & { generated_at: string };

/** The widget's view; links point at `base` (the live page, or the mirror for the mirror's copy). */
export function widgetStatus(s: Snapshot, base: string, mirror = false): WidgetStatus {
  const url = (id: string) => (mirror ? `${base}/incidents/${id}/index.html` : `${base}/incidents/${id}`);
  return {
    page: { name: s.page.name, url: mirror ? `${base}/index.html` : base },
    status: s.status,
    incidents: s.incidents.unresolved.map((i) => ({ id: i.id, name: i.name, url: url(i.id), impact: i.impact })),
    maintenances: s.maintenances.active.map((i) => ({ id: i.id, name: i.name, url: url(i.id), impact: "maintenance" })),
    generated_at: new Date(s.builtAt).toISOString(),
  };
}

/**
 * JSON that is also safe inside a script (no `</script>`, no line separators), in ASCII: a static
 * host may serve status.js or embed.js without a charset, and the host page's own would garble names.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** A script calling the widget's global callback: loads from any static host without CORS. */
export function statusScript(status: WidgetStatus): string {
  return `/* Outpost status, generated ${status.generated_at} */\n(window.${WIDGET_CALLBACK}||function(){})(${scriptJson(status)});\n`;
}

/**
 * A plural message as templates per CLDR category of counts from 2 up ("{count} incidents ·
 * {name}"): the widget picks one with the browser's Intl.PluralRules, without an ICU formatter.
 */
function pluralForms(tr: Translator, key: MessageKey): Record<string, string> {
  const rules = new Intl.PluralRules(tr.locale);
  const digits = new Intl.NumberFormat(tr.locale);
  const forms: Record<string, string> = {};
  for (let n = 2; n <= 200; n++) {
    const category = rules.select(n);
    if (forms[category] === undefined)
      forms[category] = tr.t(key, { count: n, name: "{name}" }).split(digits.format(n)).join("{count}");
  }
  return forms;
}

/** The widget's words in each offered locale: it speaks its host page's language when offered. */
export function widgetWords(page: Snapshot["page"]): WidgetWords {
  const locales: Record<string, WidgetLocale> = {};
  for (const locale of page.locales) {
    const tr = translator(locale, page.defaultLocale);
    locales[locale] = {
      dir: tr.dir,
      incident: tr.t("widget.incident", { name: "{name}" }),
      incidents: pluralForms(tr, "widget.incidents"),
      maintenance: tr.t("widget.maintenance", { name: "{name}" }),
      maintenances: pluralForms(tr, "widget.maintenances"),
      dismiss: tr.t("widget.dismiss"),
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

const attr = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The snippet staff copy onto their sites. */
export function embedSnippet(scriptBase: string): string {
  return `<script src="${attr(scriptBase)}/embed.js" data-position="bottom-right" data-theme="auto" async></script>`;
}

/**
 * The iframe snippet: /embed, and a few lines of script that set the frame's height to what the
 * frame posts (only from Outpost's origin, only for a frame marked data-outpost-embed), so the
 * frame is as tall as its content: one line, several, or a longer name on a narrow phone.
 */
export function embedFrameSnippet(live: string, title = "Service status"): string {
  const base = live.replace(/\/+$/, "");
  const origin = scriptJson(new URL(base).origin);
  const listener =
    `addEventListener("message",function(e){var d=e.data;` +
    `if(e.origin!==${origin}||!d||d.type!==${scriptJson(EMBED_HEIGHT_MESSAGE)}||!(d.height>=0))return;` +
    `var f=document.querySelectorAll("iframe[data-outpost-embed]");` +
    `for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].style.height=Math.min(Math.ceil(d.height),2000)+"px"});`;
  return (
    `<iframe src="${attr(base)}/embed" title="${attr(title)}" width="320" height="48" style="border:0" data-outpost-embed></iframe>\n` +
    `<script>${listener}</script>`
  );
}
