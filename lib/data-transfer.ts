// All of Outpost's data as one JSON file, and back into an empty instance: nobody is locked in.
// Every table is carried as it is (ids, timestamps, history, staff accounts with their password
// hashes, audit log), except what only matters to one running instance (sign-in throttling,
// the data version, the migration log). The file holds password hashes: keep it private.
import type { Db } from "@/db/client";
import { inTransaction } from "@/db/client";
import { AppError } from "./errors";

export const EXPORT_FORMAT = "outpost-export";
export const EXPORT_VERSION = 1;
const SKIPPED = new Set(["data_version", "sign_in_throttle", "__drizzle_migrations"]);
/** An instance is empty when none of these has a row (a fresh start has a page and a first admin). */
const CONTENT = ["components", "component_groups", "incidents"];

export type DataExport = {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exported_at: string;
  /** How many schema migrations the exporting instance had applied. */
  schema: number;
  tables: Record<string, Record<string, unknown>[]>;
};

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function tablesOf(db: Db): string[] {
  return (db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid").pluck().all() as string[]).filter((t) => !SKIPPED.has(t));
}

function schemaLevel(db: Db): number {
  try {
    return db.$client.prepare("SELECT count(*) FROM __drizzle_migrations").pluck().get() as number;
  } catch {
    return 0;
  }
}

export function exportData(db: Db, now = Date.now()): DataExport {
  // One read transaction: a consistent copy while the server keeps writing.
  const read = db.$client.transaction(() =>
    Object.fromEntries(tablesOf(db).map((t) => [t, db.$client.prepare(`SELECT * FROM ${quote(t)} ORDER BY rowid`).all() as Record<string, unknown>[]])),
  );
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exported_at: new Date(now).toISOString(), schema: schemaLevel(db), tables: read() };
}

function checkShape(data: unknown): asserts data is DataExport {
  const d = data as Partial<DataExport> | null;
  if (!d || typeof d !== "object" || d.format !== EXPORT_FORMAT) throw new AppError("validation", "This is not an Outpost export file");
  if (d.version !== EXPORT_VERSION) throw new AppError("validation", `Export format version ${String(d.version)} is not supported (this Outpost reads version ${EXPORT_VERSION})`);
  if (!d.tables || typeof d.tables !== "object") throw new AppError("validation", "The export has no tables");
  for (const [t, rows] of Object.entries(d.tables)) {
    if (!Array.isArray(rows) || rows.some((r) => !r || typeof r !== "object" || Array.isArray(r))) throw new AppError("validation", `Table ${t} in the export is not a list of rows`);
  }
}

/** Loads an export into an instance with no components, groups or incidents; one transaction. */
export function importData(db: Db, data: unknown): Record<string, number> {
  checkShape(data);
  if (data.schema > schemaLevel(db)) throw new AppError("conflict", "The export comes from a newer Outpost; upgrade this one first");
  const known = new Set(tablesOf(db));
  const unknown = Object.keys(data.tables).find((t) => !known.has(t));
  if (unknown) throw new AppError("validation", `The export has a table this Outpost does not know: ${unknown}`);
  return inTransaction(db, () => {
    for (const t of CONTENT) {
      if ((db.$client.prepare(`SELECT count(*) FROM ${quote(t)}`).pluck().get() as number) > 0) {
        throw new AppError("conflict", "Import only into an empty instance (no components, groups or incidents); start one with OUTPOST_DEMO=0");
      }
    }
    // Checked at commit, so tables can be filled in any order.
    db.$client.pragma("defer_foreign_keys = ON");
    const counts: Record<string, number> = {};
    for (const t of tablesOf(db)) db.$client.prepare(`DELETE FROM ${quote(t)}`).run();
    for (const [t, rows] of Object.entries(data.tables)) {
      const columns = new Set((db.$client.pragma(`table_info(${quote(t)})`) as { name: string }[]).map((c) => c.name));
      for (const row of rows) {
        const names = Object.keys(row);
        const stray = names.find((c) => !columns.has(c));
        if (stray) throw new AppError("validation", `Table ${t} in the export has a column this Outpost does not know: ${stray}`);
        const values = names.map((c) => {
          const v = row[c];
          return v !== null && typeof v === "object" ? JSON.stringify(v) : (v as string | number | null);
        });
        db.$client.prepare(`INSERT INTO ${quote(t)} (${names.map(quote).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`).run(...values);
      }
      counts[t] = rows.length;
    }
    return counts;
  });
}
