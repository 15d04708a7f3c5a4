// The embeddable status widget: `<script src=".../embed.js" async></script>` on any site.
// Plain DOM in a Shadow root (the host's CSS cannot reach it), no cookies, no storage. It reads
// the live summary JSON and, when the live server does not answer, the mirror's status.js (a
// script, so a static host without CORS headers still works). The server fills in the URLs.
type Status = {
  page: { name: string; url: string };
  status: { indicator: string; description: string };
  incidents: { name: string; url: string }[];
};

declare const __OUTPOST_LIVE__: string;
declare const __OUTPOST_MIRROR__: string;
/** The widget's words per offered locale (lib/widget.ts `widgetWords`). */
declare const __OUTPOST_WORDS__: {
  default: string;
  locales: Record<string, { dir: string; unavailable: string; incident: string; status: Record<string, string> }>;
};

const CALLBACK = "__outpostStatus";
const COLORS: Record<string, string> = {
  none: "#15803d",
  minor: "#a16207",
  major: "#c2410c",
  critical: "#b91c1c",
  maintenance: "#1d4ed8",
};

(() => {
  const script = (document.currentScript ??
    document.querySelector('script[src*="embed.js"]')) as HTMLScriptElement | null;
  const data = script?.dataset ?? {};
  const here = script?.src ? new URL(".", script.src).href : "";
  const live = (data.live || __OUTPOST_LIVE__).replace(/\/+$/, "");
  const mirror = (data.mirror || __OUTPOST_MIRROR__ || here).replace(/\/+$/, "");
  const position = data.position || "bottom-right";
  const theme = data.theme || "auto";
  // Its words: the locale asked for (data-locale), else the host page's language, when offered.
  const wanted = [data.locale, document.documentElement.lang].map((l) => (l || "").toLowerCase().split("-")[0]);
  const locale = wanted.find((l) => l && __OUTPOST_WORDS__.locales[l]) || __OUTPOST_WORDS__.default;
  const words = __OUTPOST_WORDS__.locales[locale];
  const say = {
    unavailable: words?.unavailable || "Status unavailable",
    incident: (name: string) => (words?.incident || "Incident: {name}").replace("{name}", name),
    status: (description: string) => words?.status[description] || description,
  };

  const host = document.createElement("div");
  host.setAttribute("data-outpost-widget", "");
  const root = host.attachShadow({ mode: "open" });
  const fixed = position !== "inline";
  const [v, h] = position.split("-");
  const dark = "color:#f3f4f6;background:#111827;border-color:#374151";
  root.innerHTML = `<style>
:host{all:initial}
.w{font:14px/1.4 system-ui,sans-serif;color:#111827;display:flex;flex-direction:column;gap:6px;max-width:22rem;${fixed ? `position:fixed;${v === "top" ? "top" : "bottom"}:16px;${h === "left" ? "left" : "right"}:16px;z-index:2147483000` : ""}}
a{color:inherit;text-decoration:none;display:flex;align-items:center;gap:8px;padding:6px 12px;border:1px solid #d1d5db;border-radius:999px;background:#fff;box-shadow:0 1px 3px #0002}
a:focus-visible{outline:2px solid #2563eb;outline-offset:2px}
.b{border-radius:8px;font-weight:600;color:#7c2d12;background:#fff7ed;border-color:#fdba74}
.d{width:10px;height:10px;border-radius:50%;flex:none;animation:p 2s ease-in-out infinite}
@keyframes p{50%{opacity:.4}}
@media (prefers-reduced-motion:reduce){.d{animation:none}}
${theme === "dark" ? `a{${dark}}` : theme === "auto" ? `@media (prefers-color-scheme:dark){a{${dark}}}` : ""}
</style><div class="w" role="status" aria-live="polite"></div>`;
  const box = root.querySelector(".w") as HTMLElement;
  box.lang = locale;
  box.dir = words?.dir || "ltr";

  const link = (href: string, text: string, cls: string, color?: string) => {
    const a = document.createElement("a");
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener";
    a.className = cls;
    if (color) {
      const dot = document.createElement("span");
      dot.className = "d";
      dot.style.background = color;
      a.append(dot);
    }
    a.append(text);
    return a;
  };

  const render = (s: Status | null, source: string) => {
    box.textContent = "";
    host.dataset.source = source;
    if (!s) {
      box.append(link(live || mirror, say.unavailable, "p", "#6b7280"));
      return;
    }
    host.dataset.indicator = s.status.indicator;
    for (const i of s.incidents.slice(0, 2)) box.append(link(i.url, say.incident(i.name), "b", COLORS.major));
    box.append(link(s.page.url, say.status(s.status.description), "p", COLORS[s.status.indicator] ?? "#6b7280"));
  };

  const fromSummary = (j: {
    page: { name: string; url: string };
    status: Status["status"];
    incidents: { name: string; shortlink?: string; id: string }[];
  }): Status => ({
    page: j.page,
    status: j.status,
    incidents: j.incidents.map((i) => ({ name: i.name, url: i.shortlink || `${j.page.url}/incidents/${i.id}` })),
  });

  const viaMirror = () =>
    new Promise<Status | null>((resolve) => {
      if (!mirror) return resolve(null);
      const tag = document.createElement("script");
      const w = window as unknown as Record<string, unknown>;
      w[CALLBACK] = (s: Status) => resolve(s);
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
      render(fromSummary(await res.json()), "live");
    } catch {
      const s = await viaMirror();
      render(s, s ? "mirror" : "none");
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
