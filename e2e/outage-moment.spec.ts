// The outage moment, as a worried visitor meets it on a phone and a desktop: what is down, since
// when and what next in the first screen; an honest word when a promised update is late; the
// ways to follow; "I am affected" where it helps; the incident page leading with what matters.
import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { openDatabase, type Db } from "../db/client";
import { updateIncidentRow } from "../db/queries/incidents";
import { SYSTEM_ACTOR } from "../lib/audit";
import { addIncidentUpdate, createIncident } from "../lib/incidents";
import { buildSnapshot } from "../lib/snapshot";
import { must, setComponentStatus } from "../lib/testing";
import { expect, expectNoSeriousAxeViolations, test } from "./fixtures";
import { startServer, type RunningServer } from "./support/server";

const SHOTS = "e2e/.artifacts";
fs.mkdirSync(SHOTS, { recursive: true });

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1366, height: 900 };

// A server of its own with the demo page (one open incident, one maintenance), so what the first
// screen holds does not depend on what other specs left open.
let server: RunningServer;
let db: Db;
const snapshot = () => buildSnapshot(db, { publicUrl: server.url });

test.beforeAll(async () => {
  server = await startServer({ OUTPOST_DEMO: "1", OUTPOST_PAGE_NAME: "Moment E2E" });
  db = openDatabase(server.databasePath);
});

test.afterAll(async () => {
  db?.$client.close();
  await server?.stop();
});

async function open(browser: Browser, viewport: { width: number; height: number }, extra = {}): Promise<Page> {
  const context = await browser.newContext({ viewport, baseURL: server.url, ...extra });
  return context.newPage();
}

/** The element lies wholly inside the first screen (no scrolling). */
async function inFirstScreen(page: Page, selector: string, height: number): Promise<void> {
  const box = must(await page.locator(selector).first().boundingBox(), `the box of ${selector}`);
  expect(box.y, `${selector} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${selector} ends within the first ${height} px`).toBeLessThanOrEqual(height);
}

test("[moment] the first screen on a phone says what is affected, the stage, the promise and the latest word", async ({
  browser,
}) => {
  const s = snapshot();
  const incident = must(s.incidents.unresolved[0], "the demo's open incident");
  for (const viewport of [PHONE, DESKTOP]) {
    const page = await open(browser, viewport);
    await page.goto("/");
    const banner = page.getByRole("region", { name: "Overall status" });
    await expect(banner.locator("[data-banner-headline]")).toHaveText("Payouts affected");
    await expect(banner.locator("[data-banner-status]")).toHaveText(s.status.description);
    await expect(banner.getByRole("link", { name: incident.name })).toHaveAttribute(
      "href",
      `/incidents/${incident.id}`,
    );
    const card = page.locator(`article[data-incident="${incident.id}"]`);
    await expect(card.locator("[data-incident-status]")).toHaveText("Monitoring");
    await expect(card.locator('[data-affected-component="payouts"]')).toHaveText(/Payouts · Degraded performance/);
    await expect(card.locator("[data-next-update]")).toHaveText(/^Next update by \d{1,2}:\d\d/);
    await expect(card.locator("[data-latest-update]")).toContainText("Most delayed payouts have now been sent.");
    // Older updates are folded, and open on a tap (a <details>: no JavaScript needed).
    const earlier = card.locator(`#earlier-${incident.id}`);
    await expect(earlier.locator("summary")).toHaveText("2 earlier updates");
    await expect(earlier.getByText("A bank partner is rejecting a batch file.")).toBeHidden();
    for (const selector of [
      "[data-banner-headline]",
      `article[data-incident="${incident.id}"] [data-incident-status]`,
      `article[data-incident="${incident.id}"] [data-affected-list]`,
      `article[data-incident="${incident.id}"] [data-next-update]`,
      `article[data-incident="${incident.id}"] [data-latest-update]`,
    ])
      await inFirstScreen(page, selector, viewport.height);
    await earlier.locator("summary").click();
    await expect(earlier.getByText("A bank partner is rejecting a batch file.")).toBeVisible();
    const summaryBox = must(await earlier.locator("summary").boundingBox(), "the fold's box");
    expect(summaryBox.height, "the fold is a 44 px target").toBeGreaterThanOrEqual(44);
    await page.context().close();
  }
});

test("[moment] looks calm in light and dark, phone and desktop, with 0 serious axe violations", async ({ browser }) => {
  test.setTimeout(180_000);
  for (const viewport of [PHONE, DESKTOP]) {
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await open(browser, viewport, { colorScheme });
      await page.goto("/");
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `${SHOTS}/moment-${viewport.width}-${colorScheme}.png` });
      await page.locator("[data-subscribe-menu] summary").click();
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `${SHOTS}/moment-subscribe-${viewport.width}-${colorScheme}.png` });
      const incident = must(snapshot().incidents.unresolved[0], "the open incident");
      await page.goto(`/incidents/${incident.id}`);
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `${SHOTS}/moment-incident-${viewport.width}-${colorScheme}.png` });
      await page.context().close();
    }
  }
});

test("[moment] an overdue promise is said honestly, the moment it passes, with and without JavaScript", async ({
  browser,
}) => {
  const incident = must(snapshot().incidents.unresolved[0], "the demo's open incident");
  const due = Date.now() + 4_000;
  updateIncidentRow(db, incident.id, { nextUpdateAt: due });
  const page = await open(browser, PHONE);
  await page.goto("/");
  const card = page.locator(`article[data-incident="${incident.id}"]`);
  const promise = card.locator('[data-next-update] [data-when="before"]');
  const overdue = card.locator('[data-next-update] [data-when="overdue"]');
  await expect(promise).toBeVisible();
  await expect(promise).toHaveText(/^Next update by/);
  await expect(overdue).toBeHidden();
  // The open page flips by itself when the time passes (no reload).
  await expect(overdue).toBeVisible({ timeout: 15_000 });
  await expect(overdue).toHaveText(/^Update overdue since \d{1,2}:\d\d.*; we are still working on it\.$/);
  await expect(promise).toBeHidden();
  // The server's own bytes say so too: a reader without JavaScript sees the same.
  const noJs = await open(browser, PHONE, { javaScriptEnabled: false });
  await noJs.goto("/");
  const served = noJs.locator(`article[data-incident="${incident.id}"] [data-next-update]`);
  await expect(served.locator('[data-when="overdue"]')).toBeVisible();
  await expect(served.locator('[data-when="overdue"]')).toHaveText(
    /^Update overdue since \d\d:\d\d UTC; we are still working on it\.$/,
  );
  await expect(served.locator('[data-when="before"]')).toBeHidden();
  await noJs.context().close();
  // A new update renews the promise, and the page says so again.
  addIncidentUpdate(db, SYSTEM_ACTOR, incident.id, { status: "monitoring", body: "Still watching the batch." });
  await expect(promise).toBeVisible({ timeout: 15_000 });
  await expect(overdue).toBeHidden();
  await page.context().close();
});

test("[moment] the header's Subscribe opens every way to follow, each to its place", async ({ browser }) => {
  for (const viewport of [PHONE, DESKTOP]) {
    const page = await open(browser, viewport);
    await page.goto("/");
    const menu = page.locator("[data-subscribe-menu]");
    await expect(menu.getByRole("link")).toBeHidden();
    await menu.locator("summary").click();
    const links = menu.getByRole("link");
    // No mail configured on this server: no email choice.
    await expect(links).toHaveText([
      "Webhook",
      "Slack, Discord or Teams",
      "RSS or Atom feed",
      "Badge or widget for your site",
    ]);
    for (const link of await links.all()) {
      const box = must(await link.boundingBox(), "a choice's box");
      expect(box.height, "a 44 px target").toBeGreaterThanOrEqual(44);
    }
    // Like any menu, Escape or a click elsewhere closes it.
    await page.keyboard.press("Escape");
    await expect(links.first()).toBeHidden();
    await expect(menu.locator("summary")).toBeFocused();
    await menu.locator("summary").click();
    await page.locator("main").click({ position: { x: 5, y: 5 } });
    await expect(links.first()).toBeHidden();
    await menu.locator("summary").click();
    await links.first().click();
    await expect(page).toHaveURL(/\/subscribe#webhook$/);
    await page.context().close();
  }
});

test('[moment] "I am affected" where it helps, a 44 px target, and its count survives a reload', async ({
  browser,
}) => {
  for (const viewport of [PHONE, DESKTOP]) {
    const page = await open(browser, viewport);
    await page.goto("/");
    // Operational and in no open incident: only a quiet "Report a problem".
    const website = page.locator('[data-component="website"]');
    await expect(website.getByRole("button", { name: "I am affected by Website" })).toHaveText("Report a problem");
    // Payouts is degraded, in the open incident: the full button.
    const payouts = page.locator('[data-component="payouts"]');
    const button = payouts.getByRole("button", { name: "I am affected by Payouts" });
    await expect(button).toHaveText("I am affected");
    const box = must(await button.boundingBox(), "the button's box");
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
    await page.context().close();
  }
  const page = await open(browser, PHONE);
  await page.goto("/");
  const payouts = page.locator('[data-component="payouts"]');
  await payouts.getByRole("button", { name: "I am affected by Payouts" }).click();
  await expect(payouts.locator("[data-affected-result]")).toHaveText(/1 report in the last 15 minutes/);
  // What the visitor just saw is on the page itself after a reload (the page was rebuilt with it).
  await expect
    .poll(async () => (await page.reload(), await payouts.locator("[data-affected-count]").textContent()), {
      timeout: 10_000,
    })
    .toBe("1 person reported problems in the last 15 minutes");
  await page.context().close();
});

test("[moment] the incident page leads with stage, impact, duration, components and ways to follow", async ({
  browser,
}) => {
  const incident = must(snapshot().incidents.unresolved[0], "the demo's open incident");
  for (const viewport of [PHONE, DESKTOP]) {
    const page = await open(browser, viewport);
    await page.goto(`/incidents/${incident.id}`);
    const article = page.getByRole("article", { name: incident.name });
    await expect(article.locator("[data-incident-status]")).toHaveText("Monitoring");
    await expect(article).toContainText("Minor impact");
    await expect(article.locator("[data-duration]")).toHaveText(/^Ongoing for \d+ (min|hr)/);
    await expect(article.locator('[data-affected-component="payouts"]')).toBeVisible();
    await expect(article.getByRole("link", { name: "RSS" })).toHaveAttribute("href", `/incidents/${incident.id}.rss`);
    await inFirstScreen(page, "[data-subscribe-incident]", viewport.height);
    await article.getByRole("link", { name: "Subscribe to this incident" }).click();
    await expect(page).toHaveURL(new RegExp(`/subscribe\\?incident=${incident.id}$`));
    await page.goto(`/incidents/${incident.id}`);
    await page.getByRole("link", { name: "Current status" }).click();
    await expect(page).toHaveURL(`${server.url}/`);
    await page.context().close();
  }
});

test("[moment] a maintenance window says its date once, in the visitor's zone with its name", async ({ browser }) => {
  const start = Math.ceil((Date.now() + 3 * 86_400_000) / 86_400_000) * 86_400_000 + 13 * 3_600_000; // 13:00 UTC
  const m = createIncident(db, SYSTEM_ACTOR, {
    kind: "maintenance",
    name: "Edge cache upgrade",
    status: "scheduled",
    body: "Two quiet hours.",
    scheduledFor: start,
    scheduledUntil: start + 2 * 3_600_000,
    deliverNotifications: false,
  });
  try {
    const noJs = await open(browser, DESKTOP, { javaScriptEnabled: false });
    await noJs.goto("/");
    const card = noJs.locator(`article[data-incident="${m.id}"]`);
    // One date, then both times, then the zone: "Dec 5, 2026, 13:00 – 15:00 UTC".
    await expect(card.locator("[data-range]")).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, 13:00\s–\s15:00 UTC$/);
    await noJs.context().close();
    const berlin = await open(browser, DESKTOP, { timezoneId: "Europe/Berlin", locale: "en-GB" });
    await berlin.goto("/");
    await expect(berlin.locator(`article[data-incident="${m.id}"] [data-range]`)).toHaveText(
      /^\d{1,2} [A-Z][a-z]{2} \d{4}, 14:00\s*–\s*16:00 (CET|GMT\+1)$/,
    );
    await berlin.context().close();
  } finally {
    addIncidentUpdate(db, SYSTEM_ACTOR, m.id, { status: "completed", body: "Cancelled." });
  }
});

test("[moment] a page with all systems operational says so, and offers no incident link", async ({ browser }) => {
  const s = snapshot();
  for (const i of s.incidents.unresolved)
    addIncidentUpdate(db, SYSTEM_ACTOR, i.id, { status: "resolved", body: "Fixed." });
  for (const c of s.components) setComponentStatus(db, c.id, "operational");
  const page = await open(browser, PHONE);
  await expect
    .poll(async () => (await page.goto("/"), await page.locator("[data-banner-headline]").textContent()))
    .toBe("All Systems Operational");
  await expect(page.getByRole("region", { name: "Overall status" }).getByRole("link")).toHaveCount(0);
  await expect(page.locator("article[data-incident]")).toHaveCount(1); // the scheduled maintenance only
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/moment-all-clear-360.png` });
  await page.context().close();
});
