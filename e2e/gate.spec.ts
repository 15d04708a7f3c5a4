// Every admin page and every server action refuses a request without a session, and admin-only
// ones refuse an editor. The lists come from Next's own build manifests, so a new page or action
// is covered the moment it exists.
import fs from "node:fs";
import path from "node:path";
import { listAudit } from "../db/queries/audit";
import { readDataVersion } from "../db/queries/version";
import { baseUrl, database, expect, newStaff, test } from "./fixtures";
import { signIn } from "./support/auth";
import { ROOT } from "./support/server";

const manifest = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, ".next/server", name), "utf8"));

/** "/(admin)/admin/people/page" -> "/admin/people"; dynamic segments get a placeholder id. */
function urlOf(appPath: string): string {
  return (
    appPath
      .replace(/\/page$/, "")
      .split("/")
      .filter((s) => !/^\(.*\)$/.test(s))
      .map((s) => (/^\[.*\]$/.test(s) ? "unknownid000" : s))
      .join("/") || "/"
  );
}

const adminPages = Object.keys(manifest("app-paths-manifest.json"))
  .filter((p) => p.endsWith("/page") && urlOf(p).startsWith("/admin") && urlOf(p) !== "/admin/sign-in")
  .map(urlOf);

type ActionEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };
const actions = Object.entries(manifest("server-reference-manifest.json").node as Record<string, ActionEntry>).map(
  ([id, a]) => ({
    id,
    name: `${a.filename}#${a.exportedName}`,
    pages: Object.keys(a.workers).map((w) => urlOf(w.replace(/^app/, ""))),
  }),
);

/** Calls a server action the way Next's client does, with no arguments at all. */
async function callAction(request: import("@playwright/test").APIRequestContext, action: (typeof actions)[number]) {
  const res = await request.post(baseUrl() + action.pages[0], {
    headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: "[]",
    maxRedirects: 0,
  });
  return { status: res.status(), body: await res.text() };
}

test("[gate] the manifests list the admin pages and actions", () => {
  expect(adminPages).toEqual(
    expect.arrayContaining(["/admin/people", "/admin/tokens", "/admin/audit", "/admin/account"]),
  );
  expect(actions.length).toBeGreaterThan(5);
});

test("[gate] every admin page sends an anonymous visitor to sign in", async ({ request }) => {
  for (const url of adminPages) {
    const res = await request.get(baseUrl() + url, { maxRedirects: 0 });
    expect(res.status(), url).toBe(307);
    expect(res.headers()["location"], url).toContain("/admin/sign-in");
  }
});

test("[gate] every server action refuses an anonymous call and changes nothing", async ({ request }) => {
  const before = { version: readDataVersion(database()), audit: listAudit(database(), { limit: 1 })[0]?.id ?? 0 };
  for (const action of actions) {
    const { status, body } = await callAction(request, action);
    expect(status, action.name).toBeLessThan(500);
    expect(body, action.name).toContain("Sign in again");
  }
  expect(readDataVersion(database())).toBe(before.version);
  expect(listAudit(database(), { limit: 1 })[0]?.id ?? 0).toBe(before.audit);
});

test("[gate] an editor gets 403 on admin-only pages, and their actions refuse the editor", async ({ browser }) => {
  const editor = await newStaff("editor");
  const context = await browser.newContext();
  await signIn(context.request, baseUrl(), editor);
  const adminOnly: string[] = [];
  for (const url of adminPages) {
    const status = (await context.request.get(baseUrl() + url, { maxRedirects: 0 })).status();
    // A page for one item answers an editor's request for an unknown id with 404, after the gate.
    expect(url.includes("unknownid000") ? [403, 404] : [200, 403], url).toContain(status);
    if (status === 403) adminOnly.push(url);
  }
  expect(adminOnly).toEqual(expect.arrayContaining(["/admin/people", "/admin/tokens", "/admin/audit"]));
  const auditBefore = listAudit(database(), { limit: 1 })[0]?.id ?? 0;
  for (const action of actions.filter((a) => a.pages.every((p) => adminOnly.includes(p)))) {
    const { body } = await callAction(context.request, action);
    expect(body, action.name).toContain("Only an admin");
  }
  expect(listAudit(database(), { limit: 1 })[0]?.id ?? 0).toBe(auditBefore);
  await context.close();
});
