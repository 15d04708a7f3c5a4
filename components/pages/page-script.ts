// The public pages' only script (inlined, CSP-hashed). Pages are pre-built once per change for
// every visitor, so times are sent as absolute <time datetime> and made local here.
// The page's words (components/pages/script-words.ts) and language. Times are formatted in the
// visitor's own zone, and in their regional variant of the page's language when they have one
// (en-GB on an English page), else in the page's language.
type Words = { prefix: string; words: Record<string, string>; levels: string[]; status: Record<string, string> };
const DATA = JSON.parse(document.getElementById("outpost-words")?.textContent || "{}") as Partial<Words>;
const W: Record<string, string> = DATA.words ?? {};
const PREFIX = DATA.prefix ?? "";
const PAGE_LANG = document.documentElement.lang || "en";
const LANG = navigator.languages?.find((l) => l.split("-")[0] === PAGE_LANG) ?? PAGE_LANG;
const RTL = document.documentElement.dir === "rtl";

/** A message with `{name}` holes filled. */
function fill(text: string | undefined, values: Record<string, string> = {}): string {
  return (text ?? "").replace(/\{(\w+)\}/g, (hole, name: string) => values[name] ?? hole);
}

const rtf = new Intl.RelativeTimeFormat(LANG, { numeric: "auto" });
const absolute = new Intl.DateTimeFormat(LANG, {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
});

const timeOfDay = new Intl.DateTimeFormat(LANG, { hour: "numeric", minute: "2-digit", timeZoneName: "short" });

function relative(at: number, now: number): string {
  const seconds = Math.round((at - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, "second");
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), "hour");
  return rtf.format(Math.round(seconds / 86400), "day");
}

function localise(): void {
  const now = Date.now();
  document.querySelectorAll<HTMLTimeElement>("time[data-format]").forEach((el) => {
    const at = Date.parse(el.dateTime);
    if (Number.isNaN(at)) return;
    const full = absolute.format(at);
    if (el.dataset.format === "time") {
      el.textContent = timeOfDay.format(at);
      el.title = full;
    } else if (el.dataset.format === "relative") {
      el.textContent = relative(at, now);
      el.title = full;
    } else {
      el.textContent = full;
    }
  });
  document.querySelectorAll<HTMLElement>("[data-range]").forEach((el) => {
    const [from, to] = (el.dataset.range ?? "").split("/").map(Date.parse) as [number, number];
    if (!Number.isNaN(from) && !Number.isNaN(to) && to > from) el.textContent = absolute.formatRange(from, to);
  });
  // A promised update whose time has passed says so, the moment it passes (as staff see it).
  let nextDue = Infinity;
  document.querySelectorAll<HTMLElement>("[data-due]").forEach((el) => {
    const due = Date.parse(el.dataset.due ?? "");
    const overdue = !Number.isNaN(due) && due <= now;
    if (!overdue && due < nextDue) nextDue = due;
    el.querySelectorAll<HTMLElement>("[data-when]").forEach((part) => {
      part.hidden = (part.dataset.when === "overdue") !== overdue;
    });
  });
  clearTimeout(dueTimer);
  if (nextDue - now < 86_400_000) dueTimer = setTimeout(localise, nextDue - now + 50);
}
let dueTimer: ReturnType<typeof setTimeout> | undefined;

// ---- "Is it just me?": the visitor's browser tries the component itself ----------------------

const PROBE_TIMEOUT_MS = 6000;
const probed = new Map<string, { ok: boolean; at: number }>();

async function reachable(url: string): Promise<boolean> {
  const seen = probed.get(url);
  if (seen && Date.now() - seen.at < 60_000) return seen.ok;
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), PROBE_TIMEOUT_MS);
  let ok = false;
  try {
    // An opaque answer is enough: the browser reached the server.
    await fetch(url, { mode: "no-cors", cache: "no-store", credentials: "omit", signal: ctl.signal });
    ok = true;
  } catch {
    ok = false;
  } finally {
    clearTimeout(timer);
  }
  probed.set(url, { ok, at: Date.now() });
  return ok;
}

function verdict(outpostUp: boolean, browserOk: boolean): string {
  if (outpostUp && browserOk) return fill(W.bothFine);
  if (outpostUp) return fill(W.yourNetwork);
  if (!browserOk) return fill(W.notYou);
  return fill(W.someOnly);
}

function probeAll(): void {
  document.querySelectorAll<HTMLElement>("[data-probe-url]").forEach((el) => {
    const row = el.closest<HTMLElement>("[data-status]");
    const outpostUp = row?.dataset.status === "operational" || row?.dataset.status === "under_maintenance";
    el.hidden = false;
    el.textContent = fill(W.checking);
    void reachable(el.dataset.probeUrl!).then((ok) => {
      el.dataset.verdict = ok ? (outpostUp ? "both-fine" : "outpost-only") : outpostUp ? "your-network" : "not-you";
      el.textContent = verdict(outpostUp, ok);
    });
  });
}

// ---- "I am affected" without leaving the page ----------------------------------------------

function enhanceReports(): void {
  document.querySelectorAll<HTMLFormElement>("form[data-affected-form]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const button = form.querySelector("button");
      if (button) button.disabled = true;
      const say = (text: string) => {
        let note = form.querySelector<HTMLElement>("[data-affected-result]");
        if (!note) {
          note = document.createElement("span");
          note.dataset.affectedResult = "";
          note.setAttribute("role", "status");
          note.className = "ms-2";
          form.append(note);
        }
        note.textContent = text;
      };
      fetch(form.action, { method: "POST", headers: { accept: "application/json" }, credentials: "omit" })
        .then((r) => r.json() as Promise<{ text: string }>)
        .then((r) => say(r.text))
        .catch(() => say(fill(W.failed)));
    });
  });
}

// ---- The uptime bar: a day's detail on tap, hover or arrow keys --------------------------------

type UptimeDoc = {
  days: {
    date: string;
    level: number | null;
    uptime_percent: number | null;
    major_outage_seconds: number;
    partial_outage_seconds: number;
    degraded_seconds: number;
    maintenance_seconds: number;
    events: { status: string; started_at: string; ended_at: string | null }[];
    incidents: { id: string; name: string; status: string }[];
  }[];
};

const uptimeDocs = new Map<string, Promise<UptimeDoc>>();
const dayTitle = new Intl.DateTimeFormat(LANG, { dateStyle: "full", timeZone: "UTC" });
const percent = new Intl.NumberFormat(LANG, { style: "percent", maximumFractionDigits: 2 });

function uptimeDoc(id: string): Promise<UptimeDoc> {
  let doc = uptimeDocs.get(id);
  if (!doc) {
    doc = fetch(`/components/${encodeURIComponent(id)}/uptime.json`).then((r) => {
      if (!r.ok) throw new Error(String(r.status));
      return r.json() as Promise<UptimeDoc>;
    });
    doc.catch(() => uptimeDocs.delete(id));
    uptimeDocs.set(id, doc);
  }
  return doc;
}

function minutes(seconds: number): string {
  const unit = (n: number, u: string) =>
    new Intl.NumberFormat(LANG, { style: "unit", unit: u, unitDisplay: "short" }).format(n);
  const m = Math.max(1, Math.round(seconds / 60));
  if (m < 60) return unit(m, "minute");
  const parts = [unit(Math.floor(m / 60), "hour"), ...(m % 60 ? [unit(m % 60, "minute")] : [])];
  return new Intl.ListFormat(LANG, { type: "unit", style: "narrow" }).format(parts);
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function renderDay(panel: HTMLElement, id: string, day: UptimeDoc["days"][number]): void {
  const [y = 0, m = 1, d = 1] = day.date.split("-").map(Number);
  const box = el("div");
  box.append(el("p", dayTitle.format(Date.UTC(y, m - 1, d)), "font-semibold"));
  box.append(
    el(
      "p",
      day.uptime_percent === null
        ? fill(W.noData)
        : fill(W.dayUptime, {
            percent: percent.format(day.uptime_percent / 100),
            level: DATA.levels?.[day.level ?? 0] ?? "",
          }),
    ),
  );
  const list = el("ul", undefined, "mt-1 space-y-0.5");
  for (const e of day.events) {
    const from = timeOfDay.format(Date.parse(e.started_at));
    const to = e.ended_at ? timeOfDay.format(Date.parse(e.ended_at)) : fill(W.now);
    const seconds = ((e.ended_at ? Date.parse(e.ended_at) : Date.now()) - Date.parse(e.started_at)) / 1000;
    const status = DATA.status?.[e.status] ?? e.status;
    list.append(el("li", fill(W.event, { status, from, to, duration: minutes(seconds) })));
  }
  for (const i of day.incidents) {
    const li = el("li");
    const a = el("a", i.name, "text-blue-700 underline dark:text-blue-300");
    a.href = `${PREFIX}/incidents/${i.id}`;
    li.append(a);
    list.append(li);
  }
  if (list.childElementCount) box.append(list);
  const more = el("a", fill(W.openDay), "mt-1 inline-block text-blue-700 underline dark:text-blue-300");
  more.href = `${PREFIX}/history?component=${encodeURIComponent(id)}&day=${day.date}`;
  box.append(more);
  panel.replaceChildren(box);
  panel.hidden = false;
}

function enhanceUptime(): void {
  document.querySelectorAll<HTMLAnchorElement>("a[data-uptime]").forEach((bar) => {
    const id = bar.dataset.uptime!;
    const svg = bar.querySelector("svg");
    if (!svg) return;
    const count = svg.viewBox.baseVal.width;
    const panel = el(
      "div",
      undefined,
      "mt-2 rounded border border-gray-200 bg-white p-3 text-sm shadow-sm dark:border-gray-700 dark:bg-gray-900",
    );
    panel.hidden = true;
    panel.setAttribute("role", "status");
    panel.dataset.uptimeDetail = "";
    bar.parentElement?.append(panel);
    const mark = document.createElementNS("http://www.w3.org/2000/svg", "path");
    mark.setAttribute("class", "stroke-gray-900 dark:stroke-white");
    mark.style.opacity = "0.45";
    let selected = count - 1;
    const show = (i: number) => {
      selected = Math.min(count - 1, Math.max(0, i));
      mark.setAttribute("d", `M${selected} .5h1`);
      svg.append(mark);
      bar.dataset.selected = String(selected);
      uptimeDoc(id)
        .then((doc) => {
          const day = doc.days[selected];
          if (day) renderDay(panel, id, day);
        })
        .catch(() => {
          panel.textContent = fill(W.dayFailed);
          panel.hidden = false;
        });
    };
    // Right to left, the bar is mirrored: today is at the left end.
    const dayAt = (clientX: number) => {
      const box = svg.getBoundingClientRect();
      const at = Math.floor(((clientX - box.left) / box.width) * count);
      return RTL ? count - 1 - at : at;
    };
    bar.addEventListener("click", (event) => {
      event.preventDefault();
      // A click from the keyboard has no position: it opens the selected day (today at first).
      show(event.detail === 0 ? selected : dayAt(event.clientX));
    });
    bar.addEventListener("pointermove", (event) => {
      if (event.pointerType === "mouse") show(dayAt(event.clientX));
    });
    bar.addEventListener("keydown", (event) => {
      const back = RTL ? "ArrowRight" : "ArrowLeft";
      const step: Record<string, number> = {
        [back]: -1,
        [RTL ? "ArrowLeft" : "ArrowRight"]: 1,
        Home: -count,
        End: count,
      };
      if (event.key === "Escape") {
        panel.hidden = true;
        mark.remove();
      } else if (event.key in step) {
        event.preventDefault();
        show(selected + (step[event.key] ?? 0));
      }
    });
  });
}

// ---- Live updates: poll this page with its ETag, swap the content when it changed -----------

const POLL_MS = 5000;
const MAX_BACKOFF_MS = 5 * 60_000;
let etag: string | null = null;
let failures = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(): void {
  clearTimeout(timer);
  if (document.visibilityState === "hidden") return;
  // Full jitter on failure, ±20% otherwise, so many open pages never poll in step.
  const delay = failures
    ? Math.random() * Math.min(MAX_BACKOFF_MS, POLL_MS * 2 ** failures) + POLL_MS
    : POLL_MS * (0.8 + Math.random() * 0.4);
  timer = setTimeout(() => void poll(), delay);
}

/** The probe origins this page's CSP allows: those it was served with. */
const allowedOrigins = new Set(
  Array.from(document.querySelectorAll<HTMLElement>("[data-probe-url]"), (el) => originOf(el.dataset.probeUrl!)),
);

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "";
  }
}

function swap(html: string, onlyIfNewer: boolean): void {
  const next = new DOMParser().parseFromString(html, "text/html");
  const main = document.getElementById("main");
  const fresh = next.getElementById("main");
  if (!main || !fresh) return;
  if (onlyIfNewer && fresh.dataset.version === main.dataset.version) return;
  // A new browser probe needs the new page's CSP to reach its origin: load the page afresh.
  const probes = Array.from(fresh.querySelectorAll<HTMLElement>("[data-probe-url]"), (el) =>
    originOf(el.dataset.probeUrl!),
  );
  if (probes.some((o) => o && !allowedOrigins.has(o))) {
    location.reload();
    return;
  }
  // What the visitor opened or closed stays so (a group, an incident's earlier updates).
  const key = (d: HTMLDetailsElement, i: number) => d.id || d.querySelector("summary")?.textContent || String(i);
  const opened = new Map<string, boolean>();
  main.querySelectorAll("details").forEach((d, i) => opened.set(key(d, i), d.open));
  main.replaceWith(fresh);
  fresh.querySelectorAll("details").forEach((d, i) => {
    const open = opened.get(key(d, i));
    if (open !== undefined) d.open = open;
  });
  const footer = next.querySelector("footer");
  if (footer) document.querySelector("footer")?.replaceWith(footer);
  document.title = next.title;
  uptimeDocs.clear();
  enhance();
}

async function poll(): Promise<void> {
  try {
    const res = await fetch(location.pathname + location.search, {
      cache: "no-store",
      headers: etag ? { "if-none-match": etag } : {},
    });
    if (res.status === 200) {
      const tag = res.headers.get("etag");
      // The first answer is compared by data version: the page may have changed since it loaded.
      // A static host may send no ETag: then the data version decides.
      if (tag === null || tag !== etag) swap(await res.text(), etag === null || tag === null);
      etag = tag;
      failures = 0;
    } else if (res.status === 304) {
      failures = 0;
    } else {
      failures++;
    }
  } catch {
    failures++;
  }
  schedule();
}

// ---- The header's Subscribe menu: closes on Escape or a click elsewhere, like any menu ---------

function enhanceMenus(): void {
  const menus = () => document.querySelectorAll<HTMLDetailsElement>("details[data-subscribe-menu][open]");
  document.addEventListener("click", (event) =>
    menus().forEach((d) => !d.contains(event.target as Node) && (d.open = false)),
  );
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    menus().forEach((d) => {
      d.open = false;
      d.querySelector("summary")?.focus();
    });
  });
}

function enhance(): void {
  localise();
  probeAll();
  enhanceReports();
  enhanceUptime();
}

enhance();
enhanceMenus();
setInterval(localise, 30_000);
if (location.protocol !== "file:") {
  document.addEventListener("visibilitychange", () =>
    document.visibilityState === "visible" ? void poll() : clearTimeout(timer),
  );
  void poll();
}
