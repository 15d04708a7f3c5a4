// Used by scripts/bench.mjs: writes through the domain verbs from a second connection, as a
// command-line script or a background loop would, and generates large pages for the scale run.
import { openDatabase as open, inTransaction, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { ensurePage } from "@/db/seed";
import { SYSTEM_ACTOR } from "@/lib/audit";
import { createComponent } from "@/lib/components";
import { createIncident } from "@/lib/incidents";
import { newId } from "@/lib/ids";

export function openDatabase(file: string) {
  const db = open(file);
  return {
    db,
    openIncident: (d: typeof db, name: string) =>
      createIncident(d, SYSTEM_ACTOR, { name, status: "investigating", impact: "minor", body: "Benchmark probe." }),
  };
}

/**
 * A page with `components` components and `incidents` resolved past incidents (one update each),
 * spread over the last two years. Rows go in directly, in one transaction, for speed.
 */
export function generatePage(file: string, components: number, incidents: number): void {
  const db: Db = open(file);
  migrateDatabase(db);
  const now = Date.now();
  const pageId = ensurePage(db, { name: "Scale test", timeZone: "Etc/UTC", now: now - 800 * 86_400_000 });
  for (let i = 0; i < components; i++)
    createComponent(db, SYSTEM_ACTOR, { name: `Component ${i + 1}` }, now - 400 * 86_400_000);
  const insertIncident = db.$client.prepare(
    "INSERT INTO incidents (id, page_id, kind, name, status, impact, created_at, updated_at, started_at, resolved_at) VALUES (?, ?, 'incident', ?, 'resolved', 'minor', ?, ?, ?, ?)",
  );
  const insertUpdate = db.$client.prepare(
    "INSERT INTO incident_updates (id, seq, incident_id, status, body, created_at, updated_at, display_at, deliver_notifications) VALUES (?, ?, ?, 'resolved', 'Resolved.', ?, ?, ?, 0)",
  );
  const seq0 = (db.$client.prepare("SELECT coalesce(max(seq), 0) FROM incident_updates").pluck().get() as number) + 1;
  inTransaction(db, () => {
    for (let i = 0; i < incidents; i++) {
      const started = now - 2 * 86_400_000 - Math.floor((i / incidents) * 730 * 86_400_000);
      const id = newId();
      insertIncident.run(id, pageId, `Past incident ${i}`, started, started + 3_600_000, started, started + 3_600_000);
      insertUpdate.run(newId(), seq0 + i, id, started + 3_600_000, started + 3_600_000, started + 3_600_000);
    }
  });
  db.$client.close();
}
