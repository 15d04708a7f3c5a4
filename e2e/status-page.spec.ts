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
  await expect(page.getByRole("region", { name: "Overall status" })).toHaveText(stored.status.description);
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
  await expect(card).toContainText(/Last updated .*(minute|now|second)/);
  await expect(page.getByRole("region", { name: "Scheduled maintenance" })).toContainText("Database cluster upgrade");
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    "href",
    "/history.rss",
  );
});

test("[status page] uptime bars show 90 days with an accessible summary", async ({ page }) => {
  await page.goto("/");
  const row = page.locator('[data-component="database-cluster"]');
  const bar = row.getByRole("img");
  await expect(bar.locator("rect")).toHaveCount(90);
  const label = await bar.getAttribute("aria-label");
  expect(label).toMatch(/Database cluster, last 90 days: 99\.\d+% uptime\..*major outage/);
  await expect(bar.locator("rect title").first()).toHaveText(/: (no data|no downtime recorded|.*outage.*)/);
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
      await expectNoSeriousAxeViolations(page);
      expect(errors).toEqual([]); // includes CSP refusals of the inline style or script
      await page.screenshot({ path: `${SHOTS}/status-${viewport.width}-${colorScheme}.png`, fullPage: true });
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
  await expect(page.getByRole("region", { name: "Overall status" })).toHaveText(expected.description);
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
    .poll(async () => (await page.goto("/"), await page.getByRole("region", { name: "Overall status" }).textContent()))
    .toBe("All Systems Operational");
  const incident = openIncident({ name: "Reports of slow sign-in", impact: "none" });
  await expect
    .poll(async () => (await page.goto("/"), await page.getByRole("region", { name: "Overall status" }).textContent()))
    .toBe("Minor Service Outage");
  addIncidentUpdate(db, SYSTEM_ACTOR, incident.id, { status: "resolved" });
  setComponentStatus(db, componentByName("Payouts").id, "degraded_performance");
});
