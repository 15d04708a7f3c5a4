// Enum values shared by the database, the domain and the views. No drizzle import here,
// so client code can use them too.

export const COMPONENT_STATUSES = [
  "operational",
  "degraded_performance",
  "partial_outage",
  "major_outage",
  "under_maintenance",
] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved", "postmortem"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "verifying", "completed"] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

export const INCIDENT_KINDS = ["incident", "maintenance"] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const IMPACTS = ["none", "minor", "major", "critical", "maintenance"] as const;
export type Impact = (typeof IMPACTS)[number];

export const INDICATORS = ["none", "minor", "major", "critical", "maintenance"] as const;
export type Indicator = (typeof INDICATORS)[number];

export const UNRESOLVED_INCIDENT_STATUSES: readonly IncidentStatus[] = ["investigating", "identified", "monitoring"];
export const ACTIVE_MAINTENANCE_STATUSES: readonly MaintenanceStatus[] = ["in_progress", "verifying"];

export const COMPONENT_STATUS_LABELS: Record<ComponentStatus, string> = {
  operational: "Operational",
  degraded_performance: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
  under_maintenance: "Under maintenance",
};

export const UPDATE_STATUS_LABELS: Record<IncidentStatus | MaintenanceStatus, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  postmortem: "Postmortem",
  scheduled: "Scheduled",
  in_progress: "In progress",
  verifying: "Verifying",
  completed: "Completed",
};

export const IMPACT_LABEL: Record<Impact, string> = {
  none: "No impact",
  minor: "Minor impact",
  major: "Major impact",
  critical: "Critical impact",
  maintenance: "Maintenance",
};

/** Days shown in the uptime bars and counted in the uptime percentage. */
export const UPTIME_DAYS = 90;
/** Statuspage-compatible list endpoints return at most this many items. */
export const LIST_LIMIT = 50;
/** Resolved incidents of this many days show under "Past incidents" on the status page. */
export const PAST_INCIDENT_DAYS = 14;

/** A logo is kept in the database as a data: URL; this keeps pages light. */
export const LOGO_MAX_BYTES = 100_000;
/** Links in the public page's footer. */
export const FOOTER_LINKS_MAX = 8;

/** admin: everything, incl. people, settings and tokens; editor: components, incidents, maintenance. */
export const ROLES = ["admin", "editor"] as const;
export type Role = (typeof ROLES)[number];

/** What an API token may do: read, write (an editor's rights), admin, or probe (one probe agent's results and assignments). */
export const TOKEN_SCOPES = ["read", "write", "admin", "probe"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
/** The scopes an admin API route can ask for, weakest first: each includes the ones before it. */
export const API_SCOPES = ["read", "write", "admin"] as const;
export type ApiScope = (typeof API_SCOPES)[number];
/** What the token form offers and says about each scope (probe tokens belong to a probe agent). */
export const TOKEN_SCOPE_LABELS: Record<ApiScope, string> = {
  read: "read: incidents, components and templates, nothing else",
  write: "write: an editor's rights (also monitors and subscribers)",
  admin: "admin: everything, incl. API tokens and the data export",
};

export const ACTOR_TYPES = ["user", "token", "system"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** What the sign-in form says for each refusal. The same words whether or not the account exists. */
export const SIGN_IN_MESSAGES = {
  invalid: "That email and password do not match an account.",
  code_required: "Enter the 6-digit code from your authenticator app, or a recovery code.",
  code_invalid: "That code is not right. Codes change every 30 seconds; try the newest one.",
  disabled: "This account is disabled. Ask an admin to re-enable it.",
  throttled: "Too many failed sign-ins. Wait a few minutes, then try again.",
  unavailable: "Sign-in is not available right now. Try again in a moment.",
  sso_expired: "That single sign-on has expired. Sign in with your provider again.",
} as const;
export type SignInRefusal = keyof typeof SIGN_IN_MESSAGES;

/** A monitor's verdict. unknown: no verdict yet (fewer checks than the thresholds need). */
/** "regional": down from some of its locations but not a quorum (staff see it; the public status does not change). */
export const MONITOR_HEALTHS = ["unknown", "up", "degraded", "regional", "down"] as const;
export type MonitorHealth = (typeof MONITOR_HEALTHS)[number];

/** The shortest interval between a monitor's checks (and a heartbeat's shortest period). */
export const MIN_INTERVAL_SECONDS = 15;
