import Parser from "rss-parser";
import { describe, expect, it, vi } from "vitest";
import { testDatabase } from "@/db/testing";
import { ensurePage } from "@/db/seed";
import { insertComponent } from "@/db/queries/components";
import { listFeedUpdates } from "@/db/queries/feed";
import { SYSTEM_ACTOR } from "../audit";
import { addIncidentUpdate, createIncident } from "../incidents";
import { buildSnapshot } from "../snapshot";
import { must } from "../testing";
import { buildAtom, buildRss, type FeedEntry } from "./feeds";
import { xmlEscape, xmlSafe } from "./xml";

const SITE = "https://status.example.com";
const NOW = Date.parse("2026-11-24T12:00:00Z");
const channel = { title: 'Acme <status> & "more"', description: "d", siteUrl: SITE, feedPath: "/history" };

function entry(over: Partial<FeedEntry> = {}): FeedEntry {
  return {
    updateId: "u1",
    incidentId: "i1",
    incidentName: "API down",
    kind: "incident",
    status: "investigating",
    body: "We are looking.",
    displayAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}

const parser = new Parser();

describe("xml escaping", () => {
  it("drops characters XML cannot carry and escapes markup", () => {
    expect(xmlSafe("a\u0000b\u0007c\u001Fd\uFFFEe\uD800f\tg\n")).toBe("abcdef\tg\n");
    expect(xmlEscape(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
    expect(xmlSafe("emoji 🚀 stays")).toBe("emoji 🚀 stays");
  });
});

describe("feeds under hostile input", () => {
  const nasty = entry({
    incidentName: `<script>alert(1)</script> ]]> & "quotes" \u0000\u0008 control`,
    body: `<img src=x onerror=alert(1)> **bold** ]]> <![CDATA[ x ]]> \u0001\u000B\u001B end`,
  });
  const long = entry({ updateId: "u2", body: "long ".repeat(2000) + "\u0002tail" });

  it("RSS parses, with the markup as text and the body as sanitised HTML", async () => {
    const xml = buildRss(channel, [nasty, long], NOW);
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe(`Acme <status> & "more"`);
    expect(feed.items).toHaveLength(2);
    const item = must(feed.items[0], "the first item");
    expect(item.title).toBe(`<script>alert(1)</script> ]]> & "quotes"  control (Investigating)`);
    expect(item.content).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(item.content).not.toContain("<img");
    expect(item.content).toContain("<strong>bold</strong>");
    expect(item.link).toBe(`${SITE}/incidents/i1`);
    expect(item.guid).toBe(`${SITE}/#update-u1`);
    expect(feed.items[1]?.content?.length).toBeGreaterThan(10_000);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u001B]/);
  });

  it("Atom parses with the same entries", async () => {
    const xml = buildAtom(channel, [nasty, long], NOW);
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe(`Acme <status> & "more"`);
    expect(feed.items.map((i) => i.id)).toEqual([`${SITE}/#update-u1`, `${SITE}/#update-u2`]);
    const entry = must(feed.items[0], "the first entry");
    expect(entry.title).toBe(nasty.incidentName.replace(/[\u0000\u0008]/g, "") + " (Investigating)");
    expect(entry.content).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(entry.link).toBe(`${SITE}/incidents/i1`);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u001B]/);
  });

  it("are the same bytes whenever they are rendered (every worker serves the same feed)", () => {
    const entries = [entry({ updatedAt: NOW + 60_000 }), entry({ updateId: "u2", displayAt: NOW - 3_600_000 })];
    vi.useFakeTimers();
    try {
      vi.setSystemTime(NOW + 86_400_000);
      const first = buildRss(channel, entries, NOW + 86_400_000);
      const firstAtom = buildAtom(channel, entries, NOW + 86_400_000);
      vi.setSystemTime(NOW + 2 * 86_400_000);
      expect(buildRss(channel, entries, NOW + 2 * 86_400_000)).toBe(first);
      expect(buildAtom(channel, entries, NOW + 2 * 86_400_000)).toBe(firstAtom);
      expect(first).toContain(`<lastBuildDate>${new Date(NOW + 60_000).toUTCString()}</lastBuildDate>`);
    } finally {
      vi.useRealTimers();
    }
  });

  it("an empty feed is still a valid document", async () => {
    expect((await parser.parseString(buildRss(channel, [], NOW))).items).toHaveLength(0);
    expect((await parser.parseString(buildAtom(channel, [], NOW))).items).toHaveLength(0);
  });
});

describe("the snapshot's feed entries", () => {
  it("lists every update of incidents and maintenances, newest first", () => {
    const db = testDatabase();
    const pageId = ensurePage(db, { name: "Acme", timeZone: "Etc/UTC", now: NOW });
    const c = insertComponent(db, { id: "comp1", pageId, name: "API", slug: "api", createdAt: NOW, updatedAt: NOW });
    const inc = createIncident(
      db,
      SYSTEM_ACTOR,
      { name: "Down", status: "investigating", body: "one", componentIds: [c.id] },
      NOW,
    );
    addIncidentUpdate(db, SYSTEM_ACTOR, inc.id, { status: "resolved", body: "two" }, NOW + 1000);
    const m = createIncident(
      db,
      SYSTEM_ACTOR,
      {
        kind: "maintenance",
        name: "Upgrade",
        status: "scheduled",
        body: "three",
        scheduledFor: NOW + 1e6,
        scheduledUntil: NOW + 2e6,
      },
      NOW + 2000,
    );
    const s = buildSnapshot(db, { publicUrl: SITE, now: NOW + 3000 });
    expect(s.feed.map((e) => [e.incidentId, e.body])).toEqual([
      [m.id, "three"],
      [inc.id, "two"],
      [inc.id, "one"],
    ]);
    expect(listFeedUpdates(db, 50, c.id).map((e) => e.body)).toEqual(["two", "one"]);
    expect(listFeedUpdates(db, 1).map((e) => e.body)).toEqual(["three"]);
  });
});
