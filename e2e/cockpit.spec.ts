// The staff dashboard as a cockpit, and the components page, driven in a real browser on a desktop
// and a 360 px phone: one tap sets a status (saved, audited, undoable for 10 seconds, also without
// JavaScript), the dashboard puts an overdue incident first and shows what needs a person
// (monitors that disagree, a spike in visitor reports, a channel whose deliveries failed), and the
// components page reorders by drag or keyboard and deletes only after a confirmation.
import fs from "node:fs";
import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { listAudit } from "../db/queries/audit";
import { listPeriodsSince } from "../db/queries/components";
import { deliveries, subscribers } from "../db/schema";
import { reportAffected } from "../lib/affected";
import { SYSTEM_ACTOR } from "../lib/audit";
import { createComponent, deleteComponent, pageComponents, pageGroups, setComponentStatus } from "../lib/components";
import { addIncidentUpdate, createIncident, deleteIncident } from "../lib/incidents";
import { newId } from "../lib/ids";
import { recordCheck } from "../lib/monitors/engine";
import { createMonitor } from "../lib/monitors/monitors";
import { startTarget } from "../lib/monitors/test-support";
import { addSubscriber } from "../lib/syndication/subscribers";
import {
  baseUrl,
  database,
  expect,
  expectNoSeriousAxeViolations,
  hydrated,
  newStaff,
  signInPage,
  test,
} from "./fixtures";
import { signIn } from "./support/auth";

const SHOTS = "e2e/.artifacts";
fs.mkdirSync(SHOTS, { recursive: true });

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 360, height: 780 };

const stored = (id: string) => pageComponents(database()).find((c) => c.id === id);
const audit = (id: string) => listAudit(database(), { entityId: id, action: "component.status" });
const publicStatus = async (page: Page, id: string) =>
  (
    (await (await page.request.get(`${baseUrl()}/api/v2/components.json`)).json()) as {
      components: { id: string; status: string }[];
    }
  ).components.find((c) => c.id === id)?.status;
/** Top-level order of the page, as ids (groups and ungrouped components share it). */
const topOrder = () =>
  [...pageGroups(database()).map(({ group }) => group), ...pageComponents(database()).filter((c) => !c.groupId)]
    .sort((a, b) => a.position - b.position)
    .map((i) => i.id);
/** The public page's banner headline, as served to visitors. */
const publicHeadline = async (page: Page) => {
  const html = await (await page.request.get(`${baseUrl()}/`)).text();
  return /data-banner-headline=""[^>]*>([^<]*)</.exec(html)?.[1]?.replace(/&amp;/g, "&");
};
const publicOrder = async (page: Page, names: string[]) => {
  const html = await (await page.request.get(`${baseUrl()}/`)).text();
  return names.map((n) => html.indexOf(n)).every((at, i, all) => at > 0 && (i === 0 || at > all[i - 1]!));
};

for (const [device, viewport] of [
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const) {
  test(`[cockpit] one tap on the dashboard saves a status, audited; Undo takes it back as a second audited change (${device})`, async ({
    browser,
  }) => {
    const name = `E2E tap ${newId(4)}`;
    const c = createComponent(database(), SYSTEM_ACTOR, { name });
    const staff = await newStaff("editor");
    const context = await browser.newContext({ viewport, baseURL: baseUrl() });
    try {
      const page = await context.newPage();
      await signInPage(page, staff);
      // A clock the test moves: Undo is offered for 10 seconds, whatever the machine's speed.
      await page.clock.install();
      await page.goto("/admin");
      const status = page.getByRole("group", { name: `Status of ${name}` });
      await expect(status.getByRole("button", { name: "Operational" })).toHaveAttribute("aria-pressed", "true");

      await status.getByRole("button", { name: "Major outage" }).click();
      await expect.poll(() => stored(c.id)?.status).toBe("major_outage");
      await expect(status.getByRole("button", { name: "Major outage" })).toHaveAttribute("aria-pressed", "true");
      await expect(page.getByRole("status").filter({ hasText: `Saved: ${name} is “Major outage”` })).toBeAttached();
      expect(audit(c.id)[0]).toMatchObject({
        action: "component.status",
        actorId: staff.user.id,
        before: { status: "operational" },
        after: { status: "major_outage" },
      });
      await expect.poll(() => publicStatus(page, c.id)).toBe("major_outage");
      await page.screenshot({ path: `${SHOTS}/cockpit-saved-${device}.png` });

      await page.getByRole("button", { name: `Undo: set ${name} back to Operational` }).click();
      await expect.poll(() => stored(c.id)?.status).toBe("operational");
      await expect(status.getByRole("button", { name: "Operational" })).toHaveAttribute("aria-pressed", "true");
      await expect(
        page.getByRole("status").filter({ hasText: `Undone: ${name} is “Operational” again` }),
      ).toBeAttached();
      expect(audit(c.id).map((a) => [a.action, a.actorId])).toEqual([
        ["component.status.undo", staff.user.id],
        ["component.status", staff.user.id],
      ]);
      // Taken back at once: the mis-tap leaves no period in the component's history.
      expect(
        listPeriodsSince(database(), 0)
          .filter((p) => p.componentId === c.id)
          .map((p) => p.status),
      ).toEqual(["operational"]);
      await expect.poll(() => publicStatus(page, c.id)).toBe("operational");

      // Undo is offered for 10 seconds, then the row is quiet again.
      await status.getByRole("button", { name: "Degraded performance" }).click();
      const undo = page.getByRole("button", { name: `Undo: set ${name} back to Operational` });
      await expect(undo).toBeVisible();
      await page.clock.fastForward(11_000);
      await expect(undo).toHaveCount(0);
      expect(stored(c.id)?.status).toBe("degraded_performance");
    } finally {
      await context.close();
      deleteComponent(database(), SYSTEM_ACTOR, c.id);
    }
  });
}

test("[cockpit] without JavaScript the status buttons and Undo still post and save", async ({ browser }) => {
  const name = `E2E no-script ${newId(4)}`;
  const c = createComponent(database(), SYSTEM_ACTOR, { name });
  const staff = await newStaff("editor");
  const context = await browser.newContext({ viewport: PHONE, baseURL: baseUrl(), javaScriptEnabled: false });
  try {
    await signIn(context.request, baseUrl(), staff);
    const page = await context.newPage();
    for (const path of ["/admin/components", "/admin"]) {
      await page.goto(path);
      const status = page.getByRole("group", { name: `Status of ${name}` });
      await status.getByRole("button", { name: "Partial outage" }).click();
      await expect.poll(() => stored(c.id)?.status).toBe("partial_outage");
      await expect(
        page.getByRole("group", { name: `Status of ${name}` }).getByRole("button", { name: "Partial outage" }),
      ).toHaveAttribute("aria-pressed", "true");
      await page.getByRole("button", { name: `Undo: set ${name} back to Operational` }).click();
      await expect.poll(() => stored(c.id)?.status).toBe("operational");
    }
    expect(audit(c.id).map((a) => [a.action, a.actorId])).toEqual([
      ["component.status.undo", staff.user.id],
      ["component.status", staff.user.id],
      ["component.status.undo", staff.user.id],
      ["component.status", staff.user.id],
    ]);
  } finally {
    await context.close();
    deleteComponent(database(), SYSTEM_ACTOR, c.id);
  }
});

test("[cockpit] the dashboard puts an overdue incident first and shows a disagreeing monitor, a report spike and a failed channel", async ({
  browser,
}) => {
  test.setTimeout(120_000); // four screens with a full axe run each
  const db = database();
  const tag = newId(4);
  const now = Date.now();
  const target = await startTarget("down");
  const watched = createComponent(db, SYSTEM_ACTOR, { name: `E2E watched ${tag}` });
  const reported = createComponent(db, SYSTEM_ACTOR, { name: `E2E reported ${tag}` });
  // Opened 40 minutes ago with the default 30-minute promise: overdue. The other one is not.
  const late = createIncident(
    db,
    SYSTEM_ACTOR,
    { name: `E2E late ${tag}`, status: "investigating", impact: "major", body: "Looking." },
    now - 40 * 60_000,
  );
  const fresh = createIncident(
    db,
    SYSTEM_ACTOR,
    { name: `E2E fresh ${tag}`, status: "investigating", impact: "minor", body: "Looking." },
    now - 60_000,
  );
  // The monitors take the component down; then a person sets it back while they still see it down.
  const monitor = createMonitor(db, SYSTEM_ACTOR, {
    componentId: watched.id,
    name: `Probe ${tag}`,
    kind: "http",
    intervalSeconds: 600,
    internalTarget: true,
    settings: { url: target.url },
  });
  for (const at of [now - 2_000, now - 1_000])
    recordCheck(
      db,
      monitor,
      { ok: false, latencyMs: null, error: "HTTP 503" },
      { now: at, lateMs: 0, nextCheckAt: now + 600_000 },
    );
  setComponentStatus(db, SYSTEM_ACTOR, { id: watched.id, status: "operational" });
  // Visitors report a problem: six in this 5-minute window and six in the next, so the spike
  // stands whichever window the page is read in.
  for (const at of [now, now + 5 * 60_000])
    for (let i = 0; i < 6; i++) reportAffected(db, reported.id, `e2e-${tag}-${at}-${i}`, at);
  // A loopback webhook: the shared server refuses private targets, so the delivery fails at once.
  const { subscriber } = addSubscriber(
    db,
    SYSTEM_ACTOR,
    { kind: "webhook", url: `http://127.0.0.1:9/outpost-cockpit-${tag}`, componentIds: [reported.id] },
    { allowPrivate: true },
  );
  setComponentStatus(db, SYSTEM_ACTOR, { id: reported.id, status: "degraded_performance" });
  try {
    await expect
      .poll(() => db.select().from(deliveries).where(eq(deliveries.subscriberId, subscriber.id)).all(), {
        timeout: 20_000,
      })
      .toContainEqual(expect.objectContaining({ state: "failed" }));
    for (const colorScheme of ["light", "dark"] as const) {
      for (const [device, viewport] of [
        ["desktop", DESKTOP],
        ["phone", PHONE],
      ] as const) {
        const context = await browser.newContext({ viewport, colorScheme, baseURL: baseUrl() });
        const page = await context.newPage();
        await signInPage(page);
        await page.goto("/admin");

        // What the public sees: the public page's own banner, saying the same.
        const banner = page.getByRole("region", { name: "On the public page now" }).locator("[data-banner-headline]");
        await expect(banner).not.toHaveText("All Systems Operational");
        expect(await banner.textContent()).toBe(await publicHeadline(page));

        // Open incidents: every overdue one before every other, ours loud and counting.
        const open = page.getByRole("list", { name: "Open incidents" }).getByRole("listitem");
        const flags = await open.evaluateAll((items) => items.map((li) => li.getAttribute("data-overdue") === "true"));
        expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
        const lateRow = open.filter({ hasText: late.name });
        await expect(lateRow).toHaveAttribute("data-overdue", "true");
        await expect(lateRow.locator('[data-countdown="overdue"]')).toContainText(/Overdue since .* · \d+:\d\d late/);
        await expect(open.filter({ hasText: fresh.name }).locator('[data-countdown="due"]')).toContainText(/left/);
        const names = await open.allTextContents();
        expect(names.findIndex((t) => t.includes(late.name))).toBeLessThan(
          names.findIndex((t) => t.includes(fresh.name)),
        );

        // Checks: monitors disagree, a spike, a failed channel; each says what and where to act.
        const checks = page.getByRole("region", { name: "Checks" });
        const disagreement = checks.getByRole("listitem", { name: watched.name });
        await expect(disagreement).toContainText("monitors say Major outage, the page says Operational");
        await expect(disagreement).toContainText("A person set this status");
        await expect(disagreement.getByRole("link", { name: `Probe ${tag}` })).toHaveAttribute(
          "href",
          `/admin/monitors/${monitor.id}`,
        );
        await expect(checks.locator('[data-check="reports"]')).toContainText(`${reported.name} (6 in 5 minutes)`);
        const channel = checks.getByRole("listitem", { name: "Webhooks" });
        await expect(channel).toContainText(/\d+ failed/);
        await expect(channel.getByRole("link", { name: /Retry or settle them/ })).toBeVisible();

        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await expectNoSeriousAxeViolations(page);
        await page.screenshot({
          path: `${SHOTS}/cockpit-dashboard-outage-${device}-${colorScheme}.png`,
          fullPage: true,
        });
        await context.close();
      }
    }
  } finally {
    db.delete(subscribers).where(eq(subscribers.id, subscriber.id)).run();
    for (const i of [late, fresh]) deleteIncident(db, SYSTEM_ACTOR, i.id);
    for (const c of [watched, reported]) deleteComponent(db, SYSTEM_ACTOR, c.id);
    await target.close();
  }
});

test("[cockpit] components: dragging a handle, or moving it with the keyboard, changes the public page's order", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const tag = newId(4);
  const [a, b, c] = ["alpha", "beta", "gamma"].map((n) =>
    createComponent(database(), SYSTEM_ACTOR, { name: `E2E ${n} ${tag}` }),
  ) as [ReturnType<typeof createComponent>, ReturnType<typeof createComponent>, ReturnType<typeof createComponent>];
  try {
    expect(topOrder().slice(-3)).toEqual([a.id, b.id, c.id]);
    const desktop = await browser.newContext({ viewport: DESKTOP, baseURL: baseUrl() });
    const page = await desktop.newPage();
    await signInPage(page);
    await page.goto("/admin/components");
    // Drag gamma by its handle above alpha.
    const handle = page.getByRole("button", { name: `Reorder ${c.name}` });
    // Dragging needs the page's script: until React owns the handle it is plain HTML.
    await hydrated(handle);
    await handle.scrollIntoViewIfNeeded();
    const from = (await handle.boundingBox())!;
    const to = (await page.getByRole("listitem", { name: a.name }).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => topOrder().slice(-3)).toEqual([c.id, a.id, b.id]);
    await expect.poll(() => publicOrder(page, [c.name, a.name, b.name])).toBe(true);
    expect(listAudit(database(), { entityId: c.id, action: "component.move" })[0]).toMatchObject({
      before: { position: expect.any(Number) },
    });
    await desktop.close();

    // On a phone, with the keyboard: Space picks beta up, the up arrow moves it, Space drops it.
    const phone = await browser.newContext({ viewport: PHONE, baseURL: baseUrl() });
    const small = await phone.newPage();
    await signInPage(small);
    await small.goto("/admin/components");
    const grip = small.getByRole("button", { name: `Reorder ${b.name}` });
    await hydrated(grip);
    await grip.focus();
    await small.keyboard.press("Space");
    await expect(grip).toHaveAttribute("aria-pressed", "true");
    await small.keyboard.press("ArrowUp");
    await small.keyboard.press("ArrowUp");
    await expect(grip).toBeFocused();
    await small.keyboard.press("Space");
    await expect.poll(() => topOrder().slice(-3)).toEqual([b.id, c.id, a.id]);
    await expect.poll(() => publicOrder(small, [b.name, c.name, a.name])).toBe(true);
    // Escape puts it back: nothing is saved. The list renders again after the save above, which
    // can take the focus from the handle: pick it up again until it is held.
    await expect(async () => {
      await grip.focus();
      await small.keyboard.press("Space");
      await expect(grip).toHaveAttribute("aria-pressed", "true", { timeout: 1000 });
    }).toPass();
    await small.keyboard.press("ArrowDown");
    await small.keyboard.press("Escape");
    await expect(grip).toHaveAttribute("aria-pressed", "false");
    expect(topOrder().slice(-3)).toEqual([b.id, c.id, a.id]);
    await phone.close();
  } finally {
    for (const x of [a, b, c]) deleteComponent(database(), SYSTEM_ACTOR, x.id);
  }
});

test("[cockpit] components: Delete sits in the row's menu and asks first", async ({ page }) => {
  const name = `E2E doomed ${newId(4)}`;
  const c = createComponent(database(), SYSTEM_ACTOR, { name });
  try {
    await signInPage(page);
    await page.goto("/admin/components");
    const row = page.getByRole("listitem", { name });
    // The confirmation is a dialog opened by script: wait until the page runs (its drag handles show).
    await expect(row.getByRole("button", { name: `Reorder ${name}` })).toBeVisible();
    await expect(row.getByRole("button", { name: `Delete ${name}` })).toBeHidden();
    await row.getByLabel(`More for ${name}`).click();
    await row.getByRole("button", { name: `Delete ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Delete “${name}”?` });
    await expect(dialog).toContainText("cannot be undone");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(stored(c.id)).toBeTruthy();
    await row.getByRole("button", { name: `Delete ${name}` }).click();
    await dialog.getByRole("button", { name: "Delete component" }).click();
    await expect.poll(() => stored(c.id)).toBeUndefined();
    expect(listAudit(database(), { entityId: c.id, action: "component.delete" })).toHaveLength(1);
  } finally {
    if (stored(c.id)) deleteComponent(database(), SYSTEM_ACTOR, c.id);
  }
});

test("[cockpit] the incident list keeps Unresolved, Maintenance and Past apart", async ({ page }) => {
  const db = database();
  const tag = newId(4);
  const now = Date.now();
  const open = createIncident(db, SYSTEM_ACTOR, { name: `E2E open ${tag}`, status: "investigating", body: "Looking." });
  const done = createIncident(db, SYSTEM_ACTOR, { name: `E2E done ${tag}`, status: "investigating", body: "Looking." });
  addIncidentUpdate(db, SYSTEM_ACTOR, done.id, { status: "resolved", body: "Fixed." });
  const planned = createIncident(db, SYSTEM_ACTOR, {
    kind: "maintenance",
    name: `E2E planned ${tag}`,
    status: "scheduled",
    body: "Upgrade.",
    scheduledFor: now + 86_400_000,
    scheduledUntil: now + 90_000_000,
  });
  try {
    await signInPage(page);
    await page.goto(`/admin/incidents?q=${tag}`);
    const list = (name: string) => page.getByRole("list", { name, exact: true });
    await expect(list("Unresolved incidents").getByRole("link")).toHaveText([open.name]);
    await expect(list("Maintenance in progress and upcoming").getByRole("link")).toHaveText([planned.name]);
    await expect(list("Past incidents and maintenance").getByRole("link")).toHaveText([done.name]);
    await expectNoSeriousAxeViolations(page);
  } finally {
    for (const i of [open, done, planned]) deleteIncident(db, SYSTEM_ACTOR, i.id);
  }
});

for (const path of ["/admin", "/admin/components"]) {
  test(`[cockpit] ${path} passes axe at 1366 and 360 px, light and dark, calm`, async ({ browser }) => {
    test.setTimeout(180_000); // four screens, each with a full axe run
    for (const colorScheme of ["light", "dark"] as const) {
      for (const [device, viewport] of [
        ["desktop", DESKTOP],
        ["phone", PHONE],
      ] as const) {
        const context = await browser.newContext({ viewport, colorScheme, baseURL: baseUrl() });
        const page = await context.newPage();
        await signInPage(page);
        await page.goto(path);
        if (path === "/admin/components") {
          // The folded parts are part of the page too: a row's menu and its edit form.
          const row = page.locator("li[data-component-id]").first();
          await row.locator("details > summary", { hasText: "Edit" }).click();
          await row.getByLabel(/^More for /).click();
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
        await expectNoSeriousAxeViolations(page);
        const file = path === "/admin" ? "dashboard" : "components";
        await page.screenshot({ path: `${SHOTS}/cockpit-${file}-${device}-${colorScheme}.png`, fullPage: true });
        await context.close();
      }
    }
  });
}
