// The Markdown documents for machine readers, built from real snapshots and read back with a
// CommonMark reader that allows raw HTML (as a careless renderer would).
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertComponent, insertGroup } from "@/db/queries/components";
import { ensurePage } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "./audit";
import { translator } from "./i18n/messages";
import { addIncidentUpdate, createIncident } from "./incidents";
import { llmsTxt } from "./llms-txt";
import { incidentMarkdown, notFoundMarkdown, statusMarkdown, type MarkdownOptions } from "./machine-readers";
import { publishPostmortem, savePostmortem } from "./postmortem";
import { buildSnapshot } from "./snapshot";
import { STATUSPAGE_DOCUMENTS } from "./statuspage";
import { must } from "./testing";

const URL = "https://status.test";
const NOW = Date.parse("2026-11-24T12:00:00Z");
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const en = translator("en");
const opts = (tr = en): MarkdownOptions => ({ tr, link: (path) => `${URL}${path}` });

const reader = new MarkdownIt({ html: true, linkify: false });
const headings = (md: string, level: number) => {
  const t = reader.parse(md, {});
  return t.flatMap((x, i) =>
    x.type === "heading_open" && x.tag === `h${level}`
      ? [
          (t[i + 1]?.children ?? [])
            .filter((c: Token) => c.type === "text")
            .map((c: Token) => c.content)
            .join(""),
        ]
      : [],
  );
};
const hrefs = (md: string) =>
  reader
    .parse(md, {})
    .flatMap((x) => x.children ?? [])
    .filter((c) => c.type === "link_open")
    .map((c) => String(c.attrGet("href")));

function newPage(timeZone: string, name = "Acme", locales?: ("en" | "de")[]) {
  const db = testDatabase();
  const pageId = ensurePage(db, { name, timeZone, now: NOW - 100 * DAY, ...(locales ? { locales } : {}) });
  return { db, pageId };
}
const snapshot = (db: Db) => buildSnapshot(db, { publicUrl: URL, now: NOW });

describe("/index.md", () => {
  it("keeps staff text inside its place: names cannot add sections, links or HTML", () => {
    const { db, pageId } = newPage("Etc/UTC", "Acme ] # [x](javascript:alert(1))");
    const group = insertGroup(db, {
      id: "grp000000001",
      pageId,
      name: "Core <b>platform</b>",
      position: 1,
      createdAt: NOW - 100 * DAY,
      updatedAt: NOW - 100 * DAY,
    });
    const api = insertComponent(db, {
      id: "api000000001",
      pageId,
      groupId: group.id,
      name: "API ](https://evil.test)\n# Owned",
      slug: "api",
      createdAt: NOW - 100 * DAY,
      updatedAt: NOW - 100 * DAY,
    });
    const incident = createIncident(
      db,
      SYSTEM_ACTOR,
      {
        name: "Broken ] link\n## Fake section",
        status: "investigating",
        body: "## not a heading\n<img src=x onerror=alert(1)>",
        components: { [api.id]: "major_outage" },
        deliverNotifications: false,
      },
      NOW - 30 * MIN,
    );
    const md = statusMarkdown(snapshot(db), opts());

    expect(headings(md, 1)).toEqual(["Acme ] # [x](javascript:alert(1)) status"]);
    expect(headings(md, 2)).toEqual(["Active incidents", "Scheduled maintenance", "Components", "Past incidents"]);
    expect(headings(md, 3)[0]).toBe("Broken ] link ## Fake section");
    expect(headings(md, 4)).toEqual(["Investigating · 2026-11-24 11:30 UTC"]);
    expect(hrefs(md).every((href) => href.startsWith(`${URL}/`))).toBe(true);
    expect(hrefs(md)).toContain(`${URL}/incidents/${incident.id}.md`);
    const html = reader.render(md);
    expect(html).not.toMatch(/<(img|b)\b/);
    // The body's heading is a plain paragraph; its HTML is text.
    expect(html).toContain("<p>not a heading</p>\n<p>&lt;img src=x onerror=alert(1)&gt;</p>");
    expect(html).toMatch(
      /<li>Core &lt;b&gt;platform&lt;\/b&gt;: Major outage\s*<ul>\s*<li>API \]\(https:\/\/evil\.test\) # Owned: Major outage \(/,
    );
    expect(md).toContain("- Overall status: Major Service Outage");
    expect(md).toMatch(/^- Next update by: 2026-11-24 \d\d:\d\d UTC$/m);
    expect(md).toContain("- Affects: API \\](https://evil.test) \\# Owned (now: Major outage)");
  });

  it("on an empty page says there is nothing, and lists the last 14 days", () => {
    const { db } = newPage("Etc/UTC");
    const md = statusMarkdown(snapshot(db), opts());
    expect(md.startsWith("# Acme status\n\n- Overall status: All Systems Operational\n")).toBe(true);
    expect(md).toMatch(/^- Page updated 2026-08-16 12:00 UTC$/m);
    expect(md).toContain("- Time zone: Etc/UTC");
    expect(md).toContain("## Active incidents\n\nNo active incidents.\n\n## Scheduled maintenance");
    expect(md).toContain("No maintenance in progress or scheduled.\n\n## Components\n\n## Past incidents");
    expect(headings(md, 3)).toHaveLength(14);
    expect(headings(md, 3)[0]).toBe("Nov 24, 2026");
    expect(md.match(/^No incidents reported\.$/gm)).toHaveLength(14);
    expect(md.endsWith(`[Incident history →](${URL}/history)\n`)).toBe(true);
  });

  it("shows a maintenance window in the page's zone, and speaks the reader's locale", () => {
    const { db } = newPage("Asia/Tokyo", "Acme", ["en", "de"]);
    const from = NOW + 3 * DAY;
    const m = createIncident(
      db,
      SYSTEM_ACTOR,
      {
        kind: "maintenance",
        name: "Database upgrade",
        status: "scheduled",
        body: "Read-only for *up to* 10 minutes.",
        scheduledFor: from,
        scheduledUntil: from + 2 * 60 * MIN,
        deliverNotifications: false,
      },
      NOW - DAY,
    );
    const s = snapshot(db);
    const md = statusMarkdown(s, opts());
    expect(md).toContain(
      `### [Database upgrade](${URL}/incidents/${m.id}.md)\n\nScheduled maintenance · Maintenance · Scheduled`,
    );
    expect(md).toContain("- Window: Nov 27, 2026, 21:00 GMT+9 – Nov 27, 2026, 23:00 GMT+9");
    expect(md).toContain(
      "#### Scheduled · 2026-11-23 12:00 UTC (Nov 23, 2026, 21:00 GMT+9)\n\nRead-only for up to 10 minutes.",
    );
    expect(md).toContain("- Time zone: Asia/Tokyo");

    const de = statusMarkdown(s, opts(translator("de", "en")));
    expect(headings(de, 2)).toEqual(["Aktuelle Vorfälle", "Geplante Wartungen", "Komponenten", "Vergangene Vorfälle"]);
    expect(de).toContain(`(${URL}/de/incidents/${m.id}.md)`);
    expect(de).toContain("- Zeitzone: Asia/Tokyo");
  });
});

describe("/incidents/{id}.md", () => {
  it("tells a resolved incident in full: start, resolution after its duration, postmortem, updates newest first", () => {
    const { db, pageId } = newPage("Europe/Berlin");
    const api = insertComponent(db, {
      id: "api000000001",
      pageId,
      name: "API",
      slug: "api",
      createdAt: NOW - 100 * DAY,
      updatedAt: NOW - 100 * DAY,
    });
    const start = NOW - 3 * 60 * MIN;
    const i = createIncident(
      db,
      SYSTEM_ACTOR,
      {
        name: "Slow API",
        status: "investigating",
        body: "Looking.",
        components: { [api.id]: "degraded_performance" },
        deliverNotifications: false,
      },
      start,
    );
    addIncidentUpdate(
      db,
      SYSTEM_ACTOR,
      i.id,
      { status: "identified", body: "Found it.", deliverNotifications: false },
      start + 20 * MIN,
    );
    addIncidentUpdate(
      db,
      SYSTEM_ACTOR,
      i.id,
      { status: "resolved", body: "Fixed.", restoreComponents: true, deliverNotifications: false },
      start + 95 * MIN,
    );
    savePostmortem(db, SYSTEM_ACTOR, i.id, "# Root cause\n\nA full disk.", start + 110 * MIN);
    publishPostmortem(db, SYSTEM_ACTOR, i.id, start + 120 * MIN);
    const s = snapshot(db);
    const md = incidentMarkdown(s, must(s.incidentsById.get(i.id), "the incident"), opts());

    expect(headings(md, 1)).toEqual(["Slow API"]);
    expect(md).toContain("Incident · Minor impact · Postmortem");
    expect(md).toContain("- Started: 2026-11-24 09:00 UTC (Nov 24, 2026, 10:00 GMT+1)");
    expect(md).toContain("- Resolved: 2026-11-24 10:35 UTC (Nov 24, 2026, 11:35 GMT+1) (after 1 hr 35 min)");
    expect(md).toContain("- Affects: API (now: Operational)");
    expect(md).not.toContain("Next update by");
    expect(headings(md, 2)).toEqual(["Postmortem", "Updates"]);
    expect(md).toContain("## Postmortem\n\nRoot cause\n\nA full disk.");
    expect(headings(md, 3).map((h) => h.split(" · ")[0])).toEqual([
      "Postmortem",
      "Resolved",
      "Identified",
      "Investigating",
    ]);
    expect(md.endsWith(`[Acme status](${URL}/index.md)\n`)).toBe(true);
    // On /index.md, among the past incidents: its last word and when it started.
    expect(statusMarkdown(s, opts())).toContain(
      `- [Slow API](${URL}/incidents/${i.id}.md): Postmortem – We have published a postmortem of this incident below. · 2026-11-24 09:00 UTC (Nov 24, 2026, 10:00 GMT+1)`,
    );
  });

  it("answers an unknown address with one short document", () => {
    expect(notFoundMarkdown(opts())).toBe(
      `# Not found\n\nThere is no incident with this address.\n\n[Back to the current status](${URL}/index.md)\n`,
    );
  });
});

describe("/llms.txt", () => {
  it("follows the llms.txt convention: a title, a summary, then sections of links with notes", () => {
    const { db } = newPage("Etc/UTC", "Acme", ["en", "de"]);
    const open = createIncident(
      db,
      SYSTEM_ACTOR,
      { name: "Logins [EU] fail", status: "identified", impact: "minor", body: "On it.", deliverNotifications: false },
      NOW - 10 * MIN,
    );
    const text = llmsTxt(snapshot(db), opts(), Object.keys(STATUSPAGE_DOCUMENTS));
    const lines = text.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "# Acme status",
      "",
      "> Current status, incidents and maintenance of Acme, as Markdown, JSON and feeds.",
    ]);
    expect(headings(text, 2)).toEqual(["Current status", "Active incidents", "JSON API", "Feeds", "Optional"]);
    // Under the sections, nothing but "- [title](url): note" lines.
    const listed = lines.slice(lines.findIndex((l) => l.startsWith("## "))).filter((l) => l && !l.startsWith("## "));
    for (const l of listed) expect(l).toMatch(/^- \[(?:[^\\\]]|\\.)+\]\(https:\/\/status\.test\/\S*\)(?:: .+)?$/);
    expect(hrefs(text)).toEqual([
      `${URL}/index.md`,
      `${URL}/de/index.md`,
      `${URL}/incidents/${open.id}.md`,
      ...Object.keys(STATUSPAGE_DOCUMENTS).map((doc) => `${URL}/api/v2/${doc}`),
      `${URL}/history.rss`,
      `${URL}/history.atom`,
      `${URL}/history`,
      `${URL}/`,
    ]);
    expect(text).toContain(
      `- [Logins \\[EU\\] fail](${URL}/incidents/${open.id}.md): Incident · Minor impact · Identified`,
    );
    expect(text).toContain(`- [Deutsch](${URL}/de/index.md): the same in Deutsch`);
    expect(text).toContain("Overall status: Minor Service Outage");
  });
});
