// The widget and the /embed iframe on someone else's site (a page served from 127.0.0.1), in a real
// Chromium, on a desktop and a 360 px phone. The spec runs its own Outpost without demo data (an
// all-operational page: the shared server has an open incident) and opens and resolves incidents
// through the admin API, resolving every one it opened.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { contrast, IMPACT_TONE, TONE_HEX } from "../lib/palette";
import { embedFrameSnippet } from "../lib/widget";
import { expect, test } from "./fixtures";
import { freePort, startServer, type RunningServer } from "./support/server";
import { startStatic, type StaticServer } from "./support/static";

const SHOTS = "e2e/.artifacts";
fs.mkdirSync(SHOTS, { recursive: true });

const TOKEN = "widget-e2e-token-0123456789abcdef";
const AUTH = { Authorization: `OAuth ${TOKEN}` };

let live: RunningServer;
let site: StaticServer;
let api: APIRequestContext;
let pageId: string;

/** Someone else's page, light or dark as the reader's system says, with the snippet in it. */
const hostPage = (snippet: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><title>Acme docs</title>
<style>body{font:16px/1.6 Georgia,serif;margin:2rem auto;padding:0 1rem;max-width:40rem;color:#1f2937}
@media (prefers-color-scheme:dark){body{background:#0b1120;color:#e5e7eb}}</style></head>
<body><h1>Getting paid with Acme</h1><p>Payouts reach your bank two working days after a sale. Read on for fees, currencies and what to do when a payout is late.</p>
<p>Every sale shows in your dashboard within a minute.</p>${snippet}</body></html>`;

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(90_000);
  live = await startServer({ OUTPOST_DEMO: "0", OUTPOST_API_TOKEN: TOKEN, OUTPOST_WORKERS: "0" });
  const closed = `http://127.0.0.1:${await freePort()}`;
  const script = (attrs = "") => `<script src="${live.url}/embed.js" ${attrs} async></script>`;
  site = await startStatic({
    pages: {
      "/": hostPage(script()),
      "/always": hostPage(script('data-show="always"')),
      "/unreachable": hostPage(script(`data-live="${closed}" data-mirror="${closed}" data-show="always"`)),
      "/frame": hostPage(embedFrameSnippet(live.url)),
    },
  });
  api = await playwright.request.newContext({ baseURL: live.url });
  pageId = (await (await api.get("/api/v2/summary.json")).json()).page.id;
});

test.afterAll(async () => {
  await api?.dispose();
  await site?.stop();
  await live?.stop();
});

type Opened = { id: string; name: string; shortlink: string };

async function openIncident(name: string, impact: string): Promise<Opened> {
  const res = await api.post(`/api/v1/pages/${pageId}/incidents`, {
    headers: AUTH,
    data: { incident: { name, status: "investigating", impact_override: impact, body: "Looking into it." } },
  });
  expect(res.status()).toBe(201);
  return res.json();
}

async function resolve(...incidents: (Opened | undefined)[]) {
  for (const i of incidents) {
    if (!i) continue;
    const res = await api.patch(`/api/v1/pages/${pageId}/incidents/${i.id}`, {
      headers: AUTH,
      data: { incident: { status: "resolved", body: "Resolved." } },
    });
    expect(res.status()).toBe(200);
  }
  const open = (await (await api.get("/api/v2/summary.json")).json()).incidents;
  expect(open).toEqual([]);
}

/** The widget on the page, once it has read a source. */
async function widgetOf(page: Page, source = "live"): Promise<Locator> {
  const widget = page.locator("[data-outpost-widget]");
  await expect(widget).toHaveAttribute("data-source", source);
  return widget;
}

const rgb = (css: string) =>
  `#${(css.match(/\d+/g) ?? [])
    .slice(0, 3)
    .map((n) => Number(n).toString(16).padStart(2, "0"))
    .join("")}`;

/** A line's colours: its dot and start border, and its words on its own background. */
function colours(line: Locator) {
  return line.evaluate((row) => {
    const s = (el: Element) => getComputedStyle(el);
    return {
      dot: s(row.querySelector(".d")!).backgroundColor,
      border: s(row).borderInlineStartColor,
      text: s(row.querySelector(".t")!).color,
      background: s(row).backgroundColor,
    };
  });
}

const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 720 } },
  { name: "phone", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
] as const;

for (const { name: device, ...use } of VIEWPORTS) {
  test.describe(device, () => {
    test.use({ ...use, reducedMotion: "reduce" });

    test(`[widget] shows nothing while all is operational; data-show="always" keeps the pill (${device})`, async ({
      page,
    }) => {
      await page.goto(`${site.url}/`);
      const widget = await widgetOf(page);
      await expect(widget).toHaveAttribute("data-indicator", "none");
      await expect(widget).toHaveAttribute("data-lines", "0");
      await expect(widget.locator(".w")).toBeHidden();
      await expect(widget.getByRole("link")).toHaveCount(0);

      await page.goto(`${site.url}/always`);
      const pill = (await widgetOf(page)).getByRole("link", { name: "All Systems Operational" });
      await expect(pill).toBeVisible();
      await expect(pill).toHaveAttribute("href", live.url);
      // The site asked for it: it cannot be dismissed.
      await expect(page.locator("[data-outpost-widget]").getByRole("button")).toHaveCount(0);
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        await page.screenshot({ path: path.join(SHOTS, `widget-${device}-${colorScheme}-always.png`) });
      }
    });

    test(`[widget] an incident shows in its impact's colour; a dismissal lasts the tab's session, a new incident shows again (${device})`, async ({
      page,
    }) => {
      let first: Opened | undefined;
      let second: Opened | undefined;
      try {
        first = await openIncident("Payouts delayed", "major");
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(`${site.url}/`);
        const widget = await widgetOf(page);
        const link = widget.getByRole("link", { name: "Incident: Payouts delayed" });
        await expect(link).toBeVisible();
        await expect(link).toHaveAttribute("href", first.shortlink);
        await expect(widget).toHaveAttribute("data-lines", "1");

        // The impact's tone from the palette, the words readable on the line in light and dark.
        const line = widget.locator('[data-kind="incident"]');
        const tone = TONE_HEX[IMPACT_TONE.major];
        for (const colorScheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme });
          const c = await colours(line);
          expect([rgb(c.dot), rgb(c.border)]).toEqual([tone, tone]);
          expect(contrast(rgb(c.text), rgb(c.background))).toBeGreaterThanOrEqual(4.5);
          await page.screenshot({ path: path.join(SHOTS, `widget-${device}-${colorScheme}-incident.png`) });
        }
        // Within the viewport, with room to spare, on a phone too.
        const box = (await line.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(use.viewport.width);

        const close = widget.getByRole("button", { name: "Dismiss" });
        const target = (await close.boundingBox())!;
        expect(Math.min(target.width, target.height)).toBeGreaterThanOrEqual(24);
        await close.click();
        await expect(link).toBeHidden();
        await expect(widget).toHaveAttribute("data-lines", "0");
        expect(await page.evaluate((id) => sessionStorage.getItem(`outpost-dismissed:${id}`), first.id)).toBe("1");

        // Still dismissed after a reload in this tab.
        await page.reload();
        await expect(await widgetOf(page)).toHaveAttribute("data-lines", "0");
        await expect(link).toBeHidden();

        // A new incident is news again; the dismissed one stays hidden.
        second = await openIncident("Card payments failing", "critical");
        await page.reload();
        await widgetOf(page);
        const news = widget.getByRole("link", { name: "Incident: Card payments failing" });
        await expect(news).toBeVisible();
        await expect(widget).toHaveAttribute("data-lines", "1");
        expect(rgb((await colours(widget.locator('[data-kind="incident"]'))).dot)).toBe(TONE_HEX[IMPACT_TONE.critical]);

        // Another tab (a new session) sees both, collapsed.
        const other = await page.context().newPage();
        await other.goto(`${site.url}/`);
        await expect((await widgetOf(other)).getByRole("link", { name: /^2 incidents · / })).toBeVisible();
        await other.close();
        expect(errors).toEqual([]);
      } finally {
        await resolve(first, second);
      }
    });

    test(`[widget] several open incidents collapse into one line to the page (${device})`, async ({ page }) => {
      const opened: Opened[] = [];
      try {
        opened.push(await openIncident("Search is slow", "minor"));
        opened.push(
          await openIncident("Payouts delayed for customers in every region while the bank gateway recovers", "major"),
        );
        await page.goto(`${site.url}/`);
        const widget = await widgetOf(page);
        await expect(widget).toHaveAttribute("data-lines", "1");
        const link = widget.getByRole("link");
        await expect(link).toHaveCount(1);
        // The most severe names the line and gives its colour; the name is cut short.
        await expect(link).toHaveText("2 incidents · Payouts delayed for customers in every…");
        await expect(link).toHaveAttribute("href", live.url);
        expect(rgb((await colours(widget.locator('[data-kind="incident"]'))).dot)).toBe(TONE_HEX[IMPACT_TONE.major]);
        const box = (await widget.locator('[data-kind="incident"]').boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(use.viewport.width);
        for (const colorScheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme });
          await page.screenshot({ path: path.join(SHOTS, `widget-${device}-${colorScheme}-collapsed.png`) });
        }
        // One dismissal hides them all.
        await widget.getByRole("button", { name: "Dismiss" }).click();
        await expect(widget).toHaveAttribute("data-lines", "0");
        await page.reload();
        await expect(await widgetOf(page)).toHaveAttribute("data-lines", "0");
      } finally {
        await resolve(...opened);
      }
    });

    test(`[widget] blocked storage does not break it: a dismissal then lasts the page view (${device})`, async ({
      page,
    }) => {
      let incident: Opened | undefined;
      try {
        incident = await openIncident("Login emails slow", "minor");
        await page.addInitScript(() =>
          Object.defineProperty(window, "sessionStorage", {
            get() {
              throw new DOMException("The operation is insecure.", "SecurityError");
            },
          }),
        );
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(`${site.url}/`);
        const widget = await widgetOf(page);
        const link = widget.getByRole("link", { name: "Incident: Login emails slow" });
        await expect(link).toBeVisible();
        expect(rgb((await colours(widget.locator('[data-kind="incident"]'))).dot)).toBe(TONE_HEX[IMPACT_TONE.minor]);
        await widget.getByRole("button", { name: "Dismiss" }).click();
        await expect(link).toBeHidden();
        // Nothing could be stored: a reload shows it again, without an error.
        await page.reload();
        await expect((await widgetOf(page)).getByRole("link", { name: "Incident: Login emails slow" })).toBeVisible();
        expect(errors).toEqual([]);
      } finally {
        await resolve(incident);
      }
    });

    test(`[widget] shows nothing at all when neither the live page nor the mirror answers (${device})`, async ({
      page,
    }) => {
      await page.goto(`${site.url}/unreachable`);
      // data-show="always" too: there is no status to show, and "unavailable" would only worry.
      const widget = await widgetOf(page, "none");
      await expect(widget).toHaveAttribute("data-lines", "0");
      await expect(widget.locator(".w")).toBeHidden();
      await expect(widget.getByRole("link")).toHaveCount(0);
      await expect(page.getByRole("status")).toHaveCount(0);
    });

    test(`[widget] the /embed iframe takes the height of its content, as it grows (${device})`, async ({ page }) => {
      let incident: Opened | undefined;
      try {
        const errors: string[] = [];
        page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
        await page.goto(`${site.url}/frame`);
        const iframe = page.locator("iframe[data-outpost-embed]");
        const inner = page.frameLocator("iframe[data-outpost-embed]");
        await expect(inner.getByRole("link", { name: "All Systems Operational" })).toBeVisible();
        const frame = (await (await iframe.elementHandle())!.contentFrame())!;
        const contentHeight = () =>
          frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        const frameHeight = () => iframe.evaluate((f: HTMLIFrameElement) => f.style.height);
        await expect.poll(frameHeight).toBe(`${await contentHeight()}px`);
        const one = await contentHeight();

        // A message from anywhere else is not obeyed (the snippet's listener runs before this one).
        await page.evaluate(
          () =>
            new Promise<void>((done) => {
              addEventListener("message", (e) => e.data?.spoof && done());
              window.postMessage({ type: "outpost:embed-height", height: 999, spoof: true }, "*");
            }),
        );
        expect(await frameHeight()).toBe(`${one}px`);

        // The frame reloads itself every minute; a new incident makes it taller.
        incident = await openIncident("Payouts delayed", "major");
        await frame.goto(frame.url());
        await expect(inner.getByRole("link", { name: "Incident: Payouts delayed" })).toBeVisible();
        const two = await contentHeight();
        expect(two).toBeGreaterThan(one);
        await expect.poll(frameHeight).toBe(`${two}px`);
        expect(
          rgb(
            await inner
              .locator('[data-kind="incident"] span')
              .first()
              .evaluate((s) => getComputedStyle(s).backgroundColor),
          ),
        ).toBe(TONE_HEX[IMPACT_TONE.major]);

        for (const colorScheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme });
          await page.screenshot({ path: path.join(SHOTS, `widget-${device}-${colorScheme}-iframe.png`) });
        }

        // Content that grows in place (a narrower frame, a longer name) is followed too.
        await frame.evaluate(() => document.body.append(document.querySelector("a")!.cloneNode(true)));
        await expect.poll(frameHeight).toBe(`${await contentHeight()}px`);
        expect(await contentHeight()).toBeGreaterThan(two);
        // Its one inline script is allowed by the CSP's hash.
        expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
      } finally {
        await resolve(incident);
      }
    });
  });
}
