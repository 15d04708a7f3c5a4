// Monitors end to end: staff add a monitor in the admin area, the server's own scheduler checks
// a stand-in target on 127.0.0.1, takes the component down, proposes a draft incident that staff
// publish with one click; the public page shows response times and uptime from roll-ups.
import { getComponent } from "../db/queries/components";
import { getIncident } from "../db/queries/incidents";
import { insertCheck, listMonitors, listOpenDrafts, listRecentChecks, updateMonitorRow } from "../db/queries/monitors";
import { SYSTEM_ACTOR } from "../lib/audit";
import { createComponent, updateComponent } from "../lib/components";
import { createMonitor } from "../lib/monitors/monitors";
import { rollUp } from "../lib/monitors/rollups";
import { startTarget, type Target } from "../lib/monitors/test-support";
import { database, expect, expectNoSeriousAxeViolations, signInPage, test } from "./fixtures";

let target: Target;
// Each test waits for real checks by the server's scheduler and runs accessibility scans.
test.describe.configure({ timeout: 120_000 });
test.beforeAll(async () => {
  target = await startTarget();
});
test.afterAll(() => target.close());

/** Makes the monitor due now and waits until the server's scheduler has checked it once more. */
async function checkNow(monitorId: string) {
  const db = database();
  const before = listRecentChecks(db, monitorId, 1)[0]?.id ?? 0;
  updateMonitorRow(db, monitorId, { nextCheckAt: Date.now() });
  await expect.poll(() => listRecentChecks(db, monitorId, 1)[0]?.id ?? 0, { timeout: 15_000 }).toBeGreaterThan(before);
}

test("[monitors] staff add a monitor; two failed checks take the component down and propose a draft they publish", async ({
  page,
}) => {
  const db = database();
  const component = createComponent(db, SYSTEM_ACTOR, { name: `Checked API ${Date.now()}` });
  await signInPage(page);
  await page.goto("/admin/monitors");
  await expect(page.getByRole("heading", { level: 1, name: "Monitors" })).toBeVisible();
  await expect(
    page
      .getByRole("navigation", { name: "Staff area" })
      .getByRole("link", { name: "Monitors", exact: true, includeHidden: true }),
  ).toHaveAttribute("aria-current", "page");

  // Bad input is refused beside the field.
  await page.getByLabel("Name", { exact: true }).fill("Health endpoint");
  await page.getByLabel("Component", { exact: true }).selectOption(component.id);
  await page.getByLabel("URL", { exact: true }).fill(target.url);
  await page.getByLabel("Interval (seconds)").fill("5");
  await page.getByRole("button", { name: "Add monitor" }).click();
  await expect(page.getByText("Checks run at most every 15 seconds")).toBeVisible();

  await page.getByLabel("Interval (seconds)").fill("600");
  // The stand-in listens on 127.0.0.1: only an internal-target monitor (an admin's flag) may reach it.
  await page.getByLabel("Internal target: may reach loopback and private addresses").check();
  await page.getByRole("button", { name: "Add monitor" }).click();
  await expect(
    page.getByText(/Monitor “Health endpoint” created.*loopback or private address: make sure/),
  ).toBeVisible();
  const monitor = listMonitors(db).find((m) => m.componentId === component.id)!;
  expect(monitor).toMatchObject({
    kind: "http",
    intervalSeconds: 600,
    failThreshold: 2,
    recoverThreshold: 2,
    internalTarget: true,
  });

  await checkNow(monitor.id);
  expect(listRecentChecks(db, monitor.id, 1)[0]?.ok).toBe(true);
  target.mode = "down";
  await checkNow(monitor.id);
  expect(getComponent(db, component.id)!.status).toBe("operational");
  await checkNow(monitor.id);
  await expect.poll(() => getComponent(db, component.id)!.status).toBe("major_outage");

  await page.goto(`/admin/monitors/${monitor.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Health endpoint" })).toBeVisible();
  await expect(page.getByText("Down", { exact: true })).toBeVisible();
  await expect(page.getByTestId("latency-summary")).toContainText("Last 3: 2 failed");
  await expect(page.getByRole("cell", { name: "HTTP 503 (expected 200-299)" }).first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.goto("/admin/monitors");
  const title = `${component.name} is down`;
  const draft = page.getByRole("listitem", { name: title });
  await expect(draft).toContainText("First error: HTTP 503 (expected 200-299)");
  await expectNoSeriousAxeViolations(page);
  const draftId = listOpenDrafts(db).find((d) => d.componentId === component.id)!.id;
  await draft.getByRole("button", { name: `Publish incident: ${title}` }).click();
  await expect(page.getByText("Published. It is on the status page now.")).toBeVisible();
  await page.goto("/admin");
  await expect(draft).toHaveCount(0);
  const published = db.$client
    .prepare("select published_incident_id as id from monitor_drafts where id = ?")
    .get(draftId) as { id: string };
  expect(getIncident(db, published.id)).toMatchObject({ name: title, status: "investigating", impact: "critical" });

  // Pause from the monitor's page.
  await page.goto(`/admin/monitors/${monitor.id}`);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText(/^Paused: no checks run/)).toBeVisible();
  await expect.poll(() => listMonitors(db).find((m) => m.id === monitor.id)!.paused).toBe(true);
  target.mode = "up";
});

test("[monitors] the public page shows response times and uptime for a monitored component", async ({ page }) => {
  const db = database();
  const name = `Charted API ${Date.now()}`;
  const component = createComponent(db, SYSTEM_ACTOR, { name });
  const monitor = createMonitor(db, SYSTEM_ACTOR, {
    componentId: component.id,
    name: "Chart probe",
    kind: "http",
    paused: true,
    settings: { url: "http://127.0.0.1:9/" },
  });
  const now = Date.now();
  for (let i = 0; i < 48; i++)
    insertCheck(db, { monitorId: monitor.id, at: now - i * 30 * 60_000, ok: i !== 5, latencyMs: 80 + (i % 7) * 10 });
  for (let d = 3; d >= 0; d--) rollUp(db, now - d * 86_400_000, now - d * 86_400_000 - 30 * 3_600_000);
  rollUp(db, now, now - 25 * 3_600_000);
  updateComponent(db, SYSTEM_ACTOR, component.id, { description: "Charted" }); // moves the data version: the page rebuilds

  await page.goto("/");
  const row = page.locator(`[data-component="${component.slug}"]`);
  const details = row.getByTestId("response-time");
  await expect(details).toBeVisible();
  await expect(details.getByTestId("monitor-uptime")).toContainText("24 h 97.91%");
  await details.locator("summary").click();
  await expect(details.getByRole("img", { name: /^Last 24 hours: typical \(p50\) about \d+ ms/ })).toBeVisible();
  await expect(details.getByRole("img", { name: /^Last 7 days/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  // Server-rendered: the SVG is in the HTML itself, with no script needed.
  const html = await (await page.request.get("/")).text();
  expect(html).toContain("Last 24 hours: typical (p50)");
});

test("[monitors] a heartbeat URL records a beat (GET or POST); an unknown token is 404", async ({ request }) => {
  const db = database();
  const component = createComponent(db, SYSTEM_ACTOR, { name: `Nightly job ${Date.now()}` });
  const hb = createMonitor(db, SYSTEM_ACTOR, {
    componentId: component.id,
    name: "Nightly export",
    kind: "heartbeat",
    settings: { periodSeconds: 86_400 },
  });
  const before = Date.now();
  const post = await request.post(`/api/heartbeat/${hb.heartbeatToken}`);
  expect(post.status()).toBe(200);
  expect((await request.get(`/api/heartbeat/${hb.heartbeatToken}`)).status()).toBe(200);
  expect(listMonitors(db).find((m) => m.id === hb.id)!.lastBeatAt).toBeGreaterThanOrEqual(before);
  expect((await request.get("/api/heartbeat/not-a-known-token")).status()).toBe(404);
  const health = await (await request.get("/api/health")).json();
  expect(health.monitors).toEqual({ last_run: expect.any(String), late_checks: expect.any(Number) });
});
