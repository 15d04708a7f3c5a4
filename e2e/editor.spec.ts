// The incident editor end to end: the first public word in one form, then updates, an edit,
// resolve with restore and a postmortem; what the public sees and what is stored, at each step.
import { getIncident, listUpdates } from "../db/queries/incidents";
import { SYSTEM_ACTOR } from "../lib/audit";
import { createIncident } from "../lib/incidents";
import { must } from "../lib/testing";
import {
  baseUrl,
  componentByName,
  database,
  expect,
  expectNoSeriousAxeViolations,
  openIncident,
  signInPage,
  test,
} from "./fixtures";
import { startServer } from "./support/server";
import { startSmtp } from "./support/smtp";
import { E2E_ADMIN, signIn } from "./support/auth";

type Summary = {
  incidents: { id: string; name: string; status: string; incident_updates: { status: string; body: string }[] }[];
  components: { id: string; status: string }[];
};
const summary = async (request: import("@playwright/test").APIRequestContext) =>
  (await (await request.get("/api/v2/summary.json")).json()) as Summary;

/** The update form's status buttons: a person taps the label (the radio input is visually hidden). */
const pickStatus = (page: import("@playwright/test").Page, status: string) =>
  page
    .getByRole("form", { name: "Post an update" })
    .getByRole("group", { name: "Status" })
    .locator("label")
    .filter({ hasText: new RegExp(`^${status}`) })
    .click();

test("[editor] Report a problem → publish in one form → update → edit → resolve with restore → postmortem", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const api = componentByName("Public API");
  await signInPage(page);
  const title = `Checkout errors ${Date.now()}`;

  // The first word: from the dashboard, one button, one form.
  await page.goto("/admin");
  const started = Date.now();
  let clicks = 0;
  await page.getByRole("link", { name: "Report a problem" }).click();
  clicks++;
  await page.getByLabel("Title").fill(title);
  // One tap on a component's chip says it is affected and how.
  const chips = page.getByRole("group", { name: "Status of Public API" });
  await expect(chips.getByRole("radio", { name: "Not affected" })).toBeChecked();
  await chips.locator("label").filter({ hasText: "Partial" }).click();
  clicks++;
  await expect(chips.getByRole("radio", { name: "Partial outage" })).toBeChecked();
  await page
    .getByRole("textbox", { name: "Message", exact: true })
    .fill("We are investigating **errors** at checkout.");
  await expect(page.getByRole("region", { name: "Message: preview" }).locator("strong")).toHaveText("errors");
  await page.getByRole("button", { name: "Publish incident" }).click();
  clicks++;
  await expect(page.getByText("Published. It is on the status page now.")).toBeVisible();
  const id = must(/\/admin\/incidents\/([a-z0-9]+)/.exec(page.url())?.[1], "an incident id in the address");
  await expect
    .poll(async () => (await summary(request)).incidents.find((i) => i.id === id)?.status, { timeout: 5_000 })
    .toBe("investigating");
  const seconds = (Date.now() - started) / 1000;
  test.info().annotations.push({
    type: "first-post",
    description: `${clicks} clicks, ${seconds.toFixed(1)} s from the dashboard to summary.json (typing by Playwright)`,
  });
  console.log(`first post: ${clicks} clicks, ${seconds.toFixed(1)} s from the dashboard to summary.json`);
  expect((await summary(request)).components.find((c) => c.id === api.id)?.status).toBe("partial_outage");
  await page.goto("/");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.locator("[data-next-update]").first()).toContainText("Next update by");

  // An update, strictly after the first.
  await page.goto(`/admin/incidents/${id}`);
  await pickStatus(page, "Identified");
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("A bad deploy; rolling back.");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByText("Update published.")).toBeVisible();
  await expect(page.getByTestId("incident-status")).toHaveText("Identified");

  // Correcting a published message: the public page says "edited".
  const timeline = page.getByRole("list", { name: "Published updates" });
  await timeline.getByRole("listitem").first().getByText("Edit message").click();
  await timeline.getByLabel("Corrected message").first().fill("A bad deploy of the payment service; rolling back.");
  await timeline.getByRole("button", { name: "Save correction" }).first().click();
  await expect(page.getByText("Saved. The public page marks this update as edited.")).toBeVisible();
  // Public views follow a write within a second (a worker checks the data version every 250 ms).
  await expect(async () => {
    await page.goto(`/incidents/${id}`);
    await expect(page.getByText("A bad deploy of the payment service; rolling back.")).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 5_000 });
  await expect(page.locator("[data-edited]")).toHaveCount(1);

  // Resolve, setting the components back to operational in the same step.
  await page.goto(`/admin/incidents/${id}`);
  await pickStatus(page, "Resolved");
  // Choosing Resolved fills the empty message with the closing sentence; the person may rewrite it.
  const message = page
    .getByRole("form", { name: "Post an update" })
    .getByRole("textbox", { name: "Message", exact: true });
  await expect(message).not.toHaveValue("");
  await message.fill("Rolled back; checkout works again.");
  await expect(page.getByLabel(/set its components back to operational/)).toBeChecked();
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByTestId("incident-status")).toHaveText("Resolved");
  await expect
    .poll(async () => (await summary(request)).components.find((c) => c.id === api.id)?.status)
    .toBe("operational");
  expect((await summary(request)).incidents.some((i) => i.id === id)).toBe(false);

  // Postmortem: a private draft first, then published.
  await page
    .getByRole("textbox", { name: "Postmortem", exact: true })
    .fill("## What happened\nA deploy broke checkout for 12 minutes.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved. Only staff can see it.")).toBeVisible();
  await page.goto(`/incidents/${id}`);
  await expect(page.getByRole("heading", { name: "Postmortem" })).toHaveCount(0);
  await page.goto(`/admin/incidents/${id}`);
  await page.getByRole("button", { name: "Publish postmortem" }).click();
  await expect(page.getByText("Postmortem published.")).toBeVisible();
  await page.goto(`/incidents/${id}`);
  await expect(page.getByRole("heading", { name: "Postmortem" })).toBeVisible();
  await expect(page.getByText("A deploy broke checkout for 12 minutes.")).toBeVisible();
  const incidents = (await (await request.get("/api/v2/incidents.json")).json()) as {
    incidents: { id: string; status: string; postmortem_body?: string }[];
  };
  expect(incidents.incidents.find((i) => i.id === id)).toMatchObject({
    status: "postmortem",
    postmortem_body: expect.stringContaining("broke checkout"),
  });

  // What is stored: five updates in strict order, the edited one marked.
  const stored = listUpdates(database(), [id]);
  expect(stored.map((u) => u.status)).toEqual(
    ["postmortem", "resolved", "identified", "investigating"].slice(0, stored.length),
  );
  expect(stored.map((u) => u.seq)).toEqual([...stored.map((u) => u.seq)].sort((a, b) => b - a));
  expect(stored.find((u) => u.status === "identified")?.editedAt).not.toBeNull();
  expect(getIncident(database(), id)?.status).toBe("postmortem");
});

test("[editor] bad input is refused beside the field and writes nothing", async ({ page }) => {
  await signInPage(page);
  const before = database().$client.prepare("SELECT count(*) AS n FROM incidents").get() as { n: number };
  await page.goto("/admin/incidents/new");
  await page.getByLabel("Title").fill("   ");
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("x".repeat(20_001));
  await page.getByRole("button", { name: "Publish incident" }).click();
  await expect(page.getByText("Please check the fields marked below.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Give the incident a title")).toBeVisible();

  await page.goto("/admin/maintenance/new");
  await page.getByLabel("Title").fill("Window backwards");
  await page.getByLabel(/^Starts/).fill("2030-01-01T03:00");
  await page.getByLabel(/^Ends/).fill("2030-01-01T02:00");
  await page.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page.getByText("must be after the start")).toBeVisible();
  await expect(page.getByLabel(/^Ends/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Title")).toHaveValue("Window backwards");
  const after = database().$client.prepare("SELECT count(*) AS n FROM incidents").get() as { n: number };
  expect(after.n).toBe(before.n);
});

test("[editor] a template prefills the form from the dashboard", async ({ page }) => {
  await signInPage(page);
  const name = `Database slow ${Date.now()}`;
  await page.goto("/admin/templates");
  const form = page.getByRole("form", { name: "New template" });
  await form.getByLabel("Template name").fill(name);
  await form.getByLabel("Title").fill("Slow database queries");
  await form
    .getByRole("textbox", { name: "Message", exact: true })
    .fill("Some pages load slowly. We are looking into it.");
  await form.getByLabel(/^Database/).selectOption("degraded_performance");
  await form.getByRole("button", { name: "Create template" }).click();
  await expect(page.getByText("Template created.")).toBeVisible();

  await page.goto("/admin");
  await page.getByRole("link", { name }).click();
  await expect(page.getByLabel("Title")).toHaveValue("Slow database queries");
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toHaveValue(
    "Some pages load slowly. We are looking into it.",
  );
  await expect(
    page.getByRole("group", { name: /^Status of Database/ }).getByRole("radio", { name: "Degraded performance" }),
  ).toBeChecked();
});

test("[editor] an overdue incident is flagged first on the dashboard, and whoever posted last gets a reminder mail", async ({
  page,
}) => {
  const smtp = await startSmtp();
  const server = await startServer({
    OUTPOST_DEMO: "1",
    OUTPOST_ADMIN_EMAIL: E2E_ADMIN.email,
    OUTPOST_ADMIN_PASSWORD: E2E_ADMIN.password,
    SMTP_URL: smtp.url,
    MAIL_FROM: "status@e2e.test",
  });
  try {
    const { openDatabase } = await import("../db/client");
    const db = openDatabase(server.databasePath);
    const admin = db.$client.prepare("SELECT id, email, role FROM users WHERE email = ?").get(E2E_ADMIN.email) as {
      id: string;
      email: string;
      role: "admin";
    };
    const actor = { type: "user" as const, id: admin.id, label: admin.email, role: admin.role };
    // Opened 40 minutes ago with the default 30-minute promise: 10 minutes overdue.
    const late = createIncident(
      db,
      actor,
      { name: "Overdue: login failures", status: "investigating", impact: "major", body: "Looking." },
      Date.now() - 40 * 60_000,
    );
    const mail = await smtp.waitFor((m) => m.subject.includes("Overdue: login failures"), 15_000);
    expect(mail.to).toEqual([E2E_ADMIN.email]);
    expect(mail.text).toContain(`/admin/incidents/${late.id}`);
    // The mail reaches the SMTP server a moment before the server records that it was sent.
    await expect.poll(() => getIncident(db, late.id)?.overdueRemindedAt ?? null, { timeout: 10_000 }).not.toBeNull();

    await signIn(page.request, server.url, E2E_ADMIN);
    await page.goto(`${server.url}/admin`);
    const open = page.getByRole("list", { name: "Open incidents" }).getByRole("listitem");
    const item = open.filter({ hasText: "Overdue: login failures" });
    await expect(item).toHaveAttribute("data-overdue", "true");
    await expect(item).toContainText("Overdue since");
    // Every overdue incident is listed before every incident still within its promise.
    const flags = await open.evaluateAll((items) => items.map((li) => li.getAttribute("data-overdue") === "true"));
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    db.$client.close();
  } finally {
    await server.stop();
    await smtp.close();
  }
});

test("[editor] a maintenance starts and completes by itself; a recurring schedule creates its occurrences", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const db = database();
  const web = componentByName("Website");
  const now = Date.now();
  const m = createIncident(db, SYSTEM_ACTOR, {
    kind: "maintenance",
    name: "Short window",
    status: "scheduled",
    body: "Quick restart.",
    componentIds: [web.id],
    scheduledFor: now + 3_000,
    scheduledUntil: now + 9_000,
  });
  const status = async () =>
    ((await (await request.get("/api/v2/components.json")).json()) as Summary).components.find((c) => c.id === web.id)
      ?.status;
  await expect.poll(status, { timeout: 15_000 }).toBe("under_maintenance");
  await expect.poll(status, { timeout: 20_000 }).toBe("operational");
  expect(getIncident(db, m.id)?.status).toBe("completed");
  expect(listUpdates(db, [m.id]).map((u) => u.status)).toEqual(["completed", "in_progress", "scheduled"]);

  await signInPage(page);
  await page.goto("/admin/maintenance");
  const form = page.getByRole("form", { name: "Repeat a maintenance" });
  const title = `Monthly patching ${Date.now()}`;
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Repeats").selectOption("monthly");
  await form.getByLabel("Week of the month (monthly)").selectOption("1");
  await form.getByLabel("Day").selectOption("0");
  await form.getByLabel(/^Starts at/).fill("02:00");
  await form.getByLabel("Lasts (minutes)").fill("60");
  await form.getByLabel("Website").check();
  await form.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByText(/Schedule saved/)).toBeVisible();
  await expect(page.getByText(/first Sunday/i).first()).toBeVisible();
  type Upcoming = { scheduled_maintenances: { name: string }[] };
  const occurrences = async () =>
    (
      (await (await request.get("/api/v2/scheduled-maintenances/upcoming.json")).json()) as Upcoming
    ).scheduled_maintenances.filter((x) => x.name === title).length;
  await expect.poll(occurrences).toBeGreaterThan(0);
});

test("[editor] staff editor screens pass axe at 1280 and 360 px, light and dark", async ({ browser }) => {
  test.setTimeout(240_000);
  const incident = openIncident({
    name: "Screens: elevated latency",
    components: { [componentByName("Public API").id]: "degraded_performance" },
  });
  const paths = [
    "/admin",
    "/admin/incidents/new",
    `/admin/incidents/${incident.id}`,
    "/admin/incidents",
    "/admin/maintenance",
    "/admin/templates",
  ];
  for (const colorScheme of ["light", "dark"] as const) {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 360, height: 780 },
    ]) {
      const context = await browser.newContext({ viewport, colorScheme, baseURL: baseUrl() });
      const page = await context.newPage();
      await signInPage(page);
      for (const path of paths) {
        await page.goto(path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
        await expectNoSeriousAxeViolations(page);
        const name = path.replace(incident.id, "id").replaceAll("/", "-");
        await page.screenshot({
          path: `e2e/.artifacts/editor${name}-${viewport.width}-${colorScheme}.png`,
          fullPage: true,
        });
      }
      await context.close();
    }
  }
});
