// Machine readers against the shared demo server: /llms.txt, /index.md and /incidents/{id}.md
// answer with their content types, every link of llms.txt works, and the Markdown says what the
// page says (the open incidents' latest updates).
import { addIncidentUpdate } from "../lib/incidents";
import { SYSTEM_ACTOR } from "../lib/audit";
import { bodyMarkdown, mdText } from "../lib/markdown-write";
import { must } from "../lib/testing";
import { baseUrl, database, expect, openIncident, storedSnapshot, test } from "./fixtures";

const MARKDOWN = "text/markdown; charset=utf-8";

test("[machine-readers] llms.txt lists the Markdown page, the JSON API, feeds and history, and every link answers", async ({
  request,
}) => {
  const res = await request.get("/llms.txt");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(res.headers()["cache-control"]).toMatch(/s-maxage=\d+/);
  const text = await res.text();
  expect(text.startsWith(`# ${mdText(storedSnapshot().page.name)} status\n\n> `)).toBe(true);
  const links = [...text.matchAll(/\]\((\S+?)\)/g)].map((m) => must(m[1], "a link's address"));
  for (const path of ["/index.md", "/api/v2/summary.json", "/history.rss", "/history.atom", "/history"])
    expect(links).toContain(`${baseUrl()}${path}`);
  for (const i of storedSnapshot().incidents.unresolved) expect(links).toContain(`${baseUrl()}/incidents/${i.id}.md`);
  for (const link of links) {
    expect(link.startsWith(`${baseUrl()}/`), link).toBe(true);
    expect((await request.get(link)).status(), link).toBe(200);
  }
});

test("[machine-readers] /index.md carries every open incident's latest update, and the page links it", async ({
  request,
  page,
}) => {
  const open = storedSnapshot().incidents.unresolved;
  expect(open.length, "the demo's open incident").toBeGreaterThan(0);
  await expect
    .poll(
      async () => {
        const res = await request.get("/index.md");
        expect(res.status()).toBe(200);
        expect(res.headers()["content-type"]).toBe(MARKDOWN);
        const md = await res.text();
        return open.filter((i) => !md.includes(bodyMarkdown(must(i.updates[0], `${i.name}'s latest update`).body)))
          .length;
      },
      { timeout: 3_000, intervals: [100] },
    )
    .toBe(0);
  const md = await (await request.get("/index.md")).text();
  for (const i of open) expect(md).toContain(`(${baseUrl()}/incidents/${i.id}.md)`);
  const etag = must((await request.get("/index.md")).headers().etag, "an ETag on /index.md");
  expect((await request.get("/index.md", { headers: { "if-none-match": etag } })).status()).toBe(304);

  await page.goto("/");
  await expect(page.locator('link[rel="alternate"][type="text/markdown"]')).toHaveAttribute("href", "/index.md");
});

test("[machine-readers] an incident's Markdown tells it in full; an unknown id is a Markdown 404", async ({
  request,
}) => {
  const name = `Markdown ] check # ${Date.now()}`;
  const incident = openIncident({ name, body: "First *look*.\n<b>not bold</b>" });
  addIncidentUpdate(database(), SYSTEM_ACTOR, incident.id, {
    status: "resolved",
    body: "Fixed.",
    deliverNotifications: false,
  });
  let md = "";
  await expect
    .poll(
      async () => {
        const res = await request.get(`/incidents/${incident.id}.md`);
        expect(res.headers()["content-type"]).toBe(MARKDOWN);
        md = await res.text();
        return res.status();
      },
      { timeout: 3_000, intervals: [100] },
    )
    .toBe(200);
  expect(md.startsWith(`# ${mdText(name)}\n`)).toBe(true);
  expect(md).toContain("Markdown \\] check \\# ");
  expect(md).toMatch(/^- Resolved: .+ \(after .+\)$/m);
  expect(md.indexOf("### Resolved")).toBeLessThan(md.indexOf("### Investigating"));
  expect(md).toContain("First look.\\\n\\<b>not bold\\</b>");

  for (const unknown of ["/incidents/nosuchincident.md", "/incidents/NOT-AN-ID.md"]) {
    const res = await request.get(unknown);
    expect(res.status(), unknown).toBe(404);
    expect(res.headers()["content-type"], unknown).toBe(MARKDOWN);
    expect(await res.text()).toContain("There is no incident with this address.");
  }
});
