// The subscribe hub: every way to follow the page at /subscribe, each reached by the header's
// menu anchors on a desktop and a 360 px phone; `?incident=` focuses it on one incident; an
// incident's own feeds; a chat channel subscribed and confirmed through the message posted to it.
// The shared server refuses private targets (as production does), so the chat confirmation runs
// against a server of its own with OUTPOST_ALLOW_PRIVATE_TARGETS=1 and a stand-in on 127.0.0.1.
import fs from "node:fs";
import Parser from "rss-parser";
import type { Browser, BrowserContextOptions } from "@playwright/test";
import { openDatabase } from "../db/client";
import { subscriberByAddress } from "../db/queries/subscribers";
import { must } from "../lib/testing";
import { SYSTEM_ACTOR } from "../lib/audit";
import { addIncidentUpdate } from "../lib/incidents";
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
import { startStandIn, type StandIn } from "./support/http-stand-in";
import { startServer, type RunningServer } from "./support/server";

const SHOTS = "e2e/.artifacts";
fs.mkdirSync(SHOTS, { recursive: true });
const VIEWPORTS = [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 360, height: 780 },
] as const;

let client = 0;
/** A browser page of its own client address (the subscribe throttle counts per address). */
async function newPage(browser: Browser, options: BrowserContextOptions = {}, base = baseUrl()) {
  const context = await browser.newContext({
    baseURL: base,
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${(++client % 200) + 20}` },
    ...options,
  });
  return context.newPage();
}

// An open incident of its own that names components (other specs resolve the demo's), resolved at the end.
let ownIncidentId: string | undefined;
test.beforeAll(() => {
  const checkout = componentByName("Checkout");
  ownIncidentId = openIncident({
    name: "Card payments failing for some customers",
    components: { [checkout.id]: "partial_outage" },
  }).id;
  addIncidentUpdate(database(), SYSTEM_ACTOR, ownIncidentId, { status: "identified", body: "A bad deploy." });
});
test.afterAll(() => {
  if (ownIncidentId)
    addIncidentUpdate(database(), SYSTEM_ACTOR, ownIncidentId, {
      status: "resolved",
      body: "Fixed.",
      components: { [componentByName("Checkout").id]: "operational" },
    });
});

/** That incident as the page shows it. */
function openDemoIncident() {
  return must(storedSnapshot().incidentsById.get(ownIncidentId ?? ""), "the spec's open incident");
}

for (const viewport of VIEWPORTS) {
  test(`[subscribe] each of the header menu's anchors exists on /subscribe and is reached (${viewport.name})`, async ({
    browser,
  }) => {
    const page = await newPage(browser, { viewport });
    await page.goto("/");
    const hrefs = await page
      .locator('header a[href^="/subscribe#"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    // webhook, chat, feeds and badge; email only where mail is configured (not on this server).
    expect([...hrefs].sort()).toEqual([
      "/subscribe#badge",
      "/subscribe#chat",
      "/subscribe#feeds",
      "/subscribe#webhook",
    ]);
    for (const href of hrefs) {
      const id = href.split("#")[1]!;
      await page.goto(href);
      const section = page.locator(`section#${id}`);
      await expect(section.getByRole("heading", { level: 3 })).toBeVisible();
      await expect(section).toBeInViewport();
      // The hub's own list of ways leads there too.
      await expect(page.getByRole("navigation", { name: "Ways to subscribe" }).locator(`a[href="#${id}"]`)).toHaveCount(
        1,
      );
    }
    await expect(page.locator("section#email")).toHaveCount(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });
}

test("[subscribe] /subscribe?incident=<open incident> says so, chooses its components and offers its feed", async ({
  browser,
}) => {
  const incident = openDemoIncident();
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(`/subscribe?incident=${incident.id}`);
  await expect(page.getByRole("heading", { level: 2, name: `Updates about ${incident.name}` })).toBeVisible();
  for (const c of storedSnapshot().components) {
    const box = page.getByRole("checkbox", { name: c.name, exact: true });
    if (incident.componentIds.includes(c.id)) await expect(box).toBeChecked();
    else await expect(box).not.toBeChecked();
  }
  await expect(page.locator(`a[href="/incidents/${incident.id}.rss"]`).first()).toBeVisible();
  await expect(page.locator(`a[href="/incidents/${incident.id}.atom"]`).first()).toBeVisible();
  await page.context().close();
});

test("[subscribe] an incident's feed parses as XML with its updates; an unknown incident's is a 404", async ({
  request,
}) => {
  const incident = openDemoIncident();
  const parser = new Parser();
  for (const format of ["rss", "atom"] as const) {
    const res = await request.get(`/incidents/${incident.id}.${format}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain(`application/${format}+xml`);
    const feed = await parser.parseString(await res.text());
    expect(feed.title).toContain(incident.name);
    expect(feed.items).toHaveLength(incident.updates.length);
    for (const item of feed.items) expect(item.title).toContain(incident.name);
    expect(feed.items.map((i) => i.guid ?? i.id)).toEqual(
      [...incident.updates].sort((a, b) => b.seq - a.seq).map((u) => `${baseUrl()}/#update-${u.id}`),
    );
  }
  for (const path of ["/incidents/nosuchincident.rss", "/incidents/nosuchincident.atom", "/incidents/BAD.rss"])
    expect((await request.get(path)).status(), path).toBe(404);
});

test("[subscribe] a chat URL on a private address is refused beside its field, without JavaScript", async ({
  browser,
}) => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto("/subscribe#chat");
  const chat = page.locator("section#chat");
  await chat.getByRole("radio", { name: "Slack" }).check();
  await chat.getByLabel("Incoming webhook URL").fill("http://127.0.0.1:9/services/T/B/x");
  await chat.getByRole("button", { name: "Add to the channel" }).click();
  await expect(page.getByRole("alert")).toHaveText("Please check the form.");
  const field = page.locator("section#chat").getByLabel("Incoming webhook URL");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(/This address is private or local/);
  await expect(page.locator("section#chat").getByRole("radio", { name: "Slack" })).toBeChecked();
  await page.context().close();
});

for (const viewport of VIEWPORTS)
  for (const colorScheme of ["light", "dark"] as const)
    test(`[subscribe] the hub has no serious axe violations (${viewport.name}, ${colorScheme})`, async ({
      browser,
    }) => {
      test.setTimeout(60_000);
      const incident = openDemoIncident();
      const page = await newPage(browser, { viewport, colorScheme });
      await page.goto("/subscribe");
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `${SHOTS}/subscribe-${viewport.width}-${colorScheme}.png`, fullPage: true });
      await page.goto(`/subscribe?incident=${incident.id}`);
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `${SHOTS}/subscribe-incident-${viewport.width}-${colorScheme}.png` });
      await page.context().close();
    });

test.describe("a chat channel's subscription", () => {
  const TOKEN = "e2e-subscribe-token-0123456789";
  let server: RunningServer;
  let slack: StandIn;

  test.beforeAll(async () => {
    slack = await startStandIn(() => ({ status: 200, body: "ok" }));
    server = await startServer({
      OUTPOST_DEMO: "1",
      OUTPOST_API_TOKEN: TOKEN,
      OUTPOST_ADMIN_EMAIL: "admin@subscribe.test",
      OUTPOST_ADMIN_PASSWORD: "subscribe-admin-pw-1",
      TRUST_PROXY: "1",
      OUTPOST_ALLOW_PRIVATE_TARGETS: "1",
    });
  });
  test.afterAll(async () => {
    await server?.stop();
    await slack?.close();
  });

  type SlackBody = { text: string; blocks: { type: string; text?: { text: string }; elements?: { text: string }[] }[] };
  const bodies = (path: string) => slack.requests.filter((r) => r.path === path).map((r) => r.json() as SlackBody);
  const linkIn = (text: string | undefined) => must(/<(https?:\/\/[^|>]+)\|/.exec(text ?? "")?.[1], "a link");

  test("[subscribe] is confirmed by the Slack message posted to the channel, then gets updates in Slack's format", async ({
    browser,
    request,
  }) => {
    const hook = `${slack.url}/services/T0/B0/e2e`;
    const page = await newPage(browser, { javaScriptEnabled: false }, server.url);
    await page.goto("/subscribe#chat");
    const chat = page.locator("section#chat");
    await chat.getByRole("radio", { name: "Slack" }).check();
    await chat.getByLabel("Incoming webhook URL").fill(hook);
    await chat.getByRole("button", { name: "Add to the channel" }).click();
    await expect(page.getByRole("heading", { name: "Check your channel" })).toBeVisible();
    await expect(page.getByText("We posted a message with a confirmation link to your Slack channel.")).toBeVisible();

    // The confirmation arrived in Slack's format: a section linking the title, a context line with the link.
    const [confirmation] = bodies("/services/T0/B0/e2e");
    expect(must(confirmation, "the confirmation").blocks.map((b) => b.type)).toEqual(["section", "context"]);
    expect(confirmation!.text).toContain("Confirm Outpost Demo status updates in this channel");
    const confirmLink = linkIn(confirmation!.blocks[1]?.elements?.[0]?.text);
    expect(confirmLink).toMatch(new RegExp(`^${server.url}/subscriptions/confirm\\?token=`));
    const db = openDatabase(server.databasePath);
    expect(subscriberByAddress(db, "slack", hook)?.confirmedAt).toBeNull();

    // Opening the link only asks; the button confirms (link previews change nothing).
    await page.goto(confirmLink);
    await page.getByRole("button", { name: "Confirm subscription" }).click();
    await expect(page.getByRole("heading", { name: "You are subscribed" })).toBeVisible();
    expect(subscriberByAddress(db, "slack", hook)?.confirmedAt).toEqual(expect.any(Number));

    const pageId = (await (await request.get(`${server.url}/api/v2/summary.json`)).json()).page.id;
    const created = await request.post(`${server.url}/api/v1/pages/${pageId}/incidents`, {
      headers: { Authorization: `OAuth ${TOKEN}` },
      data: {
        incident: { name: "Chat check", status: "investigating", body: "Looking.", deliver_notifications: true },
      },
    });
    expect(created.status()).toBe(201);
    await expect.poll(() => bodies("/services/T0/B0/e2e").length, { timeout: 15_000 }).toBe(2);
    const update = bodies("/services/T0/B0/e2e")[1]!;
    expect(update.text).toBe("Chat check (Investigating): Looking.");
    expect(linkIn(update.blocks[1]?.elements?.[0]?.text)).toMatch(
      new RegExp(`^${server.url}/subscriptions/unsubscribe\\?token=`),
    );
    await page.context().close();
  });
});
