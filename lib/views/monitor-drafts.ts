// The read model of the draft incidents shown atop the dashboard and the monitors page: those
// monitors proposed, and those alerts opened (with the alert source's name, and a link back to
// the alert at its source when it sent one).
import { getDb, type Db } from "@/db/client";
import { listSources } from "@/db/queries/alerts";
import { openDrafts } from "../monitors/drafts";

export function monitorDraftsView(db: Db = getDb()) {
  const sources = new Map(listSources(db).map((s) => [s.id, s.name]));
  return openDrafts(db).map((d) => ({
    ...d,
    sourceName: d.alertSourceId ? (sources.get(d.alertSourceId) ?? null) : null,
  }));
}
