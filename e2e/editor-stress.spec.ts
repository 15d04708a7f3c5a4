// The incident screens under stress, on a 1366 px desktop and a 360 px phone: the new-incident
// form (title, status and message first, components as a checklist, Publish in reach), then the
// editor (status buttons, Ctrl+Enter, inline component statuses, the public card's live preview,
// the refused empty message, one-click Resolve with its prefilled message, Delete from the quiet
// menu), and both forms without JavaScript. What is stored is checked at each step.
import type { Browser, Page } from "@playwright/test";
import { getComponent } from "../db/queries/components";
import { getIncident, listUpdates } from "../db/queries/incidents";
import { SYSTEM_ACTOR } from "../lib/audit";
import { setComponentStatus } from "../lib/components";
import { createTemplate, deleteTemplate } from "../lib/templates";
import { staffT } from "../lib/i18n/staff";
import { must } from "../lib/testing";
import {
  baseUrl,
  componentByName,
  database,
  expect,
  expectNoSeriousAxeViolations,
  hydrated,
  openIncident,
  signInPage,
  test,
} from "./fixtures";

const DEVICES = [
  { name: "desktop", viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false },
  { name: "phone", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
] as const;
type Device = (typeof DEVICES)[number];

async function open(browser: Browser, device: Device, colorScheme: "light" | "dark" = "light") {
  const context = await browser.newContext({
    viewport: device.viewport,
    isMobile: device.isMobile,
    hasTouch: device.hasTouch,
    colorScheme,
    baseURL: baseUrl(),
  });
  const page = await context.newPage();
  await signInPage(page);
  return { context, page };
}

const main = (page: Page) => page.locator("#admin-main");
/** A status button: the radio's label is what a person taps (the input itself is visually hidden). */
const statusButton = (page: Page, form: string, status: string) =>
  main(page)
    .getByRole("form", { name: form })
    .getByRole("group", { name: "Status" })
    .locator("label")
    .filter({ hasText: new RegExp(`^${status}`) });
const updateForm = (page: Page) => main(page).getByRole("form", { name: "Post an update" });
const cardPreview = (page: Page) => main(page).getByRole("region", { name: "Message: preview" });
const stored = (id: string) => listUpdates(database(), [id]);

/** What the person sees (the first screen), and the whole page with the Publish bar in its place. */
async function shoot(page: Page, name: string, device: Device, scheme = "light") {
  const path = `e2e/.artifacts/editor-stress-${name}-${device.name}-${scheme}`;
  await page.screenshot({ path: `${path}-screen.png` });
  const unstick = await page.addStyleTag({ content: "[data-sticky-bar] { position: static !important; }" });
  await page.screenshot({ path: `${path}.png`, fullPage: true });
  await unstick.evaluate((el) => (el as Element).remove());
}

for (const device of DEVICES) {
  test(`[editor-stress] ${device.name}: report with the checklist, update with status buttons and Ctrl+Enter, resolve in one click, delete from the quiet menu`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const db = database();
    const checkout = componentByName("Checkout");
    const payouts = componentByName("Payouts");
    const { context, page } = await open(browser, device);
    const title = `Card payments failing ${device.name} ${Date.now()}`;
    // From a known state, and back to it whatever happens.
    setComponentStatus(db, SYSTEM_ACTOR, { id: checkout.id, status: "operational" });
    try {
      // New incident: title, status and message first; Publish in reach without scrolling.
      await page.goto("/admin/incidents/new");
      const form = main(page).getByRole("form", { name: "Report a problem" });
      const publish = form.getByRole("button", { name: "Publish incident" });
      const box = must(await publish.boundingBox(), "the Publish button's box");
      expect(box.y + box.height, "Publish is on the first screen").toBeLessThanOrEqual(device.viewport.height);
      await expect(form.getByRole("textbox", { name: "Title" })).toBeFocused();
      await form.getByRole("textbox", { name: "Title" }).fill(title);
      await statusButton(page, "Report a problem", "Identified").click();
      // Components: a row of chips each, "Not affected" chosen; a filter narrows the list and
      // keeps the chosen ones in view.
      const chips = form.getByRole("group", { name: "Status of Checkout" });
      const payoutsChips = form.getByRole("group", { name: "Status of Payouts" });
      await expect(chips.getByRole("radio", { name: "Not affected" })).toBeChecked();
      await form.getByRole("searchbox", { name: "Filter components" }).fill("check");
      await expect(payoutsChips).toBeHidden();
      await chips.locator("label").filter({ hasText: "Major" }).click();
      await expect(chips.getByRole("radio", { name: "Major outage" })).toBeChecked();
      await form.getByRole("searchbox", { name: "Filter components" }).fill("zzz");
      await expect(chips).toBeVisible();
      await form.getByRole("searchbox", { name: "Filter components" }).fill("");
      await expect(payoutsChips).toBeVisible();
      // The public card as it will read, redrawn as the person types.
      const message = form.getByRole("textbox", { name: "Message", exact: true });
      await message.fill("Some card payments **fail** at checkout.");
      await expect(cardPreview(page).locator("strong")).toHaveText("fail");
      await expect(cardPreview(page).getByRole("heading", { name: title })).toBeVisible();
      await expect(cardPreview(page).locator("[data-incident-status]")).toHaveText("Identified");
      await expect(cardPreview(page).locator('[data-affected-component="checkout"]')).toContainText("Major outage");
      await message.pressSequentially(" Retrying");
      await expect(cardPreview(page)).toContainText("Retrying");
      await expectNoSeriousAxeViolations(page);
      await shoot(page, "new", device);
      await publish.click();
      await expect(page.getByText("Published. It is on the status page now.")).toBeVisible();
      const id = must(/\/admin\/incidents\/([a-z0-9]+)/.exec(page.url())?.[1], "the incident's id");
      expect(getIncident(db, id)).toMatchObject({ name: title, status: "identified", impact: "critical" });
      expect(getComponent(db, checkout.id)?.status).toBe("major_outage");
      expect(getComponent(db, payouts.id)?.status).toBe(payouts.status);

      // The editor: the current status marked, the incident's components inline.
      const update = updateForm(page);
      // Its name says so too: "Identified now".
      await expect(update.getByRole("radio", { name: /^Identified\s+now$/ })).toBeChecked();
      await expect(statusButton(page, "Post an update", "Identified")).toContainText("now");
      const checkoutStatus = update.getByRole("combobox", { name: "Status of Checkout" });
      await expect(checkoutStatus).toBeVisible();
      await expect(checkoutStatus).toHaveValue("");
      await expect(update.getByRole("combobox", { name: "Status of Payouts" })).toBeHidden();
      // Status buttons, an inline component change, and Ctrl+Enter; Enter alone is a new line.
      await statusButton(page, "Post an update", "Monitoring").click();
      await checkoutStatus.selectOption("degraded_performance");
      const body = update.getByRole("textbox", { name: "Message", exact: true });
      await body.fill("A fix is out.");
      await body.press("Enter");
      await body.pressSequentially("Watching the error rate.");
      await expect(body).toHaveValue("A fix is out.\nWatching the error rate.");
      await expect(cardPreview(page).locator("[data-incident-status]")).toHaveText("Monitoring");
      await expect(cardPreview(page).locator('[data-affected-component="checkout"]')).toContainText(
        "Degraded performance",
      );
      await expect(cardPreview(page)).toContainText("Watching the error rate.");
      await body.press("Control+Enter");
      await expect(update.getByText("Update published.")).toBeVisible();
      expect(stored(id)[0]).toMatchObject({ status: "monitoring", body: "A fix is out.\nWatching the error rate." });
      expect(getComponent(db, checkout.id)?.status).toBe("degraded_performance");
      await expect(page.getByTestId("incident-status")).toHaveText("Monitoring");
      await expect(body).toHaveValue("");

      // An empty message is refused beside the field; a confirmed status-only change goes out.
      await statusButton(page, "Post an update", "Identified").click();
      await update.getByRole("button", { name: "Post update" }).click();
      await expect(update.getByText(/Write a message for the public/)).toBeVisible();
      await expect(body).toHaveAttribute("aria-invalid", "true");
      expect(stored(id)).toHaveLength(2);
      await expectNoSeriousAxeViolations(page);
      await shoot(page, "refused", device);
      await update.getByRole("checkbox", { name: /Post without a message/ }).check();
      await update.getByRole("button", { name: "Post update" }).click();
      await expect(page.getByTestId("incident-status")).toHaveText("Identified");
      expect(stored(id)[0]).toMatchObject({ status: "identified", body: "" });

      // Delete from the quiet menu: nothing red in sight until the menu opens, and a confirmation.
      const timeline = page.getByRole("list", { name: "Published updates" });
      const latest = timeline.getByRole("listitem").first();
      await expect(latest.getByRole("button", { name: /^Delete/ })).toBeHidden();
      await latest.getByLabel(/^More actions for the Identified update/).click();
      await shoot(page, "menu", device);
      await latest.getByRole("button", { name: /^Delete the Identified update/ }).click();
      const dialog = page.getByRole("dialog", { name: "Delete this update?" });
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(dialog).toBeHidden();
      // (Had Cancel deleted it, the confirmed delete below would take a second one.)
      await latest.getByRole("button", { name: /^Delete the Identified update/ }).click();
      await expectNoSeriousAxeViolations(page);
      await dialog.getByRole("button", { name: "Delete update" }).click();
      await expect(timeline.getByRole("listitem")).toHaveCount(2);
      expect(stored(id).map((u) => u.status)).toEqual(["monitoring", "identified"]);

      // One-click Resolve: the page's "Resolved" template is the message, editable, then one click.
      const template = createTemplate(db, SYSTEM_ACTOR, {
        name: "Resolved",
        title: "Resolved",
        body: "Payments work again. Sorry for the trouble.",
      });
      try {
        await page.reload();
        await expectNoSeriousAxeViolations(page);
        await shoot(page, "editor", device);
        const resolveForm = main(page).getByRole("form", { name: "Resolve" });
        const resolution = resolveForm.getByRole("textbox", { name: "Resolution message" });
        await expect(resolution).toHaveValue("Payments work again. Sorry for the trouble.");
        await resolution.focus();
        await expect(cardPreview(page).locator("[data-incident-status]")).toHaveText("Resolved");
        await expect(cardPreview(page).locator('[data-affected-component="checkout"]')).toContainText("Operational");
        if (device.name === "phone") {
          // On a phone the Resolve form is below the update form; a strip near the top submits it
          // as it stands, edits included, and says what it will post.
          await resolution.fill("Payments work again. Sorry for the trouble!");
          const shortcut = main(page).getByRole("button", { name: "Resolve incident" }).first();
          await expect(shortcut).toHaveAttribute("form", "resolve-form");
          await expect(main(page).locator("#resolve-shortcut")).toContainText("Sorry for the trouble!");
          await page.evaluate(() => window.scrollTo(0, 0));
          const box = must(await shortcut.boundingBox(), "the shortcut's box");
          expect(box.y + box.height, "the phone's Resolve is on the first screen").toBeLessThanOrEqual(
            device.viewport.height,
          );
          await shortcut.click();
        } else {
          await expect(main(page).getByRole("button", { name: "Resolve incident" })).toHaveCount(1);
          await resolveForm.getByRole("button", { name: "Resolve incident" }).click();
        }
        await expect(page.getByText("Resolved. The status page shows it now.")).toBeVisible();
        await expect(page.getByTestId("incident-status")).toHaveText("Resolved");
        expect(stored(id)[0]).toMatchObject({
          status: "resolved",
          body: `Payments work again. Sorry for the trouble${device.name === "phone" ? "!" : "."}`,
        });
        expect(getComponent(db, checkout.id)?.status).toBe("operational");
        await expect(main(page).getByRole("form", { name: "Resolve" })).toHaveCount(0);
      } finally {
        deleteTemplate(db, SYSTEM_ACTOR, template.id);
      }
    } finally {
      setComponentStatus(db, SYSTEM_ACTOR, { id: checkout.id, status: "operational" });
      await context.close();
    }
  });
}

test("[editor-stress] one-click Resolve without a resolved template starts from a plain sentence, and Enter in it is a new line", async ({
  page,
}) => {
  const incident = openIncident({ name: `Slow search ${Date.now()}` });
  await signInPage(page);
  await page.goto(`/admin/incidents/${incident.id}`);
  const resolveForm = main(page).getByRole("form", { name: "Resolve" });
  const resolution = resolveForm.getByRole("textbox", { name: "Resolution message" });
  await expect(resolution).toHaveValue(staffT("staff.incidents.resolveDefault"));
  await hydrated(resolution);
  await resolution.fill("Search is fast again.");
  await resolution.press("Enter");
  await resolution.pressSequentially("The index was rebuilt.");
  await resolution.press("Meta+Enter");
  await expect(page.getByTestId("incident-status")).toHaveText("Resolved");
  expect(stored(incident.id)[0]).toMatchObject({
    status: "resolved",
    body: "Search is fast again.\nThe index was rebuilt.",
  });
});

test("[editor-stress] what is typed before the page's script runs is kept once it runs", async ({ page }) => {
  const incident = openIncident({ name: `Slow exports ${Date.now()}` });
  await signInPage(page);
  // Hold the scripts back until the person has typed into the plain HTML form.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/admin/incidents/${incident.id}`, { waitUntil: "commit" });
  const resolution = main(page)
    .getByRole("form", { name: "Resolve" })
    .getByRole("textbox", { name: "Resolution message" });
  await resolution.fill("Exports are fast again.");
  release();
  await page.waitForLoadState("networkidle");
  // Typing once the script runs goes on from what was there, and the form posts it all.
  await resolution.press("End");
  await resolution.pressSequentially(" Thanks for waiting.");
  await expect(resolution).toHaveValue("Exports are fast again. Thanks for waiting.");
  await resolution.press("Control+Enter");
  await expect(page.getByTestId("incident-status")).toHaveText("Resolved");
  expect(stored(incident.id)[0]).toMatchObject({
    status: "resolved",
    body: "Exports are fast again. Thanks for waiting.",
  });
});

test("[editor-stress] without JavaScript the new-incident form and the update form still post", async ({ browser }) => {
  test.setTimeout(60_000);
  const db = database();
  const webhooks = componentByName("Webhooks");
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseUrl() });
  const page = await context.newPage();
  await signInPage(page);
  try {
    await page.goto("/admin/incidents/new");
    const form = main(page).getByRole("form", { name: "Report a problem" });
    // No filter without JavaScript: the whole list.
    await expect(form.getByRole("searchbox")).toHaveCount(0);
    const title = `Webhooks delayed ${Date.now()}`;
    await form.getByRole("textbox", { name: "Title" }).fill(title);
    // Plain radios: one tap on the component's chip.
    const chips = form.getByRole("group", { name: "Status of Webhooks" });
    await chips.locator("label").filter({ hasText: "Degraded" }).click();
    await form.getByRole("textbox", { name: "Message", exact: true }).fill("Webhook deliveries are delayed.");
    await form.getByRole("button", { name: "Publish incident" }).click();
    await expect(page.getByText("Published. It is on the status page now.")).toBeVisible();
    const id = must(/\/admin\/incidents\/([a-z0-9]+)/.exec(page.url())?.[1], "the incident's id");
    expect(getIncident(db, id)).toMatchObject({ name: title, status: "investigating", impact: "minor" });
    expect(getComponent(db, webhooks.id)?.status).toBe("degraded_performance");

    // The update form: an empty message is refused, the confirmation box appears, then it posts.
    const update = updateForm(page);
    await statusButton(page, "Post an update", "Monitoring").click();
    await update.getByRole("button", { name: "Post update" }).click();
    await expect(updateForm(page).getByText(/Write a message for the public/)).toBeVisible();
    await expect(updateForm(page).getByRole("radio", { name: /^Monitoring/ })).toBeChecked();
    await updateForm(page)
      .getByRole("checkbox", { name: /Post without a message/ })
      .check();
    await updateForm(page).getByRole("button", { name: "Post update" }).click();
    await expect.poll(() => getIncident(db, id)?.status).toBe("monitoring");
    await page.goto(`/admin/incidents/${id}`);
    // The restore box shows only with a closing status chosen (CSS :has, no script).
    await expect(updateForm(page).getByRole("checkbox", { name: /set its components back/ })).toBeHidden();
    await statusButton(page, "Post an update", "Resolved").click();
    await expect(updateForm(page).getByRole("checkbox", { name: /set its components back/ })).toBeChecked();
    await updateForm(page).getByRole("textbox", { name: "Message", exact: true }).fill("Deliveries caught up.");
    await updateForm(page).getByRole("button", { name: "Post update" }).click();
    await expect.poll(() => getIncident(db, id)?.status).toBe("resolved");
    expect(stored(id).map((u) => [u.status, u.body])).toEqual([
      ["resolved", "Deliveries caught up."],
      ["monitoring", ""],
      ["investigating", "Webhook deliveries are delayed."],
    ]);
    expect(getComponent(db, webhooks.id)?.status).toBe("operational");
  } finally {
    setComponentStatus(db, SYSTEM_ACTOR, { id: webhooks.id, status: "operational" });
    await context.close();
  }
});

test("[editor-stress] the editor and the new-incident form pass axe and fit, on a desktop and a phone, light and dark", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const incident = openIncident({
    name: "Screens: checkout errors",
    components: { [componentByName("Checkout").id]: "partial_outage" },
  });
  try {
    for (const device of DEVICES) {
      for (const scheme of ["light", "dark"] as const) {
        const { context, page } = await open(browser, device, scheme);
        for (const [name, path] of [
          ["new", "/admin/incidents/new"],
          ["editor", `/admin/incidents/${incident.id}`],
        ] as const) {
          await page.goto(path);
          const message = main(page).getByRole("textbox", { name: "Message", exact: true });
          await message.fill("We are looking into **errors** at checkout.");
          await expect(cardPreview(page).locator("strong")).toHaveText("errors");
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${path} fits ${device.name}`).toBeLessThanOrEqual(0);
          await expectNoSeriousAxeViolations(page);
          await shoot(page, `${name}-typed`, device, scheme);
        }
        await context.close();
      }
    }
  } finally {
    setComponentStatus(database(), SYSTEM_ACTOR, { id: componentByName("Checkout").id, status: "operational" });
  }
});

test("[editor-stress] where the Publish button sits on a 360 px phone", async ({ browser }) => {
  const { context, page } = await open(browser, DEVICES[1]);
  await page.goto("/admin/incidents/new");
  const publish = main(page).getByRole("button", { name: "Publish incident" });
  const onScreen = must(await publish.boundingBox(), "Publish's box");
  // Where it would sit without the sticky bar: the end of the form in the document.
  const inFlow = await publish.evaluate((el) => {
    const bar = el.parentElement!;
    bar.style.position = "static";
    const y = el.getBoundingClientRect().top + window.scrollY;
    bar.style.position = "";
    return y;
  });
  const note = `Publish on a 360x740 phone: y ${Math.round(onScreen.y)} px on the first screen (sticky), ${Math.round(inFlow)} px down the form`;
  console.log(note);
  test.info().annotations.push({ type: "publish-y", description: note });
  expect(onScreen.y + onScreen.height).toBeLessThanOrEqual(740);
  await context.close();
});
