// The history and the infrastructure page on a desktop and a 360 px phone: each past incident says
// its impact (colour, icon and words), how long it lasted and when (the date once within a day);
// quiet stretches are one line; upcoming maintenance is not history; the component filter is a
// plain form; the infrastructure page reads as finished when staff wrote nothing; and the demo's
// response-time charts and browser probe show on the status page from the first start.
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { SYSTEM_ACTOR } from "../lib/audit";
import { PAST_INCIDENT_DAYS } from "../lib/constants";
import { addIncidentUpdate, createIncident } from "../lib/incidents";
import { getPage } from "../db/queries/page";
import { pageSettings, updateSettings } from "../lib/settings";
import { must } from "../lib/testing";
import { dayKey, monthKey } from "../lib/time";
import {
  baseUrl,
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
const DAY = 86_400_000;
const VIEWPORTS = [
  { width: 1366, height: 900 },
  { width: 360, height: 780 },
] as const;
const TZ = () => storedSnapshot().page.timeZone;

/** A closed incident of this test's own, 1 h 35 min long, within one day of the page's zone. */
function backfilledOutage() {
  const tz = TZ();
  const startedAt = Math.floor((Date.now() - 5 * DAY) / DAY) * DAY + 9 * 3_600_000; // 09:00 UTC, five days ago
  const name = `History check: checkout outage ${Date.now()}`;
  const incident = createIncident(database(), SYSTEM_ACTOR, {
    name,
    status: "resolved",
    impact: "critical",
    body: "Card payments failed; a rollback fixed it.",
    components: { [componentByName("Checkout").id]: "operational" },
    startedAt,
    resolvedAt: startedAt + 95 * 60_000,
    deliverNotifications: false,
  });
  expect(dayKey(startedAt, tz)).toBe(dayKey(startedAt + 95 * 60_000, tz));
  return { incident, name, month: monthKey(startedAt, tz) };
}

/** The rows of a list of past days: the days with incidents and the quiet lines with their day counts. */
async function pastRows(scope: ReturnType<Page["locator"]>) {
  const busy = await scope.locator("[data-day]").count();
  const quiet = await scope
    .locator("[data-quiet-days]")
    .evaluateAll((els) => els.map((e) => [Number(e.getAttribute("data-quiet-days")), e.textContent ?? ""] as const));
  return { busy, quiet };
}

/** Waits until the server's page shows what this process wrote (it rebuilds on the next request). */
async function until(page: Page, path: string, text: string) {
  await expect.poll(async () => (await page.request.get(path)).text(), { timeout: 15_000 }).toContain(text);
}

test("[history] each incident shows its impact, duration and window; quiet days are one line; no upcoming maintenance", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { name, month } = backfilledOutage();
  const tz = TZ();
  // A maintenance that has not begun, inside this month: not history yet.
  const soon = Date.now() + 2 * 3_600_000;
  const upcoming = createIncident(database(), SYSTEM_ACTOR, {
    kind: "maintenance",
    name: `History check: maintenance to come ${Date.now()}`,
    status: "scheduled",
    body: "Planned.",
    componentIds: [componentByName("Database cluster").id],
    scheduledFor: soon,
    scheduledUntil: soon + 3_600_000,
    deliverNotifications: false,
  });
  const demoMaintenance = must(
    storedSnapshot().maintenances.upcoming.find((m) => m.name === "Database cluster upgrade"),
    "the demo's maintenance",
  );
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport, javaScriptEnabled: false, baseURL: baseUrl() });
    const page = await context.newPage();
    await until(page, `/history?month=${month}`, name);
    await page.goto(`/history?month=${month}`);
    const item = page.locator("li[data-incident]").filter({ has: page.getByRole("link", { name }) });
    await expect(item.locator("[data-impact]")).toHaveText("Critical impact");
    await expect(item.locator("[data-impact] svg")).toBeVisible();
    await expect(item.locator("[data-duration]")).toHaveText(/^Lasted 1 hr,? 35 min$/);
    // The window in the page's zone, the zone named, the date said once.
    const window = must(await item.locator("[data-range]").textContent(), "the window");
    expect(window).toContain(tz === "Etc/UTC" ? "UTC" : "");
    expect(window.match(/\b20\d\d\b/g)).toHaveLength(1);
    expect(window).toMatch(/09:00\s*–\s*10:35/);
    // The colour is the impact's: a critical outage's border differs from a minor incident's.
    const border = (l: ReturnType<Page["locator"]>) =>
      l.evaluate((e) => [getComputedStyle(e).borderInlineStartWidth, getComputedStyle(e).borderInlineStartColor]);
    const [width, colour] = await border(item);
    expect(width).toBe("4px");
    const minor = page
      .locator("li[data-incident]")
      .filter({ has: page.locator('[data-impact="minor"]') })
      .first();
    if (await minor.count()) expect((await border(minor))[1]).not.toBe(colour);

    // Quiet days: one line per stretch, and together with the busy days they are the whole month.
    const { busy, quiet } = await pastRows(page.locator('section[aria-labelledby="month-heading"]'));
    const [y, m] = month.split("-").map(Number) as [number, number];
    const daysInMonth =
      month === monthKey(Date.now(), tz)
        ? Number(dayKey(Date.now(), tz).slice(8))
        : new Date(Date.UTC(y, m, 0)).getUTCDate();
    expect(busy + quiet.reduce((n, [d]) => n + d, 0)).toBe(daysInMonth);
    expect(quiet.length).toBeLessThanOrEqual(busy + 1);
    for (const [days, text] of quiet) {
      expect(text.replace(/\s+/g, " ")).toMatch(
        days === 1 ? /^No incidents on [A-Z][a-z]{2} \d+$/ : /^No incidents [A-Z][a-z]{2} \d+ – ([A-Z][a-z]{2} )?\d+$/,
      );
    }
    expect(await page.getByText("No incidents reported").count()).toBe(0);

    // Maintenance that has not begun is not in the past list, whichever month its window is in.
    for (const m of [upcoming, demoMaintenance]) {
      await page.goto(`/history?month=${monthKey(m.scheduledFor!, tz)}`);
      await expect(page.getByRole("heading", { level: 2, name: "Incident history" })).toBeVisible();
      await expect(page.getByRole("link", { name: m.name })).toHaveCount(0);
    }
    await context.close();
  }
});

test("[history] the component filter works without JavaScript and says what is filtered", async ({ browser }) => {
  test.setTimeout(120_000);
  // Incidents of its own (other specs change the demo's): one on Webhooks, one elsewhere, this month.
  const webhooks = componentByName("Webhooks");
  const elsewhere = componentByName("Email delivery");
  const resolvedOn = (name: string, componentId: string) => {
    const i = openIncident({ name, components: { [componentId]: "degraded_performance" } });
    addIncidentUpdate(database(), SYSTEM_ACTOR, i.id, {
      status: "resolved",
      body: "Recovered.",
      components: { [componentId]: "operational" },
    });
    return i;
  };
  const theirs = resolvedOn("History filter: webhook retries slow", webhooks.id);
  resolvedOn("History filter: mail queue slow", elsewhere.id);
  const month = monthKey(theirs.startedAt, TZ());
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport, javaScriptEnabled: false, baseURL: baseUrl() });
    const page = await context.newPage();
    await page.goto(`/history?month=${month}`);
    const all = await page.locator("li[data-incident]").count();
    const filter = page.getByRole("search", { name: "Filter the history by component" });
    await filter.getByLabel("Component").selectOption({ label: "Webhooks" });
    await filter.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(new RegExp(`/history\\?month=${month}&component=${webhooks.id}$`));
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("Incident history: Webhooks");
    await expect(page).toHaveTitle(/^Webhooks: incident history, /);
    await expect(filter.getByLabel("Component")).toHaveValue(webhooks.id);
    // Only the incidents that concern Webhooks are listed, and theirs is.
    const listed = await page
      .locator("li[data-incident]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-incident")));
    expect(listed).toContain(theirs.id);
    expect(listed.length).toBeLessThan(all);
    const stored = storedSnapshot().incidentsById;
    for (const id of listed) {
      const i = stored.get(id!);
      if (i) expect(i.componentIds).toContain(webhooks.id);
    }
    // Older months keep the filter; "all components" takes it off.
    await expect(page.getByRole("navigation", { name: "Months" }).getByRole("link").first()).toHaveAttribute(
      "href",
      new RegExp(`component=${webhooks.id}`),
    );
    await page.getByRole("link", { name: "Show all components" }).click();
    await expect(page).toHaveURL(new RegExp(`/history\\?month=${month}$`));
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("Incident history");
    await expect(page.locator("li[data-incident]")).toHaveCount(all);
    // Choosing "All components" in the form does the same.
    await page.goto(`/history?month=${month}&component=${webhooks.id}`);
    await filter.getByLabel("Component").selectOption({ label: "All components" });
    await filter.getByRole("button", { name: "Show" }).click();
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("Incident history");
    await context.close();
  }
});

test("[history] the status page's past incidents collapse quiet days too", async ({ browser }) => {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport, javaScriptEnabled: false, baseURL: baseUrl() });
    const page = await context.newPage();
    await page.goto("/");
    const section = page.getByRole("region", { name: "Past incidents" });
    const { busy, quiet } = await pastRows(section);
    expect(busy + quiet.reduce((n, [d]) => n + d, 0)).toBe(PAST_INCIDENT_DAYS);
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.length).toBeLessThanOrEqual(busy + 1);
    await expect(section.locator("li[data-incident] [data-impact]").first()).toBeVisible();
    await expect(section.locator("li[data-incident] [data-duration]").first()).toBeVisible();
    await context.close();
  }
});

test("[infrastructure] with nothing written by staff, the page says what Outpost knows about itself", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const db = database();
  const before = storedSnapshot().page.infrastructureMd;
  updateSettingsInfra(db, "");
  try {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ viewport, baseURL: baseUrl() });
      const page = await context.newPage();
      await until(page, "/infrastructure", "What this server knows about itself");
      await page.goto("/infrastructure");
      const hosting = page.getByRole("region", { name: "Where this page runs" });
      await expect(hosting).toContainText(`This page is served at ${new URL(baseUrl()).host}.`);
      await expect(hosting.getByRole("link", { name: new URL(baseUrl()).host })).toHaveAttribute("href", baseUrl());
      // This test server publishes no mirror, and the page says what that means.
      await expect(hosting).toContainText("No static copy of this page is published elsewhere");
      await expect(hosting).toContainText("backed up every hour in which something changed, and at least once a day");
      await expect(hosting).toContainText(/Last verified backup: |No backup has been verified yet\./);
      await expect(hosting).toContainText("the operators have not yet said where this one runs");
      await expectNoSeriousAxeViolations(page);
      await context.close();
    }
    // Staff's own words replace the default.
    updateSettingsInfra(db, "Hosted at **Example Cloud**, apart from the app.");
    const page = await browser.newPage({ baseURL: baseUrl() });
    await until(page, "/infrastructure", "Example Cloud");
    await page.goto("/infrastructure");
    await expect(page.getByRole("region", { name: "Where this page runs" })).not.toContainText(
      "What this server knows",
    );
    await page.close();
  } finally {
    updateSettingsInfra(db, before);
  }
});

/** Staff's hosting disclosure, through the settings verb (everything else as it is). */
function updateSettingsInfra(db: ReturnType<typeof database>, infrastructureMd: string) {
  const settings = pageSettings(must(getPage(db), "the page"));
  updateSettings(db, SYSTEM_ACTOR, { ...settings, logo: undefined, infrastructureMd });
}

test("[history] the demo's response-time charts and browser probe show on the status page from the first start", async ({
  browser,
}) => {
  const website = componentByName("Website");
  expect(website.browserProbeUrl).toBe(`${baseUrl()}/api/health`);
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport, baseURL: baseUrl() });
    const page = await context.newPage();
    await page.goto("/");
    for (const name of ["Website", "Public API", "Webhooks"]) {
      const row = page.locator(`[data-component="${componentByName(name).slug}"]`);
      const chart = row.getByTestId("response-time");
      await expect(chart, name).toBeVisible();
      await expect(chart.getByTestId("monitor-uptime")).toContainText(/24 h \d{2,3}(\.\d+)?%/);
      await chart.locator("summary").click();
      await expect(chart.getByRole("img", { name: /^Last 24 hours: typical \(p50\) about \d+ ms/ })).toBeVisible();
    }
    // "Is it just me?": the browser fetches the page's own health and agrees that all is well.
    const verdict = page.locator(`[data-component="${website.slug}"] [data-probe-url]`);
    const expected = componentByName("Website").status === "operational" ? "both-fine" : /.+/;
    await expect(verdict).toHaveAttribute("data-verdict", expected, { timeout: 15_000 });
    await expect(verdict).toBeVisible();
    await context.close();
  }
});

test("[history] screenshots of the history and infrastructure pages, light and dark, desktop and phone", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { month } = backfilledOutage();
  for (const colorScheme of ["light", "dark"] as const) {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ viewport, colorScheme, baseURL: baseUrl() });
      const page = await context.newPage();
      for (const [name, path] of [
        ["history", `/history?month=${month}`],
        ["history-filtered", `/history?month=${month}&component=${componentByName("Webhooks").id}`],
        ["infrastructure", "/infrastructure"],
      ] as const) {
        await page.goto(path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
        await expectNoSeriousAxeViolations(page);
        await page.screenshot({ path: `${SHOTS}/${name}-${viewport.width}-${colorScheme}.png`, fullPage: true });
      }
      // Where the past days and the demo's charts appear: the status page.
      await page.goto("/");
      await page.locator('[data-component="website"] [data-testid="response-time"] summary').click();
      await page.screenshot({ path: `${SHOTS}/history-status-${viewport.width}-${colorScheme}.png`, fullPage: true });
      await context.close();
    }
  }
});
