// Syndication end to end: a server of its own with SMTP and the X, Mastodon and atproto
// stand-ins configured. The subscribe form is used with JavaScript off (a plain POST); an update
// posted through the admin API reaches every channel once, threaded, with the link back.
import { test, expect, type Browser } from "@playwright/test";
import { startSmtp, type StandInSmtp } from "./support/smtp";
import { startServer, type RunningServer } from "./support/server";
import { startXStandIn, type XStandIn } from "./support/x-stand-in";
import { startMastodonStandIn, type MastodonStandIn } from "./support/mastodon-stand-in";
import { startAtprotoStandIn, type AtprotoStandIn } from "./support/atproto-stand-in";
import { startWebhookReceiver, verify, type WebhookReceiver } from "./support/webhook-receiver";
import { must } from "../lib/testing";
import { signIn } from "./support/auth";

const TOKEN = "e2e-syndication-token-0123456789";
const ADMIN = { email: "admin@syndication.test", password: "syndication-admin-pw-1" };
let server: RunningServer;
let smtp: StandInSmtp;
let x: XStandIn;
let masto: MastodonStandIn;
let atp: AtprotoStandIn;
let hooks: WebhookReceiver;
let hookSecret = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  [smtp, x, masto, atp] = await Promise.all([
    startSmtp(),
    startXStandIn("xkey"),
    startMastodonStandIn("mtoken"),
    startAtprotoStandIn("status.test", "app-pw"),
  ]);
  hooks = await startWebhookReceiver(() => hookSecret || undefined);
  server = await startServer({
    OUTPOST_DEMO: "1",
    OUTPOST_API_TOKEN: TOKEN,
    OUTPOST_ADMIN_EMAIL: ADMIN.email,
    OUTPOST_ADMIN_PASSWORD: ADMIN.password,
    TRUST_PROXY: "1",
    OUTPOST_ALLOW_PRIVATE_TARGETS: "1",
    SMTP_URL: smtp.url,
    MAIL_FROM: "Status <status@example.com>",
    X_APP_KEY: "xkey",
    X_APP_SECRET: "xsecret",
    X_ACCESS_TOKEN: "xtoken",
    X_ACCESS_SECRET: "xaccess",
    X_API_URL: x.url,
    MASTODON_URL: masto.url,
    MASTODON_TOKEN: "mtoken",
    BLUESKY_SERVICE: atp.url,
    BLUESKY_IDENTIFIER: "status.test",
    BLUESKY_APP_PASSWORD: "app-pw",
  });
});

test.afterAll(async () => {
  await server?.stop();
  await Promise.all([smtp?.close(), x?.close(), masto?.close(), atp?.close(), hooks?.close()]);
});

async function noScriptPage(browser: Browser, forwardedFor: string) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL: server.url,
    extraHTTPHeaders: { "x-forwarded-for": forwardedFor },
  });
  return context.newPage();
}

test("[syndication] email double opt-in without JavaScript, clear messages for bad input", async ({ browser }) => {
  const page = await noScriptPage(browser, "203.0.113.10");
  await page.goto("/");
  const form = page.locator('form[action="/subscribe"]');
  await form.getByLabel("Email address").fill("not an email");
  await form.getByRole("button", { name: "Subscribe by email" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Email address").fill("Reader@Example.com");
  await page.getByRole("button", { name: "Subscribe by email" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const mail = await smtp.waitFor((m) => m.to.includes("reader@example.com"));
  expect(mail.subject).toContain("Confirm your subscription");
  const link = must(
    /(http:\/\/127\.0\.0\.1:\d+\/subscriptions\/confirm\?token=[\w-]+)/.exec(mail.text)?.[1],
    "a confirmation link",
  );
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("heading", { name: "You are subscribed" })).toBeVisible();
});

test("[syndication] a webhook subscribes through a signed confirmation", async ({ browser }) => {
  const page = await noScriptPage(browser, "203.0.113.11");
  await page.goto("/subscribe");
  await page.getByLabel("Webhook URL", { exact: true }).fill("ftp://example.com/hook");
  await page.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByText("Only http:// and https:// URLs can receive webhooks")).toBeVisible();
  // The receiver learns the secret from the page, as its owner would.
  hooks.received.length = 0;
  await page.getByLabel("Webhook URL", { exact: true }).fill(`${hooks.url}/outpost`);
  await page.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByRole("heading", { name: "Confirm your webhook" })).toBeVisible();
  hookSecret = (await page.locator("code").textContent())!.trim();
  const ping = must(hooks.received[0], "the confirmation ping");
  expect(
    verify(
      hookSecret,
      String(ping.headers["x-outpost-timestamp"]),
      ping.raw,
      String(ping.headers["x-outpost-signature"]),
    ),
  ).toBe(true);
  const confirm = (ping.body.meta as { confirm: string }).confirm;
  const res = await page.request.post(confirm);
  expect(res.status()).toBe(200);
});

test("[syndication] subscribing is rate limited per client", async ({ browser }) => {
  const page = await noScriptPage(browser, "198.51.100.77");
  let last = 0;
  for (let i = 0; i < 6; i++) {
    const res = await page.request.post("/subscribe", { form: { kind: "email", email: `flood${i}@example.com` } });
    last = res.status();
  }
  expect(last).toBe(429);
});

test("[syndication] an update reaches X, Mastodon, Bluesky, email and webhooks once, threaded; one click unsubscribes", async ({
  request,
}) => {
  const headers = { Authorization: `OAuth ${TOKEN}` };
  const pageId = (await (await request.get(`${server.url}/api/v2/summary.json`)).json()).page.id;
  const created = await request.post(`${server.url}/api/v1/pages/${pageId}/incidents`, {
    headers,
    data: {
      incident: {
        name: "Checkout errors",
        status: "investigating",
        body: "We are looking into failed payments.",
        deliver_notifications: true,
      },
    },
  });
  expect(created.status()).toBe(201);
  const incident = await created.json();
  await expect
    .poll(() => [x.tweets.length, masto.statuses.length, atp.records.length], { timeout: 15_000 })
    .toEqual([1, 1, 1]);
  const patched = await request.patch(`${server.url}/api/v1/pages/${pageId}/incidents/${incident.id}`, {
    headers,
    data: { incident: { status: "identified", body: "Found it." } },
  });
  expect(patched.status()).toBe(200);
  await expect
    .poll(() => [x.tweets.length, masto.statuses.length, atp.records.length], { timeout: 15_000 })
    .toEqual([2, 2, 2]);

  const tweet = must(x.tweets[0], "the first post on X");
  const status = must(masto.statuses[0], "the first post on Mastodon");
  const record = must(atp.records[0], "the first post on Bluesky");
  expect(x.tweets[1]?.replyTo).toBe(tweet.id);
  expect(masto.statuses[1]?.inReplyToId).toBe(status.id);
  expect((must(atp.records[1], "the reply on Bluesky").value.reply as { parent: { uri: string } }).parent.uri).toBe(
    record.uri,
  );
  for (const text of [tweet.text, status.text, record.value.text as string]) {
    expect(text).toContain(`${server.url}/incidents/${incident.id}?d=`);
  }
  await expect.poll(() => hooks.received.filter((h) => h.body.incident).length, { timeout: 15_000 }).toBe(2);
  expect(hooks.received.filter((h) => h.body.incident).every((h) => h.valid)).toBe(true);

  const update = await smtp.waitFor((m) => m.subject.includes("Checkout errors: Identified"), 15_000);
  const raw = update.raw.replace(/\r?\n[ \t]+/g, " ");
  const unsubscribe = must(/^List-Unsubscribe: <([^>]+)>/m.exec(raw)?.[1], "a List-Unsubscribe address");
  expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
  const oneClick = await request.post(unsubscribe, { form: { "List-Unsubscribe": "One-Click" } });
  expect(oneClick.status()).toBe(200);
  expect(await oneClick.text()).toContain("Unsubscribed");
});

test("[syndication] staff see each channel's outcome and retry a failed post", async ({ browser, request }) => {
  const headers = { Authorization: `OAuth ${TOKEN}` };
  const pageId = (await (await request.get(`${server.url}/api/v2/summary.json`)).json()).page.id;
  const before = x.tweets.length;
  x.fail("/2/tweets", { status: 403, times: 1 });
  const created = await request.post(`${server.url}/api/v1/pages/${pageId}/incidents`, {
    headers,
    data: {
      incident: {
        name: "Search slow",
        status: "investigating",
        body: "Searches take seconds.",
        deliver_notifications: true,
      },
    },
  });
  const incident = await created.json();
  await expect.poll(() => masto.statuses.some((s) => s.text.startsWith("Search slow")), { timeout: 15_000 }).toBe(true);

  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await signIn(page.request, server.url, ADMIN);
  await expect
    .poll(
      async () => {
        await page.goto(`/admin/deliveries?incident=${incident.id}`);
        return page.getByText("X answered 403").count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
  await expect(page.getByRole("link", { name: "view post" })).toHaveCount(2); // Mastodon and Bluesky
  await page.getByRole("button", { name: /^Retry X/ }).click();
  // The row is pending again at once (the page re-renders without the failed state).
  await expect(page.getByRole("button", { name: /^Retry X/ })).toHaveCount(0);
  await expect.poll(() => x.tweets.length, { timeout: 15_000 }).toBe(before + 1);
  await page.reload();
  await expect(page.getByRole("link", { name: "view post" })).toHaveCount(3);
  await context.close();
});

test("[syndication] a component's status changed through the admin API reaches the webhook as a signed component_update", async ({
  request,
}) => {
  const headers = { Authorization: `OAuth ${TOKEN}` };
  const summary = await (await request.get(`${server.url}/api/v2/summary.json`)).json();
  const component = must(
    (summary.components as { id: string; status: string; group: boolean }[]).find(
      (c) => !c.group && c.status !== "partial_outage",
    ),
    "a component that is not in a partial outage",
  );
  const patched = await request.patch(`${server.url}/api/v1/pages/${summary.page.id}/components/${component.id}`, {
    headers,
    data: { component: { status: "partial_outage" } },
  });
  expect(patched.status()).toBe(200);

  const isOurs = (h: (typeof hooks.received)[number]) =>
    (h.body.component_update as { component_id?: string; new_status?: string } | undefined)?.component_id ===
      component.id && (h.body.component_update as { new_status: string }).new_status === "partial_outage";
  await expect.poll(() => hooks.received.filter(isOurs).length, { timeout: 15_000 }).toBe(1);
  const got = must(hooks.received.find(isOurs), "the component_update");
  expect(got.path).toBe("/outpost");
  expect(
    verify(hookSecret, String(got.headers["x-outpost-timestamp"]), got.raw, String(got.headers["x-outpost-signature"])),
  ).toBe(true);
  expect(got.delivery).toMatch(/^\w+$/);
  expect(Object.keys(got.body)).toEqual(["meta", "page", "component_update", "component"]);
  expect(Object.keys(got.body.meta as object)).toEqual(["unsubscribe", "documentation"]);
  expect(got.body.page).toMatchObject({ id: summary.page.id });
  expect(got.body.component_update).toEqual({
    id: expect.any(String),
    created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    old_status: component.status,
    new_status: "partial_outage",
    component_id: component.id,
  });
  expect(got.body.component).toMatchObject({ id: component.id, status: "partial_outage", page_id: summary.page.id });

  // The same status again is no change: nothing more arrives.
  await request.patch(`${server.url}/api/v1/pages/${summary.page.id}/components/${component.id}`, {
    headers,
    data: { component: { status: "partial_outage" } },
  });
  await new Promise((r) => setTimeout(r, 2_000));
  expect(hooks.received.filter(isOurs)).toHaveLength(1);
});
