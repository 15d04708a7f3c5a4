// Syndication: subscribers (email, webhooks, staff-configured chat), the outbox of deliveries,
// the sender's lease and the subscribe throttle. None of them is public, so none bumps the
// data version.
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { COMPONENT_STATUSES } from "../lib/constants";
import { components, incidents, incidentUpdates } from "./page-schema";

export const SUBSCRIBER_KINDS = ["email", "webhook", "slack", "discord", "teams"] as const;
export const DELIVERY_STATES = ["pending", "sending", "sent", "failed", "unknown"] as const;

export const subscribers = sqliteTable(
  "subscribers",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: SUBSCRIBER_KINDS }).notNull(),
    /** An email address (lower-case) or an http(s) URL. */
    address: text("address").notNull(),
    /** Webhooks: the HMAC-SHA256 key of X-Outpost-Signature. */
    secret: text("secret"),
    /** Only incidents concerning these components; empty: everything. */
    componentIds: text("component_ids", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** Random; confirms and unsubscribes by link. */
    token: text("token").notNull(),
    /** Double opt-in: null until the link in the confirmation is followed. */
    confirmedAt: integer("confirmed_at"),
    confirmationSentAt: integer("confirmation_sent_at"),
    /** Staff-facing label (chat channels). */
    label: text("label").notNull().default(""),
    /** The locale of the page they subscribed on: their mail's fixed words. */
    locale: text("locale").notNull().default("en"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("subscribers_kind_address_idx").on(t.kind, t.address),
    uniqueIndex("subscribers_token_idx").on(t.token),
  ],
);

/**
 * A component's status changed outside an incident (staff, the admin API, a monitor): Statuspage's
 * component_update. Written only when some webhook subscriber is to hear of it.
 */
export const componentChanges = sqliteTable(
  "component_changes",
  {
    id: text("id").primaryKey(),
    /** Strict order of changes, assigned inside the write transaction (the deliveries' seq). */
    seq: integer("seq").notNull(),
    componentId: text("component_id")
      .notNull()
      .references(() => components.id, { onDelete: "cascade" }),
    oldStatus: text("old_status", { enum: COMPONENT_STATUSES }).notNull(),
    newStatus: text("new_status", { enum: COMPONENT_STATUSES }).notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("component_changes_seq_idx").on(t.seq)],
);

/**
 * One row per target (a network such as "x", or a subscriber id) and per incident update or
 * component change: a delivery announces exactly one of the two.
 */
export const deliveries = sqliteTable(
  "deliveries",
  {
    id: text("id").primaryKey(),
    updateId: text("update_id").references(() => incidentUpdates.id, { onDelete: "cascade" }),
    incidentId: text("incident_id").references(() => incidents.id, { onDelete: "cascade" }),
    componentChangeId: text("component_change_id").references(() => componentChanges.id, { onDelete: "cascade" }),
    /**
     * The update's seq, or the component change's: deliveries to one target go out in this order,
     * incident updates and component changes each in their own lane (neither waits for the other).
     */
    seq: integer("seq").notNull(),
    /** x | mastodon | bluesky | email | webhook | slack | discord | teams */
    channel: text("channel").notNull(),
    /** The network's name, or the subscriber's id. */
    target: text("target").notNull(),
    subscriberId: text("subscriber_id").references(() => subscribers.id, { onDelete: "cascade" }),
    state: text("state", { enum: DELIVERY_STATES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    /** Set when an attempt starts; a row left "sending" by a dead process has an unknown outcome. */
    attemptStartedAt: integer("attempt_started_at"),
    /** An earlier attempt may have reached the network: check before sending again. */
    uncertain: integer("uncertain", { mode: "boolean" }).notNull().default(false),
    lastError: text("last_error"),
    remoteId: text("remote_id"),
    remoteUrl: text("remote_url"),
    /** What a reply in the same thread needs (Bluesky: uri, cid and the thread's root). */
    remoteRef: text("remote_ref", { mode: "json" }).$type<Record<string, string>>(),
    sentAt: integer("sent_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("deliveries_update_id_target_idx").on(t.updateId, t.target),
    uniqueIndex("deliveries_component_change_id_target_idx").on(t.componentChangeId, t.target),
    index("deliveries_state_seq_idx").on(t.state, t.seq),
    index("deliveries_incident_id_target_idx").on(t.incidentId, t.target),
    index("deliveries_target_state_seq_idx").on(t.target, t.state, t.seq),
    // Plain column names: drizzle-kit would qualify interpolated ones with the rebuild's temporary table.
    check(
      "deliveries_one_subject",
      sql`(update_id IS NOT NULL AND incident_id IS NOT NULL AND component_change_id IS NULL) OR (update_id IS NULL AND incident_id IS NULL AND component_change_id IS NOT NULL)`,
    ),
  ],
);

/** Staff switch a configured network (x, mastodon, bluesky) off and on; no row: on. */
export const syndicationChannels = sqliteTable("syndication_channels", {
  name: text("name").primaryKey(),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  updatedAt: integer("updated_at").notNull(),
});

/** Only the holder of the lease sends, so two processes on one database never both send. */
export const outboxLease = sqliteTable("outbox_lease", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: integer("expires_at").notNull(),
});

/** Public subscribe attempts per client (a hash of its address) within a window. */
export const subscribeThrottle = sqliteTable("subscribe_throttle", {
  key: text("key").primaryKey(),
  count: integer("count").notNull().default(0),
  windowStartedAt: integer("window_started_at").notNull(),
});
