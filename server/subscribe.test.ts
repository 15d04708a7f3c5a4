// The subscribe hub and an incident's feeds through the front, over real sockets on 127.0.0.1:
// every way to follow in one page, focused on an incident by `?incident=`, refusals beside their
// fields; the incident feed parses with the incident's updates, and unknown ids are a 404.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit";
import { LIST_LIMIT } from "@/lib/constants";
import { addIncidentUpdate, createIncident } from "@/lib/incidents";
import { currentSnapshot } from "@/lib/snapshot";
import type { SnapIncident } from "@/lib/snapshot-types";
import { must } from "@/lib/testing";
import type { LoadedAssets } from "./assets";
import { createFrontHandler } from "./front";
import { chosenWay } from "./subscribe";

const ASSETS: LoadedAssets = { css: "body{}", script: "/* page */", embed: "/* widget */", csp: "default-src 'none'" };
let server: http.Server;
let base = "";
let db: ReturnType<typeof testDatabase>;

beforeAll(async () => {
  db = testDatabase();
  seedDemo(db, { name: "Hub Demo", timeZone: "Etc/UTC" });
  setDatabase(db);
  server = http.createServer(createFrontHandler({ assets: ASSETS, next: (_req, res) => res.end("next") }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

let client = 0;
const get = (path: string) => fetch(`${base}${path}`);
const post = (form: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
  // Each post from its own address: the throttle is tested elsewhere.
  return fetch(`${base}/subscribe`, {
    method: "POST",
    body,
    headers: { "x-forwarded-for": `203.0.113.${++client}` },
  });
};
const openIncident = (): SnapIncident =>
  must(
    currentSnapshot().incidents.unresolved.find((i) => i.componentIds.length > 0),
    "an open incident with components",
  );
/** The one <input> carrying `attr` (React orders its attributes its own way). */
const input = (page: string, attr: string) =>
  must(
    [...page.matchAll(/<input [^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(attr)),
    attr,
  );
const checkbox = (page: string, id: string) => {
  const tag = input(page, `value="${id}"`);
  expect(tag).toContain('name="component"');
  return tag;
};

describe("the subscribe hub", () => {
  it("has a section with a heading for every way, reached by its anchor", async () => {
    const res = await get("/subscribe");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const page = await res.text();
    for (const id of ["webhook", "chat", "feeds", "badge"]) {
      expect(page, id).toMatch(new RegExp(`<section id="${id}" aria-labelledby="${id}-heading"`));
      expect(page, id).toMatch(new RegExp(`<h3 id="${id}-heading"`));
      expect(page, id).toContain(`href="#${id}"`);
    }
    expect(page).toMatch(/<section id="components" aria-labelledby="components-heading"/);
    // No mail configured here: no email form, and no link to it.
    expect(page).not.toContain('id="email"');
    expect(page).not.toContain('href="#email"');
    // One form posts the three subscriptions; the chat product is a choice, its URL a field.
    const form = must(/<form [^>]*>/.exec(page.slice(page.indexOf('id="subscribe-heading"')))?.[0], "the form");
    expect(form).toContain('action="/subscribe"');
    expect(form).toContain('method="post"');
    for (const p of ["slack", "discord", "teams"]) expect(page).toContain(`name="chatProduct" value="${p}"`);
    expect(page).toContain('name="chatUrl"');
    expect(page).toContain('value="chat"');
  });

  it("gives feeds for everything and per component, and snippets with the page's absolute address", async () => {
    const page = await (await get("/subscribe")).text();
    const url = currentSnapshot().page.url;
    expect(page).toContain('href="/history.rss"');
    expect(page).toContain('href="/history.atom"');
    for (const c of currentSnapshot().components) expect(page).toContain(`href="/components/${c.slug}/history.rss"`);
    const snippets = [...page.matchAll(/<textarea readOnly="" rows="3"[^>]*>([^<]*)<\/textarea>/g)].map((m) => m[1]);
    expect(snippets).toHaveLength(3);
    expect(snippets[0]).toContain(`&lt;img src=&quot;${url}/badge.svg&quot;`);
    expect(snippets[1]).toContain(`&lt;script src=&quot;${url}/embed.js&quot;`);
    expect(snippets[1]).toContain("async&gt;&lt;/script&gt;");
    expect(snippets[2]).toContain(`&lt;iframe src=&quot;${url}/embed&quot;`);
  });

  it("focused on an incident: says so, chooses its components and offers its own feed", async () => {
    const incident = openIncident();
    const page = await (await get(`/subscribe?incident=${incident.id}`)).text();
    expect(page).toContain(`Updates about ${incident.name}`);
    for (const c of currentSnapshot().components)
      expect(checkbox(page, c.id).includes("checked"), c.name).toBe(incident.componentIds.includes(c.id));
    expect(page).toContain(`href="/incidents/${incident.id}.rss"`);
    expect(page).toContain(`href="/incidents/${incident.id}.atom"`);
    expect(page).toContain(`<input type="hidden" name="incident" value="${incident.id}"/>`);
  });

  it("shows the plain hub for an unknown or malformed incident", async () => {
    for (const id of ["nosuchincident", "../x", ""]) {
      const res = await get(`/subscribe?incident=${encodeURIComponent(id)}`);
      expect(res.status, id).toBe(200);
      const page = await res.text();
      expect(page).toContain("Subscribe to updates");
      expect(page).not.toMatch(/checked=""/);
    }
  });

  it("answers a refused chat form with the problem beside its field, keeping the choices and the focus", async () => {
    const incident = openIncident();
    const res = await post({
      kind: "chat",
      chatUrl: "https://chat.example.com/hooks/xyz",
      component: incident.componentIds,
      incident: incident.id,
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('id="chat-product-error"');
    expect(page).toContain("Choose Slack, Discord or Microsoft Teams");
    expect(page).toContain('value="https://chat.example.com/hooks/xyz"');
    expect(page).toContain(`Updates about ${incident.name}`);
    for (const id of incident.componentIds) expect(checkbox(page, id)).toContain("checked");

    const privateUrl = await (
      await post({ kind: "chat", chatProduct: "slack", chatUrl: "http://127.0.0.1:9/x" })
    ).text();
    expect(input(privateUrl, 'name="chatUrl"')).toContain('aria-invalid="true"');
    expect(privateUrl).toContain("This address is private or local");
    // The radio keeps the choice made.
    expect(input(privateUrl, 'value="slack"')).toContain('checked=""');
    expect(input(privateUrl, 'value="teams"')).not.toContain("checked");
  });

  it("reads Enter in the chat field (the form's first button) as the chat subscription", async () => {
    const page = await (await post({ kind: "webhook", url: "", chatUrl: "ftp://chat.example.com/x" })).text();
    expect(input(page, 'name="chatUrl"')).toContain('aria-invalid="true"');
    expect(input(page, 'name="url"')).not.toContain("aria-invalid");
  });
});

describe("the way chosen", () => {
  const filled = (email: string, webhook: string, chat: string) => ({ email, webhook, chat });
  it("is the button pressed, unless its field is empty and exactly one other is filled", () => {
    expect(chosenWay("webhook", filled("", "https://a", ""))).toBe("webhook");
    expect(chosenWay("email", filled("", "", "https://chat"))).toBe("chat");
    expect(chosenWay("email", filled("", "https://a", "https://chat"))).toBe("email");
    expect(chosenWay("email", filled("", "", ""))).toBe("email");
    expect(chosenWay("chat", filled("a@b.c", "", ""))).toBe("email");
    expect(chosenWay("nonsense", filled("", "https://a", ""), ["webhook", "chat"])).toBe("webhook");
    expect(chosenWay("email", filled("a@b.c", "", ""), ["webhook", "chat"])).toBe("webhook");
  });
});

describe("an incident's feeds", () => {
  const parser = new Parser();

  it("carry that incident's updates, newest first, in RSS and Atom", async () => {
    const incident = openIncident();
    const rss = await get(`/incidents/${incident.id}.rss`);
    expect(rss.status).toBe(200);
    expect(rss.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(rss.headers.get("access-control-allow-origin")).toBe("*");
    const feed = await parser.parseString(await rss.text());
    expect(feed.title).toBe(`Hub Demo status: ${incident.name}`);
    const newestFirst = [...incident.updates].sort((a, b) => b.seq - a.seq);
    expect(feed.items.map((i) => i.guid)).toEqual(
      newestFirst.map((u) => `${currentSnapshot().page.url}/#update-${u.id}`),
    );
    expect(feed.items.every((i) => i.link === `${currentSnapshot().page.url}/incidents/${incident.id}`)).toBe(true);

    const atom = await get(`/incidents/${incident.id}.atom`);
    expect(atom.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const atomFeed = await parser.parseString(await atom.text());
    expect(atomFeed.items).toHaveLength(incident.updates.length);
    // Cached like the other feeds: a conditional GET is a 304.
    const again = await fetch(`${base}/incidents/${incident.id}.atom`, {
      headers: { "if-none-match": must(atom.headers.get("etag"), "an ETag") },
    });
    expect(again.status).toBe(304);
  });

  it("serve an older incident, read from the database", async () => {
    const long = Date.now() - 400 * 24 * 3600_000;
    const old = createIncident(db, SYSTEM_ACTOR, { name: "Long ago", status: "investigating", components: {} }, long);
    addIncidentUpdate(db, SYSTEM_ACTOR, old.id, { status: "resolved", body: "Fixed." }, long + 60_000);
    // Newer ones push it out of the snapshot's recent incidents.
    for (let i = 0; i < LIST_LIMIT; i++)
      createIncident(
        db,
        SYSTEM_ACTOR,
        { name: `Later ${i}`, status: "resolved", components: {} },
        long + (i + 2) * 60_000,
      );
    expect(currentSnapshot().incidentsById.has(old.id)).toBe(false);
    const feed = await parser.parseString(await (await get(`/incidents/${old.id}.rss`)).text());
    expect(feed.items.map((i) => i.title)).toEqual(["Long ago (Resolved)", "Long ago (Investigating)"]);
  });

  it("are a 404 for an unknown or malformed id, never a 500", async () => {
    for (const path of [
      "/incidents/nosuchincident.rss",
      "/incidents/NOPE.atom",
      "/incidents/.rss",
      "/incidents/a%00b.rss",
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
    }
  });
});
