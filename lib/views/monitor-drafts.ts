// The read model of the monitor drafts shown atop the dashboard and the monitors page.
import { getDb, type Db } from "@/db/client";
import { openDrafts } from "../monitors/drafts";

export function monitorDraftsView(db: Db = getDb()) {
  return openDrafts(db);
}
