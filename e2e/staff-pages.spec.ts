// The staff pages for components and settings, driven in a real browser: each change reaches
// the public page and the v2 JSON, bad input gets a message beside its field and changes nothing.
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { getPage } from "../db/queries/page";
import { listAudit } from "../db/queries/audit";
import { SYSTEM_ACTOR } from "../lib/audit";
import {
  createComponent,
  createGroup,
  deleteComponent,
  deleteGroup,
  pageComponents,
  pageGroups,
} from "../lib/components";
import { newId } from "../lib/ids";
import { pageSettings, updateSettings } from "../lib/settings";
import { baseUrl, database, expect, expectNoSeriousAxeViolations, newStaff, signInPage, test } from "./fixtures";
import { signIn } from "./support/auth";

const SHOTS = "e2e/.artifacts";
fs.mkdirSync(SHOTS, { recursive: true });

const LOGO_SVG = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#aa3300"/><path d="M9 16h14M16 9v14" stroke="#fff" stroke-width="4"/></svg>`,
);

const stored = (name: string) => pageComponents(database()).find((c) => c.name === name);
const groupNamed = (name: string) => pageGroups(database()).find((g) => g.group.name === name)?.group;
const publicJson = async (page: Page) =>
  (await (await page.request.get(`${baseUrl()}/api/v2/components.json`)).json()) as {
    components: { name: string; status: string; group_id: string | null }[];
  };
const publicHtml = async (page: Page) => (await page.request.get(`${baseUrl()}/`)).text();
/** Opens a row's menu (Move up / Move down / Delete), unless it is open already. */
async function openMenu(page: Page, name: string) {
  const summary = page.getByLabel(`More for ${name}`, { exact: true });
  if (!(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open))) await summary.click();
}

/** Top-level order of the page, as ids (groups and ungrouped components share it). */
const topOrder = () => {
  const items = [
    ...pageGroups(database()).map(({ group }) => group),
    ...pageComponents(database()).filter((c) => !c.groupId),
  ];
  return items.sort((a, b) => a.position - b.position).map((i) => i.id);
};

function cleanUp(names: string[], groups: string[]) {
  for (const n of names) {
    const c = stored(n);
    if (c) deleteComponent(database(), SYSTEM_ACTOR, c.id);
  }
  for (const n of groups) {
    const g = groupNamed(n);
    if (g) deleteGroup(database(), SYSTEM_ACTOR, g.id);
  }
}

test("[components] an editor adds a group and a component in it, sets its status: the public page and JSON follow", async ({
  page,
}) => {
  test.setTimeout(60_000); // many round trips through the staff page and the public page
  const group = `E2E group ${newId(4)}`;
  const name = `E2E search ${newId(4)}`;
  try {
    await signInPage(page, await newStaff("editor"));
    await page.goto("/admin/components");
    const newGroup = page.getByRole("form", { name: "Add a group" });
    await newGroup.getByLabel("Name").fill(group);
    await newGroup.getByRole("button", { name: "Add group" }).click();
    await expect(newGroup.getByRole("status")).toContainText(`Added the group “${group}”`);

    const newComponent = page.getByRole("form", { name: "Add a component" });
    await newComponent.getByLabel("Name").fill(name);
    await newComponent.getByLabel("Description").fill("Full-text search");
    await newComponent.getByLabel("Group").selectOption({ label: group });
    await newComponent.getByRole("button", { name: "Add component" }).click();
    await expect(newComponent.getByRole("status")).toContainText(`Added “${name}”`);
    await expect(newComponent.getByLabel("Name")).toHaveValue("");
    expect(stored(name)).toMatchObject({
      groupId: groupNamed(group)!.id,
      status: "operational",
      description: "Full-text search",
    });

    // One tap sets the status at once; the row marks it.
    const row = page.getByRole("listitem", { name: `Group ${group}` }).getByRole("listitem", { name });
    const major = row.getByRole("group", { name: `Status of ${name}` }).getByRole("button", { name: "Major outage" });
    await major.click();
    await expect.poll(() => stored(name)?.status).toBe("major_outage");
    await expect(major).toHaveAttribute("aria-pressed", "true");
    await expect
      .poll(async () => (await publicJson(page)).components.find((c) => c.name === name)?.status)
      .toBe("major_outage");
    await expect.poll(() => publicHtml(page)).toContain(name);
    await page.goto("/");
    const publicRow = page.locator(`[data-component="${stored(name)!.slug}"]`);
    await expect(publicRow).toHaveAttribute("data-status", "major_outage");
    await expect(publicRow).toContainText("Major outage");
    await expect(page.getByText(group)).toBeVisible();
  } finally {
    cleanUp([name], [group]);
  }
});

test("[components] the status form works without JavaScript", async ({ browser }) => {
  const name = `E2E no-script ${newId(4)}`;
  createComponent(database(), SYSTEM_ACTOR, { name });
  const context = await browser.newContext({ baseURL: baseUrl(), javaScriptEnabled: false });
  try {
    await signIn(context.request, baseUrl(), await newStaff("editor"));
    const page = await context.newPage();
    await page.goto("/admin/components");
    const row = page.getByRole("listitem", { name });
    await row
      .getByRole("group", { name: `Status of ${name}` })
      .getByRole("button", { name: "Partial outage" })
      .click();
    await expect.poll(() => stored(name)?.status).toBe("partial_outage");
    await expect(
      page
        .getByRole("listitem", { name })
        .getByRole("group", { name: `Status of ${name}` })
        .getByRole("button", { name: "Partial outage" }),
    ).toHaveAttribute("aria-pressed", "true");
  } finally {
    await context.close();
    cleanUp([name], []);
  }
});

test("[components] reorder, edit, and delete a component and a group with confirmation", async ({ page }) => {
  test.setTimeout(60_000); // many round trips through the staff page and the public page
  const tag = newId(4);
  const [a, b, renamed, group] = [`E2E alpha ${tag}`, `E2E beta ${tag}`, `E2E gamma ${tag}`, `E2E team ${tag}`];
  const ga = createComponent(database(), SYSTEM_ACTOR, { name: a });
  const gb = createComponent(database(), SYSTEM_ACTOR, { name: b });
  const g = createGroup(database(), SYSTEM_ACTOR, { name: group });
  try {
    await signInPage(page);
    await page.goto("/admin/components");
    expect(topOrder().slice(-3)).toEqual([ga.id, gb.id, g.id]);
    await openMenu(page, b);
    await page.getByRole("button", { name: `Move ${b} up` }).click();
    await expect.poll(() => topOrder().slice(-3)).toEqual([gb.id, ga.id, g.id]);
    await openMenu(page, `group ${group}`);
    await page.getByRole("button", { name: `Move group ${group} up` }).click();
    await expect.poll(() => topOrder().slice(-3)).toEqual([gb.id, g.id, ga.id]);
    await expect
      .poll(async () => {
        const html = await publicHtml(page);
        return html.indexOf(b) > 0 && html.indexOf(b) < html.indexOf(a);
      })
      .toBe(true);

    // Edit: rename, move into the group, hide unless degraded.
    const row = page.getByRole("listitem", { name: a });
    await row.locator("summary", { hasText: "Edit" }).click();
    const edit = row.getByRole("form", { name: `Edit ${a}` });
    await edit.getByLabel("Name").fill(renamed);
    await edit.getByLabel("Group").selectOption({ label: group });
    await edit.getByLabel("Only show while it is not operational").check();
    await edit.getByRole("button", { name: `Save ${a}` }).click();
    await expect.poll(() => stored(renamed)).toMatchObject({ id: ga.id, groupId: g.id, onlyShowIfDegraded: true });
    await expect(
      page.getByRole("listitem", { name: `Group ${group}` }).getByRole("listitem", { name: renamed }),
    ).toBeVisible();

    // A refused edit keeps what was typed and names the problem beside the field.
    const again = page.getByRole("listitem", { name: renamed });
    await again.locator("summary", { hasText: "Edit" }).click();
    const form = again.getByRole("form", { name: `Edit ${renamed}` });
    await form.getByLabel("Slug").fill("Not A Slug");
    await form.getByRole("button", { name: `Save ${renamed}` }).click();
    await expect(form.getByLabel("Slug")).toHaveAccessibleDescription(/Lower-case letters, digits and single hyphens/);
    await expect(form.getByLabel("Slug")).toHaveValue("Not A Slug");
    expect(stored(renamed)?.slug).toBe(ga.slug);

    // Delete asks first (from the row's menu); Cancel keeps it.
    await openMenu(page, b);
    await page.getByRole("button", { name: `Delete ${b}` }).click();
    const dialog = page.getByRole("dialog", { name: `Delete “${b}”?` });
    await expect(dialog).toContainText("cannot be undone");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(stored(b)).toBeTruthy();
    await page.getByRole("button", { name: `Delete ${b}` }).click();
    await dialog.getByRole("button", { name: "Delete component" }).click();
    await expect.poll(() => stored(b)).toBeUndefined();
    await expect(page.getByRole("listitem", { name: b })).toHaveCount(0);
    await expect.poll(async () => (await publicJson(page)).components.some((c) => c.name === b)).toBe(false);

    // Deleting a group says what happens to its components, and does it.
    await openMenu(page, `group ${group}`);
    await page.getByRole("button", { name: `Delete group ${group}` }).click();
    const groupDialog = page.getByRole("dialog", { name: `Delete the group “${group}”?` });
    await expect(groupDialog).toContainText("Its one component stays on the public page");
    await groupDialog.getByRole("button", { name: "Delete group" }).click();
    await expect.poll(() => groupNamed(group)).toBeUndefined();
    expect(stored(renamed)?.groupId).toBeNull();
    await expect(page.getByRole("listitem", { name: renamed })).toBeVisible();
  } finally {
    cleanUp([a, b, renamed], [group]);
  }
});

test("[settings] name, brand colour, footer link and logo reach the public page", async ({ page }) => {
  test.setTimeout(90_000); // two saves and a full axe run on the public page
  const before = pageSettings(getPage(database())!);
  const name = `Acme status ${newId(4)}`;
  try {
    await signInPage(page);
    await page.goto("/admin/settings");
    await page.getByLabel("Page name").fill(name);
    await page.getByLabel("Brand colour", { exact: true }).fill("#AA3300");
    await page.getByLabel("Footer link 1 Label").fill("Support");
    await page.getByLabel("Footer link 1 URL").fill("https://acme.test/support");
    await page
      .getByLabel("Logo", { exact: true })
      .setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: LOGO_SVG });
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toContainText("Settings saved");
    expect(pageSettings(getPage(database())!)).toMatchObject({
      name,
      brandColor: "#aa3300",
      footerLinks: [{ label: "Support", url: "https://acme.test/support" }],
    });
    expect(getPage(database())!.logo).toBe(`data:image/svg+xml;base64,${LOGO_SVG.toString("base64")}`);
    await expect(page.getByRole("img", { name: "Current logo" })).toBeVisible();

    await expect.poll(() => publicHtml(page)).toContain(name);
    const errors: string[] = []; // e.g. the brand colour's style refused by the page's CSP
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.locator("header img[data-logo]")).toHaveAttribute("src", /^data:image\/svg\+xml;base64,/);
    await expect(page.locator("[data-brand-accent]")).toHaveCSS("background-color", "rgb(170, 51, 0)");
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Support" })).toHaveAttribute(
      "href",
      "https://acme.test/support",
    );
    await expectNoSeriousAxeViolations(page);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/staff-pages-public-branded.png`, fullPage: true });

    // Removing the logo and the colour takes them off again.
    await page.goto("/admin/settings");
    await page.getByLabel("Remove the logo").check();
    await page.getByLabel("Brand colour", { exact: true }).fill("");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toContainText("Settings saved");
    expect(getPage(database())).toMatchObject({ logo: null, brandColor: null });
    await expect.poll(async () => (await publicHtml(page)).includes("data-brand-accent")).toBe(false);
  } finally {
    updateSettings(database(), SYSTEM_ACTOR, before);
  }
});

test("[settings] bad input gets a message beside each field, keeps what was typed, and changes nothing", async ({
  page,
}) => {
  test.setTimeout(60_000); // many round trips through the staff page and the public page
  const before = pageSettings(getPage(database())!);
  const audit = listAudit(database(), { action: "settings", limit: 1 })[0]?.id;
  await signInPage(page);
  await page.goto("/admin/settings");
  // Skip the browser's own checks, as a crafted request would: the server must refuse by itself.
  await page
    .locator("form")
    .filter({ has: page.getByLabel("Page name") })
    .evaluate((f) => ((f as HTMLFormElement).noValidate = true));
  await page.getByLabel("Page name").fill("");
  await page.getByLabel("Time zone").fill("Mars/Olympus_Mons");
  await page.getByLabel("Brand colour", { exact: true }).fill("red");
  await page.getByLabel("Footer link 2 Label").fill("Evil");
  await page.getByLabel("Footer link 2 URL").fill("javascript:alert(1)");
  await page.getByLabel("Default update cadence (minutes)").fill("2");
  await page
    .getByLabel("Logo", { exact: true })
    .setInputFiles({ name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(150_000, 1) });
  await page.getByRole("button", { name: "Save settings" }).click();

  await expect(page.getByRole("alert").first()).toContainText("Please check the fields marked below");
  await expect(page.getByLabel("Page name")).toHaveAccessibleDescription(/Give the page a name/);
  await expect(page.getByLabel("Time zone")).toHaveAccessibleDescription(/Use an IANA time zone/);
  await expect(page.getByLabel("Brand colour", { exact: true })).toHaveAccessibleDescription(
    /Use a colour like #1f6feb/,
  );
  await expect(page.getByLabel("Footer link 2 URL")).toHaveAccessibleDescription(/Use an http\(s\) or mailto: link/);
  await expect(page.getByLabel("Default update cadence (minutes)")).toHaveAccessibleDescription(/At least 5 minutes/);
  await expect(page.getByLabel("Logo", { exact: true })).toHaveAccessibleDescription(/Keep the logo under 100 kB/);
  await expect(page.getByLabel("Page name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Time zone")).toHaveValue("Mars/Olympus_Mons");
  await expect(page.getByLabel("Brand colour", { exact: true })).toHaveValue("red");
  await expect(page.getByLabel("Footer link 2 URL")).toHaveValue("javascript:alert(1)");
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/staff-pages-settings-errors.png`, fullPage: true });

  expect(pageSettings(getPage(database())!)).toEqual(before);
  expect(listAudit(database(), { action: "settings", limit: 1 })[0]?.id).toBe(audit);
  expect(await publicHtml(page)).not.toContain("javascript:alert");
});

test("[settings] an editor gets 403 on /admin/settings and does not see it in the menu", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: baseUrl() });
  await signIn(context.request, baseUrl(), await newStaff("editor"));
  expect((await context.request.get(`${baseUrl()}/admin/settings`, { maxRedirects: 0 })).status()).toBe(403);
  const page = await context.newPage();
  await page.goto("/admin/components");
  await expect(
    page.getByRole("navigation", { name: "Staff area" }).getByRole("link", { name: "Components", includeHidden: true }),
  ).toHaveAttribute("aria-current", "page");
  await expect(
    page.getByRole("navigation", { name: "Staff area" }).getByRole("link", { name: "Settings", includeHidden: true }),
  ).toHaveCount(0);
  await context.close();
});

for (const [area, path] of [
  ["components", "/admin/components"],
  ["settings", "/admin/settings"],
] as const) {
  test(`[${area}] ${path} passes axe at 1280 and 360 px, light and dark`, async ({ browser }) => {
    test.setTimeout(180_000); // four screens, each with a full axe run
    for (const colorScheme of ["light", "dark"] as const) {
      for (const viewport of [
        { width: 1280, height: 900 },
        { width: 360, height: 780 },
      ]) {
        const context = await browser.newContext({ viewport, colorScheme, baseURL: baseUrl() });
        const page = await context.newPage();
        await signInPage(page);
        await page.goto(path);
        // The folded forms are part of the page too: open the first of each.
        if (area === "components") {
          await page.locator("li[data-group-id] details > summary", { hasText: "Rename" }).first().click();
          await page.locator("li[data-component-id] details > summary", { hasText: "Edit" }).first().click();
        }
        await expectNoSeriousAxeViolations(page);
        await page.screenshot({
          path: `${SHOTS}/staff-pages-${area}-${viewport.width}-${colorScheme}.png`,
          fullPage: true,
        });
        if (area === "components") {
          // The confirmation step, as a person sees it.
          const first = page.locator("li[data-group-id]").first();
          await first
            .getByLabel(/^More for group /)
            .first()
            .click();
          await first.getByRole("button", { name: /^Delete group/ }).click();
          await expect(page.getByRole("dialog")).toBeVisible();
          await expectNoSeriousAxeViolations(page);
          await page.screenshot({
            path: `${SHOTS}/staff-pages-components-dialog-${viewport.width}-${colorScheme}.png`,
          });
          await page.keyboard.press("Escape");
          await expect(page.getByRole("dialog")).toBeHidden();
        }
        await context.close();
      }
    }
  });
}
