// Security checks over the running server: headers on every kind of response, hostile text from
// staff fields escaped on every public surface, and no secret in the browser bundles.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getPage } from "../db/queries/page";
import { SYSTEM_ACTOR } from "../lib/audit";
import { createComponent, deleteComponent } from "../lib/components";
import { deleteIncident } from "../lib/incidents";
import { setComponentStatus } from "../lib/testing";
import { E2E_ADMIN, E2E_API_TOKEN } from "./support/auth";
import { ROOT } from "./support/server";
import { database, expect, openIncident, test } from "./fixtures";

/** Payloads that must arrive as text everywhere: tags, handlers, script URLs, SVG, broken markup. */
const XSS = [
  `<script>window.__xss=1</script>`,
  `<img src=x onerror="window.__xss=2">`,
  `<svg onload="window.__xss=3"><a xlink:href="javascript:window.__xss=4">svg</a></svg>`,
  `[click](javascript:window.__xss=5)`,
  `"><iframe srcdoc="<script>parent.__xss=6</script>">`,
  `\u202e\ud800 broken \u0000 unicode`,
] as const;

test("[security] every public and staff response sends the security headers; only /embed may be framed", async ({
  request,
}) => {
  const incident = openIncident({ name: "Headers check" });
  try {
    const html = ["/", "/history", `/incidents/${incident.id}`, "/infrastructure"];
    for (const p of html) {
      const res = await request.get(p);
      const h = res.headers();
      expect(h["x-content-type-options"], p).toBe("nosniff");
      expect(h["referrer-policy"], p).toBeTruthy();
      const csp = h["content-security-policy"] ?? "";
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
      expect(scriptSrc, p).not.toContain("unsafe-inline");
      expect(scriptSrc, p).toMatch(/'sha256-/);
      expect(csp, p).toContain("frame-ancestors 'none'");
      expect(h["x-frame-options"], p).toBe("DENY");
    }
    const embed = await request.get("/embed");
    expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
    expect(embed.headers()["x-frame-options"]).toBeUndefined();
    for (const p of ["/api/v2/summary.json", "/badge.svg", "/embed.js"]) {
      const res = await request.get(p);
      expect(res.headers()["x-content-type-options"], p).toBe("nosniff");
      expect(res.headers()["access-control-allow-origin"], p).toBe("*");
    }
    for (const p of ["/admin/sign-in", "/api/v1/openapi.json"]) {
      const h = (await request.get(p)).headers();
      expect(h["x-content-type-options"], p).toBe("nosniff");
    }
    const signIn = (await request.get("/admin/sign-in")).headers();
    expect(signIn["x-frame-options"]).toBe("DENY");
    expect(signIn["content-security-policy"]).toContain("frame-ancestors 'none'");
    // The staff area: a fresh nonce per request, no inline script allowed otherwise.
    const staffScripts = /script-src ([^;,]*)/.exec(signIn["content-security-policy"] ?? "")?.[1] ?? "";
    expect(staffScripts).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(staffScripts).not.toContain("unsafe-inline");
    const again = (await request.get("/admin/sign-in")).headers()["content-security-policy"];
    expect(again).not.toBe(signIn["content-security-policy"]);
  } finally {
    deleteIncident(database(), SYSTEM_ACTOR, incident.id);
  }
});

test("[security] hostile text in staff fields stays text on the page, incident page, history, badge and widget", async ({
  page,
  request,
}) => {
  const db = database();
  const component = createComponent(db, SYSTEM_ACTOR, {
    name: `Comp ${XSS[1]}`.slice(0, 100),
    description: XSS[2].slice(0, 1000),
  });
  const incident = openIncident({
    name: `Outage ${XSS[0]}`.slice(0, 200),
    body: XSS.join("\n\n"),
    components: { [component.id]: "major_outage" },
  });
  try {
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const p of ["/", `/incidents/${incident.id}`, "/history", "/embed"]) {
      await page.goto(p);
      await page.waitForTimeout(300); // let any injected handler fire
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), p).toBeUndefined();
    }
    expect(dialogs).toEqual([]);
    await page.goto(`/incidents/${incident.id}`);
    await expect(page.getByText(XSS[0]).first()).toBeVisible();
    await expect(page.locator("a[href^='javascript:']")).toHaveCount(0);
    const raw = await (await request.get(`/incidents/${incident.id}`)).text();
    expect(raw).not.toContain("<script>window.__xss");
    expect(raw).not.toContain('onerror="window.__xss');

    const badge = await (await request.get(`/badge/${component.id}.svg`)).text();
    // The hostile name is there only as escaped text: no element of it, no event-handler attribute.
    expect(badge).toContain("Comp &lt;img src=x onerror=");
    const markup = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
      const all = [...doc.querySelectorAll("*")];
      return {
        tags: [...new Set(all.map((e) => e.localName))],
        handlers: all.flatMap((e) => [...e.attributes].map((a) => a.name).filter((n) => n.startsWith("on"))),
      };
    }, badge);
    expect(markup.tags).not.toContain("img");
    expect(markup.tags).not.toContain("script");
    expect(markup.handlers).toEqual([]);
    const summary = await (await request.get("/api/v2/summary.json")).json();
    expect(JSON.stringify(summary)).toContain("<script>window.__xss=1</script>"); // JSON carries the text as text
  } finally {
    deleteIncident(db, SYSTEM_ACTOR, incident.id);
    deleteComponent(db, SYSTEM_ACTOR, component.id);
  }
});

test("[security] the staff area runs under its nonce CSP without a single refusal", async ({ page }) => {
  const refusals: string[] = [];
  page.on(
    "console",
    (m) => m.type() === "error" && /Content Security Policy|Refused to/.test(m.text()) && refusals.push(m.text()),
  );
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL(/\/admin$/);
  for (const p of ["/admin/incidents/new", "/admin/components", "/admin/settings", "/admin/account"]) {
    await page.goto(p);
    await expect(page.locator("main")).toBeVisible();
  }
  // A client component works only if its scripts ran: the live markdown preview.
  await page.goto("/admin/incidents/new");
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("**bold**");
  await expect(page.getByRole("region", { name: "Message: preview" }).locator("strong")).toHaveText("bold");
  expect(refusals).toEqual([]);
});

test("[security] no token, password or session secret in the browser bundles", () => {
  const secret = fs
    .readFileSync(path.join(path.dirname(process.env.OUTPOST_E2E_DATABASE!), "auth-secret"), "utf8")
    .trim();
  const needles = [E2E_API_TOKEN, E2E_ADMIN.password, secret];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(path.join(ROOT, ".next/static"));
  expect(files.length).toBeGreaterThan(5);
  for (const f of files) {
    const text = fs.readFileSync(f, "latin1");
    for (const n of needles) expect(text.includes(n), `${path.relative(ROOT, f)} holds a secret`).toBe(false);
  }
});

test("[security] /api/health shows states and times, never file paths, host names or raw errors", async ({
  request,
}) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const text = await res.text();
  const dbPath = process.env.OUTPOST_E2E_DATABASE!;
  for (const secret of [dbPath, path.dirname(dbPath), os.hostname(), "127.0.0.1", "/tmp/", "Error"])
    expect(text, secret).not.toContain(secret);
  expect(JSON.parse(text)).toMatchObject({ status: "ok", reasons: [], database: "ok" });
});

test("[security] a browser-probe URL that would add a CSP directive is refused on save and never reaches the CSP", async ({
  request,
}) => {
  const db = database();
  const pageId = getPage(db)!.id;
  const headers = { authorization: `OAuth ${E2E_API_TOKEN}` };
  const evil = "https://probe.example;sandbox;x/";
  const res = await request.post(`/api/v1/pages/${pageId}/components`, {
    headers,
    data: { component: { name: `Probe ${Date.now()}`, outpost_browser_probe_url: evil } },
  });
  expect(res.status()).toBe(422);
  // A value stored before validation existed is dropped when the CSP is built.
  const c = createComponent(db, SYSTEM_ACTOR, {
    name: `Legacy probe ${Date.now()}`,
    browserProbeUrl: "https://probe.example/ok",
  });
  try {
    db.$client.prepare("update components set browser_probe_url = ? where id = ?").run(evil, c.id);
    setComponentStatus(db, c.id, "degraded_performance");
    await expect
      .poll(async () => (await request.get("/")).text(), { timeout: 10_000 })
      .toContain(`data-component="${c.slug}"`);
    const page = await request.get("/");
    const csp = page.headers()["content-security-policy"];
    expect(csp).not.toContain("sandbox");
    expect(csp).not.toContain("probe.example");
    expect(await page.text()).not.toContain(evil);
  } finally {
    deleteComponent(db, SYSTEM_ACTOR, c.id);
  }
});
