import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { ensurePage } from "@/db/seed";
import { getIncident, listUpdates } from "@/db/queries/incidents";
import { listPeriodsSince } from "@/db/queries/components";
import { SYSTEM_ACTOR } from "./audit";
import { buildSnapshot } from "./snapshot";
import { STATUSPAGE_DOCUMENTS } from "./statuspage";
import { must } from "./testing";
import { fetchStatuspage, importStatuspage, mergeDocuments } from "./statuspage-import";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const summary = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, "../e2e/data/statuspage-summary-example.json"), "utf8"),
);

/** incidents.json as a real page sends it: the open one, and a resolved one in the same shape. */
function incidentsDoc() {
  const open = summary.incidents[0];
  const resolved = {
    ...open,
    id: "zz1resolved01",
    name: "Withdrawals were delayed",
    status: "resolved",
    resolved_at: "2020-02-09T11:00:00.000Z",
    started_at: "2020-02-09T10:00:00.000Z",
    created_at: "2020-02-09T10:00:00.000Z",
    incident_updates: [
      {
        ...open.incident_updates[0],
        id: "zz1upd2",
        status: "resolved",
        body: "Fixed.",
        created_at: "2020-02-09T11:00:00.000Z",
        display_at: "2020-02-09T11:00:00.000Z",
        affected_components: null,
      },
      {
        ...open.incident_updates[0],
        id: "zz1upd1",
        status: "investigating",
        body: "Looking.",
        created_at: "2020-02-09T10:00:00.000Z",
        display_at: "2020-02-09T10:00:00.000Z",
        affected_components: [
          { code: "h028tnzw1n5l", name: "Deposit", old_status: "operational", new_status: "major_outage" },
        ],
      },
    ],
    postmortem_body: "A queue stalled.",
  };
  return { page: summary.page, incidents: [open, resolved] };
}

function emptyPage() {
  const db = testDatabase();
  ensurePage(db, { name: "Moved", timeZone: "Etc/UTC", now: NOW });
  return db;
}

describe("import from Statuspage", () => {
  it("brings components, groups, incidents with their updates and maintenances, and paints history", () => {
    const db = emptyPage();
    const result = importStatuspage(db, SYSTEM_ACTOR, mergeDocuments([summary, incidentsDoc()]), NOW);
    expect(result.components + result.groups).toBe(summary.components.length);
    expect(result).toMatchObject({ incidents: 2, maintenances: summary.scheduled_maintenances.length });
    const s = buildSnapshot(db, { publicUrl: "http://x", now: NOW });
    const out = must(STATUSPAGE_DOCUMENTS["summary.json"], "the summary.json document")(s) as {
      components: { id: string; status: string; group: boolean; components?: string[] }[];
      incidents: { id: string; incident_updates: { body: string }[] }[];
      scheduled_maintenances: { id: string }[];
    };
    // The same components, statuses and grouping as the source page.
    const pick = (cs: { id: string; status: string; group: boolean; components?: string[] }[]) =>
      cs.map((c) => [c.id, c.status, c.group, c.components ?? null]).sort();
    expect(pick(out.components)).toEqual(pick(summary.components));
    expect(out.incidents.map((i) => i.id)).toEqual([summary.incidents[0].id]);
    expect(out.scheduled_maintenances.map((m) => m.id)).toEqual(
      summary.scheduled_maintenances.map((m: { id: string }) => m.id),
    );
    expect(listUpdates(db, ["zz1resolved01"]).map((u) => u.status)).toEqual(["resolved", "investigating"]);
    expect(getIncident(db, "zz1resolved01")).toMatchObject({ status: "resolved", postmortemBody: "A queue stalled." });
    const painted = listPeriodsSince(db, 0).filter(
      (p) => p.componentId === "h028tnzw1n5l" && p.status === "major_outage",
    );
    expect(painted).toEqual([
      expect.objectContaining({
        startedAt: Date.parse("2020-02-09T10:00:00.000Z"),
        endedAt: Date.parse("2020-02-09T11:00:00.000Z"),
      }),
    ]);
  });

  it("refuses a page that already has content, and a malformed document, writing nothing", () => {
    const db = emptyPage();
    importStatuspage(db, SYSTEM_ACTOR, summary, NOW);
    expect(() => importStatuspage(db, SYSTEM_ACTOR, summary, NOW)).toThrow(/empty page/);
    const other = emptyPage();
    expect(() => importStatuspage(other, SYSTEM_ACTOR, { components: [{ id: "x" }] } as never, NOW)).toThrow();
    expect(other.$client.prepare("SELECT count(*) FROM components").pluck().get()).toBe(0);
  });

  it("fetches a page's public documents over HTTP", async () => {
    const docs: Record<string, unknown> = {
      "summary.json": summary,
      "components.json": { page: summary.page, components: summary.components },
      "incidents.json": incidentsDoc(),
      "scheduled-maintenances.json": { page: summary.page, scheduled_maintenances: summary.scheduled_maintenances },
    };
    const server = http.createServer((req, res) => {
      const doc = docs[(req.url ?? "").replace("/api/v2/", "")];
      res.writeHead(doc ? 200 : 404, { "content-type": "application/json" }).end(JSON.stringify(doc ?? {}));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const fetched = await fetchStatuspage(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(fetched.incidents).toHaveLength(2);
      const db = emptyPage();
      expect(importStatuspage(db, SYSTEM_ACTOR, fetched, NOW).incidents).toBe(2);
    } finally {
      server.close();
    }
  });
});
