// Staff pages for syndication on the shared server (no network credentials there: every network
// shows as off, never as an error). Addresses use the reserved .invalid domain and are removed
// again, so nothing is ever sent out.
import { eq } from "drizzle-orm";
import { subscribers } from "../db/schema";
import { SYSTEM_ACTOR } from "../lib/audit";
import { addSubscriber } from "../lib/syndication/subscribers";
import { setComponentStatus } from "../lib/testing";
import { baseUrl, componentByName, database, expect, expectNoSeriousAxeViolations, signInPage, test } from "./fixtures";

test("[syndication] channels: networks without credentials are off; staff add a Slack channel", async ({ page }) => {
  test.setTimeout(60_000);
  await signInPage(page);
  await page.goto("/admin/channels");
  await expect(page.getByRole("heading", { name: "Channels", level: 1 })).toBeVisible();
  await expect(page.getByText("X: off")).toBeVisible();
  await expect(
    page.getByText("Off: set X_APP_KEY, X_APP_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET to turn it on."),
  ).toBeVisible();
  await expect(page.getByText("Mastodon: off")).toBeVisible();
  await expect(page.getByText("Bluesky: off")).toBeVisible();

  const form = page.getByRole("form", { name: "Add a chat channel" });
  await form.getByLabel("URL").fill("ftp://hooks.example.com/chat");
  await form.getByRole("button", { name: "Add a chat channel" }).click();
  await expect(form.getByText("Only http:// and https:// URLs can receive webhooks")).toBeVisible();
  await form.getByLabel("Product").selectOption("slack");
  await form.getByLabel("URL").fill("https://hooks.slack.invalid/services/T000/B000/e2e");
  await form.getByLabel("Label").fill("#status-e2e");
  await form.getByRole("button", { name: "Add a chat channel" }).click();
  await expect(form.getByRole("status")).toContainText("slack channel added");
  await page.reload();
  await expect(page.getByRole("button", { name: "Remove slack #status-e2e" })).toBeVisible();
  const stored = database()
    .select()
    .from(subscribers)
    .where(eq(subscribers.address, "https://hooks.slack.invalid/services/T000/B000/e2e"))
    .get();
  expect(stored).toMatchObject({ kind: "slack", label: "#status-e2e" });
  expect(stored?.confirmedAt).not.toBeNull();
  await expectNoSeriousAxeViolations(page);
  // The shared server's later tests post updates: nothing may go out to this address.
  database().delete(subscribers).where(eq(subscribers.id, stored!.id)).run();
});

test("[syndication] subscribers: staff add a webhook (secret shown once) and remove it", async ({ page, browser }) => {
  test.setTimeout(120_000); // several full axe runs
  await signInPage(page);
  await page.goto("/admin/subscribers");
  const form = page.getByRole("form", { name: "Add a webhook" });
  await form.getByLabel("URL").fill("http://127.0.0.1:9/hook");
  await form.getByRole("button", { name: "Add a webhook" }).click();
  await expect(form.getByText("This address is private or local; webhooks go to public addresses only")).toBeVisible();
  await form.getByLabel("URL").fill("https://hooks.example.invalid/e2e-staff");
  await form.getByRole("button", { name: "Add a webhook" }).click();
  await expect(form.getByTestId("secret")).toContainText("whsec_");
  await page.reload();
  const row = page.getByRole("listitem", { name: "webhook https://hooks.example.invalid/e2e-staff" });
  await expect(row).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await row.getByRole("button", { name: "Remove webhook https://hooks.example.invalid/e2e-staff" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect
    .poll(() =>
      database()
        .select()
        .from(subscribers)
        .where(eq(subscribers.address, "https://hooks.example.invalid/e2e-staff"))
        .get(),
    )
    .toBeUndefined();

  const phone = await browser.newContext({
    viewport: { width: 360, height: 780 },
    colorScheme: "dark",
    baseURL: baseUrl(),
  });
  const small = await phone.newPage();
  await signInPage(small);
  for (const path of ["/admin/subscribers", "/admin/channels"]) {
    await small.goto(path);
    expect(
      await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      path,
    ).toBeLessThanOrEqual(0);
    await expectNoSeriousAxeViolations(small);
  }
  await phone.close();
});

test("[syndication] a failed component update to a webhook is listed for staff with Retry, at 1280 and 360 px, light and dark", async ({
  browser,
}) => {
  test.setTimeout(120_000); // four screens, each with a full axe run
  const db = database();
  const component = componentByName("Public API");
  // A loopback webhook: the shared server refuses private targets, so the sender fails it at once
  // (permanently) and nothing leaves the machine.
  const { subscriber } = addSubscriber(
    db,
    SYSTEM_ACTOR,
    { kind: "webhook", url: "http://127.0.0.1:9/outpost-e2e-hook", componentIds: [component.id] },
    { allowPrivate: true },
  );
  try {
    setComponentStatus(db, component.id, "major_outage");
    const row = (page: import("@playwright/test").Page) =>
      page
        .getByRole("region", { name: "Component updates to webhooks" })
        .getByRole("listitem")
        .filter({ hasText: "component update: Public API → Major outage" });
    for (const colorScheme of ["light", "dark"] as const) {
      for (const viewport of [
        { width: 1280, height: 900 },
        { width: 360, height: 780 },
      ]) {
        const context = await browser.newContext({ viewport, colorScheme, baseURL: baseUrl() });
        const page = await context.newPage();
        await signInPage(page);
        await expect(async () => {
          await page.goto("/admin/deliveries");
          await expect(row(page)).toBeVisible({ timeout: 1_000 });
        }).toPass({ timeout: 20_000 });
        await expect(row(page).getByRole("button", { name: /Retry/ })).toBeVisible();
        await expect(row(page)).toContainText("webhook at 127.0.0.1:9");
        await expect(row(page)).not.toContainText("outpost-e2e-hook");
        await expectNoSeriousAxeViolations(page);
        await page.screenshot({
          path: `e2e/.artifacts/staff-deliveries-${viewport.width}-${colorScheme}.png`,
          fullPage: true,
        });
        await context.close();
      }
    }
  } finally {
    database().delete(subscribers).where(eq(subscribers.id, subscriber.id)).run();
    setComponentStatus(db, component.id, "operational");
  }
});
