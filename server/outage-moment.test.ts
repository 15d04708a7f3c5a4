// What a worried visitor reads first: the banner names what is affected, the open incident's card
// leads with its stage, components, promise and latest update, and an overdue promise says so.
import { beforeEach, describe, expect, it } from "vitest";
import { statusPageRows } from "@/components/status/rendered-rows";
import { getDb, setDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit";
import { addIncidentUpdate, createIncident } from "@/lib/incidents";
import { formatRange } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { buildSnapshot, staleAt, MAX_SNAPSHOT_AGE_MS } from "@/lib/snapshot";
import { must, setComponentStatus } from "@/lib/testing";
import type { LoadedAssets } from "./assets";
import { renderIncidentPage, renderStatusPage } from "./render";

const ASSETS: LoadedAssets = { css: "body{}", script: "/* page */", embed: "/* widget */", csp: "default-src 'none'" };
const NOW = Date.parse("2026-11-24T12:00:00Z");
const MIN = 60_000;
const snap = (now: number) => buildSnapshot(getDb(), { publicUrl: "https://status.example.com", now });
const text = (html: string) =>
  html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[\s\u2009\u202f]+/g, " ");
/** Intl puts thin spaces around a range's dash; compare with plain ones. */
const plain = (s: string) => s.replace(/[\u2009\u202f]/g, " ");

beforeEach(() => {
  const db = testDatabase();
  seedDemo(db, { name: "Moment Demo", timeZone: "Etc/UTC", now: NOW });
  setDatabase(db);
  statusPageRows().clear();
});

describe("the banner", () => {
  it("names the affected components and links the open incident", () => {
    const s = snap(NOW);
    const open = must(s.incidents.unresolved[0], "the demo's open incident");
    const html = renderStatusPage(s, ASSETS).body.toString();
    const banner = must(/<section aria-label="Overall status"[\s\S]*?<\/section>/.exec(html), "the banner")[0];
    expect(text(banner)).toContain("Payouts affected");
    expect(text(banner)).toContain("Partially Degraded Service");
    expect(banner).toContain(`href="/incidents/${open.id}"`);
  });

  it("says all is well in words when nothing is affected", () => {
    const db = getDb();
    const s0 = snap(NOW);
    for (const i of s0.incidents.unresolved) addIncidentUpdate(db, SYSTEM_ACTOR, i.id, { status: "resolved" }, NOW);
    for (const c of s0.components) setComponentStatus(db, c.id, "operational", NOW);
    const html = renderStatusPage(snap(NOW + MIN), ASSETS).body.toString();
    const banner = must(/<section aria-label="Overall status"[\s\S]*?<\/section>/.exec(html), "the banner")[0];
    expect(text(banner).trim()).toBe("All Systems Operational");
    expect(banner).not.toContain("<a ");
  });

  it("names three components, then how many more", () => {
    const db = getDb();
    const s0 = snap(NOW);
    const named = ["Website", "Public API", "Sign-in", "Checkout", "Webhooks"];
    for (const c of s0.components.filter((x) => named.includes(x.name)))
      setComponentStatus(db, c.id, "major_outage", NOW);
    const html = renderStatusPage(snap(NOW + MIN), ASSETS).body.toString();
    const banner = must(/<section aria-label="Overall status"[\s\S]*?<\/section>/.exec(html), "the banner")[0];
    expect(text(banner)).toContain("Website, Public API, Sign-in, and 3 more affected");
  });
});

describe("an open incident's card", () => {
  it("leads with the stage, the affected components, the promise and the latest update; the rest folded", () => {
    const s = snap(NOW);
    const open = must(s.incidents.unresolved[0], "the demo's open incident");
    const html = renderStatusPage(s, ASSETS).body.toString();
    const card = must(new RegExp(`<article[^>]*data-incident="${open.id}"[\\s\\S]*?</article>`).exec(html), "card")[0];
    expect(card).toMatch(/data-incident-status="monitoring"[^>]*>Monitoring</);
    expect(card).toMatch(/data-affected-component="payouts"/);
    expect(text(card)).toContain("Payouts · Degraded performance");
    expect(text(card)).toMatch(/Next update by \d\d:\d\d UTC/);
    const latest = card.indexOf("data-latest-update");
    const folded = card.indexOf(`<details id="earlier-${open.id}"`);
    expect(latest).toBeGreaterThan(0);
    expect(folded).toBeGreaterThan(latest);
    expect(text(card.slice(latest, folded))).toContain("Most delayed payouts have now been sent.");
    expect(text(card.slice(folded))).toContain("2 earlier updates");
    expect(text(card.slice(folded))).toContain("A bank partner is rejecting a batch file.");
  });

  it("says honestly when the promised update is overdue, and the page is rebuilt at that moment", () => {
    const s = snap(NOW);
    const open = must(s.incidents.unresolved[0], "the demo's open incident");
    const due = must(open.nextUpdateAt, "a promise");
    expect(due).toBeGreaterThan(NOW);
    expect(staleAt(s)).toBe(Math.min(due, NOW + MAX_SNAPSHOT_AGE_MS));
    const before = renderStatusPage(s, ASSETS).body.toString();
    expect(before).toMatch(/<span data-when="overdue" hidden=""/);
    const after = renderStatusPage(snap(due + 1), ASSETS).body.toString();
    expect(after).toMatch(/<span data-when="before" hidden=""/);
    expect(text(after)).toMatch(/Update overdue since \d\d:\d\d UTC; we are still working on it\./);
  });

  it("says a maintenance window within one day with its date once, and its zone", () => {
    const start = Date.parse("2026-11-26T13:00:00Z");
    createIncident(
      getDb(),
      SYSTEM_ACTOR,
      {
        kind: "maintenance",
        name: "Cache upgrade",
        status: "scheduled",
        body: "Short.",
        scheduledFor: start,
        scheduledUntil: start + 120 * MIN,
        deliverNotifications: false,
      },
      NOW,
    );
    const html = renderStatusPage(snap(NOW + MIN), ASSETS).body.toString();
    expect(text(html)).toContain("Scheduled for Nov 26, 2026, 13:00 – 15:00 UTC");
  });
});

describe('"I am affected"', () => {
  it("is offered in full where something is wrong, and as a quiet report elsewhere", () => {
    const html = renderStatusPage(snap(NOW), ASSETS).body.toString();
    const row = (slug: string) =>
      must(new RegExp(`data-component="${slug}"[\\s\\S]*?</form>`).exec(html), `the ${slug} row`)[0];
    expect(row("payouts")).toContain('class="affected"');
    expect(row("website")).toContain('class="report"');
    expect(text(row("website"))).toContain("Report a problem");
  });
});

describe("the incident page", () => {
  it("leads with the stage, impact, duration, components, and ways to follow it", () => {
    const s = snap(NOW);
    const open = must(s.incidents.unresolved[0], "the demo's open incident");
    const html = renderIncidentPage(s, ASSETS, open).body.toString();
    const head = html.slice(html.indexOf("<main"), html.indexOf(">Updates<"));
    expect(head).toContain('data-current-status=""');
    expect(text(head)).toMatch(/Monitoring ?Minor impact ?Incident/);
    expect(text(head)).toContain("Ongoing for 48 min");
    expect(text(head)).toContain("Payouts · Degraded performance");
    expect(head).toContain(`href="/subscribe?incident=${open.id}"`);
    expect(head).toContain(`href="/incidents/${open.id}.rss"`);
  });

  it("colours a resolved incident as resolved, whatever its impact", () => {
    const s = snap(NOW);
    const past = must(
      s.incidents.pastDays.flatMap((d) => d.incidents).find((i) => i.impact === "minor"),
      "a past incident of minor impact",
    );
    const html = renderIncidentPage(s, ASSETS, past).body.toString();
    expect(html).toMatch(/<article[^>]*border-s-emerald-700/);
    expect(text(html)).toContain("Lasted 50 min");
  });
});

describe("the shared formatter", () => {
  it("says a period's date once within a day, and both dates across days", () => {
    const a = Date.parse("2026-12-04T13:00:00Z");
    expect(plain(formatRange(a, a + 2 * 60 * MIN, "Etc/UTC"))).toBe("Dec 4, 2026, 13:00 – 15:00 UTC");
    expect(plain(formatRange(a, a + 24 * 60 * MIN, "Etc/UTC"))).toBe("Dec 4, 2026, 13:00 UTC – Dec 5, 2026, 13:00 UTC");
    expect(plain(translator("de").range(a, a + 2 * 60 * MIN, "Europe/Berlin"))).toBe(
      "4. Dez. 2026, 14:00–16:00 Uhr MEZ",
    );
  });
});
