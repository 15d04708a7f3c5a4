// Alert sources in the staff area, on the shared server: staff create a source and get its
// address, an alert posted to it waits under Unmapped alerts (and on the dashboard), "Map…" turns
// it into a rule (bad matchers refused beside the field), and the draft it opens shows on the
// dashboard with its source. A status a trusted alert wants, held otherwise by a person, is put
// down to the alerts. Rules move earlier and later, with and without JavaScript. The create
// form works without JavaScript. Axe at desktop and phone,
// light and dark, on a source with a firing and an unmapped alert.
import fs from "node:fs";
import { findSourceByName, getAlert, listRules } from "../db/queries/alerts";
import { getComponent } from "../db/queries/components";
import { openDraftFor } from "../db/queries/monitors";
import { SYSTEM_ACTOR } from "../lib/audit";
import { createAlertRule, createAlertSource, deleteAlertSource } from "../lib/alerts/sources";
import { createComponent, deleteComponent, setComponentStatus } from "../lib/components";
import { newId } from "../lib/ids";
import { dismissDraft } from "../lib/monitors/drafts";
import { must } from "../lib/testing";
import { baseUrl, database, expect, expectNoSeriousAxeViolations, hydrated, signInPage, test } from "./fixtures";
import { E2E_ADMIN, signIn } from "./support/auth";

const SHOTS = "e2e/.artifacts";
fs.mkdirSync(SHOTS, { recursive: true });

/** Posts a delivery to a source's address, as the tool would. */
async function deliver(token: string, body: unknown) {
  const res = await fetch(`${baseUrl()}/api/alerts/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { effects: { effect: string }[] } };
}

/**
 * The components a test makes, removed after it: the server and its database are shared, and a
 * "Checkout 1a2b3" left behind is a second match for specs that look for the demo's Checkout.
 */
const made: string[] = [];
function madeComponent(name: string) {
  const c = createComponent(database(), SYSTEM_ACTOR, { name });
  made.push(c.id);
  return c;
}
test.afterEach(() => {
  for (const id of made.splice(0)) {
    dismissDraftOf(id);
    try {
      deleteComponent(database(), SYSTEM_ACTOR, id);
    } catch {
      /* the test removed it */
    }
  }
});

/** Leaves no open draft behind for the dashboard tests that follow. */
function dismissDraftOf(componentId: string) {
  const draft = openDraftFor(database(), componentId);
  if (draft?.state === "open") dismissDraft(database(), SYSTEM_ACTOR, draft.id);
}

test("[alerts] staff create a source, map its unmapped alert with Map…, and the draft shows on the dashboard", async ({
  page,
}) => {
  const db = database();
  const tag = newId(5).toLowerCase();
  const name = `Shop alerts ${tag}`;
  const component = madeComponent(`Checkout ${tag}`);
  await signInPage(page);
  await page.goto("/admin/alert-sources");
  await expect(page.getByRole("heading", { level: 1, name: "Alert sources" })).toBeVisible();

  const create = page.getByRole("form", { name: "New alert source" });
  await hydrated(create.getByLabel("Name", { exact: true }));
  await create.getByLabel("Name", { exact: true }).fill(name);
  await create.getByLabel("Kind").selectOption({ label: "Any tool (Outpost JSON)" });
  await expect(create.getByText("Other tools: choose a secret", { exact: false })).toBeVisible();
  await create.getByRole("button", { name: "Create alert source" }).click();

  // Straight to its page, with the address to paste into the tool.
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const source = must(findSourceByName(db, name), "the source");
  expect(source).toMatchObject({ kind: "generic", signingSecret: null, paused: false });
  expect(page.url()).toMatch(new RegExp(`/admin/alert-sources/${source.id}$`));
  await expect(page.getByLabel("Address to post alerts to")).toHaveValue(new RegExp(`/api/alerts/${source.token}$`));
  await expect(page.getByRole("button", { name: "Copy" })).toBeVisible();

  // An alert no rule matches is kept for staff, and the dashboard points at it.
  const summary = `Checkout errors above 5% ${tag}`;
  const labels = { service: `checkout-${tag}`, severity: "critical" };
  const fingerprint = `checkout-${tag}`;
  const posted = await deliver(source.token, {
    fingerprint,
    status: "firing",
    summary,
    labels,
    url: "https://grafana.example.com/d/checkout",
  });
  expect(posted.status).toBe(202);
  expect(posted.body.effects.map((e) => e.effect)).toEqual(["unmapped: kept for staff to map"]);
  await page.goto("/admin");
  const check = page.locator(`[data-unmapped-source="${source.id}"]`);
  await expect(check).toHaveText(`${name}: 1 alert to map`);
  await page.locator('[data-check="alerts"]').screenshot({ path: `${SHOTS}/alert-unmapped-check.png` });
  await check.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  const unmapped = page.getByRole("region", { name: "Unmapped alerts (1)" });
  await expect(unmapped).toContainText(summary);
  await expect(unmapped).toContainText(`service="checkout-${tag}"`);
  await expect(page.getByRole("region", { name: "Recent deliveries" })).toContainText("HTTP 202 · 1 alert");
  await expect(page.getByRole("region", { name: "Recent deliveries" })).toContainText(
    "unmapped: kept for staff to map",
  );

  // Map… opens the rule form with a rule made from the alert's labels.
  await unmapped.getByRole("link", { name: `Map alert: ${summary}` }).click();
  const form = page.getByRole("form", { name: `Map “${summary}”` });
  const matchers = form.getByLabel("Matchers");
  await expect(matchers).toHaveValue(`service="checkout-${tag}", severity="critical"`);
  await hydrated(matchers);

  // Unreadable matchers are refused beside the field, and no rule is made.
  await matchers.fill(`service="checkout-${tag}`);
  await form.getByLabel("Component").selectOption({ label: component.name });
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(matchers).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(`The value of "service" has no closing quote`)).toBeVisible();
  expect(listRules(db, source.id)).toEqual([]);

  await matchers.fill(`service="checkout-${tag}"`);
  await form.getByLabel("Component").selectOption({ label: component.name });
  await form.getByLabel("Status", { exact: true }).selectOption({ label: "Major outage" });
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByText("Rule added.")).toBeVisible();
  expect(listRules(db, source.id)).toMatchObject([
    { matchers: `service="checkout-${tag}"`, componentId: component.id, status: "major_outage", setsStatus: false },
  ]);
  // The waiting alert is mapped at once: it fires under its component, and a draft is open.
  await expect(page.getByRole("region", { name: "Unmapped alerts (0)" })).toContainText(
    "Every firing alert is mapped.",
  );
  await expect(page.getByRole("region", { name: "Firing now (1)" })).toContainText(`${component.name}: Major outage`);
  await expect(page.getByRole("table", { name: "Rules, in the order they are tried" })).toContainText(
    `service="checkout-${tag}"`,
  );
  expect(getAlert(db, source.id, fingerprint)?.componentId).toBe(component.id);
  expect(openDraftFor(db, component.id)).toMatchObject({ state: "open", alertSourceId: source.id });

  // The dashboard shows the draft, saying where it came from and linking back to the alert.
  await page.goto("/admin");
  const draft = page.getByRole("listitem", { name: `${component.name} is down` });
  await expect(draft).toContainText(`from ${name}`);
  await expect(draft).toContainText(`Alert: ${summary}`);
  await expect(draft.getByRole("link", { name: "View alert" })).toHaveAttribute(
    "href",
    "https://grafana.example.com/d/checkout",
  );
  await expect(page.locator(`[data-unmapped-source="${source.id}"]`)).toHaveCount(0);
  await draft.screenshot({ path: `${SHOTS}/alert-draft.png` });

  // Deleting the source asks first; its address then answers 404.
  dismissDraftOf(component.id);
  await page.goto(`/admin/alert-sources/${source.id}`);
  await page.getByRole("button", { name: `Delete ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete source" }).click();
  await expect(page).toHaveURL(/\/admin\/alert-sources$/);
  expect(findSourceByName(db, name)).toBeUndefined();
  expect((await deliver(source.token, { status: "firing", summary })).status).toBe(404);
});

test("[alerts] staff set a secret: the recipe shows where it goes, a delivery without it is refused and listed, one with it is taken", async ({
  page,
}) => {
  const db = database();
  const tag = newId(5).toLowerCase();
  const name = `Queue alerts ${tag}`;
  const source = createAlertSource(db, SYSTEM_ACTOR, { name, kind: "generic" });
  const secret = `queue-secret-${tag}`;
  try {
    await signInPage(page);
    await page.goto(`/admin/alert-sources/${source.id}`);
    const recipe = page.locator("details", { hasText: "How to connect" });
    await expect(recipe.locator("pre")).not.toContainText("authorization");

    const settings = page.getByRole("form", { name: "Settings" });
    const field = settings.getByLabel("Secret", { exact: true });
    await hydrated(field);
    await field.fill(secret);
    await settings.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => findSourceByName(db, name)?.signingSecret).toBe(secret);
    // Never shown back: the field is blank and says one is kept.
    await page.reload();
    await expect(page.getByRole("form", { name: "Settings" }).getByLabel("Secret", { exact: true })).toHaveValue("");
    await expect(page.getByText("A secret is set: leave blank to keep it.")).toBeVisible();
    expect(await page.content()).not.toContain(secret);
    await expect(page.locator("details", { hasText: "How to connect" }).locator("pre")).toContainText(
      "-H 'authorization: Bearer SECRET'",
    );

    const alert = { status: "firing", summary: `Queue backing up ${tag}`, labels: { service: `queue-${tag}` } };
    const without = await fetch(`${baseUrl()}/api/alerts/${source.token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(alert),
    });
    expect(without.status).toBe(401);
    const withIt = await fetch(`${baseUrl()}/api/alerts/${source.token}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify(alert),
    });
    expect(withIt.status).toBe(202);
    await page.reload();
    const log = page.getByRole("region", { name: "Recent deliveries" });
    await expect(log).toContainText("HTTP 401");
    await expect(log).toContainText("Authorization header does not carry this source's secret");
    await expect(log).toContainText("HTTP 202 · 1 alert");
  } finally {
    deleteAlertSource(db, SYSTEM_ACTOR, source.id);
  }
});

test("[alerts] without JavaScript the new-source form posts, refuses a taken name beside the field, and opens the source", async ({
  browser,
}) => {
  const db = database();
  const name = `No-script alerts ${newId(5)}`;
  const taken = createAlertSource(db, SYSTEM_ACTOR, { name: `Taken ${newId(5)}`, kind: "generic" });
  const context = await browser.newContext({ baseURL: baseUrl(), javaScriptEnabled: false });
  try {
    await signIn(context.request, baseUrl(), E2E_ADMIN);
    const page = await context.newPage();
    await page.goto("/admin/alert-sources");
    const form = page.getByRole("form", { name: "New alert source" });
    await form.getByLabel("Name", { exact: true }).fill(taken.name);
    await form.getByRole("button", { name: "Create alert source" }).click();
    await expect(
      page.getByRole("form", { name: "New alert source" }).getByLabel("Name", { exact: true }),
    ).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("already taken", { exact: true })).toBeVisible();

    await page.getByRole("form", { name: "New alert source" }).getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("form", { name: "New alert source" }).getByLabel("Kind").selectOption("alertmanager");
    await page
      .getByRole("form", { name: "New alert source" })
      .getByRole("button", { name: "Create alert source" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const source = must(findSourceByName(db, name), "the source");
    expect(source.kind).toBe("alertmanager");
    // The address is plain selectable text; the Copy button needs the script, so it is not there.
    await expect(page.getByLabel("Address to post alerts to")).toHaveValue(new RegExp(`/api/alerts/${source.token}$`));
    await expect(page.getByRole("button", { name: "Copy" })).toHaveCount(0);
    // No delivery yet: the recipe is open, with the address in the receiver.
    await expect(page.getByText(`- url: "`)).toContainText(source.token);

    // Rules move in the order they are tried by plain form posts too.
    const component = madeComponent(`No-script ${newId(5)}`);
    for (const matchers of ['severity="warning"', 'severity="critical"']) {
      createAlertRule(db, SYSTEM_ACTOR, source.id, { matchers, componentId: component.id, status: "major_outage" });
    }
    await page.reload();
    await page.getByRole("button", { name: 'Try rule severity="critical" earlier' }).click();
    await expect(page.locator("tr[data-rule] td:first-child code").first()).toHaveText('severity="critical"');
    expect(listRules(db, source.id).map((r) => r.matchers)).toEqual(['severity="critical"', 'severity="warning"']);
    deleteAlertSource(db, SYSTEM_ACTOR, source.id);
  } finally {
    await context.close();
    deleteAlertSource(db, SYSTEM_ACTOR, taken.id);
  }
});

test("[alerts] staff move a rule earlier or later; the first and last cannot move further", async ({ page }) => {
  const db = database();
  const tag = newId(5).toLowerCase();
  const component = madeComponent(`Orders ${tag}`);
  const source = createAlertSource(db, SYSTEM_ACTOR, { name: `Order alerts ${tag}`, kind: "alertmanager" });
  const names = ['service="orders"', 'severity="critical"', 'severity="warning"'];
  for (const matchers of names) {
    createAlertRule(db, SYSTEM_ACTOR, source.id, { matchers, componentId: component.id, status: "major_outage" });
  }
  const order = () => listRules(db, source.id).map((r) => r.matchers);
  try {
    await signInPage(page);
    await page.goto(`/admin/alert-sources/${source.id}`);
    const rows = page.locator("tr[data-rule] td:first-child code");
    await expect(page.getByRole("button", { name: 'Try rule service="orders" earlier' })).toBeDisabled();
    await expect(page.getByRole("button", { name: 'Try rule severity="warning" later' })).toBeDisabled();
    const later = page.getByRole("button", { name: 'Try rule service="orders" later' });
    await hydrated(later);
    await later.click();
    await expect(rows).toHaveText(['severity="critical"', 'service="orders"', 'severity="warning"']);
    expect(order()).toEqual(['severity="critical"', 'service="orders"', 'severity="warning"']);
    await page.getByRole("button", { name: 'Try rule severity="warning" earlier' }).click();
    await expect(rows).toHaveText(['severity="critical"', 'severity="warning"', 'service="orders"']);
    expect(order()).toEqual(['severity="critical"', 'severity="warning"', 'service="orders"']);
  } finally {
    deleteAlertSource(db, SYSTEM_ACTOR, source.id);
  }
});

test("[alerts] a status a trusted alert wants, while a person holds another, is put down to the alerts on the dashboard", async ({
  page,
}) => {
  const db = database();
  const tag = newId(5).toLowerCase();
  const component = madeComponent(`Ledger ${tag}`);
  const source = createAlertSource(db, SYSTEM_ACTOR, { name: `Ledger alerts ${tag}`, kind: "generic" });
  createAlertRule(db, SYSTEM_ACTOR, source.id, {
    matchers: `service="ledger-${tag}"`,
    componentId: component.id,
    status: "partial_outage",
    setsStatus: true,
    forSeconds: 0,
  });
  try {
    const posted = await deliver(source.token, {
      status: "firing",
      summary: "Ledger writes failing",
      labels: { service: `ledger-${tag}` },
    });
    expect(posted.status).toBe(202);
    await expect.poll(() => getComponent(db, component.id)?.status).toBe("partial_outage");
    // A person says otherwise; the alert keeps firing. The component has no monitors at all.
    setComponentStatus(db, SYSTEM_ACTOR, { id: component.id, status: "operational" });

    await signInPage(page);
    await page.goto("/admin");
    const checks = page.getByRole("region", { name: "Checks" });
    await expect(checks.locator('[data-check="monitors"] h3')).toContainText(
      "Monitors or alerts disagree with the page",
    );
    const row = checks.getByRole("listitem", { name: component.name });
    await expect(row).toContainText("trusted alerts say Partial outage, the page says Operational");
    await expect(row).toContainText("neither monitors nor alerts override a person");
    await expect(row.getByRole("link", { name: "Alert sources" })).toHaveAttribute("href", "/admin/alert-sources");
    await checks
      .locator('[data-check="monitors"]')
      .screenshot({ path: `${SHOTS}/alert-disagreement-desktop-light.png` });
    await page.setViewportSize({ width: 360, height: 780 });
    await page.emulateMedia({ colorScheme: "dark" });
    await checks.locator('[data-check="monitors"]').screenshot({ path: `${SHOTS}/alert-disagreement-phone-dark.png` });
    dismissDraftOf(component.id);
  } finally {
    deleteAlertSource(db, SYSTEM_ACTOR, source.id);
  }
});

for (const [label, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 360, height: 780 }],
] as const) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`[alerts] a source with a firing and an unmapped alert passes axe (${label}, ${colorScheme})`, async ({
      browser,
    }) => {
      const db = database();
      const tag = newId(5).toLowerCase();
      const component = madeComponent(`Payments ${tag}`);
      const source = createAlertSource(db, SYSTEM_ACTOR, {
        name: `Production Alertmanager ${tag}`,
        kind: "alertmanager",
      });
      createAlertRule(db, SYSTEM_ACTOR, source.id, {
        matchers: `service="payments-${tag}", severity=~"crit.*"`,
        componentId: component.id,
        status: "major_outage",
        setsStatus: true,
        forSeconds: 300,
      });
      createAlertRule(db, SYSTEM_ACTOR, source.id, {
        matchers: `service="payments-${tag}", severity="warning"`,
        componentId: component.id,
        status: "degraded_performance",
      });
      const alert = (labels: Record<string, string>, summary: string, fingerprint: string) => ({
        status: "firing",
        labels,
        annotations: { summary },
        startsAt: new Date().toISOString(),
        endsAt: "0001-01-01T00:00:00Z",
        generatorURL: "http://prometheus.example.com:9090/graph?g0.expr=up",
        fingerprint,
      });
      const posted = await deliver(source.token, {
        version: "4",
        groupKey: "{}:{}",
        status: "firing",
        receiver: "outpost",
        groupLabels: {},
        commonLabels: {},
        commonAnnotations: {},
        externalURL: "http://alertmanager.example.com:9093",
        alerts: [
          alert(
            {
              alertname: "HighErrorRate",
              service: `payments-${tag}`,
              severity: "critical",
              instance: "payments-1:8080",
            },
            "High error rate on payments",
            `a1${tag}`,
          ),
          alert(
            { alertname: "DiskAlmostFull", job: "node", instance: "db-1:9100", severity: "warning" },
            "Disk on db-1 is 93% full",
            `a2${tag}`,
          ),
        ],
      });
      expect(posted.status).toBe(202);
      const context = await browser.newContext({ viewport, colorScheme, baseURL: baseUrl() });
      try {
        const page = await context.newPage();
        await signInPage(page);
        await page.goto(`/admin/alert-sources/${source.id}`);
        await expect(page.getByRole("region", { name: "Firing now (1)" })).toContainText("High error rate on payments");
        await expect(page.getByRole("region", { name: "Unmapped alerts (1)" })).toContainText(
          "Disk on db-1 is 93% full",
        );
        // Folded once deliveries arrive; opened here so its snippet is checked and seen too.
        await page.getByText("How to connect Prometheus Alertmanager").click();
        await expect(page.getByText(`- url: "${baseUrl()}/api/alerts/${source.token}"`)).toBeVisible();
        await expectNoSeriousAxeViolations(page);
        await page.screenshot({ path: `${SHOTS}/alert-source-${label}-${colorScheme}.png`, fullPage: true });
        await page.getByRole("link", { name: "Map alert: Disk on db-1 is 93% full" }).click();
        await expect(page.getByRole("form", { name: "Map “Disk on db-1 is 93% full”" })).toBeVisible();
        await expectNoSeriousAxeViolations(page);
        await page.goto("/admin/alert-sources");
        await expectNoSeriousAxeViolations(page);
        await page.screenshot({ path: `${SHOTS}/alert-sources-${label}-${colorScheme}.png`, fullPage: true });
      } finally {
        await context.close();
        deleteAlertSource(db, SYSTEM_ACTOR, source.id);
        dismissDraftOf(component.id);
      }
    });
  }
}
