// The embeddable status widget: `<script src=".../embed.js" async></script>` on any site.
// Plain DOM in a Shadow root (the host's CSS cannot reach it), no cookies. It reads the live
// summary JSON and, when the live server does not answer, the mirror's status.js (a script, so a
// static host without CORS headers still works). The server fills in the URLs and the words.
// Someone else's customers see only news: nothing while all is operational (unless the site asks
// for the pill with data-show="always"), nothing when neither source answers, and a notice they
// dismiss stays dismissed for that incident in this tab (sessionStorage, one key per id).
import { TONE_HEX } from "@/lib/palette";
import {
  lineText,
  widgetFromSummary,
  widgetLines,
  type WidgetData,
  type WidgetLine,
  type WidgetLocale,
  type WidgetWords,
} from "@/lib/widget-view";

declare const __OUTPOST_LIVE__: string;
declare const __OUTPOST_MIRROR__: string;
/** The widget's words per offered locale (lib/widget.ts `widgetWords`). */
declare const __OUTPOST_WORDS__: WidgetWords;

const CALLBACK = "__outpostStatus";
const STORE = "outpost-dismissed:";
const ENGLISH: WidgetLocale = {
  dir: "ltr",
  incident: "Incident: {name}",
  incidents: { other: "{count} incidents · {name}" },
  maintenance: "Maintenance: {name}",
  maintenances: { other: "{count} maintenances · {name}" },
  dismiss: "Dismiss",
  status: {},
};
const CLOSE =
  '<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.75" stroke-linecap="round"/></svg>';

(() => {
  const script = (document.currentScript ??
    document.querySelector('script[src*="embed.js"]')) as HTMLScriptElement | null;
  const data = script?.dataset ?? {};
  const here = script?.src ? new URL(".", script.src).href : "";
  const live = (data.live || __OUTPOST_LIVE__).replace(/\/+$/, "");
  const mirror = (data.mirror || __OUTPOST_MIRROR__ || here).replace(/\/+$/, "");
  const position = data.position || "bottom-right";
  const theme = data.theme || "auto";
  const always = data.show === "always";
  // Its words: the locale asked for (data-locale), else the host page's language, when offered.
  const wanted = [data.locale, document.documentElement.lang].map((l) => (l || "").toLowerCase().split("-")[0]);
  const locale = wanted.find((l) => l && __OUTPOST_WORDS__.locales[l]) || __OUTPOST_WORDS__.default;
  const words = __OUTPOST_WORDS__.locales[locale] ?? ENGLISH;

  // Dismissed ids: remembered here, and in sessionStorage when the host page lets us use it.
  const hidden = new Set<string>();
  const storage = () => {
    try {
      return window.sessionStorage;
    } catch {
      return null;
    }
  };
  const isDismissed = (id: string) => {
    if (hidden.has(id)) return true;
    try {
      return storage()?.getItem(STORE + id) === "1";
    } catch {
      return false;
    }
  };
  const dismiss = (ids: string[]) => {
    for (const id of ids) {
      hidden.add(id);
      try {
        storage()?.setItem(STORE + id, "1");
      } catch {
        /* blocked or full storage: dismissed for this page view only */
      }
    }
  };

  const host = document.createElement("div");
  host.setAttribute("data-outpost-widget", "");
  const root = host.attachShadow({ mode: "open" });
  const fixed = position !== "inline";
  const [v, h] = position.split("-");
  const dark =
    ".l{color:#f3f4f6;background:#111827;border-color:#374151;border-inline-start-color:var(--c);box-shadow:0 1px 2px #0006,0 4px 12px #0004}" +
    ".s{border-inline-start-color:#374151}button{color:#d1d5db}button:hover{color:#fff;background:#1f2937}";
  const css = `:host{all:initial}
.w{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;display:flex;flex-direction:column;gap:8px;width:max-content;max-width:min(22rem,calc(100vw - 32px));${fixed ? `position:fixed;${v === "top" ? "top" : "bottom"}:16px;${h === "left" ? "left" : "right"}:16px;z-index:2147483000` : ""}}
.w[hidden]{display:none}
.l{display:flex;align-items:center;background:#fff;border:1px solid #d1d5db;border-inline-start:4px solid var(--c);border-radius:10px;box-shadow:0 1px 2px #0000000f,0 4px 12px #00000014}
.s{border-inline-start-width:1px;border-inline-start-color:#d1d5db;border-radius:999px}
.s a{padding-inline-start:15px}
a{flex:1;min-width:0;display:flex;align-items:center;gap:8px;padding:8px 12px;color:inherit;text-decoration:none;border-radius:inherit}
a:hover .t{text-decoration:underline}
a:focus-visible,button:focus-visible{outline:2px solid #2563eb;outline-offset:2px}
.t{min-width:0;overflow-wrap:anywhere}
.c .t{overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.d{width:10px;height:10px;border-radius:50%;flex:none;background:var(--c)}
.l:not(.s) .d{animation:p 2s ease-in-out infinite}
@keyframes p{50%{opacity:.45}}
@media (prefers-reduced-motion:reduce){.d{animation:none!important}}
button{all:unset;box-sizing:border-box;flex:none;display:flex;align-items:center;justify-content:center;width:32px;height:32px;margin-inline-end:4px;border-radius:8px;color:#4b5563;cursor:pointer}
button:hover{color:#111827;background:#f3f4f6}
${theme === "dark" ? dark : theme === "auto" ? `@media (prefers-color-scheme:dark){${dark}}` : ""}`;
  // A constructed sheet is not an inline style, so a host page's strict CSP does not block it.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement("style");
    style.textContent = css;
    root.append(style);
  }
  const box = document.createElement("div");
  box.className = "w";
  box.setAttribute("role", "status");
  box.lang = locale;
  box.dir = words.dir;
  box.hidden = true;
  root.append(box);

  const lineElement = (line: WidgetLine) => {
    const row = document.createElement("div");
    row.className = line.kind === "status" ? "l s" : line.count > 1 ? "l c" : "l";
    row.dataset.kind = line.kind;
    row.dataset.tone = line.tone;
    row.style.setProperty("--c", TONE_HEX[line.tone]);
    const a = document.createElement("a");
    a.href = line.url;
    a.target = "_blank";
    a.rel = "noopener";
    const dot = document.createElement("span");
    dot.className = "d";
    const text = document.createElement("span");
    text.className = "t";
    text.textContent = lineText(words, locale, line);
    // A collapsed line is cut with an ellipsis when narrow; its title keeps the whole of it.
    if (line.count > 1) a.title = text.textContent;
    a.append(dot, text);
    row.append(a);
    if (line.dismiss.length) {
      const close = document.createElement("button");
      close.type = "button";
      close.setAttribute("aria-label", words.dismiss);
      close.title = words.dismiss;
      close.innerHTML = CLOSE;
      close.addEventListener("click", () => {
        dismiss(line.dismiss);
        render();
      });
      row.append(close);
    }
    return row;
  };

  let status: WidgetData | null = null;
  let shown = "";
  const render = () => {
    const lines = status ? widgetLines(status, { always, dismissed: isDismissed }) : [];
    host.dataset.lines = String(lines.length);
    box.hidden = !lines.length;
    // Unchanged lines are left alone, so a screen reader does not hear them again every minute.
    const key = JSON.stringify(lines);
    if (key === shown) return;
    shown = key;
    const focused = root.activeElement !== null;
    box.textContent = "";
    for (const line of lines) box.append(lineElement(line));
    // A dismissed line took the focus with it: keep a keyboard user in the widget while it shows.
    if (focused) box.querySelector("a")?.focus();
  };
  const show = (s: WidgetData | null, source: string) => {
    status = s;
    host.dataset.source = source;
    if (s) host.dataset.indicator = s.status.indicator;
    render();
  };

  const viaMirror = () =>
    new Promise<WidgetData | null>((resolve) => {
      if (!mirror) return resolve(null);
      const tag = document.createElement("script");
      const w = window as unknown as Record<string, unknown>;
      w[CALLBACK] = (s: WidgetData) =>
        resolve({
          ...s,
          // A mirror written by an older version carries no ids or maintenances.
          incidents: (s.incidents ?? []).map((i) => ({ ...i, id: i.id ?? i.url, impact: i.impact ?? "major" })),
          maintenances: s.maintenances ?? [],
        });
      tag.src = `${mirror}/status.js?t=${Math.floor(Date.now() / 30000)}`;
      tag.async = true;
      // A loaded script has called the callback already; otherwise there is nothing to show.
      tag.onerror = tag.onload = () => {
        tag.remove();
        resolve(null);
      };
      document.head.append(tag);
      setTimeout(() => resolve(null), 8000);
    });

  const load = async () => {
    try {
      const ctl = new AbortController();
      const timer = setTimeout(() => ctl.abort(), 5000);
      const res = await fetch(`${live}/api/v2/summary.json`, {
        signal: ctl.signal,
        credentials: "omit",
        mode: "cors",
        cache: "no-cache",
      });
      clearTimeout(timer);
      if (!res.ok) throw new Error(String(res.status));
      show(widgetFromSummary(await res.json()), "live");
    } catch {
      // Neither answering shows nothing: "unavailable" would only worry someone else's customers.
      const s = await viaMirror();
      show(s, s ? "mirror" : "none");
    }
  };

  const mount = () => {
    if (fixed || !script?.parentNode) document.body.append(host);
    else script.parentNode.insertBefore(host, script);
    void load();
    setInterval(() => document.visibilityState === "visible" && void load(), 60000 + Math.random() * 15000);
  };
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
