// Localised public pages against servers of their own: one offering all six locales (en default),
// one offering en and de, and one offering German only (as its default). Routing and redirects,
// hreflang alternates, the language switcher, rendering without JavaScript in every locale (no
// English left over), right-to-left layout, screenshots, axe, and the script's relative times.
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { formatDateTime } from "../lib/i18n/format";
import { LOCALE_INFO, LOCALES, localePath, type Locale } from "../lib/i18n/locales";
import { must } from "../lib/testing";
import { expect, expectNoSeriousAxeViolations, test } from "./fixtures";
import { ROOT, startServer, type RunningServer } from "./support/server";

const SHOTS = "e2e/.artifacts";
fs.mkdirSync(SHOTS, { recursive: true });

/** The page's zone: not the server's (UTC), so the rendered zone names show which zone was used. */
const PAGE_ZONE = "Europe/Berlin";

const CATALOGUES = Object.fromEntries(
  LOCALES.map((l) => [l, JSON.parse(fs.readFileSync(path.join(ROOT, "messages", `${l}.json`), "utf8"))]),
) as Record<Locale, Record<string, string>>;
const EN = CATALOGUES.en;

/** A message of a locale (English when the catalogue lacks it, as the app falls back). */
function msg(locale: Locale, key: string): string {
  return must(CATALOGUES[locale][key] ?? EN[key], `the message ${key}`);
}

/**
 * English visitor phrases that must not show on a page in `locale`: catalogue values of three or
 * more words, without placeholders or tags, that the locale's catalogue does not share word for word.
 */
function englishPhrases(locale: Locale): string[] {
  return Object.entries(EN)
    .filter(([, value]) => !/[{<]/.test(value) && value.trim().split(/\s+/).length >= 3)
    .filter(([key, value]) => CATALOGUES[locale][key] !== value)
    .map(([, value]) => value);
}

let all: RunningServer; // en (default), de, fr, es, ja, ar
let narrow: RunningServer; // en (default), de
let single: RunningServer; // de only, as the default

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const common = { OUTPOST_DEMO: "1", OUTPOST_MONITORS: "0", OUTPOST_TIME_ZONE: PAGE_ZONE };
  [all, narrow, single] = await Promise.all([
    startServer({ ...common, OUTPOST_DEFAULT_LOCALE: "en", OUTPOST_LOCALES: "en,de,fr,es,ja,ar" }),
    startServer({ ...common, OUTPOST_LOCALES: "en,de" }),
    startServer({ ...common, OUTPOST_DEFAULT_LOCALE: "de", OUTPOST_LOCALES: "de" }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([all?.stop(), narrow?.stop(), single?.stop()]);
});

/** One answer, redirects not followed. */
async function answer(base: string, p: string) {
  const res = await fetch(`${base}${p}`, { redirect: "manual" });
  const body = await res.text();
  return { status: res.status, location: res.headers.get("location"), type: res.headers.get("content-type"), body };
}

/** The <html lang dir> of a document's markup. */
function htmlAttrs(body: string): { lang: string | null; dir: string | null } {
  const tag = body.match(/<html\b[^>]*>/i)?.[0] ?? "";
  return { lang: tag.match(/\slang="([^"]*)"/)?.[1] ?? null, dir: tag.match(/\sdir="([^"]*)"/)?.[1] ?? null };
}

/** A redirect's target as path and query, whether the Location is absolute or not. */
function target(base: string, location: string | null): string {
  const url = new URL(must(location, "a Location header"), base);
  expect(url.origin).toBe(new URL(base).origin);
  return `${url.pathname}${url.search}`;
}

async function expectRedirect(base: string, from: string, to: string, status = 301) {
  const res = await answer(base, from);
  expect(res.status, `${from} redirects`).toBe(status);
  expect(target(base, res.location), `${from} redirects to ${to}`).toBe(to);
}

async function expectPage(base: string, p: string, lang: Locale) {
  const res = await answer(base, p);
  expect(res.status, `${p} answers`).toBe(200);
  expect(res.type, `${p} is HTML`).toContain("text/html");
  expect(htmlAttrs(res.body), `${p}'s <html>`).toEqual({ lang, dir: LOCALE_INFO[lang].dir });
  return res;
}

/** A 404, never anything in the 5xx range, following at most a few redirects (e.g. Next's 308). */
async function expectNotFound(base: string, p: string) {
  let at = p;
  for (let hop = 0; ; hop++) {
    const res = await answer(base, at);
    expect(res.status, `${at} (from ${p}) is not a server error`).toBeLessThan(500);
    if (res.status === 301 || res.status === 308) {
      expect(hop, `${p} redirects only once or twice`).toBeLessThan(2);
      at = target(base, res.location);
      continue;
    }
    expect(res.status, `${p} is not found`).toBe(404);
    return res;
  }
}

async function incidentIds(base: string): Promise<string[]> {
  const doc = (await (await fetch(`${base}/api/v2/incidents.json`)).json()) as { incidents: { id: string }[] };
  return doc.incidents.map((i) => i.id);
}

/** The catalogue key of the overall status now (the JSON API has the English description). */
async function statusKey(base: string): Promise<string> {
  const summary = (await (await fetch(`${base}/api/v2/summary.json`)).json()) as { status: { description: string } };
  const key = Object.keys(EN).find((k) => k.startsWith("status.") && EN[k] === summary.status.description);
  return must(key, `a status message "${summary.status.description}"`);
}

async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

test("[i18n] routing: locale prefixes, redirects to the canonical address, 404 for unknown or unoffered locales", async () => {
  const base = all.url;
  const [id] = await incidentIds(base);
  const incident = must(id, "an incident of the demo page");

  await expectRedirect(base, "/de", "/de/");
  await expectRedirect(base, "/de?x=1", "/de/?x=1");
  await expectRedirect(base, "/en/", "/");
  await expectRedirect(base, "/en", "/");
  await expectRedirect(base, "/en/history?month=2026-11", "/history?month=2026-11");
  await expectRedirect(base, `/en/incidents/${incident}`, `/incidents/${incident}`);

  await expectPage(base, "/", "en");
  await expectPage(base, "/de/", "de");
  await expectPage(base, "/de/history", "de");
  await expectPage(base, "/de/infrastructure", "de");
  await expectPage(base, `/ja/incidents/${incident}`, "ja");
  await expectPage(base, "/ar/history", "ar");
  const components = (await (await fetch(`${base}/api/v2/components.json`)).json()) as { components: { id: string }[] };
  const component = must(components.components[0], "a component").id;
  await expectPage(base, `/de/history?component=${component}`, "de");

  // Unknown codes and missing incidents: not found, in the locale when the prefix is an offered one.
  await expectNotFound(base, "/xx/");
  await expectNotFound(base, "/xx/history");
  const missing = await expectNotFound(base, "/de/incidents/nope");
  expect(htmlAttrs(missing.body).lang).toBe("de");
  expect(missing.body).toContain(msg("de", "notFound.incident"));

  // Not localised: the API and the shields.io JSON. SVG badges and feeds are: their fixed words
  // and links (the feeds' element names stay).
  expect((await answer(base, "/api/v2/summary.json")).status).toBe(200);
  await expectNotFound(base, "/de/api/v2/summary.json");
  await expectNotFound(base, "/de/badge.json");
  const badge = await answer(base, "/de/badge.svg");
  expect(badge.status).toBe(200);
  expect(badge.body).toContain('aria-label="Status: ');
  expect((await answer(base, "/badge.svg")).body).toContain('aria-label="status: ');
  const feed = await answer(base, "/de/history.atom");
  expect(feed.status).toBe(200);
  expect(feed.body).toContain('xml:lang="de"');
  expect(feed.body).toMatch(/href="https?:\/\/[^"]+\/de\/incidents\//);
  expect(feed.body).not.toMatch(
    /<title>[^<]*\((Investigating|Identified|Monitoring|Resolved|Scheduled|Completed)\)<\/title>/,
  );

  // A known locale the page does not offer: a 404 page (HTML, in the default locale), never a 5xx.
  await expectPage(narrow.url, "/de/", "de");
  for (const p of [
    "/ja/",
    "/ja",
    "/ja/history",
    `/fr/incidents/${must((await incidentIds(narrow.url))[0], "an incident")}`,
  ]) {
    const res = await expectNotFound(narrow.url, p);
    expect(res.type, `${p} is an HTML page`).toContain("text/html");
    expect(htmlAttrs(res.body).lang, `${p} is in the default locale`).toBe("en");
    expect(res.body).toContain(msg("en", "notFound.locale"));
  }

  // German as the only locale and the default: "/" is German, "/de/" is the unprefixed address.
  await expectPage(single.url, "/", "de");
  await expectRedirect(single.url, "/de/", "/");
  await expectRedirect(single.url, "/de/history?month=2026-11", "/history?month=2026-11");
  const english = await expectNotFound(single.url, "/en/");
  expect(htmlAttrs(english.body).lang).toBe("de");
});

test("[i18n] hreflang: one absolute alternate per offered locale plus x-default, each the same page", async ({
  page,
}) => {
  const base = all.url;
  const incident = must((await incidentIds(base))[0], "an incident");
  for (const [at, same] of [
    ["/", "/"],
    ["/de/history", "/history"],
    [`/ja/incidents/${incident}`, `/incidents/${incident}`],
  ] as const) {
    await page.goto(`${base}${at}`);
    const links = await page
      .locator("link[rel=alternate][hreflang]")
      .evaluateAll((els) => els.map((e) => ({ lang: e.getAttribute("hreflang"), href: e.getAttribute("href") })));
    const expected = [
      ...LOCALES.map((l) => ({ lang: l, href: `${base}${localePath(same, l, "en")}` })),
      { lang: "x-default", href: `${base}${same}` },
    ];
    expect(links, `the alternates of ${at}`).toEqual(expected);
    // Each alternate is that page in that language.
    for (const l of LOCALES) await expectPage(base, localePath(same, l, "en"), l);
  }

  // Two locales offered: two alternates and x-default.
  await page.goto(`${narrow.url}/de/history`);
  expect(
    await page
      .locator("link[rel=alternate][hreflang]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("hreflang"))),
  ).toEqual(["en", "de", "x-default"]);

  // One locale offered: no alternates, no switcher, no header link to it.
  for (const p of ["/", "/history", `/incidents/${must((await incidentIds(single.url))[0], "an incident")}`]) {
    await page.goto(`${single.url}${p}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.locator("link[rel=alternate][hreflang]")).toHaveCount(0);
    await expect(page.locator("#languages")).toHaveCount(0);
    await expect(page.locator('a[href="#languages"]')).toHaveCount(0);
  }
});

test("[i18n] the language switcher: Deutsch from the English page, then 日本語 from the German history", async ({
  page,
}) => {
  const base = all.url;
  const key = await statusKey(base);
  await page.goto(`${base}/`);
  await expect(page.locator("section[data-indicator] [data-banner-status]")).toHaveText(msg("en", key));

  const switcher = page.getByRole("navigation", { name: msg("en", "doc.language") });
  await expect(switcher).toHaveAttribute("id", "languages");
  const names = await switcher
    .getByRole("link")
    .evaluateAll((els) =>
      els.map((e) => [
        e.textContent,
        e.getAttribute("lang"),
        e.getAttribute("hreflang"),
        e.getAttribute("aria-current"),
      ]),
    );
  expect(names).toEqual(LOCALES.map((l) => [LOCALE_INFO[l].name, l, l, l === "en" ? "page" : null]));
  expect(names.map(([name]) => name)).toEqual(["English", "Deutsch", "Français", "Español", "日本語", "العربية"]);
  // The header's way to the switcher.
  await expect(page.locator("header").getByRole("link", { name: msg("en", "doc.language") })).toHaveAttribute(
    "href",
    "#languages",
  );

  await switcher.getByRole("link", { name: "Deutsch" }).click();
  await expect(page).toHaveURL(`${base}/de/`);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(
    page.getByRole("region", { name: msg("de", "status.overall") }).locator("[data-banner-status]"),
  ).toHaveText(msg("de", key));
  const germanSwitcher = page.getByRole("navigation", { name: msg("de", "doc.language") });
  await expect(germanSwitcher.locator('a[aria-current="page"]')).toHaveText("Deutsch");
  await expect(page.locator("header").getByRole("link", { name: msg("de", "doc.language") })).toContainText("Deutsch");
  // Internal links keep the prefix.
  const incidentLinks = await page
    .locator('main a[href*="/incidents/"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute("href")));
  expect(incidentLinks.length).toBeGreaterThan(0);
  for (const href of incidentLinks) expect(href).toMatch(/^\/de\/incidents\/[A-Za-z0-9_-]+$/);
  const history = page.getByRole("navigation", { name: msg("de", "doc.nav") }).getByRole("link", {
    name: msg("de", "doc.history"),
  });
  await expect(history).toHaveAttribute("href", "/de/history");
  await history.click();
  await expect(page).toHaveURL(`${base}/de/history`);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");

  await germanSwitcher.getByRole("link", { name: "日本語" }).click();
  await expect(page).toHaveURL(`${base}/ja/history`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.locator('#languages a[aria-current="page"]')).toHaveText("日本語");
  await expect(page.locator("#languages").getByRole("link", { name: "English" })).toHaveAttribute("href", "/history");
});

test("[i18n] without JavaScript every locale renders its own words, direction and times", async ({ browser }) => {
  const base = all.url;
  const key = await statusKey(base);
  const page = await newPage(browser, { javaScriptEnabled: false });
  let english: { at: string; text: string } | null = null;
  for (const locale of LOCALES) {
    await page.goto(`${base}${localePath("/", locale, "en")}`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.locator("html")).toHaveAttribute("dir", LOCALE_INFO[locale].dir);
    await expect(page.locator("section[data-indicator] [data-banner-status]"), `${locale}'s banner`).toHaveText(
      msg(locale, key),
    );

    // The first time: the page's zone, in the page's locale, with the zone's name.
    const time = page.locator("main time[datetime]").first();
    const at = must(await time.getAttribute("datetime"), "the time's datetime");
    const text = (await time.textContent())?.trim() ?? "";
    const zoneName = new Intl.DateTimeFormat(locale, { timeZone: PAGE_ZONE, timeZoneName: "short" })
      .formatToParts(Date.parse(at))
      .find((p) => p.type === "timeZoneName")?.value;
    expect(text, `${locale}'s first time`).not.toBe("");
    expect(text, `${locale}'s first time names the zone`).toContain(must(zoneName, "the zone's name"));
    expect(text, `${locale}'s first time`).toBe(formatDateTime(Date.parse(at), PAGE_ZONE, locale));
    if (locale === "en") english = { at, text };
    else if (english?.at === at) expect(text, `${locale}'s time is not in English`).not.toBe(english.text);

    // The script's words are the locale's too.
    const words = JSON.parse(must(await page.locator("script#outpost-words").textContent(), "the words")) as {
      prefix: string;
      words: Record<string, string>;
      levels: string[];
      status: Record<string, string>;
    };
    expect(words.prefix).toBe(locale === "en" ? "" : `/${locale}`);
    expect(words.status.operational).toBe(msg(locale, "component.operational"));
    expect(words.levels).toEqual(
      ["level0", "level1", "level2", "level3", "level4", "levelNone"].map((k) => msg(locale, `uptime.${k}`)),
    );
    if (locale === "en") continue;

    // No English left: the visible text (every <details> opened) and labels, staff-written content aside.
    const shown = await page.evaluate(() => {
      for (const d of document.querySelectorAll("details")) d.open = true;
      const staff = [
        ".prose-update",
        "h1",
        'h3[id^="incident-"]',
        'a[href*="/incidents/"]',
        "[data-component] h4",
        "[data-component] > p",
        "details > summary h3",
      ];
      for (const el of document.querySelectorAll(staff.join(","))) el.remove();
      const labels = [...document.querySelectorAll("[aria-label],[title],[placeholder],[alt]")].flatMap((el) =>
        ["aria-label", "title", "placeholder", "alt"].map((a) => el.getAttribute(a) ?? ""),
      );
      return { text: document.body.innerText, labels };
    });
    const scriptWords = [...Object.values(words.words), ...words.levels, ...Object.values(words.status)];
    const leftOver = englishPhrases(locale).flatMap((phrase) => [
      ...(shown.text.includes(phrase) ? [`text: ${phrase}`] : []),
      ...(shown.labels.some((l) => l.includes(phrase)) ? [`label: ${phrase}`] : []),
      ...(scriptWords.includes(phrase) ? [`script words: ${phrase}`] : []),
    ]);
    expect(leftOver, `English phrases on the ${locale} page`).toEqual([]);
  }
  await page.context().close();
});

test("[i18n] Arabic is laid out right to left, and narrow screens do not scroll sideways", async ({ browser }) => {
  const base = all.url;
  const wide = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await wide.goto(`${base}/ar/`);
  await expect(wide.locator("html")).toHaveAttribute("dir", "rtl");
  const banner = wide.locator("section[data-indicator]");
  const icon = must(await banner.locator("svg").first().boundingBox(), "the banner icon's box");
  const heading = must(await banner.locator("h2").boundingBox(), "the banner heading's box");
  expect(icon.x, "the icon stands right of the heading").toBeGreaterThan(heading.x);
  expect(icon.x, "the icon starts where the heading ends").toBeGreaterThanOrEqual(heading.x + heading.width - 1);
  // The switcher's other languages keep their own direction.
  await expect(wide.locator('#languages a[lang="en"]')).toHaveAttribute("dir", "ltr");
  await expect(wide.locator('#languages a[lang="ar"]')).toHaveAttribute("dir", "rtl");
  await wide.context().close();

  const phone = await newPage(browser, { viewport: { width: 360, height: 800 } });
  for (const p of ["/ar/", "/ja/", "/de/", "/ar/history"]) {
    await phone.goto(`${base}${p}`);
    const width = await phone.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
    }));
    expect(width.scroll, `${p} at 360 px: the document's scroll width`).toBeLessThanOrEqual(360);
    expect(width.body, `${p} at 360 px: the body's scroll width`).toBeLessThanOrEqual(360);
  }
  await phone.context().close();
});

test("[i18n] screenshots of the Japanese and Arabic pages, phone light and desktop dark", async ({ browser }) => {
  test.setTimeout(90_000);
  const shots = [
    { viewport: { width: 360, height: 800 }, colorScheme: "light" },
    { viewport: { width: 1280, height: 900 }, colorScheme: "dark" },
  ] as const;
  for (const { viewport, colorScheme } of shots) {
    const page = await newPage(browser, { viewport, colorScheme });
    for (const locale of ["ja", "ar"] as const) {
      await page.goto(`${all.url}/${locale}/`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      const file = `${SHOTS}/i18n-${locale}-${viewport.width}-${colorScheme}.png`;
      await page.screenshot({ path: file, fullPage: true });
      expect(fs.statSync(file).size).toBeGreaterThan(1000);
    }
    await page.context().close();
  }
});

test("[i18n] accessibility: no serious axe violations on the Arabic and German pages", async ({ page }) => {
  test.setTimeout(60_000);
  for (const p of ["/ar/", "/de/", "/ar/history"]) {
    await page.goto(`${all.url}${p}`);
    await expectNoSeriousAxeViolations(page);
  }
});

test("[i18n] with JavaScript, times are rewritten in the page's language and the visitor's zone", async ({
  browser,
}) => {
  const base = all.url;
  const updated = (locale: Locale) => msg(locale, "page.updated").split("{time}")[0]!.trim();
  const page = await newPage(browser, { locale: "en-US", timezoneId: "Asia/Tokyo" });
  const expectations: [Locale, RegExp][] = [
    ["de", /vor|gerade|jetzt|gestern|Sekunden?|Minuten?|Stunden?|Tagen?/],
    ["ja", /前|今|秒|分|時間|日/],
    ["ar", /قبل|الآن|أمس|ثانية|دقيقة|دقائق|ساعة|يوم/],
  ];
  for (const [locale, words] of expectations) {
    await page.goto(`${base}/${locale}/`);
    const time = page
      .locator("main p", { hasText: updated(locale) })
      .locator("time")
      .first();
    await expect(time, `${locale}: "page updated" is relative, in the page's language`).toHaveText(words);
    await expect(time, `${locale}: not English`).not.toHaveText(/\b(ago|now|minutes?|hours?|seconds?)\b/i);
    // Its title is the absolute time, in the visitor's zone (Tokyo), not the page's (Berlin).
    const title = must(await time.getAttribute("title"), "the relative time's title");
    const at = Date.parse(must(await time.getAttribute("datetime"), "the time's datetime"));
    const expected = await page.evaluate(
      ([lang, when]) =>
        new Intl.DateTimeFormat(lang, {
          year: "numeric",
          month: "short",
          day: "numeric",
          hour: "numeric",
          minute: "2-digit",
          timeZoneName: "short",
        }).format(when),
      [locale, at] as const,
    );
    expect(title, `${locale}: the absolute time in the visitor's zone`).toBe(expected);
  }
  await page.context().close();
});

test("[i18n] every link on a localised page answers", async () => {
  const base = all.url;
  const incident = must((await incidentIds(base))[0], "an incident");
  const pages: [string, Locale][] = [
    ["/de/", "de"],
    ["/de/history", "de"],
    [`/ja/incidents/${incident}`, "ja"],
    ["/ar/infrastructure", "ar"],
  ];
  const broken: string[] = [];
  const seen = new Map<string, number>();
  for (const [p, locale] of pages) {
    const res = await expectPage(base, p, locale);
    const hrefs = [...res.body.matchAll(/\shref="([^"#][^"]*)"/g)]
      .map((m) => m[1]!.replace(/&amp;/g, "&"))
      .filter((h) => !h.startsWith("data:") && (h.startsWith("/") || h.startsWith(base)));
    for (const href of new Set(hrefs)) {
      if (!seen.has(href)) seen.set(href, (await fetch(new URL(href, base), { redirect: "manual" })).status);
      const status = seen.get(href)!;
      if (status >= 400) broken.push(`${p}: ${href} → ${status}`);
    }
  }
  expect(seen.size).toBeGreaterThan(10);
  expect(broken, "links on localised pages that do not answer").toEqual([]);
});
