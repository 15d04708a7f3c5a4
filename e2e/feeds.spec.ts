import Parser from "rss-parser";
import { addIncidentUpdate } from "../lib/incidents";
import { SYSTEM_ACTOR } from "../lib/audit";
import { must } from "../lib/testing";
import { componentByName, database, expect, openIncident, test } from "./fixtures";

const parser = new Parser();

test("[feeds] RSS and Atom list every update, newest first, and survive hostile text", async ({ request, page }) => {
  const api = componentByName("Public API");
  const name = `Feed <b>check</b> & "quotes" \u0007 ${Date.now()}`;
  const incident = openIncident({
    name,
    body: `<script>alert(1)</script> ${"word ".repeat(2_000)}`,
    componentIds: [api.id],
  });
  addIncidentUpdate(database(), SYSTEM_ACTOR, incident.id, { status: "identified", body: "Found it ]]> <![CDATA[" });

  for (const [path, type] of [
    ["/history.rss", "application/rss+xml"],
    ["/history.atom", "application/atom+xml"],
    [`/components/${api.id}/history.rss`, "application/rss+xml"],
    [`/components/${api.slug}/history.atom`, "application/atom+xml"],
  ] as const) {
    let feed: Awaited<ReturnType<typeof parser.parseString>> | undefined;
    await expect
      .poll(
        async () => {
          const res = await request.get(path);
          expect(res.status(), path).toBe(200);
          expect(res.headers()["content-type"]).toContain(type);
          expect(res.headers()["access-control-allow-origin"]).toBe("*");
          expect(res.headers()["cache-control"]).toMatch(/s-maxage=\d+/);
          feed = await parser.parseString(await res.text());
          return feed.items[0]?.link;
        },
        { timeout: 3_000, intervals: [100] },
      )
      .toBe(`${process.env.OUTPOST_BASE_URL}/incidents/${incident.id}`);
    const [newest, oldest] = feed?.items ?? [];
    const latest = must(newest, `the newest item of ${path}`);
    const first = must(oldest, `the first item of ${path}`);
    expect(latest.title, path).toBe(`${name.replace("\u0007", "")} (Identified)`);
    expect(latest.content).toContain("Found it ]]&gt; &lt;![CDATA[");
    expect(first.title).toBe(`${name.replace("\u0007", "")} (Investigating)`);
    expect(first.content).toContain("&lt;script&gt;");
    expect(first.content).not.toContain("<script");
    expect(latest.guid ?? latest.id).not.toBe(first.guid ?? first.id);
  }

  const res = await request.get("/history.atom");
  const again = await request.get("/history.atom", {
    headers: { "if-none-match": must(res.headers().etag, "an ETag on /history.atom") },
  });
  expect(again.status()).toBe(304);
  expect((await request.get("/components/no-such-component/history.rss")).status()).toBe(404);

  // A component's feed names the address it was fetched at as rel="self" (id or slug), and keeps
  // one feed id for both.
  const base = process.env.OUTPOST_BASE_URL;
  const selfOf = (xml: string) => /<(?:atom:)?link[^>]*rel="self"[^>]*>/.exec(xml)?.[0] ?? "";
  const idOf = (xml: string) => /<id>([^<]*)<\/id>/.exec(xml)?.[1];
  const atoms: string[] = [];
  for (const key of [api.id, api.slug]) {
    const atom = await (await request.get(`/components/${key}/history.atom`)).text();
    expect(selfOf(atom)).toContain(`href="${base}/components/${key}/history.atom"`);
    atoms.push(atom);
    const rss = await (await request.get(`/components/${key}/history.rss`)).text();
    expect(selfOf(rss)).toContain(`href="${base}/components/${key}/history.rss"`);
  }
  expect(idOf(must(atoms[0], "the atom by id"))).toBe(idOf(must(atoms[1], "the atom by slug")));

  // Closed, so the shared page's other tests do not see it as an open incident.
  addIncidentUpdate(database(), SYSTEM_ACTOR, incident.id, { status: "resolved", body: "Fixed." });

  await page.goto("/");
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    "href",
    "/history.rss",
  );
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    "href",
    "/history.atom",
  );
});
