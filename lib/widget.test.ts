import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { seedDemo } from "@/db/seed";
import { SYSTEM_ACTOR } from "./audit";
import { translator } from "./i18n/messages";
import { LOCALES } from "./i18n/locales";
import { createIncident } from "./incidents";
import { buildSnapshot } from "./snapshot";
import { STATUSPAGE_DOCUMENTS } from "./statuspage";
import { must } from "./testing";
import {
  EMBED_HEIGHT_MESSAGE,
  embedFrameSnippet,
  embedScript,
  embedSnippet,
  scriptJson,
  statusScript,
  widgetStatus,
  widgetWords,
  WIDGET_CALLBACK,
} from "./widget";
import { lineText, shorten, statusKey, widgetFromSummary, widgetLines, type WidgetData } from "./widget-view";
import { DESCRIPTIONS } from "./status";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const HOUR = 3600_000;

function demo() {
  const db = testDatabase();
  seedDemo(db, { name: "Demo", timeZone: "Etc/UTC", now: NOW });
  return db;
}

const PAGE = { name: "Demo", url: "https://status.test" };
const OK = { indicator: "none", description: DESCRIPTIONS.none };
const notice = (id: string, impact: string, name = `Incident ${id}`) => ({
  id,
  name,
  impact,
  url: `https://status.test/incidents/${id}`,
});
const data = (over: Partial<WidgetData> = {}): WidgetData => ({
  page: PAGE,
  status: OK,
  incidents: [],
  maintenances: [],
  ...over,
});

describe("the widget's data", () => {
  it("carries each open incident's id and impact and each maintenance in progress, linking live or into the mirror", () => {
    const db = demo();
    const maintenance = createIncident(
      db,
      SYSTEM_ACTOR,
      {
        kind: "maintenance",
        name: "Router swap",
        status: "in_progress",
        body: "Swapping routers.",
        scheduledFor: NOW - HOUR,
        scheduledUntil: NOW + HOUR,
      },
      NOW,
    );
    const s = buildSnapshot(db, { publicUrl: "https://status.test", now: NOW });
    const open = must(s.incidents.unresolved[0], "an open incident");
    expect(widgetStatus(s, s.page.url)).toEqual({
      page: { name: "Demo", url: "https://status.test" },
      status: s.status,
      incidents: [
        { id: open.id, name: open.name, impact: open.impact, url: `https://status.test/incidents/${open.id}` },
      ],
      maintenances: [
        {
          id: maintenance.id,
          name: "Router swap",
          impact: "maintenance",
          url: `https://status.test/incidents/${maintenance.id}`,
        },
      ],
      generated_at: "2026-11-24T12:00:00.000Z",
    });
    const mirrored = widgetStatus(s, "https://mirror.test", true);
    expect(mirrored.page.url).toBe("https://mirror.test/index.html");
    expect(mirrored.incidents[0]?.url).toBe(`https://mirror.test/incidents/${open.id}/index.html`);
    expect(mirrored.maintenances[0]?.url).toBe(`https://mirror.test/incidents/${maintenance.id}/index.html`);

    // The live path reads summary.json (Statuspage's format, scheduled maintenances included):
    // it sees exactly what the mirror's status.js carries.
    const summary = JSON.parse(JSON.stringify(must(STATUSPAGE_DOCUMENTS["summary.json"], "summary")(s)));
    expect(summary.scheduled_maintenances.length).toBeGreaterThan(1); // the demo's scheduled one too
    const fromSnapshot: Partial<ReturnType<typeof widgetStatus>> = widgetStatus(s, s.page.url);
    delete fromSnapshot.generated_at;
    expect(widgetFromSummary(summary)).toEqual(fromSnapshot);
  });

  it("travels as a script calling the global callback, safe against closing the script early", () => {
    const script = statusScript({
      ...data({ page: { name: "</script><script>alert(1)</script>", url: "x" } }),
      generated_at: "t",
    });
    expect(script).not.toContain("</script>");
    let got: unknown;
    new Function("window", script)({ [WIDGET_CALLBACK]: (v: unknown) => (got = v) });
    expect(got).toMatchObject({ page: { name: "</script><script>alert(1)</script>" } });
    // Without a callback defined, loading it does nothing.
    expect(() => new Function("window", script)({})).not.toThrow();
    expect(scriptJson("\u2028")).toBe('"\\u2028"');
    // ASCII only, so a host serving it without a charset cannot garble a name.
    const names = "Vorfälle · 支払い 💳 حادث";
    expect(scriptJson(names)).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(scriptJson(names))).toBe(names);
  });

  it("fills the live and mirror URLs into the built widget, and the snippet loads it from a base", () => {
    const js = embedScript("console.log(__OUTPOST_LIVE__, __OUTPOST_MIRROR__)", "https://status.test", null);
    const seen: unknown[] = [];
    new Function("console", js)({ log: (...a: unknown[]) => seen.push(...a) });
    expect(seen).toEqual(["https://status.test", ""]);
    expect(embedSnippet('https://m.test/"x')).toBe(
      '<script src="https://m.test/&quot;x/embed.js" data-position="bottom-right" data-theme="auto" async></script>',
    );
  });
});

describe("what the widget shows", () => {
  it("shows nothing while all is operational, and the pill when the site asks for it", () => {
    expect(widgetLines(data())).toEqual([]);
    expect(widgetLines(data(), { always: true })).toEqual([
      { kind: "status", count: 1, text: DESCRIPTIONS.none, url: PAGE.url, tone: "ok", dismiss: [] },
    ]);
    // The demo's scheduled (not started) maintenance is not news either.
    const s = buildSnapshot(demo(), { publicUrl: "https://status.test", now: NOW });
    const quiet = { ...widgetStatus(s, s.page.url), incidents: [], status: OK };
    expect(s.maintenances.upcoming.length).toBe(1);
    expect(widgetLines(quiet)).toEqual([]);
  });

  it("shows one incident by name, linking to it, in its impact's tone", () => {
    const one = notice("a", "major", "Payouts delayed");
    const status = { indicator: "major", description: DESCRIPTIONS.major };
    expect(widgetLines(data({ status, incidents: [one] }))).toEqual([
      { kind: "incident", count: 1, text: "Payouts delayed", url: one.url, tone: "partial", dismiss: ["a"] },
    ]);
    for (const [impact, tone] of [
      ["none", "ok"],
      ["minor", "degraded"],
      ["major", "partial"],
      ["critical", "major"],
    ] as const)
      expect(widgetLines(data({ incidents: [notice("x", impact)] }))[0]?.tone).toBe(tone);
    // With data-show="always" the pill stays below it.
    expect(widgetLines(data({ status, incidents: [one] }), { always: true }).map((l) => l.kind)).toEqual([
      "incident",
      "status",
    ]);
  });

  it("collapses several incidents into one line to the page, named and coloured by the most severe", () => {
    const long = "Payouts delayed for customers in every region while the bank's gateway recovers";
    const lines = widgetLines(
      data({ incidents: [notice("a", "minor", "Slow search"), notice("b", "critical", long)] }),
    );
    expect(lines).toEqual([
      { kind: "incident", count: 2, text: shorten(long), url: PAGE.url, tone: "major", dismiss: ["b", "a"] },
    ]);
    expect(must(lines[0], "a line").text).toBe("Payouts delayed for customers in every…");
    expect(Array.from(shorten(long)).length).toBeLessThanOrEqual(40);
    expect(shorten("x".repeat(40))).toBe("x".repeat(40));
    expect(shorten("  short  ")).toBe("short");
  });

  it("hides dismissed incidents, shows a new one again, and shows maintenances in progress on their own line", () => {
    const dismissed = new Set(["a"]);
    const opts = { dismissed: (id: string) => dismissed.has(id) };
    expect(widgetLines(data({ incidents: [notice("a", "major")] }), opts)).toEqual([]);
    expect(widgetLines(data({ incidents: [notice("a", "major"), notice("b", "minor")] }), opts)).toEqual([
      {
        kind: "incident",
        count: 1,
        text: "Incident b",
        url: notice("b", "minor").url,
        tone: "degraded",
        dismiss: ["b"],
      },
    ]);
    const m = notice("m", "maintenance", "Router swap");
    const both = widgetLines(data({ incidents: [notice("b", "minor")], maintenances: [m] }), opts);
    expect(both.map((l) => [l.kind, l.tone, l.text])).toEqual([
      ["incident", "degraded", "Incident b"],
      ["maintenance", "maintenance", "Router swap"],
    ]);
  });

  it("shows a status without any incident (a monitor's outage) as a pill that can be dismissed", () => {
    const status = { indicator: "minor", description: DESCRIPTIONS.degraded };
    expect(widgetLines(data({ status }))).toEqual([
      {
        kind: "status",
        count: 1,
        text: DESCRIPTIONS.degraded,
        url: PAGE.url,
        tone: "degraded",
        dismiss: ["status:minor"],
      },
    ]);
    expect(widgetLines(data({ status }), { dismissed: (id) => id === statusKey("minor") })).toEqual([]);
    // Dismissing the incident does not leave its raised status behind as a pill.
    expect(widgetLines(data({ status, incidents: [notice("a", "minor")] }), { dismissed: (id) => id === "a" })).toEqual(
      [],
    );
  });
});

describe("the widget's words", () => {
  it("carries its words in each offered locale, keyed by the status description it is sent", () => {
    const s = buildSnapshot(demo(), { publicUrl: "https://status.test", now: NOW });
    const words = widgetWords({ ...s.page, locales: ["en", "de", "ar"] });
    expect(Object.keys(words.locales)).toEqual(["en", "de", "ar"]);
    expect(words.default).toBe("en");
    expect(words.locales.de?.status[DESCRIPTIONS.none]).toBe("Alle Systeme betriebsbereit");
    expect(words.locales.ar?.dir).toBe("rtl");
    expect(words.locales.de?.incident).toContain("{name}");
    expect(words.locales.en?.dismiss).toBe("Dismiss");
    const js = embedScript("console.log(__OUTPOST_WORDS__.locales.de.dismiss)", "https://status.test", null, words);
    const seen: unknown[] = [];
    new Function("console", js)({ log: (...a: unknown[]) => seen.push(...a) });
    expect(seen).toEqual(["Ausblenden"]);
  });

  it("says every line as the catalogue does, plurals by each language's rules", () => {
    const s = buildSnapshot(demo(), { publicUrl: "https://status.test", now: NOW });
    const words = widgetWords({ ...s.page, locales: LOCALES });
    const name = "Payouts $& {count} delayed";
    for (const locale of LOCALES) {
      const tr = translator(locale);
      const w = must(words.locales[locale], locale);
      const line = (kind: "incident" | "maintenance", count: number) =>
        lineText(w, locale, { kind, count, text: name, url: "", tone: "partial", dismiss: [] });
      expect(line("incident", 1)).toBe(tr.t("widget.incident", { name }));
      expect(line("maintenance", 1)).toBe(tr.t("widget.maintenance", { name }));
      for (const count of [2, 3, 5, 11, 21, 100, 101, 102, 1000]) {
        expect(line("incident", count), `${locale} ${count}`).toBe(tr.t("widget.incidents", { count, name }));
        expect(line("maintenance", count), `${locale} ${count}`).toBe(tr.t("widget.maintenances", { count, name }));
      }
      const pill = lineText(w, locale, {
        kind: "status",
        count: 1,
        text: DESCRIPTIONS.none,
        url: "",
        tone: "ok",
        dismiss: [],
      });
      expect(pill).toBe(tr.t("status.none"));
    }
    // Arabic's two is a form of its own, without the digit.
    expect(words.locales.ar?.incidents.two).not.toContain("{count}");
    expect(words.locales.en?.incidents).toEqual({ other: "{count} incidents · {name}" });
  });
});

describe("the iframe snippet", () => {
  it("frames /embed and sets the frame's height to what that frame posts from Outpost's origin", () => {
    const snippet = embedFrameSnippet("https://status.test/", 'A "title"');
    expect(snippet).toContain('<iframe src="https://status.test/embed" title="A &quot;title&quot;"');
    const script = must(/<script>(.*)<\/script>/.exec(snippet), "its script")[1]!;
    const frame = { contentWindow: {}, style: { height: "" } };
    const other = { contentWindow: {}, style: { height: "" } };
    let listener: (e: { origin: string; source: unknown; data: unknown }) => void = () => {};
    new Function("addEventListener", "document", script)(
      (type: string, fn: typeof listener) => type === "message" && (listener = fn),
      { querySelectorAll: (sel: string) => (sel === "iframe[data-outpost-embed]" ? [other, frame] : []) },
    );
    const post = (origin: string, source: unknown, message: unknown) => listener({ origin, source, data: message });
    const height = (h: unknown) => ({ type: EMBED_HEIGHT_MESSAGE, height: h });
    post("https://status.test", frame.contentWindow, height(87.2));
    expect([frame.style.height, other.style.height]).toEqual(["88px", ""]);
    // Another origin, another window, another message or a nonsense height change nothing.
    post("https://evil.test", frame.contentWindow, height(500));
    post("https://status.test", {}, height(500));
    post("https://status.test", frame.contentWindow, { type: "other", height: 500 });
    post("https://status.test", frame.contentWindow, height("lots"));
    post("https://status.test", frame.contentWindow, null);
    expect(frame.style.height).toBe("88px");
    post("https://status.test", frame.contentWindow, height(1e9));
    expect(frame.style.height).toBe("2000px");
  });
});
