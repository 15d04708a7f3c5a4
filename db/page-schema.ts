// The public tables: the page, its components and groups, incidents and their updates. Every one
// of them bumps the data version (PUBLIC_TABLES).
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { COMPONENT_STATUSES, IMPACTS, INCIDENT_KINDS, INCIDENT_STATUSES, MAINTENANCE_STATUSES } from "../lib/constants";

// Timestamps are integers: milliseconds since the epoch, UTC.

/** One row, bumped by triggers on every write to a public table (see the version migration). */
export const dataVersion = sqliteTable("data_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull().default(0),
});

export const pages = sqliteTable("pages", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  timeZone: text("time_zone").notNull().default("Etc/UTC"),
  /** A small image as a data: URL (kept in the database so backups and the mirror carry it). */
  logo: text("logo"),
  /** #rrggbb, used for links and the header accent. */
  brandColor: text("brand_color"),
  /** JSON array of {label, url}. */
  footerLinks: text("footer_links", { mode: "json" }).$type<{ label: string; url: string }[]>().notNull().default([]),
  /** Markdown for /infrastructure: where Outpost and its mirror are hosted. */
  infrastructureMd: text("infrastructure_md").notNull().default(""),
  /** Promised minutes between updates of an open incident ("next update by"). */
  updateCadenceMinutes: integer("update_cadence_minutes").notNull().default(30),
  /** The locale "/" serves (lib/i18n/locales.ts). */
  defaultLocale: text("default_locale").notNull().default("en"),
  /** JSON array of the locales offered in the switcher, the default among them. */
  locales: text("locales", { mode: "json" }).$type<string[]>().notNull().default(["en"]),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const componentGroups = sqliteTable(
  "component_groups",
  {
    id: text("id").primaryKey(),
    pageId: text("page_id")
      .notNull()
      .references(() => pages.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    position: integer("position").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("component_groups_page_id_position_idx").on(t.pageId, t.position)],
);

export const components = sqliteTable(
  "components",
  {
    id: text("id").primaryKey(),
    pageId: text("page_id")
      .notNull()
      .references(() => pages.id, { onDelete: "cascade" }),
    groupId: text("group_id").references(() => componentGroups.id, { onDelete: "set null" }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    position: integer("position").notNull().default(0),
    status: text("status", { enum: COMPONENT_STATUSES }).notNull().default("operational"),
    showcase: integer("showcase", { mode: "boolean" }).notNull().default(true),
    onlyShowIfDegraded: integer("only_show_if_degraded", { mode: "boolean" }).notNull().default(false),
    /** YYYY-MM-DD: the uptime bars count from this day (Statuspage's start_date). */
    startDate: text("start_date"),
    /** An http(s) URL the public page fetches from the visitor's browser ("is it just me?"). */
    browserProbeUrl: text("browser_probe_url"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("components_page_id_slug_idx").on(t.pageId, t.slug),
    index("components_page_id_position_idx").on(t.pageId, t.position),
    index("components_group_id_idx").on(t.groupId),
  ],
);

/** The history of each component's status: one row per stretch of time in one status. */
export const componentStatusPeriods = sqliteTable(
  "component_status_periods",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    componentId: text("component_id")
      .notNull()
      .references(() => components.id, { onDelete: "cascade" }),
    status: text("status", { enum: COMPONENT_STATUSES }).notNull(),
    startedAt: integer("started_at").notNull(),
    /** null while the period is current */
    endedAt: integer("ended_at"),
  },
  (t) => [
    index("component_status_periods_component_id_started_at_idx").on(t.componentId, t.startedAt),
    index("component_status_periods_ended_at_idx").on(t.endedAt),
  ],
);

/** Incidents and scheduled maintenances share one table, told apart by kind. */
export const incidents = sqliteTable(
  "incidents",
  {
    id: text("id").primaryKey(),
    pageId: text("page_id")
      .notNull()
      .references(() => pages.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: INCIDENT_KINDS }).notNull(),
    name: text("name").notNull(),
    status: text("status", { enum: [...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES] }).notNull(),
    impact: text("impact", { enum: IMPACTS }).notNull().default("none"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    startedAt: integer("started_at").notNull(),
    monitoringAt: integer("monitoring_at"),
    resolvedAt: integer("resolved_at"),
    scheduledFor: integer("scheduled_for"),
    scheduledUntil: integer("scheduled_until"),
    postmortemBody: text("postmortem_body"),
    postmortemPublishedAt: integer("postmortem_published_at"),
    /** Recorded after the fact (backfill): shown as "posted later". */
    backfilled: integer("backfilled", { mode: "boolean" }).notNull().default(false),
    /** A private draft until postmortem_published_at is set. */
    postmortemUpdatedAt: integer("postmortem_updated_at"),
    /** When staff promised the next update ("next update by"); null when closed. */
    nextUpdateAt: integer("next_update_at"),
    /** Minutes between updates for this incident; null uses the page's default. */
    updateCadenceMinutes: integer("update_cadence_minutes"),
    /** When the overdue reminder for the current promise went out. */
    overdueRemindedAt: integer("overdue_reminded_at"),
    /** Maintenance: start and complete by itself at the window's edges. */
    autoStart: integer("auto_start", { mode: "boolean" }).notNull().default(true),
    autoComplete: integer("auto_complete", { mode: "boolean" }).notNull().default(true),
    /** Maintenance: post a reminder update this many minutes before the start. */
    remindPriorMinutes: integer("remind_prior_minutes"),
    remindedPriorAt: integer("reminded_prior_at"),
    /** Maintenance created from a recurring schedule. */
    recurrenceId: text("recurrence_id"),
  },
  (t) => [
    index("incidents_kind_status_idx").on(t.kind, t.status),
    index("incidents_kind_started_at_idx").on(t.kind, t.startedAt),
    index("incidents_resolved_at_idx").on(t.resolvedAt),
    index("incidents_started_at_idx").on(t.startedAt),
    index("incidents_next_update_at_idx").on(t.nextUpdateAt),
    index("incidents_scheduled_for_idx").on(t.scheduledFor),
    index("incidents_recurrence_id_idx").on(t.recurrenceId),
  ],
);

export const incidentUpdates = sqliteTable(
  "incident_updates",
  {
    id: text("id").primaryKey(),
    /** Strict, gap-free order of all updates, assigned inside the write transaction. */
    seq: integer("seq").notNull(),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    status: text("status", { enum: [...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES] }).notNull(),
    body: text("body").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    displayAt: integer("display_at").notNull(),
    deliverNotifications: integer("deliver_notifications", { mode: "boolean" }).notNull().default(true),
    customTweet: text("custom_tweet"),
    tweetId: text("tweet_id"),
    /** Set when staff edit the text after publishing: the page says "edited". */
    editedAt: integer("edited_at"),
    /** The staff account that posted it (null for tokens and Outpost itself). */
    createdBy: text("created_by"),
  },
  (t) => [
    uniqueIndex("incident_updates_seq_idx").on(t.seq),
    index("incident_updates_incident_id_seq_idx").on(t.incidentId, t.seq),
  ],
);

/** Component status changes made by one update (Statuspage's affected_components). */
export const incidentUpdateComponents = sqliteTable(
  "incident_update_components",
  {
    updateId: text("update_id")
      .notNull()
      .references(() => incidentUpdates.id, { onDelete: "cascade" }),
    componentId: text("component_id").notNull(),
    /** The name at the time, so the update still reads right after a rename or deletion. */
    componentName: text("component_name").notNull(),
    oldStatus: text("old_status", { enum: COMPONENT_STATUSES }).notNull(),
    newStatus: text("new_status", { enum: COMPONENT_STATUSES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.updateId, t.componentId] }),
    index("incident_update_components_component_id_idx").on(t.componentId),
  ],
);

/** Which components an incident or maintenance concerns. */
export const incidentComponents = sqliteTable(
  "incident_components",
  {
    incidentId: text("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    componentId: text("component_id")
      .notNull()
      .references(() => components.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.componentId] }),
    index("incident_components_component_id_idx").on(t.componentId),
  ],
);

export const PUBLIC_TABLES = [
  "pages",
  "component_groups",
  "components",
  "component_status_periods",
  "incidents",
  "incident_updates",
  "incident_update_components",
  "incident_components",
] as const;
