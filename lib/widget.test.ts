import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { seedDemo } from "@/db/seed";
import { buildSnapshot } from "./snapshot";
import { must } from "./testing";
import {
  embedScript,
  embedSnippet,
  scriptJson,
  statusScript,
  widgetStatus,
  widgetWords,
  WIDGET_CALLBACK,
} from "./widget";
import { DESCRIPTIONS } from "./status";

const NOW = Date.parse("2026-11-24T12:00:00Z");

describe("the widget's data", () => {
  it("links to the live page, or into the mirror for the mirror's copy", () => {
    const db = testDatabase();
    seedDemo(db, { name: "Demo", timeZone: "Etc/UTC", now: NOW });
    const s = buildSnapshot(db, { publicUrl: "https://status.test", now: NOW });
    const open = must(s.incidents.unresolved[0], "an open incident");
    expect(widgetStatus(s, s.page.url)).toEqual({
      page: { name: "Demo", url: "https://status.test" },
      status: s.status,
      incidents: [{ name: open.name, url: `https://status.test/incidents/${open.id}` }],
      generated_at: "2026-11-24T12:00:00.000Z",
    });
    const mirrored = widgetStatus(s, "https://mirror.test", true);
    expect(mirrored.page.url).toBe("https://mirror.test/index.html");
    expect(mirrored.incidents[0]?.url).toBe(`https://mirror.test/incidents/${open.id}/index.html`);
  });

  it("travels as a script calling the global callback, safe against closing the script early", () => {
    const script = statusScript({
      page: { name: "</script><script>alert(1)</script>", url: "x" },
      status: { indicator: "none", description: "ok" },
      incidents: [],
      generated_at: "t",
    });
    expect(script).not.toContain("</script>");
    let got: unknown;
    new Function("window", script)({ [WIDGET_CALLBACK]: (v: unknown) => (got = v) });
    expect(got).toMatchObject({ page: { name: "</script><script>alert(1)</script>" } });
    // Without a callback defined, loading it does nothing.
    expect(() => new Function("window", script)({})).not.toThrow();
    expect(scriptJson("\u2028")).toBe('"\\u2028"');
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

  it("carries its words in each offered locale, keyed by the status description it is sent", () => {
    const db = testDatabase();
    seedDemo(db, { name: "Demo", timeZone: "Etc/UTC", now: NOW });
    const s = buildSnapshot(db, { publicUrl: "https://status.test", now: NOW });
    const words = widgetWords({ ...s.page, locales: ["en", "de", "ar"] });
    expect(Object.keys(words.locales)).toEqual(["en", "de", "ar"]);
    expect(words.default).toBe("en");
    expect(words.locales.de?.status[DESCRIPTIONS.none]).toBe("Alle Systeme betriebsbereit");
    expect(words.locales.ar?.dir).toBe("rtl");
    expect(words.locales.de?.incident).toContain("{name}");
    const js = embedScript("console.log(__OUTPOST_WORDS__.locales.de.unavailable)", "https://status.test", null, words);
    const seen: unknown[] = [];
    new Function("console", js)({ log: (...a: unknown[]) => seen.push(...a) });
    expect(seen).toEqual([words.locales.de?.unavailable]);
  });
});
