// Staff-side tables: accounts, sign-in throttling, API tokens and the audit log. None of them is
// public, so none bumps the data version.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ACTOR_TYPES, IMPACTS, INCIDENT_KINDS, ROLES, TOKEN_SCOPES, type ComponentStatus } from "../lib/constants";

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Stored lower-case; unique. */
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    /** argon2id; null for an account that only signs in through OpenID Connect. */
    passwordHash: text("password_hash"),
    role: text("role", { enum: ROLES }).notNull().default("editor"),
    disabledAt: integer("disabled_at"),
    /** Bumped on disable, role change, password reset and sign-out everywhere: older sessions stop working. */
    sessionVersion: integer("session_version").notNull().default(1),
    /** Base32 TOTP secret; pending until totp_enabled_at is set. */
    totpSecret: text("totp_secret"),
    totpEnabledAt: integer("totp_enabled_at"),
    /** The last accepted TOTP time step: a code is accepted once (RFC 6238 section 5.2). */
    totpLastStep: integer("totp_last_step"),
    /** The OpenID Connect provider's `sub`, bound on the first single sign-on; a different one is refused. */
    oidcSubject: text("oidc_subject"),
    lastSignInAt: integer("last_sign_in_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("users_email_idx").on(t.email), uniqueIndex("users_oidc_subject_idx").on(t.oidcSubject)],
);

export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("recovery_codes_user_id_idx").on(t.userId)],
);

/** Failed sign-ins per key ("address:<ip>", "pair:<ip>|<email>" or "global") within a window. */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: integer("window_started_at").notNull(),
  blockedUntil: integer("blocked_until"),
});

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** sha256 of the token; the token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull(),
    /** The first characters, so people can tell tokens apart. */
    prefix: text("prefix").notNull(),
    /** What the token may do; tokens made before scopes existed are admin. */
    scope: text("scope", { enum: TOKEN_SCOPES }).notNull().default("admin"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_token_hash_idx").on(t.tokenHash)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    actorType: text("actor_type", { enum: ACTOR_TYPES }).notNull(),
    actorId: text("actor_id"),
    /** Email or token name at the time, so the entry reads right after a deletion. */
    actorLabel: text("actor_label").notNull(),
    /** e.g. component.update, incident.create, user.disable */
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_entity_type_entity_id_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_id_idx").on(t.actorId),
  ],
);

/** Saved title + message (+ components and their statuses) that prefill the incident form. */
export const incidentTemplates = sqliteTable("incident_templates", {
  id: text("id").primaryKey(),
  kind: text("kind", { enum: INCIDENT_KINDS }).notNull().default("incident"),
  /** What staff pick it by, e.g. "API errors". */
  name: text("name").notNull(),
  title: text("title").notNull(),
  body: text("body").notNull().default(""),
  impact: text("impact", { enum: IMPACTS }).notNull().default("minor"),
  /** Component id -> the status to set. */
  components: text("components", { mode: "json" }).$type<Record<string, ComponentStatus>>().notNull().default({}),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** A maintenance that repeats (e.g. every first Sunday 02:00-03:00 in the page's zone). */
export const maintenanceRecurrences = sqliteTable("maintenance_recurrences", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  body: text("body").notNull().default(""),
  componentIds: text("component_ids", { mode: "json" }).$type<string[]>().notNull().default([]),
  /** weekly: every `weekday`; monthly: the `nth` (1-4, or -1 for last) `weekday` of each month. */
  frequency: text("frequency", { enum: ["weekly", "monthly"] }).notNull(),
  weekday: integer("weekday").notNull(),
  nth: integer("nth"),
  /** HH:MM in the page's time zone. */
  startTime: text("start_time").notNull(),
  durationMinutes: integer("duration_minutes").notNull(),
  remindPriorMinutes: integer("remind_prior_minutes"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  /** Occurrences exist up to here. */
  generatedUntil: integer("generated_until"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
