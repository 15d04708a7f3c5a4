// "I am affected" reports: one row per client, component and 5-minute window. The client is an
// HMAC of its address with a daily salt (no address is stored); rows older than a week are pruned.
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { components } from "./page-schema";

export const affectedReports = sqliteTable(
  "affected_reports",
  {
    componentId: text("component_id")
      .notNull()
      .references(() => components.id, { onDelete: "cascade" }),
    /** Start of the 5-minute window (ms). */
    windowStart: integer("window_start").notNull(),
    clientHash: text("client_hash").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    primaryKey({ name: "affected_reports_pk", columns: [t.componentId, t.windowStart, t.clientHash] }),
    index("affected_reports_window_start_idx").on(t.windowStart),
    index("affected_reports_client_hash_idx").on(t.clientHash, t.createdAt),
  ],
);
