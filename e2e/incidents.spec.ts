import fs from "node:fs";
import { SYSTEM_ACTOR } from "../lib/audit";
import { addIncidentUpdate, createIncident } from "../lib/incidents";
import {
  componentByName,
  database,
  expect,
  expectNoSeriousAxeViolations,
  openIncident,
  storedSnapshot,
  test,
} from "./fixtures";

test("[incidents] the incident page shows the whole timeline in order, markdown without raw HTML", async ({ page }) => {
  const api = componentByName("Public API");
  const incident = openIncident({
    name: "API errors <b>for some</b>",
    body: "We see **errors**. <script>window.__pwned = 1</script> Details: https://example.com/x",
    components: { [api.id]: "partial_outage" },
  });
  addIncidentUpdate(database(), SYSTEM_ACTOR, incident.id, { status: "identified", body: "Found a bad deploy." });
  addIncidentUpdate(database(), SYSTEM_ACTOR, incident.id, {
    status: "resolved",
    body: "Rolled back.",
    components: { [api.id]: "operational" },
  });

  await page.goto(`/incidents/${incident.id}`);
  await expect(page.getByRole("heading", { level: 2, name: "API errors <b>for some</b>" })).toBeVisible();
  const statuses = await page.locator("[data-update-seq] > p:first-child").allTextContents();
  expect(statuses).toEqual(["Resolved", "Identified", "Investigating"]);
  const first = page.locator("[data-update-seq]").last();
  await expect(first.locator("strong")).toHaveText("errors");
  await expect(first).toContainText("<script>window.__pwned = 1</script>");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(first.getByRole("link", { name: "https://example.com/x" })).toHaveAttribute("rel", "nofollow noopener");
  await expect(page.getByText(/Resolved.*\(after/)).toBeVisible();
  // The affected components, with their status now; a resolved incident is coloured resolved.
  await expect(page.locator(`[data-affected-component="${api.slug}"]`)).toHaveText("Public API · Operational");
  await expect(page.locator("[data-incident-status]")).toHaveText("Resolved");
  await expect(page.locator("[data-duration]")).toHaveText(/^Lasted /);
  await expectNoSeriousAxeViolations(page);
  fs.mkdirSync("e2e/.artifacts", { recursive: true });
  await page.screenshot({ path: "e2e/.artifacts/incident-1280.png", fullPage: true });
});

test("[incidents] an unknown incident is the 404 page", async ({ page }) => {
  for (const path of ["/incidents/doesnotexist", "/incidents/NOT-AN-ID", "/incidents/a/b"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});

test("[incidents] history is paginated by month and shows backfilled incidents as posted later", async ({ page }) => {
  const db = database();
  const threeMonthsAgo = Date.now() - 95 * 24 * 3600_000;
  const old = createIncident(db, SYSTEM_ACTOR, {
    name: "An old backfilled outage",
    status: "resolved",
    impact: "major",
    body: "Recorded later.",
    startedAt: threeMonthsAgo,
  });
  const month = new Date(threeMonthsAgo).toISOString().slice(0, 7);

  await page.goto("/history");
  await expect(page.getByRole("heading", { level: 2, name: "Incident history" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  // Walk back month by month to the backfilled incident.
  for (let i = 0; i < 6 && !(await page.getByRole("link", { name: "An old backfilled outage" }).count()); i++) {
    await page.getByRole("link", { name: /^←/ }).click();
  }
  expect(page.url()).toContain(`month=${month}`);
  const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "An old backfilled outage" }) });
  await expect(item).toContainText("posted later");
  expect(storedSnapshot().incidentsById.get(old.id)?.backfilled ?? true).toBe(true);
});

test("[incidents] malformed history queries fall back instead of failing", async ({ request }) => {
  for (const q of [
    "?month=2026-13",
    "?month=%E0%A4%A",
    "?page=-1",
    "?page=abc&month=",
    "?month=9999-01",
    "?page=99999999999",
  ]) {
    const res = await request.get(`/history${q}`);
    expect(res.status(), q).toBe(200);
  }
});
