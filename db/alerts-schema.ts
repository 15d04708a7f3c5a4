// Alert ingest: the alerting tools a team already runs (Alertmanager, Grafana, PagerDuty,
// Opsgenie, anything that can POST JSON) tell Outpost what fires, and rules map their alerts to
// components. None of these tables is public; what reaches the page goes through drafts,
// incidents and component statuses, which are.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { COMPONENT_STATUSES } from "../lib/constants";
// Types only: the kinds are a TypeScript union (SQLite has no enum), so the schema never loads the readers.
import type { AlertKind } from "../lib/alerts/registry";
import { components } from "./page-schema";
import { incidentTemplates } from "./staff-schema";

export const alertSources = sqliteTable(
  "alert_sources",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind").$type<AlertKind>().notNull(),
    /** The secret in /api/alerts/{token}: knowing it is what lets a tool deliver alerts. */
    token: text("token").notNull(),
    /** PagerDuty's webhook signing secret: when set, every delivery must carry a valid signature. */
    signingSecret: text("signing_secret"),
    /** Where an alert that matches no rule goes; null keeps it as "unmapped" for staff to map. */
    defaultComponentId: text("default_component_id").references(() => components.id, { onDelete: "set null" }),
    defaultStatus: text("default_status", { enum: COMPONENT_STATUSES }),
    /** Publish the draft incident once an alert is confirmed (firing for the rule's time), from the template. */
    autoPublish: integer("auto_publish", { mode: "boolean" }).notNull().default(false),
    templateId: text("template_id").references(() => incidentTemplates.id, { onDelete: "set null" }),
    /** A paused source answers 202 and records the delivery, but changes nothing. */
    paused: integer("paused", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    lastDeliveryAt: integer("last_delivery_at"),
  },
  (t) => [uniqueIndex("alert_sources_name_idx").on(t.name), uniqueIndex("alert_sources_token_idx").on(t.token)],
);

/** Rules map alerts to a component and a status; the first match in position order wins. */
export const alertRules = sqliteTable(
  "alert_rules",
  {
    id: text("id").primaryKey(),
    sourceId: text("source_id")
      .notNull()
      .references(() => alertSources.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** Alertmanager-style matchers, comma-separated: service="payments", severity=~"crit.*". */
    matchers: text("matchers").notNull(),
    componentId: text("component_id")
      .notNull()
      .references(() => components.id, { onDelete: "cascade" }),
    status: text("status", { enum: COMPONENT_STATUSES }).notNull(),
    /** Trusted: a confirmed alert sets the component's status, and its resolution restores it. */
    setsStatus: integer("sets_status", { mode: "boolean" }).notNull().default(false),
    /** Anti-flap: how long an alert must keep firing before it counts (status, auto-publish). */
    forSeconds: integer("for_seconds").notNull().default(0),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("alert_rules_source_id_idx").on(t.sourceId, t.position)],
);

export const ALERT_STATES = ["firing", "resolved"] as const;

/** The newest known state of each alert, one row per source and fingerprint. */
export const alerts = sqliteTable(
  "alerts",
  {
    id: text("id").primaryKey(),
    sourceId: text("source_id")
      .notNull()
      .references(() => alertSources.id, { onDelete: "cascade" }),
    fingerprint: text("fingerprint").notNull(),
    state: text("state", { enum: ALERT_STATES }).notNull(),
    /** The source's time of the state we hold; an older delivery never overwrites a newer one. */
    at: integer("at").notNull(),
    startedAt: integer("started_at"),
    summary: text("summary").notNull(),
    url: text("url"),
    /** JSON object of the labels rules matched on. */
    labels: text("labels").notNull(),
    /** What the alert was mapped to when it began firing (kept even if the rule changes later). */
    ruleId: text("rule_id").references(() => alertRules.id, { onDelete: "set null" }),
    componentId: text("component_id").references(() => components.id, { onDelete: "set null" }),
    status: text("status", { enum: COMPONENT_STATUSES }),
    setsStatus: integer("sets_status", { mode: "boolean" }).notNull().default(false),
    forSeconds: integer("for_seconds").notNull().default(0),
    /** Our clock: when it (last) began firing, and when it had fired long enough to count. */
    firingSince: integer("firing_since"),
    confirmedAt: integer("confirmed_at"),
    /** Fired while its component was under maintenance: recorded, changes nothing until it fires anew. */
    muted: integer("muted", { mode: "boolean" }).notNull().default(false),
    draftId: text("draft_id"),
    receivedAt: integer("received_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    /** Deliveries that repeated what we already held (Alertmanager resends every repeat_interval). */
    repeats: integer("repeats").notNull().default(0),
  },
  (t) => [
    uniqueIndex("alerts_source_fingerprint_idx").on(t.sourceId, t.fingerprint),
    index("alerts_component_state_idx").on(t.componentId, t.state),
    index("alerts_state_confirmed_idx").on(t.state, t.confirmedAt),
  ],
);

/** Recent deliveries per source (the newest 100 are kept): what came in and what it did. */
export const alertDeliveries = sqliteTable(
  "alert_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sourceId: text("source_id")
      .notNull()
      .references(() => alertSources.id, { onDelete: "cascade" }),
    receivedAt: integer("received_at").notNull(),
    /** The HTTP status Outpost answered. */
    httpStatus: integer("http_status").notNull(),
    alertCount: integer("alert_count").notNull(),
    /** JSON array of { fingerprint, summary, state, rule, effect } (at most 50 kept per delivery). */
    effects: text("effects").notNull(),
    error: text("error"),
  },
  (t) => [index("alert_deliveries_source_id_idx").on(t.sourceId, t.id)],
);
