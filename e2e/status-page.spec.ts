import fs from "node:fs";
import { SYSTEM_ACTOR } from "../lib/audit";
import { addIncidentUpdate } from "../lib/incidents";
import { must, setComponentStatus } from "../lib/testing";
import {
  componentByName,
  database,
  expect,
  expectNoSeriousAxeViolations,
  openIncident,
  storedSnapshot,
  test,
} from "./fixtures";

const SHOTS = "e2e/.artifacts";
fs.mkdirSync(SHOTS, { recursive: true });

test("[status page] the banner, components and open incident agree with what is stored", async ({ page, request }) => {
  await page.goto("/");
  const stored = storedSnapshot();
  await expect(page.getByRole("region", { name: "Overall status" }).locator("[data-banner-status]")).toHaveText(
    stored.status.description,
  );
  const summary = await (await request.get("/api/v2/summary.json")).json();
  expect(summary.status).toEqual(stored.status);
  for (const c of stored.components) {
    const row = page.locator(`[data-component="${c.slug}"]`);
    await expect(row.getByRole("heading", { name: c.name })).toBeVisible();
    await expect(row).toHaveAttribute("data-status", c.status);
  }
  const open = must(stored.incidents.unresolved[0], "an open incident");
  const card = page.getByRole("article", { name: open.name });
  await expect(card).toBeVisible();
  // Every update in strict order, newest first.
  const seqs = await card
    .locator("[data-update-seq]")
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-update-seq"))));
  expect(seqs).toEqual(open.updates.map((u) => u.seq));
  expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  await expect(card).toContainText(/Next update by|Update overdue/);
  await expect(page.getByRole("region", { name: "Scheduled maintenance" })).toContainText("Database cluster upgrade");
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    "href",
    "/history.rss",
  );
});

test("[status page] uptime bars: one path per level, a day's detail on tap and by keyboard", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const row = page.locator('[data-component="database-cluster"]');
  const bar = row.locator("a[data-uptime]");
  const id = must(await bar.getAttribute("data-uptime"), "the bar's component");
  expect(await bar.getAttribute("href")).toBe(`/history?component=${id}`);
  expect(await bar.getAttribute("aria-label")).toMatch(
    /^Database cluster, last 90 days: 99\.\d+% uptime\. .*major outage/,
  );
  // One <path> per level present; their runs cover the 90 days exactly once.
  const paths = await bar
    .locator("svg path")
    .evaluateAll((els) => els.map((e) => ({ cls: e.getAttribute("class") ?? "", d: e.getAttribute("d") ?? "" })));
  expect(new Set(paths.map((p) => p.cls)).size).toBe(paths.length);
  const covered = paths.flatMap((p) => [...p.d.matchAll(/M(\d+) \.5h(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]));
  expect(covered.reduce((n, [, len]) => n + (len ?? 0), 0)).toBe(90);
  expect(new Set(covered.flatMap(([x = 0, len = 0]) => Array.from({ length: len }, (_, i) => x + i))).size).toBe(90);

  // The day detail comes from the component's uptime document.
  const doc = (await (await request.get(`/components/${id}/uptime.json`)).json()) as {
    days: { date: string; level: number | null; events: { status: string }[]; incidents: { name: string }[] }[];
  };
  expect(doc.days).toHaveLength(90);
  const outage = doc.days.findIndex((d) => d.events.some((e) => e.status === "major_outage"));
  expect(outage).toBeGreaterThanOrEqual(0);
  const day = must(doc.days[outage], "the outage day");
  expect(day.level).toBeGreaterThan(0);

  // Keyboard: focus the bar, Home goes to the first day, arrows step; the detail is a live region.
  await bar.focus();
  await page.keyboard.press("Home");
  for (let i = 0; i < outage; i++) await page.keyboard.press("ArrowRight");
  const detail = row.locator("[data-uptime-detail]");
  await expect(detail).toHaveAttribute("role", "status");
  await expect(detail).toContainText("Major outage");
  const incident = must(day.incidents[0], "the outage's incident").name;
  await expect(detail.getByRole("link", { name: incident })).toBeVisible();
  await expect(detail.getByRole("link", { name: "Open this day" })).toHaveAttribute(
    "href",
    `/history?component=${id}&day=${day.date}`,
  );
  await page.keyboard.press("Escape");
  await expect(detail).toBeHidden();

  // A tap on the last bar opens today, without leaving the page.
  const box = must(await bar.boundingBox(), "the bar's box");
  await bar.click({ position: { x: box.width - 2, y: box.height / 2 } });
  await expect(detail).toBeVisible();
  expect(page.url()).not.toContain("/history");
  expect(await bar.getAttribute("data-selected")).toBe("89");
});

test("[status page] phones see the last 30 days of the bar", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto("/");
  const bar = page.locator('[data-component="database-cluster"] a[data-uptime]');
  const [link, svg] = [await bar.boundingBox(), await bar.locator("svg").boundingBox()];
  // The 90 days are three times the visible width, shifted so that the last 30 show.
  expect(Math.round((svg?.width ?? 0) / (link?.width ?? 1))).toBe(3);
  expect(Math.abs((svg?.x ?? 0) + (svg?.width ?? 0) - ((link?.x ?? 0) + (link?.width ?? 0)))).toBeLessThan(2);
  const row = page.locator('[data-component="database-cluster"]');
  expect(await row.innerText()).toContain("30 days ago"); // innerText leaves out what CSS hides
  expect(await row.innerText()).not.toContain("90 days ago");
  await context.close();
});

test("[status page] without JavaScript the bar opens the component's days, each with its own page", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await page.locator('[data-component="database-cluster"] a[data-uptime]').click();
  await expect(page).toHaveURL(/\/history\?component=[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("Database cluster: uptime over the last 90 days");
  const section = page.locator("section[id^=day-]").filter({ hasText: "Major outage from" }).first();
  await expect(section).toBeVisible();
  const date = must(await section.getAttribute("id"), "the day's id").slice("day-".length);
  const url = new URL(page.url());
  await page.goto(`${url.pathname}${url.search}&day=${date}`);
  await expect(page.getByRole("heading", { level: 2 })).toContainText("Database cluster: ");
  await expect(page.locator(`section#day-${date}`)).toContainText("Major outage from");
  await expect(page.getByRole("link", { name: "Every day of Database cluster" })).toBeVisible();
  // A day outside the bar falls back to the month history.
  await page.goto(`${url.pathname}${url.search}&day=1999-01-01`);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("Incident history");
  await context.close();
});

test("[status page] groups collapse and expand", async ({ page }) => {
  await page.goto("/");
  const website = page.locator('[data-component="website"]');
  await expect(website).toBeVisible();
  await page.getByText("Core platform").click();
  await expect(website).toBeHidden();
  await page.getByText("Core platform").click();
  await expect(website).toBeVisible();
});

test("[status page] fits a 360 px phone in light and dark, with no serious axe violations", async ({ browser }) => {
  test.setTimeout(180_000); // several pages × four screens, each with a full axe run
  for (const colorScheme of ["light", "dark"] as const) {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 360, height: 780 },
    ]) {
      const context = await browser.newContext({ viewport, colorScheme, baseURL: process.env.OUTPOST_BASE_URL });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      await page.goto("/");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // With a day's detail open under a bar.
      const bar = page.locator('[data-component="database-cluster"] a[data-uptime]');
      await bar.click({ position: { x: 4, y: 8 } });
      await expect(page.locator('[data-component="database-cluster"] [data-uptime-detail]')).toBeVisible();
      await expectNoSeriousAxeViolations(page);
      expect(errors).toEqual([]); // includes CSP refusals of the inline style or script
      await page.screenshot({ path: `${SHOTS}/status-${viewport.width}-${colorScheme}.png`, fullPage: true });
      // The component's days, where the bar links without JavaScript.
      await page.goto(must(await bar.getAttribute("href"), "the bar's link"));
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `${SHOTS}/component-days-${viewport.width}-${colorScheme}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    }
  }
});

test("[status page] is readable with JavaScript off, times in the page's zone", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: process.env.OUTPOST_BASE_URL });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Overall status" })).toBeVisible();
  await expect(page.locator("time").first()).toHaveText(/\d{4}, \d\d:\d\d UTC/);
  await context.close();
});

test("[status page] times are localised and made relative by the page script", async ({ browser }) => {
  const context = await browser.newContext({
    timezoneId: "Asia/Tokyo",
    locale: "en-US",
    baseURL: process.env.OUTPOST_BASE_URL,
  });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator('time[data-format="relative"]').first()).toHaveText(/ago|now/);
  await expect(page.locator('time[data-format="datetime"]').first()).not.toContainText("UTC");
  await context.close();
});

test("[status page] a write by another process shows on the page and the API within a second", async ({
  page,
  request,
}) => {
  const incident = openIncident({ name: "Search results are stale", impact: "major" });
  await expect
    .poll(
      async () =>
        (await (await request.get("/api/v2/incidents/unresolved.json")).json()).incidents.map(
          (i: { id: string }) => i.id,
        ),
      {
        timeout: 5_000,
        intervals: [100],
      },
    )
    .toContain(incident.id);
  await page.goto("/");
  await expect(page.getByRole("article", { name: "Search results are stale" })).toBeVisible();
  // Other tests may have left incidents open: the banner is whatever the stored state says, and
  // at least this major incident's level.
  const expected = storedSnapshot().status;
  expect(["major", "critical"]).toContain(expected.indicator);
  await expect(page.getByRole("region", { name: "Overall status" }).locator("[data-banner-status]")).toHaveText(
    expected.description,
  );
  addIncidentUpdate(database(), SYSTEM_ACTOR, incident.id, { status: "resolved", body: "Fixed." });
  await expect
    .poll(
      async () => (await page.reload(), await page.getByRole("article", { name: "Search results are stale" }).count()),
    )
    .toBe(0);
});

test("[status page] an open incident never sits under a green banner", async ({ page }) => {
  const db = database();
  const stored = storedSnapshot();
  for (const c of stored.components) setComponentStatus(db, c.id, "operational");
  for (const i of stored.incidents.unresolved) addIncidentUpdate(db, SYSTEM_ACTOR, i.id, { status: "resolved" });
  await expect
    .poll(
      async () => (
        await page.goto("/"),
        await page.getByRole("region", { name: "Overall status" }).locator("[data-banner-status]").textContent()
      ),
    )
    .toBe("All Systems Operational");
  const incident = openIncident({ name: "Reports of slow sign-in", impact: "none" });
  await expect
    .poll(
      async () => (
        await page.goto("/"),
        await page.getByRole("region", { name: "Overall status" }).locator("[data-banner-status]").textContent()
      ),
    )
    .toBe("Minor Service Outage");
  addIncidentUpdate(db, SYSTEM_ACTOR, incident.id, { status: "resolved" });
  setComponentStatus(db, componentByName("Payouts").id, "degraded_performance");
});
