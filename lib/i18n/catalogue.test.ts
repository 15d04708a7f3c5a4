import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { CATALOGUES, translator, type MessageKey } from "./messages";

/** The placeholders and tags a message uses: a translation must use exactly English's. */
function names(ast: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of ast) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      out.add(`<${el.value}>`);
      names(el.children, out);
      continue;
    }
    out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) names(option.value, out);
  }
  return out;
}

const english = CATALOGUES.en;

/** The staff area's words (lib/i18n/staff.ts): a locale may leave them out until they are translated. */
const optional = (key: string) => key.startsWith("staff.");

describe("message catalogues", () => {
  for (const locale of LOCALES) {
    describe(locale, () => {
      const catalogue = CATALOGUES[locale];
      it("has every key English has (staff. keys may be left out), and no other", () => {
        const wanted = Object.keys(english).filter((key) => !optional(key) || key in catalogue);
        expect(Object.keys(catalogue).sort()).toEqual(wanted.sort());
      });
      it("parses every message, with English's placeholders and tags", () => {
        const problems: string[] = [];
        for (const [key, source] of Object.entries(english)) {
          const message = catalogue[key];
          if (message === undefined) continue;
          try {
            new IntlMessageFormat(message, locale);
            const want = [...names(parse(source))].sort().join(" ");
            const got = [...names(parse(message))].sort().join(" ");
            if (want !== got) problems.push(`${key}: uses "${got}", English "${want}"`);
          } catch (err) {
            problems.push(`${key}: ${(err as Error).message}`);
          }
        }
        expect(problems).toEqual([]);
      });
      if (locale !== "en")
        it("is translated (at most a few words are the same as English)", () => {
          // The words of a message: its placeholders' names are not words.
          const words = (k: string) =>
            english[k]!.replace(/\{[^{}]*\}/g, " ")
              .trim()
              .split(/\s+/);
          const same = Object.keys(english).filter((k) => catalogue[k] === english[k]);
          // Names of formats and units stay (RSS, JSON API, ms), and the "Powered by" line may; sentences do not.
          const sentences = same.filter(
            (k) => k !== "doc.poweredBy" && words(k).filter((w) => /[a-z]{2,}/.test(w)).length > 2,
          );
          expect(sentences).toEqual([]);
        });
    });
  }
});

describe("translator", () => {
  it("formats plurals by the locale's rules", () => {
    expect(translator("en").t("component.reports", { count: 1 })).toMatch(/^1 person /);
    expect(translator("en").t("component.reports", { count: 3 })).toMatch(/^3 people /);
    const ar = translator("ar");
    // Arabic has six plural forms; two is its own.
    expect(ar.t("component.reports", { count: 2 })).not.toEqual(ar.t("component.reports", { count: 3 }));
  });

  it("falls back to English for a staff. key a locale leaves out", () => {
    const plain = Object.keys(english).filter(
      (key) => optional(key) && !(key in CATALOGUES.de) && names(parse(english[key]!)).size === 0,
    );
    for (const key of plain) expect(translator("de").t(key as MessageKey)).toBe(english[key]);
  });

  it("formats times with their zone, days, numbers and durations per locale", () => {
    const at = Date.UTC(2026, 10, 24, 14, 5);
    expect(translator("en").dateTime(at, "Etc/UTC")).toBe("Nov 24, 2026, 14:05 UTC");
    expect(translator("de").dateTime(at, "Europe/Berlin")).toBe("24. Nov. 2026, 15:05 MEZ");
    expect(translator("ja").day("2026-11-24")).toBe("2026年11月24日");
    expect(translator("de").percent(99.95)).toMatch(/^99,95\s%$/u);
    expect(translator("fr").duration(125 * 60_000)).toMatch(/^2\sh 5\smin$/u);
  });

  it("writes addresses in its locale, the default one without a prefix", () => {
    expect(translator("de", "en").href("/history")).toBe("/de/history");
    expect(translator("de", "en").href("/")).toBe("/de/");
    expect(translator("de", "de").href("/incidents/x")).toBe("/incidents/x");
    expect(translator("en", "de").href("/")).toBe("/en/");
  });

  it("keeps tags of rich messages as parts", () => {
    const parts = translator("en").rich<string>(
      "page.feeds",
      {},
      { rss: (c) => `[${c.join("")}]`, atom: (c) => `{${c.join("")}}` },
    );
    expect(parts.join("")).toBe("Or follow the [RSS] or {Atom} feed.");
  });
});
