// The staff menu: the Dashboard and four groups in one row from 640 px (each group a small menu:
// keyboard, Escape, a click elsewhere), one "Menu" button on phones, the current page and its
// group marked, editors without the admin pages, and all of it without JavaScript too.
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { baseUrl, expect, expectNoSeriousAxeViolations, newStaff, signInPage, test } from "./fixtures";
import { signIn } from "./support/auth";

const SHOTS = "e2e/.artifacts";
fs.mkdirSync(SHOTS, { recursive: true });

const GROUPS = ["Incidents", "Components & monitors", "Subscribers & channels", "Settings"];
const nav = (page: Page) => page.getByRole("navigation", { name: "Staff area" });
const group = (page: Page, name: string) =>
  nav(page)
    .locator("details")
    .filter({ has: page.locator("summary", { hasText: name }) });
const summary = (page: Page, name: string) => group(page, name).locator("summary");

test("[nav] desktop: one row of the Dashboard and four groups; each opens by mouse or keyboard, Escape and a click elsewhere close it", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, baseURL: baseUrl() });
  const page = await context.newPage();
  await signInPage(page);
  await page.goto("/admin/incidents");

  // One row: every entry at the same height, and nothing of the phone's menu.
  const entries = nav(page).locator(":scope > ul > li");
  await expect(entries).toHaveCount(5);
  const tops = await entries.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  await expect(nav(page).locator("summary")).toHaveText(GROUPS);
  await expect(page.locator("summary", { hasText: "Menu" })).toBeHidden();
  await expect(nav(page).getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current");

  // The current page's group is marked; its link too, once the group is open.
  await expect(summary(page, "Incidents")).toHaveAttribute("aria-current", "true");
  await expect(summary(page, "Settings")).not.toHaveAttribute("aria-current");
  await summary(page, "Incidents").click();
  await expect(nav(page).getByRole("link", { name: "Incidents" })).toHaveAttribute("aria-current", "page");
  await expect(nav(page).getByRole("link", { name: "Maintenance" })).not.toHaveAttribute("aria-current");

  // One group open at a time; a click elsewhere closes it.
  await summary(page, "Settings").click();
  await expect(group(page, "Incidents")).not.toHaveAttribute("open");
  await expect(nav(page).getByRole("link", { name: "Audit log" })).toBeVisible();
  await page.locator("#admin-main h1").click();
  await expect(nav(page).getByRole("link", { name: "Audit log" })).toBeHidden();

  // The keyboard: Enter opens, Tab reaches the links, Escape closes and returns to the group.
  await summary(page, "Components & monitors").focus();
  await page.keyboard.press("Enter");
  await expect(group(page, "Components & monitors")).toHaveAttribute("open", "");
  await page.keyboard.press("Tab");
  await expect(nav(page).getByRole("link", { name: "Components" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(nav(page).getByRole("link", { name: "Monitors" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(group(page, "Components & monitors")).not.toHaveAttribute("open");
  await expect(summary(page, "Components & monitors")).toBeFocused();

  // Following a link closes the menu and marks the new place.
  await page.keyboard.press("Enter");
  await nav(page).getByRole("link", { name: "Monitors" }).click();
  await expect(page).toHaveURL(/\/admin\/monitors$/);
  await expect(page.getByRole("heading", { level: 1, name: "Monitors" })).toBeVisible();
  await expect(group(page, "Components & monitors")).not.toHaveAttribute("open");
  await expect(summary(page, "Components & monitors")).toHaveAttribute("aria-current", "true");
  await expect(summary(page, "Incidents")).not.toHaveAttribute("aria-current");
  await context.close();
});

test("[nav] phone: one Menu button opens the whole grouped list; a link goes there and closes it", async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    baseURL: baseUrl(),
  });
  const page = await context.newPage();
  await signInPage(page);
  await page.goto("/admin/channels");
  const menu = page.locator("summary", { hasText: "Menu" });
  await expect(menu).toBeVisible();
  // The row's groups are not shown at this width, nor the links until the menu opens.
  await expect(page.locator("summary", { hasText: "Components & monitors" })).toBeHidden();
  await expect(nav(page).getByRole("link", { name: "Dashboard" })).toBeHidden();
  await menu.click();
  const labels = nav(page).locator("[id^=nav-group-]");
  await expect(labels).toHaveText(GROUPS);
  for (const label of await labels.all()) await expect(label).toBeVisible();
  const links = nav(page).getByRole("link");
  await expect(links).toHaveText([
    "Dashboard",
    "Incidents",
    "Maintenance",
    "Templates",
    "Components",
    "Monitors",
    "Probe agents",
    "Alert sources",
    "Subscribers",
    "Channels",
    "Settings",
    "People",
    "API tokens",
    "Audit log",
    "Account",
  ]);
  await expect(nav(page).getByRole("link", { name: "Channels" })).toHaveAttribute("aria-current", "page");
  await expect(labels.filter({ hasText: "Subscribers & channels" })).toHaveAttribute("aria-current", "true");
  await expect(labels.filter({ hasText: "Settings" })).not.toHaveAttribute("aria-current");
  await expect(nav(page).getByRole("button", { name: "Sign out" })).toBeVisible();
  // Every link a 44 px target.
  for (const box of await links.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height)))
    expect(box).toBeGreaterThanOrEqual(44);
  await page.keyboard.press("Escape");
  await expect(links.first()).toBeHidden();
  await menu.click();
  await nav(page).getByRole("link", { name: "Templates" }).click();
  await expect(page).toHaveURL(/\/admin\/templates$/);
  await expect(links.first()).toBeHidden();
  await expect(menu).toBeVisible();
  await context.close();
});

test("[nav] an editor sees no admin page: no Subscribers & channels, and Settings is just Account", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, baseURL: baseUrl() });
  await signIn(context.request, baseUrl(), await newStaff("editor"));
  const page = await context.newPage();
  await page.goto("/admin/account");
  await expect(nav(page).locator("summary")).toHaveText(["Incidents", "Components & monitors"]);
  await expect(nav(page).getByRole("link", { name: "Account" })).toHaveAttribute("aria-current", "page");
  for (const name of ["Settings", "People", "API tokens", "Audit log", "Subscribers", "Channels"])
    await expect(nav(page).getByRole("link", { name, includeHidden: true })).toHaveCount(0);
  await context.close();
});

test("[nav] without JavaScript the groups and the phone's Menu still open and lead to their pages", async ({
  browser,
}) => {
  for (const viewport of [
    { width: 1366, height: 900 },
    { width: 360, height: 740 },
  ]) {
    const context = await browser.newContext({ viewport, javaScriptEnabled: false, baseURL: baseUrl() });
    const page = await context.newPage();
    await signInPage(page);
    await page.goto("/admin");
    await page.locator("summary", { hasText: viewport.width < 640 ? "Menu" : "Components & monitors" }).click();
    await nav(page).getByRole("link", { name: "Components" }).click();
    await expect(page).toHaveURL(/\/admin\/components$/);
    await expect(page.getByRole("heading", { level: 1, name: "Components" })).toBeVisible();
    await context.close();
  }
});

test("[nav] the menu open passes axe at 1366 and 360 px, light and dark", async ({ browser }) => {
  test.setTimeout(120_000);
  for (const colorScheme of ["light", "dark"] as const) {
    for (const viewport of [
      { width: 1366, height: 900 },
      { width: 360, height: 740 },
    ]) {
      const context = await browser.newContext({ viewport, colorScheme, baseURL: baseUrl() });
      const page = await context.newPage();
      await signInPage(page);
      await page.goto("/admin/people");
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `${SHOTS}/staff-nav-${viewport.width}-${colorScheme}-closed.png` });
      await page.locator("summary", { hasText: viewport.width < 640 ? "Menu" : "Settings" }).click();
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `${SHOTS}/staff-nav-${viewport.width}-${colorScheme}.png` });
      await context.close();
    }
  }
});
