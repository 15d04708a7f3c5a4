// Monitors: checks from outside that drive component status, and their history. None of these
// tables is public: the public page reads roll-ups into the snapshot, which rebuilds at least
// once a minute, so check results never bump the data version (a check every few milliseconds
// would otherwise rebuild the page continuously).
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { COMPONENT_STATUSES, MONITOR_HEALTHS } from "../lib/constants";
// Types only: the kinds are a TypeScript union (SQLite has no enum), so the schema never loads the probes.
import type { MonitorKind, MonitorSettings } from "../lib/monitors/registry";
import { components } from "./page-schema";
import { apiTokens } from "./staff-schema";

export const monitors = sqliteTable(
  "monitors",
  {
    id: text("id").primaryKey(),
    componentId: text("component_id")
      .notNull()
      .references(() => components.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind").$type<MonitorKind>().notNull(),
    /** Per-kind settings, validated by the kind's descriptor (lib/monitors/kinds) before they are stored. */
    settings: text("settings", { mode: "json" }).$type<MonitorSettings>().notNull(),
    intervalSeconds: integer("interval_seconds").notNull().default(60),
    timeoutMs: integer("timeout_ms").notNull().default(10_000),
    /** A successful check slower than this counts as slow; null: latency is not judged. */
    latencyThresholdMs: integer("latency_threshold_ms"),
    /** Consecutive failures (or slow checks) before the monitor reports down (or degraded). */
    failThreshold: integer("fail_threshold").notNull().default(2),
    /** Consecutive successes before it reports up again. */
    recoverThreshold: integer("recover_threshold").notNull().default(2),
    paused: integer("paused", { mode: "boolean" }).notNull().default(false),
    /** Checked by the server itself (the "local" location); off when only probe agents check it. */
    checksLocally: integer("checks_locally", { mode: "boolean" }).notNull().default(true),
    /**
     * With probe agents: how many locations must report down for the monitor to be down; null is
     * a majority of its locations. Fewer is "regional", shown to staff only.
     */
    quorum: integer("quorum"),
    /** Publish the draft incident at once when this monitor takes its component down. */
    autoPublish: integer("auto_publish", { mode: "boolean" }).notNull().default(false),
    /** Admin-only: this monitor may reach loopback and private addresses (never link-local/metadata unless the operator allows it). */
    internalTarget: integer("internal_target", { mode: "boolean" }).notNull().default(false),
    /** Heartbeat monitors: the secret in /api/heartbeat/{token}. */
    heartbeatToken: text("heartbeat_token"),
    lastBeatAt: integer("last_beat_at"),
    // ---- state kept by the scheduler
    health: text("health", { enum: MONITOR_HEALTHS }).notNull().default("unknown"),
    failStreak: integer("fail_streak").notNull().default(0),
    okStreak: integer("ok_streak").notNull().default(0),
    slowStreak: integer("slow_streak").notNull().default(0),
    fastStreak: integer("fast_streak").notNull().default(0),
    nextCheckAt: integer("next_check_at").notNull(),
    lastCheckedAt: integer("last_checked_at"),
    lastLatencyMs: integer("last_latency_ms"),
    lastError: text("last_error"),
    /** When health last changed. */
    healthChangedAt: integer("health_changed_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("monitors_component_id_idx").on(t.componentId),
    index("monitors_paused_next_check_at_idx").on(t.paused, t.nextCheckAt),
    index("monitors_checks_locally_next_check_at_idx").on(t.checksLocally, t.nextCheckAt),
    uniqueIndex("monitors_heartbeat_token_idx").on(t.heartbeatToken),
  ],
);

/** Raw check results, kept OUTPOST_CHECK_RETENTION_DAYS. */
export const checkResults = sqliteTable(
  "check_results",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    monitorId: text("monitor_id")
      .notNull()
      .references(() => monitors.id, { onDelete: "cascade" }),
    at: integer("at").notNull(),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    /** Succeeded but slower than the threshold (or degraded upstream, or a certificate near expiry). */
    slow: integer("slow", { mode: "boolean" }).notNull().default(false),
    latencyMs: integer("latency_ms"),
    error: text("error"),
    /** How late the check started against its schedule (ms). */
    lateMs: integer("late_ms").notNull().default(0),
    /** Where it was checked from: "local" (the server) or a probe agent's name. */
    location: text("location").notNull().default("local"),
  },
  (t) => [index("check_results_monitor_id_at_idx").on(t.monitorId, t.at), index("check_results_at_idx").on(t.at)],
);

export const ROLLUP_SIZES = ["hour", "day"] as const;

/** Per monitor and hour (or UTC day): how many checks, how many failed, latency percentiles. */
export const checkRollups = sqliteTable(
  "check_rollups",
  {
    monitorId: text("monitor_id")
      .notNull()
      .references(() => monitors.id, { onDelete: "cascade" }),
    size: text("size", { enum: ROLLUP_SIZES }).notNull(),
    bucketStart: integer("bucket_start").notNull(),
    count: integer("count").notNull(),
    failures: integer("failures").notNull(),
    p50Ms: integer("p50_ms"),
    p95Ms: integer("p95_ms"),
    maxMs: integer("max_ms"),
  },
  (t) => [
    primaryKey({ columns: [t.monitorId, t.size, t.bucketStart] }),
    index("check_rollups_size_bucket_start_idx").on(t.size, t.bucketStart),
  ],
);

/**
 * Per monitor, place and hour, for monitors checked from several places: the public chart's
 * split by place. Kept as long as the hourly roll-ups.
 */
export const checkLocationRollups = sqliteTable(
  "check_location_rollups",
  {
    monitorId: text("monitor_id")
      .notNull()
      .references(() => monitors.id, { onDelete: "cascade" }),
    /** "local" or a probe agent's name, as check_results.location. */
    location: text("location").notNull(),
    bucketStart: integer("bucket_start").notNull(),
    count: integer("count").notNull(),
    failures: integer("failures").notNull(),
    p50Ms: integer("p50_ms"),
    p95Ms: integer("p95_ms"),
  },
  (t) => [
    primaryKey({ columns: [t.monitorId, t.location, t.bucketStart] }),
    index("check_location_rollups_bucket_start_idx").on(t.bucketStart),
  ],
);

/** One row: which process runs the scheduler, until when, and when it last ran. */
export const monitorLease = sqliteTable("monitor_lease", {
  id: integer("id").primaryKey(),
  owner: text("owner").notNull(),
  expiresAt: integer("expires_at").notNull(),
  lastRunAt: integer("last_run_at"),
});

/** What the monitors make of a component, and whether they may set its status. */
export const monitorComponentState = sqliteTable("monitor_component_state", {
  componentId: text("component_id")
    .primaryKey()
    .references(() => components.id, { onDelete: "cascade" }),
  /** The status the monitors want; null when no monitor has an opinion yet. */
  desired: text("desired", { enum: COMPONENT_STATUSES }),
  /** The status the monitors last wrote; a different current status means someone else set it. */
  applied: text("applied", { enum: COMPONENT_STATUSES }),
  /** Staff took the component back to manual: monitors record but never set its status. */
  manual: integer("manual", { mode: "boolean" }).notNull().default(false),
  /** Why the monitors' view is not shown (staff status, open incident, maintenance), or null. */
  disagreement: text("disagreement"),
  updatedAt: integer("updated_at").notNull(),
});

export const MONITOR_DRAFT_STATES = ["open", "published", "dismissed"] as const;

/** Draft incidents proposed by monitors, shown at the top of the staff dashboard. */
export const monitorDrafts = sqliteTable(
  "monitor_drafts",
  {
    id: text("id").primaryKey(),
    componentId: text("component_id")
      .notNull()
      .references(() => components.id, { onDelete: "cascade" }),
    monitorId: text("monitor_id").references(() => monitors.id, { onDelete: "set null" }),
    /** The component status the incident would set. */
    status: text("status", { enum: COMPONENT_STATUSES }).notNull(),
    firstError: text("first_error").notNull(),
    state: text("state", { enum: MONITOR_DRAFT_STATES }).notNull().default("open"),
    createdAt: integer("created_at").notNull(),
    /** Monitors report the component healthy again (the draft stays until staff decide). */
    recoveredAt: integer("recovered_at"),
    publishedIncidentId: text("published_incident_id"),
    /** Opened by an alert source (null for monitors); the draft links back to the alert. */
    alertSourceId: text("alert_source_id"),
    link: text("link"),
    /** Published automatically (the monitor's auto-publish setting) rather than by staff. */
    autoPublished: integer("auto_published", { mode: "boolean" }).notNull().default(false),
    closedAt: integer("closed_at"),
  },
  (t) => [index("monitor_drafts_state_idx").on(t.state), index("monitor_drafts_component_id_idx").on(t.componentId)],
);

/** Last alert sent per monitor and kind, so a flapping monitor does not flood staff. */
export const monitorAlerts = sqliteTable(
  "monitor_alerts",
  {
    monitorId: text("monitor_id")
      .notNull()
      .references(() => monitors.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["down", "degraded", "regional", "up"] }).notNull(),
    lastSentAt: integer("last_sent_at").notNull(),
    suppressed: integer("suppressed").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.monitorId, t.kind] })],
);

/**
 * A probe agent: a small process elsewhere that runs the same checks and posts the results, so a
 * monitor can be seen from several places. Bound to one `probe` token (revoked with the agent).
 */
export const probeAgents = sqliteTable(
  "probe_agents",
  {
    id: text("id").primaryKey(),
    /** What `--name` says and what staff pick in a monitor's locations, e.g. "eu-west". */
    name: text("name").notNull(),
    /** What visitors read, e.g. "Frankfurt". */
    label: text("label").notNull(),
    tokenId: text("token_id")
      .notNull()
      .references(() => apiTokens.id),
    createdAt: integer("created_at").notNull(),
    /** Its last request (assignments or results). */
    lastSeenAt: integer("last_seen_at"),
    version: text("version"),
    /** The agent's clock minus the server's at its last request (ms); its results' times are corrected by it. */
    clockSkewMs: integer("clock_skew_ms"),
    /** The agent's buffer id and the highest result sequence accepted from it: batches sent twice count once. */
    boot: text("boot"),
    ackedSeq: integer("acked_seq").notNull().default(0),
    /** Since when it has been silent (staff were alerted); null while it reports. */
    silentSince: integer("silent_since"),
  },
  (t) => [uniqueIndex("probe_agents_name_idx").on(t.name), uniqueIndex("probe_agents_token_id_idx").on(t.tokenId)],
);

/**
 * Where a monitor with probe agents is checked from, and each location's own anti-flap state
 * ("local" is the server itself). The monitor's health is the verdict of these by quorum. A
 * monitor without rows here is checked by the server alone, as before agents existed.
 */
export const monitorLocations = sqliteTable(
  "monitor_locations",
  {
    monitorId: text("monitor_id")
      .notNull()
      .references(() => monitors.id, { onDelete: "cascade" }),
    /** "local" or a probe agent's id. */
    location: text("location").notNull(),
    health: text("health", { enum: MONITOR_HEALTHS }).notNull().default("unknown"),
    failStreak: integer("fail_streak").notNull().default(0),
    okStreak: integer("ok_streak").notNull().default(0),
    slowStreak: integer("slow_streak").notNull().default(0),
    fastStreak: integer("fast_streak").notNull().default(0),
    lastCheckedAt: integer("last_checked_at"),
    lastLatencyMs: integer("last_latency_ms"),
    lastError: text("last_error"),
    healthChangedAt: integer("health_changed_at"),
  },
  (t) => [primaryKey({ columns: [t.monitorId, t.location] }), index("monitor_locations_location_idx").on(t.location)],
);
