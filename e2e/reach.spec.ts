import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { SYSTEM_ACTOR } from "../lib/audit";
import { createComponent, deleteComponent } from "../lib/components";
import { COMPONENT_STATUS_LABELS } from "../lib/constants";
import { must, setComponentStatus } from "../lib/testing";
import { baseUrl, componentByName, database, expect, storedSnapshot, test } from "./fixtures";
import { freePort, ROOT, startServer, tempDir } from "./support/server";
import { startStatic } from "./support/static";
import { S3_KEYS, startS3 } from "./support/s3";
import { openDatabase } from "../db/client";

const SHOTS = "e2e/.artifacts";
fs.mkdirSync(SHOTS, { recursive: true });

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

test("[reach] badges are SVG or shields.io JSON; an unknown component gets a grey badge, not an error", async ({
  request,
}) => {
  const stored = storedSnapshot();
  const overall = await request.get("/badge.svg?style=flat-square");
  expect(overall.status()).toBe(200);
  expect(overall.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
  expect(overall.headers()["access-control-allow-origin"]).toBe("*");
  expect(await overall.text()).toContain(`aria-label="status: ${stored.status.description.toLowerCase()}"`);

  const c = must(stored.components[0], "a component");
  for (const key of [c.id, c.slug]) {
    const svg = await (await request.get(`/badge/${key}.svg?label=${encodeURIComponent("<b>mine</b>")}`)).text();
    expect(svg).toContain("&lt;b&gt;mine&lt;/b&gt;");
    expect(svg).not.toContain("<b>");
  }
  const json = await (await request.get(`/badge/${c.slug}.json`)).json();
  expect(json).toEqual({
    schemaVersion: 1,
    label: c.name,
    message: expect.any(String),
    color: expect.any(String),
    cacheSeconds: 300,
  });
  const uptime = await request.get(`/badge/${c.slug}/uptime-30d.svg?style=for-the-badge`);
  expect(uptime.status()).toBe(200);
  expect(await uptime.text()).toMatch(/aria-label="UPTIME 30D: (\d+(\.\d+)?%|NO DATA)"/);
  const uptimeJson = await request.get(`/badge/${c.slug}/uptime-30d.json`);
  expect(uptimeJson.headers()["content-type"]).toBe("application/json; charset=utf-8");
  expect(await uptimeJson.json()).toMatchObject({ schemaVersion: 1, label: "uptime 30d", cacheSeconds: 300 });

  // A group's badge, by id: its status is the worst of its components'.
  const groupItem = must(
    stored.layout.find((item) => item.kind === "group"),
    "a group on the page",
  );
  const group = groupItem.kind === "group" ? groupItem.group : null;
  const groupJson = await request.get(`/badge/${group?.id}.json`);
  expect(groupJson.status()).toBe(200);
  expect(await groupJson.json()).toMatchObject({
    label: group?.name,
    message: group ? COMPONENT_STATUS_LABELS[group.status].toLowerCase() : "a group",
  });
  expect((await request.get(`/badge/${group?.id}/uptime-90d.svg`)).status()).toBe(200);

  for (const p of ["/badge/no-such-component.svg", "/badge/no-such-component/uptime-7d.svg", "/badge/x/y/z.svg"]) {
    const res = await request.get(p);
    expect(res.status(), p).toBe(404);
    expect(res.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
    const body = await res.text();
    expect(body).toContain('aria-label="status: unknown"');
    expect(body).toContain('fill="#4b5563"'); // the palette's "no data" grey (white text at 7.6:1)
  }
  const unknownJson = await request.get("/badge/no-such-component.json");
  expect(unknownJson.status()).toBe(404);
  expect(await unknownJson.json()).toMatchObject({ schemaVersion: 1, message: "unknown", color: "4b5563" });
});

test("[reach] every public response has an ETag, CDN cache headers and answers If-None-Match with 304", async ({
  request,
}) => {
  const incident = must(storedSnapshot().incidents.unresolved[0], "an open incident");
  const paths = [
    "/",
    `/incidents/${incident.id}`,
    "/history",
    "/api/v2/summary.json",
    "/badge.svg",
    "/badge.json",
    "/embed.js",
    "/status.js",
    "/embed",
  ];
  for (const p of paths) {
    const first = await request.get(p);
    expect(first.status(), p).toBe(200);
    const h = first.headers();
    expect(h.etag, p).toMatch(/^"[^"]+"$/);
    for (const part of ["public", "max-age=", "s-maxage=", "stale-while-revalidate=", "stale-if-error="])
      expect(h["cache-control"], p).toContain(part);
    const again = await request.get(p, { headers: { "if-none-match": must(h.etag, `an ETag on ${p}`) } });
    expect(again.status(), p).toBe(304);
    expect(await again.body(), p).toHaveLength(0);
  }
  // Only the iframe variant may be framed.
  expect((await request.get("/embed")).headers()["content-security-policy"]).toContain("frame-ancestors *");
  const page = (await request.get("/")).headers();
  expect(page["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(page["x-frame-options"]).toBe("DENY");
  const widget = await request.get("/embed.js", { headers: { "accept-encoding": "gzip" } });
  expect(widget.headers()["content-type"]).toBe("text/javascript; charset=utf-8");
  expect(widget.headers()["access-control-allow-origin"]).toBe("*");
});

test("[reach] the widget on another site shows the status, and still does from the mirror when the live server is down", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const mirrorDir = tempDir("outpost-mirror-");
  const mirror = await startStatic({ dir: mirrorDir });
  const live = await startServer({ OUTPOST_DEMO: "1", MIRROR_DIR: mirrorDir, MIRROR_PUBLIC_URL: mirror.url });
  const site = await startStatic({
    pages: {
      "/": `<!DOCTYPE html><html lang="en"><head><title>Someone else's site</title><style>a{color:red!important;font-size:40px!important}</style></head>
<body><h1>Another site</h1><p>Our service status:</p><script src="${mirror.url}/embed.js" data-position="inline" data-show="always" async></script></body></html>`,
    },
  });
  try {
    // The publisher writes the mirror shortly after start.
    await expect.poll(async () => (await fetch(`${mirror.url}/embed.js`)).status, { timeout: 30_000 }).toBe(200);
    await expect.poll(async () => (await fetch(`${mirror.url}/status.js`)).status, { timeout: 30_000 }).toBe(200);
    const health = await (await fetch(`${live.url}/api/health`)).json();
    // Public health names the kind of target, never its folder.
    expect(health.mirror.targets[0]).toMatchObject({ target: "dir", last_error: null });
    expect(JSON.stringify(health)).not.toContain(mirrorDir);
    expect(health.mirror.last_published_at).not.toBeNull();

    const summary = await (await fetch(`${live.url}/api/v2/summary.json`)).json();
    const context = await browser.newContext({ reducedMotion: "reduce" });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(site.url);
    const widget = page.locator("[data-outpost-widget]");
    await expect(widget).toHaveAttribute("data-source", "live");
    await expect(widget.getByRole("link", { name: summary.status.description })).toBeVisible();
    await expect(widget.getByRole("link", { name: `Incident: ${summary.incidents[0].name}` })).toBeVisible();
    // The host page's CSS does not reach into the widget.
    expect(
      await widget
        .getByRole("link", { name: summary.status.description })
        .evaluate((a) => getComputedStyle(a).fontSize),
    ).toBe("14px");
    await page.screenshot({ path: path.join(SHOTS, "reach-widget-live.png") });
    expect(await context.cookies()).toEqual([]);

    await live.stop();
    await page.reload();
    await expect(widget).toHaveAttribute("data-source", "mirror", { timeout: 20_000 });
    await expect(widget.getByRole("link", { name: summary.status.description })).toBeVisible();
    const banner = widget.getByRole("link", { name: `Incident: ${summary.incidents[0].name}` });
    await expect(banner).toHaveAttribute(
      "href",
      new RegExp(`^${mirror.url}/incidents/${summary.incidents[0].id}/index\\.html$`),
    );
    await page.screenshot({ path: path.join(SHOTS, "reach-widget-mirror.png") });
    expect(mirror.requests).toContain("/status.js");
    // Only the failed request to the stopped live server is logged.
    expect(errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|Failed to fetch/.test(e))).toEqual([]);
    await context.close();
  } finally {
    await live.stop();
    await site.stop();
    await mirror.stop();
  }
});

test("[reach] the widget's position and theme follow its data attributes, and it holds still for reduced motion", async ({
  browser,
}) => {
  const site = await startStatic({
    pages: {
      "/": `<!DOCTYPE html><html lang="en"><head><title>Docs</title></head><body><h1>Docs</h1><script src="${baseUrl()}/embed.js" data-position="bottom-left" data-theme="dark" async></script></body></html>`,
    },
  });
  try {
    for (const reducedMotion of ["reduce", "no-preference"] as const) {
      const context = await browser.newContext({ reducedMotion, viewport: { width: 800, height: 400 } });
      const page = await context.newPage();
      await page.goto(site.url);
      // The demo's open incident is news: its line shows (collapsed with any other open one).
      const line = page.locator("[data-outpost-widget]").locator('[data-kind="incident"]');
      await expect(line.getByRole("link")).toBeVisible();
      const style = await line.evaluate((row) => {
        const box = row.parentElement!;
        const dot = row.querySelector(".d")!;
        return {
          position: getComputedStyle(box).position,
          left: getComputedStyle(box).left,
          bottom: getComputedStyle(box).bottom,
          background: getComputedStyle(row).backgroundColor,
          animation: getComputedStyle(dot).animationName,
        };
      });
      expect(style).toMatchObject({ position: "fixed", left: "16px", bottom: "16px", background: "rgb(17, 24, 39)" });
      expect(style.animation).toBe(reducedMotion === "reduce" ? "none" : "p");
      if (reducedMotion === "reduce") await page.screenshot({ path: path.join(SHOTS, "reach-widget-dark-corner.png") });
      await context.close();
    }
  } finally {
    await site.stop();
  }
});

test("[reach] /embed can be framed by any site; the status page cannot", async ({ page }) => {
  const site = await startStatic({
    pages: {
      "/": `<!DOCTYPE html><html lang="en"><head><title>Framing</title></head><body>
<iframe id="ok" src="${baseUrl()}/embed" title="Service status" width="360" height="120"></iframe>
<iframe id="page" src="${baseUrl()}/" title="Status page" width="360" height="120"></iframe></body></html>`,
    },
  });
  try {
    await page.goto(site.url);
    const description = storedSnapshot().status.description;
    await expect(page.frameLocator("#ok").getByRole("link", { name: description })).toBeVisible();
    await page.locator("#ok").screenshot({ path: path.join(SHOTS, "reach-embed-iframe.png") });
    // The page's frame stays empty: the browser refused to render it.
    const framed = page.frames().find((f) => f.url().startsWith(`${baseUrl()}/`) && !f.url().endsWith("/embed"));
    expect(
      (await framed
        ?.locator("[data-component]")
        .count()
        .catch(() => 0)) ?? 0,
    ).toBe(0);
  } finally {
    await site.stop();
  }
});

test("[reach] the page updates itself after a write, with no CSP errors", async ({ page }) => {
  const errors = watchConsole(page);
  const c = componentByName("Website");
  await page.goto("/");
  const row = page.locator(`[data-component="${c.slug}"]`);
  await expect(row).toHaveAttribute("data-status", c.status);
  const next = c.status === "degraded_performance" ? "operational" : "degraded_performance";
  try {
    setComponentStatus(database(), c.id, next);
    await expect(row).toHaveAttribute("data-status", next, { timeout: 20_000 });
    await expect(page.getByRole("region", { name: "Overall status" }).locator("[data-banner-status]")).toHaveText(
      storedSnapshot().status.description,
    );
  } finally {
    setComponentStatus(database(), c.id, c.status);
  }
  await expect(row).toHaveAttribute("data-status", c.status, { timeout: 20_000 });
  expect(errors).toEqual([]);
});

test("[reach] \"is it just me?\": the browser's own probe gives a plain verdict next to Outpost's view", async ({
  page,
}) => {
  const target = await startStatic({ pages: { "/health": "ok" } });
  const closedPort = await freePort();
  const db = database();
  const made = [
    createComponent(db, SYSTEM_ACTOR, { name: "Probe reachable", browserProbeUrl: `${target.url}/health` }),
    createComponent(db, SYSTEM_ACTOR, {
      name: "Probe unreachable",
      browserProbeUrl: `http://127.0.0.1:${closedPort}/health`,
    }),
    createComponent(db, SYSTEM_ACTOR, {
      name: "Probe down",
      status: "major_outage",
      browserProbeUrl: `http://127.0.0.1:${closedPort}/health`,
    }),
  ] as const;
  try {
    const errors = watchConsole(page);
    // The components were written by this process: wait until the server's page has them.
    await expect.poll(async () => (await page.request.get("/")).text()).toContain(`data-component="${made[2].slug}"`);
    await page.goto("/");
    const verdict = (slug: string) => page.locator(`[data-component="${slug}"] [data-probe-url]`);
    await expect(verdict(made[0].slug)).toHaveText("Your browser reaches it too: both fine.", { timeout: 15_000 });
    await expect(verdict(made[0].slug)).toHaveAttribute("data-verdict", "both-fine");
    await expect(verdict(made[1].slug)).toHaveText(
      "Outpost sees it up, your browser cannot reach it → likely your network.",
      { timeout: 15_000 },
    );
    await expect(verdict(made[2].slug)).toHaveText("Outpost sees it down too → it is not you.", { timeout: 15_000 });
    await page.locator(`[data-component="${made[1].slug}"]`).screenshot({ path: path.join(SHOTS, "reach-probe.png") });
    expect(target.requests).toContain("/health");
    // The refused connection is the probe's answer, not a policy violation.
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  } finally {
    for (const c of made) deleteComponent(db, SYSTEM_ACTOR, c.id);
    await target.stop();
  }
});

test('[reach] "I am affected" counts once per visitor, with or without JavaScript; the public sees counts only when corroborated', async ({
  page,
  request,
}) => {
  const db = database();
  const c = createComponent(db, SYSTEM_ACTOR, { name: "Reports target" });
  try {
    // Without JavaScript: a plain form post answers with a page.
    const form = await request.post(`/components/${c.slug}/affected`, {
      headers: { "x-forwarded-for": "198.51.100.20" },
    });
    expect(form.status()).toBe(200);
    expect(await form.text()).toContain("your report was counted");
    const again = await request.post(`/components/${c.slug}/affected`, {
      headers: { "x-forwarded-for": "198.51.100.20", accept: "application/json" },
    });
    expect(await again.json()).toMatchObject({ counted: false, reason: "already", count: null });
    expect((await request.post("/components/no-such/affected")).status()).toBe(404);
    const stored = db.$client.prepare("select client_hash from affected_reports where component_id = ?").all(c.id) as {
      client_hash: string;
    }[];
    expect(stored).toHaveLength(1);
    expect(must(stored[0], "the stored report").client_hash).not.toContain("198.51");

    // Not corroborated: the page shows no count. A monitor or incident saying so shows it.
    await page.goto("/");
    const row = page.locator(`[data-component="${c.slug}"]`);
    await expect(row.locator("[data-affected-count]")).toHaveCount(0);
    setComponentStatus(db, c.id, "partial_outage");
    await expect(row.locator("[data-affected-count]")).toHaveText("1 person reported problems in the last 15 minutes", {
      timeout: 20_000,
    });
    // With JavaScript the button answers in place (this browser is another client).
    await row.getByRole("button", { name: "I am affected" }).click();
    await expect(row.getByRole("status")).toContainText(/Thank you: your report was counted\. 2 reports/);
  } finally {
    deleteComponent(db, SYSTEM_ACTOR, c.id);
  }
});

test('[security] "I am affected" refuses cross-site posts and stores nothing; the page\'s own form works without JavaScript', async ({
  browser,
  request,
}) => {
  const db = database();
  const c = createComponent(db, SYSTEM_ACTOR, { name: "Cross-site target" });
  const count = () =>
    (db.$client.prepare("select count(*) as n from affected_reports where component_id = ?").get(c.id) as { n: number })
      .n;
  const action = `${baseUrl()}/components/${c.slug}/affected`;
  const evil = await startStatic({
    pages: { "/": `<!DOCTYPE html><form method="post" action="${action}"><button>Win a prize</button></form>` },
  });
  try {
    // Another site's form, submitted by a real browser: its Origin is not the page's.
    const attacker = await browser.newContext();
    const lure = await attacker.newPage();
    await lure.goto(evil.url);
    const [refused] = await Promise.all([
      lure.waitForResponse(action),
      lure.getByRole("button", { name: "Win a prize" }).click(),
    ]);
    expect(refused.status()).toBe(403);
    await attacker.close();
    expect((await request.post(action, { headers: { origin: "https://evil.example" } })).status()).toBe(403);
    expect(
      (
        await request.post(action, { headers: { "sec-fetch-site": "cross-site", accept: "application/json" } })
      ).status(),
    ).toBe(403);
    expect((await request.post(action, { headers: { origin: "null" } })).status()).toBe(403);
    expect(count()).toBe(0);

    // The page's own form, in a browser without JavaScript.
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const visitor = await plain.newPage();
    await visitor.goto(`${baseUrl()}/`);
    await visitor.locator(`[data-component="${c.slug}"]`).getByRole("button", { name: "I am affected" }).click();
    await expect(visitor.getByText("Thank you: your report was counted.")).toBeVisible();
    await plain.close();
    expect(count()).toBe(1);
  } finally {
    await evil.stop();
    deleteComponent(db, SYSTEM_ACTOR, c.id);
  }
});

test("[reach] the server publishes the mirror to an S3 bucket; while the bucket is down it retries, says so, and the live page carries on", async ({
  request,
}) => {
  test.setTimeout(120_000);
  let s3 = await startS3();
  const live = await startServer({
    OUTPOST_DEMO: "1",
    MIRROR_S3_ENDPOINT: s3.endpoint,
    MIRROR_S3_BUCKET: s3.bucket,
    MIRROR_S3_ACCESS_KEY_ID: S3_KEYS.accessKeyId,
    MIRROR_S3_SECRET_ACCESS_KEY: S3_KEYS.secretAccessKey,
    OUTPOST_ALLOW_PRIVATE_TARGETS: "1",
  });
  const db = openDatabase(live.databasePath);
  const health = async () => (await (await fetch(`${live.url}/api/health`)).json()).mirror.targets[0];
  try {
    await expect.poll(async () => (await health()).last_published_at, { timeout: 30_000 }).not.toBeNull();
    const object = await fetch(`${s3.endpoint}/${s3.bucket}/api/v2/status.json`);
    expect(object.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const liveStatus = await (await fetch(`${live.url}/api/v2/status.json`)).json();
    expect((await object.json()).status).toEqual(liveStatus.status);

    await s3.stop();
    const c = db.$client.prepare("select id, status from components where status = 'operational' limit 1").get() as {
      id: string;
    };
    setComponentStatus(db, c.id, "major_outage");
    await expect.poll(async () => (await health()).last_error, { timeout: 30_000 }).not.toBeNull();
    // The writer tells the public workers about the mirror every 250 ms; the page follows.
    await expect
      .poll(
        async () => {
          const page = await request.get(`${live.url}/`);
          return `${page.status()} ${(await page.text()).includes("the last attempt failed (retrying)")}`;
        },
        { timeout: 5_000 },
      )
      .toBe("200 true");

    s3 = await startS3(s3.bucket, { port: s3.port, directory: s3.directory });
    await expect.poll(async () => (await health()).last_error, { timeout: 60_000 }).toBeNull();
    const after = await (await fetch(`${s3.endpoint}/${s3.bucket}/api/v2/components.json`)).json();
    expect(after.components.find((x: { id: string }) => x.id === c.id).status).toBe("major_outage");
  } finally {
    db.$client.close();
    await live.stop();
    await s3.stop();
  }
});

test("[reach] npm run export writes a static copy that works from a static file server", async ({ page }) => {
  test.setTimeout(120_000);
  const dir = tempDir("outpost-export-");
  const run = spawnSync(process.execPath, [path.join(ROOT, "scripts/tool.mjs"), "export", "--", dir], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: process.env.OUTPOST_E2E_DATABASE!, PUBLIC_URL: baseUrl() },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/wrote \d+ files/);
  const stored = storedSnapshot();
  const host = await startStatic({ dir });
  try {
    const errors = watchConsole(page);
    await page.goto(`${host.url}/index.html`);
    await expect(page.getByRole("region", { name: "Overall status" }).locator("[data-banner-status]")).toHaveText(
      stored.status.description,
    );
    await expect(page.locator("[data-generated-at]")).toContainText("Static copy generated");
    const open = must(stored.incidents.unresolved[0], "an open incident");
    await page.getByRole("article", { name: open.name }).getByRole("link", { name: open.name }).click();
    await expect(page).toHaveURL(`${host.url}/incidents/${open.id}/index.html`);
    await expect(page.getByRole("heading", { name: open.name }).first()).toBeVisible();
    await page.getByRole("link", { name: "History", exact: true }).click();
    await expect(page).toHaveURL(`${host.url}/history/index.html`);
    const summary = await (await fetch(`${host.url}/api/v2/summary.json`)).json();
    expect(summary.status).toEqual(stored.status);
    expect((await fetch(`${host.url}/badge.svg`)).status).toBe(200);
    expect(await (await fetch(`${host.url}/status.js`)).text()).toContain("__outpostStatus");
    expect(await (await fetch(`${host.url}/embed.js`)).text()).toContain(JSON.stringify(baseUrl()));
    expect(errors).toEqual([]);
  } finally {
    await host.stop();
  }
});
