// All of Outpost's data as one JSON file, and back into an empty instance: nobody is locked in.
// Every table is carried as it is (ids, timestamps, history, staff accounts with their password
// hashes, audit log), except what only matters to one running instance (sign-in throttling,
// the data version, the migration log). The file holds password hashes: keep it private.
//
// Secrets (TOTP keys, webhook signing keys, chat webhook URLs, which are credentials themselves)
// travel only in the operator's own export (`npm run data:export`, run on the server, whose shell
// can read the database anyway). The admin API's export leaves them out and says so in `omitted`:
// a leaked API token must not yield every account's second factor.
import { randomBytes } from "node:crypto";
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
  /** What an export without secrets left out (absent when it holds everything). */
  omitted?: string[];
};

export type ExportOptions = { secrets: "keep" | "omit" };

const CHAT_KINDS = new Set(["slack", "discord", "teams"]);

/** What an export without secrets leaves out, as `table.column` (or a table's rows), for the file to say. */
export const OMITTED_SECRETS = [
  "users.totp_secret (two-factor sign-in is off after import: each person sets it up again)",
  "recovery_codes",
  "subscribers.secret (webhook subscribers get a new signing secret on import)",
  "subscribers of kind slack, discord and teams (their URLs are credentials: add the channels again), their deliveries and their URLs in audit_log",
  "alert_sources.token and alert_sources.signing_secret (each alert source gets a new ingest address on import: give it to the alerting tool, and set its secret again)",
];

/** Removes secrets from exported rows; the rest stays importable as it is. */
function withoutSecrets(tables: DataExport["tables"]): DataExport["tables"] {
  const out = { ...tables };
  out.users = (tables.users ?? []).map((u) => ({
    ...u,
    totp_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
  }));
  out.recovery_codes = [];
  // An ingest address is the credential that lets a tool change statuses: a fresh one replaces it.
  out.alert_sources = (tables.alert_sources ?? []).map((r) => ({
    ...r,
    token: randomBytes(24).toString("base64url"),
    signing_secret: null,
  }));
  const chatRows = (tables.subscribers ?? []).filter((r) => CHAT_KINDS.has(String(r.kind)));
  const chat = new Set(chatRows.map((r) => r.id));
  out.subscribers = (tables.subscribers ?? []).filter((r) => !chat.has(r.id)).map((r) => ({ ...r, secret: null }));
  out.deliveries = (tables.deliveries ?? []).filter((r) => !chat.has(r.subscriber_id));
  // The audit log recorded the chat URLs when the channels were added.
  const urls = chatRows.map((r) => JSON.stringify(String(r.address)).slice(1, -1)).filter(Boolean);
  const scrub = (v: unknown) =>
    typeof v === "string" ? urls.reduce((text, url) => text.replaceAll(url, "[omitted]"), v) : v;
  out.audit_log = (tables.audit_log ?? []).map((r) => ({ ...r, before: scrub(r.before), after: scrub(r.after) }));
  return out;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function tablesOf(db: Db): string[] {
  return (
    db.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
      .pluck()
      .all() as string[]
  ).filter((t) => !SKIPPED.has(t));
}

function schemaLevel(db: Db): number {
  try {
    return db.$client.prepare("SELECT count(*) FROM __drizzle_migrations").pluck().get() as number;
  } catch {
    return 0;
  }
}

export function exportData(db: Db, now = Date.now(), options: ExportOptions = { secrets: "keep" }): DataExport {
  // One read transaction: a consistent copy while the server keeps writing.
  const read = db.$client.transaction(() =>
    Object.fromEntries(
      tablesOf(db).map((t) => [
        t,
        db.$client.prepare(`SELECT * FROM ${quote(t)} ORDER BY rowid`).all() as Record<string, unknown>[],
      ]),
    ),
  );
  const base = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exported_at: new Date(now).toISOString(),
    schema: schemaLevel(db),
  } as const;
  if (options.secrets === "keep") return { ...base, tables: read() };
  return { ...base, tables: withoutSecrets(read()), omitted: OMITTED_SECRETS };
}

function checkShape(data: unknown): asserts data is DataExport {
  const d = data as Partial<DataExport> | null;
  if (!d || typeof d !== "object" || d.format !== EXPORT_FORMAT)
    throw new AppError("validation", "This is not an Outpost export file");
  if (d.version !== EXPORT_VERSION)
    throw new AppError(
      "validation",
      `Export format version ${String(d.version)} is not supported (this Outpost reads version ${EXPORT_VERSION})`,
    );
  if (!d.tables || typeof d.tables !== "object") throw new AppError("validation", "The export has no tables");
  for (const [t, rows] of Object.entries(d.tables)) {
    if (!Array.isArray(rows) || rows.some((r) => !r || typeof r !== "object" || Array.isArray(r)))
      throw new AppError("validation", `Table ${t} in the export is not a list of rows`);
  }
}

/** Loads an export into an instance with no components, groups or incidents; one transaction. */
export function importData(db: Db, data: unknown): Record<string, number> {
  checkShape(data);
  if (data.schema > schemaLevel(db))
    throw new AppError("conflict", "The export comes from a newer Outpost; upgrade this one first");
  const known = new Set(tablesOf(db));
  const unknown = Object.keys(data.tables).find((t) => !known.has(t));
  if (unknown) throw new AppError("validation", `The export has a table this Outpost does not know: ${unknown}`);
  return inTransaction(db, () => {
    for (const t of CONTENT) {
      if (
        (db.$client
          .prepare(`SELECT count(*) FROM ${quote(t)}`)
          .pluck()
          .get() as number) > 0
      ) {
        throw new AppError(
          "conflict",
          "Import only into an empty instance (no components, groups or incidents); start one with OUTPOST_DEMO=0",
        );
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
        if (stray)
          throw new AppError(
            "validation",
            `Table ${t} in the export has a column this Outpost does not know: ${stray}`,
          );
        const values = names.map((c) => {
          const v = row[c];
          return v !== null && typeof v === "object" ? JSON.stringify(v) : (v as string | number | null);
        });
        db.$client
          .prepare(
            `INSERT INTO ${quote(t)} (${names.map(quote).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`,
          )
          .run(...values);
      }
      counts[t] = rows.length;
    }
    // An export without secrets: webhooks must not go out signed with an empty key.
    const unsigned = db.$client
      .prepare("SELECT id FROM subscribers WHERE kind = 'webhook' AND secret IS NULL")
      .pluck()
      .all() as string[];
    const setSecret = db.$client.prepare("UPDATE subscribers SET secret = ? WHERE id = ?");
    for (const id of unsigned) setSecret.run(`whsec_${randomBytes(24).toString("base64url")}`, id);
    return counts;
  });
}
