// The admin API's request bodies, exactly as Statuspage's manage API takes them, and the shapes of
// its responses (for the OpenAPI document, and for tests that hold the serializers to them).
// Keys Statuspage accepts but Outpost does not use are declared as ignored, never refused; keys
// nobody declared are dropped (z.object strips them), so real integrations keep working.
import { z } from "zod";
import { COMPONENT_STATUSES, IMPACTS, INCIDENT_STATUSES, MAINTENANCE_STATUSES, TOKEN_SCOPES } from "../constants";

/**
 * A form body (form.ts) sends every value as text. These take "true"/"false" as booleans and
 * decimal digits as a number, and leave anything else for the schema to refuse; JSON values pass
 * through as they are.
 */
const fromFormBoolean = (v: unknown) => (v === "true" ? true : v === "false" ? false : v);
const fromFormNumber = (v: unknown) => (typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v) : v);
export const formBoolean = () => z.preprocess(fromFormBoolean, z.boolean());
export const formInteger = (n: z.ZodNumber = z.number().int()) => z.preprocess(fromFormNumber, n);

/**
 * Text as the verbs take it: trimmed, then held to their limits, declared here so that the OpenAPI
 * document states them (the verbs check the same again).
 */
export function text(max: number, required?: string) {
  const trimmed = z.string().trim();
  return (required ? trimmed.min(1, required) : trimmed).max(max, `At most ${max.toLocaleString("en")} characters`);
}
/** The longest message of an update, and of a template's first message. */
const MESSAGE_MAX = 20_000;

const ignored = (what: string) =>
  z.unknown().optional().describe(`Accepted for Statuspage compatibility; Outpost ignores ${what}.`);
const time = z.iso.datetime({
  offset: true,
  error: "Use an ISO 8601 time with an offset, such as 2026-05-07T03:00:00Z",
});
const componentStatus = z.enum(COMPONENT_STATUSES, { error: `Use one of: ${COMPONENT_STATUSES.join(", ")}` });
const incidentStatus = z.enum([...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES], {
  error: `Use one of: ${[...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES].join(", ")}`,
});
const incidentImpact = z.enum(["none", "minor", "major", "critical"], {
  error: "Use one of: none, minor, major, critical",
});

const incidentFields = {
  name: text(200, "Give the incident a title").describe("The title."),
  status: incidentStatus
    .optional()
    .describe(
      "An incident: investigating, identified, monitoring, resolved, postmortem. A maintenance: scheduled, in_progress, verifying, completed.",
    ),
  impact_override: incidentImpact
    .nullable()
    .optional()
    .describe(
      "The impact; left out, it follows the worst component status set (degraded: minor, partial outage: major, major outage: critical).",
    ),
  body: text(MESSAGE_MAX).nullable().optional().describe("The message of the update this request posts."),
  component_ids: z.array(z.string()).nullable().optional().describe("The components the incident concerns."),
  components: z
    .record(z.string(), componentStatus)
    .nullable()
    .optional()
    .describe("New statuses by component id; recorded on the update as affected_components."),
  deliver_notifications: formBoolean()
    .optional()
    .describe("Whether subscribers hear about this update (default true)."),
  scheduled_for: time.nullable().optional().describe("Makes it a maintenance: the window's start."),
  scheduled_until: time.nullable().optional().describe("The maintenance window's end."),
  scheduled_remind_prior: formBoolean()
    .optional()
    .describe("Post a reminder update 60 minutes before the window starts."),
  scheduled_auto_in_progress: formBoolean()
    .optional()
    .describe("Start the maintenance by itself at scheduled_for (default true)."),
  scheduled_auto_completed: formBoolean()
    .optional()
    .describe("Complete the maintenance by itself at scheduled_until (default true)."),
  auto_transition_to_maintenance_state: ignored("it"),
  auto_transition_to_operational_state: ignored("it"),
  auto_transition_deliver_notifications_at_start: ignored("it"),
  auto_transition_deliver_notifications_at_end: ignored("it"),
  auto_tweet_at_beginning: ignored("it"),
  auto_tweet_on_completion: ignored("it"),
  auto_tweet_on_creation: ignored("it"),
  auto_tweet_one_hour_before: ignored("it"),
  reminder_intervals: ignored("it"),
  backfilled: formBoolean()
    .optional()
    .describe("Records a past incident: created resolved, starting on backfill_date."),
  backfill_date: z
    .string()
    .refine(
      (v) => z.iso.date().safeParse(v).success || time.safeParse(v).success,
      "Use a date like 2026-01-31 or an ISO 8601 time",
    )
    .optional()
    .describe("When a backfilled incident happened (YYYY-MM-DD in the page's time zone, or a time)."),
  metadata: ignored("metadata"),
  template_id: ignored("templates"),
};

export const incidentCreateBody = z.object({ incident: z.object(incidentFields) });
export const incidentUpdateBody = z.object({ incident: z.object(incidentFields).partial() });
export type IncidentCreateBody = z.output<typeof incidentCreateBody>;
export type IncidentUpdateBody = z.output<typeof incidentUpdateBody>;

/** Statuspage's edit of a published update: PATCH incidents/{id}/incident_updates/{update id}. */
export const incidentUpdateEditBody = z.object({
  incident_update: z.object({
    body: text(MESSAGE_MAX, "Write the message")
      .optional()
      .describe("The corrected message; the public page marks the update as edited."),
    display_at: time.optional().describe("The time the update shows (not in the future); marks it as edited."),
    deliver_notifications: formBoolean()
      .optional()
      .describe("Stored on the update; an edit never sends notifications again."),
    custom_tweet: text(280)
      .nullable()
      .optional()
      .describe("The text posted to X instead of the body; null removes it."),
    wants_twitter_update: ignored("it (an edit is never posted again)"),
    twitter_updated_at: ignored("it"),
  }),
});
export type IncidentUpdateEditBody = z.output<typeof incidentUpdateEditBody>;

const componentFields = {
  name: text(100, "Give it a name"),
  description: text(1000).nullable().optional(),
  status: componentStatus.optional(),
  group_id: z
    .string()
    .nullable()
    .optional()
    .describe("The component group it belongs to; null takes it out of its group."),
  showcase: formBoolean().optional().describe("Show its uptime bars on the page."),
  only_show_if_degraded: formBoolean().optional(),
  start_date: z.iso
    .date({ error: "Use a date like 2026-01-31" })
    .nullable()
    .optional()
    .describe("Uptime is counted from this day."),
  automation_email: ignored("e-mail automation"),
  outpost_browser_probe_url: text(500)
    .nullable()
    .optional()
    .describe(
      'Outpost only: an http(s) URL of the service that visitors\' browsers fetch to tell "is it just me?" (allows CORS or is an image). null removes it.',
    ),
};
export const componentCreateBody = z.object({ component: z.object(componentFields) });
export const componentUpdateBody = z.object({ component: z.object(componentFields).partial() });
export type ComponentCreateBody = z.output<typeof componentCreateBody>;
export type ComponentUpdateBody = z.output<typeof componentUpdateBody>;

const groupFields = {
  name: text(100, "Give it a name"),
  description: text(1000).nullable().optional(),
  components: z.array(z.string()).optional().describe("The group holds exactly these component ids afterwards."),
};
export const groupCreateBody = z.object({ component_group: z.object(groupFields) });
export const groupUpdateBody = z.object({ component_group: z.object(groupFields).partial() });
export type GroupCreateBody = z.output<typeof groupCreateBody>;
export type GroupUpdateBody = z.output<typeof groupUpdateBody>;

export const pageOut = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  time_zone: z.string(),
  default_locale: z.string().describe("The locale / serves: en, de, fr, es, ja or ar."),
  locales: z.array(z.string()).describe("The offered locales, the default among them (/de/, /ja/, ...)."),
  update_cadence_minutes: z.number(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
});

export const pageUpdateBody = z.object({
  page: z.object({
    name: z.string().optional(),
    time_zone: z.string().optional().describe("IANA zone, e.g. Europe/Berlin."),
    default_locale: z.string().optional().describe("en, de, fr, es, ja or ar; must be among the offered locales."),
    locales: z.array(z.string()).optional().describe("The offered locales (at least one)."),
    update_cadence_minutes: z.number().optional(),
  }),
});
export type PageUpdateBody = z.output<typeof pageUpdateBody>;

export const tokenCreateBody = z.object({
  api_token: z.object({
    name: text(100, "Name the token after what uses it").describe('What uses the token, e.g. "deploy script".'),
    scope: z
      .string()
      .default("read")
      .describe(
        "read (get incidents, components, groups, templates), write (an editor's rights, incl. monitors and subscribers) or admin (everything, incl. tokens and the export). Default read: give a token no more than it needs.",
      ),
  }),
});
export type TokenCreateBody = z.output<typeof tokenCreateBody>;

/** Statuspage's paging: `page` from 1, `limit` (alias `per_page`) up to 100, `q` a text search. */
export const listQuery = z.object({
  q: z.string().trim().max(200).optional().describe("Text in the name, status, postmortem or any update."),
  limit: z.coerce.number().int().min(1).max(100).optional().describe("At most this many (default and maximum 100)."),
  per_page: z.coerce.number().int().min(1).max(100).optional().describe("Old name of limit."),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).describe("Page of results, from 1."),
});
export type ListQuery = z.output<typeof listQuery>;

// ---- responses ---------------------------------------------------------------------------

const iso = z.string().describe("ISO 8601 time");
const component = {
  id: z.string(),
  name: z.string(),
  status: componentStatus,
  created_at: iso,
  updated_at: iso,
  position: z.number().int(),
  description: z.string().nullable(),
  showcase: z.boolean(),
  start_date: z.string().nullable(),
  group_id: z.string().nullable(),
  page_id: z.string(),
  group: z.boolean(),
  only_show_if_degraded: z.boolean(),
};
export const componentOut = z.strictObject(component);
/** A group as it appears in the component list (Statuspage lists groups among components). */
export const groupRowOut = z.strictObject({ ...component, components: z.array(z.string()) });

export const incidentUpdateOut = z.strictObject({
  id: z.string(),
  status: incidentStatus,
  body: z.string(),
  incident_id: z.string(),
  created_at: iso,
  updated_at: iso,
  display_at: iso,
  affected_components: z
    .array(
      z.strictObject({ code: z.string(), name: z.string(), old_status: componentStatus, new_status: componentStatus }),
    )
    .nullable(),
  deliver_notifications: z.boolean(),
  custom_tweet: z.string().nullable(),
  tweet_id: z.string().nullable(),
});

export const incidentOut = z.strictObject({
  id: z.string(),
  name: z.string(),
  status: incidentStatus,
  created_at: iso,
  updated_at: iso,
  monitoring_at: iso.nullable(),
  resolved_at: iso.nullable(),
  impact: z.enum(IMPACTS),
  impact_override: z.enum(IMPACTS).nullable(),
  shortlink: z.string(),
  started_at: iso,
  page_id: z.string(),
  incident_updates: z.array(incidentUpdateOut).describe("Newest first."),
  components: z.array(componentOut),
  postmortem_body: z.string().nullable(),
  postmortem_body_last_updated_at: iso.nullable(),
  postmortem_published_at: iso.nullable(),
  scheduled_for: iso.nullable(),
  scheduled_until: iso.nullable(),
  scheduled_remind_prior: z.boolean(),
  scheduled_reminded_at: iso.nullable(),
  scheduled_auto_in_progress: z.boolean(),
  scheduled_auto_completed: z.boolean(),
  metadata: z.record(z.string(), z.unknown()),
});

export const groupOut = z.strictObject({
  id: z.string(),
  page_id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  components: z.array(z.string()),
  position: z.number().int(),
  created_at: iso,
  updated_at: iso,
});

export const tokenOut = z.strictObject({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe("The token's first characters, to tell tokens apart."),
  scope: z
    .enum(TOKEN_SCOPES)
    .describe("What the token may do: read, write, admin (or probe: one probe agent's own routes)."),
  created_at: iso,
  last_used_at: iso.nullable(),
  revoked_at: iso.nullable(),
});
export const tokenCreatedOut = z.strictObject({
  ...tokenOut.shape,
  token: z.string().describe("The secret. Shown only in this response."),
});

export const subscriberCreateBody = z.object({
  subscriber: z
    .object({
      email: text(254).optional().describe("An email address (with skip_confirmation_notification: true)."),
      endpoint: z.string().optional().describe("A webhook URL (http or https)."),
      type: z
        .enum(["webhook", "slack", "discord", "teams"])
        .optional()
        .describe("What the endpoint is; default webhook."),
      component_ids: z
        .array(z.string().max(40))
        .max(200)
        .optional()
        .describe("Only incidents concerning these components; none: everything."),
      skip_confirmation_notification: formBoolean()
        .optional()
        .describe("Add an email address as confirmed, without a confirmation mail."),
    })
    .refine((v) => !!v.email !== !!v.endpoint, { message: "Give either email or endpoint", path: ["email"] }),
});
export type SubscriberCreateBody = z.output<typeof subscriberCreateBody>;

export const subscriberOut = z.strictObject({
  id: z.string(),
  mode: z.enum(["email", "webhook", "slack", "discord", "teams"]),
  email: z.string().nullable(),
  endpoint: z.string().nullable(),
  component_ids: z.array(z.string()),
  confirmed_at: iso.nullable(),
  created_at: iso,
  updated_at: iso,
});
export const subscriberCreatedOut = z.strictObject({
  ...subscriberOut.shape,
  secret: z.string().nullable().describe("A webhook's signing secret. Shown only in this response."),
});

export const problemOut = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), pointer: z.string(), detail: z.string() })).optional(),
});

// ---- Outpost's own resources beside Statuspage's: templates and postmortems

const templateFields = {
  name: text(100, "Name the template").describe('What staff pick it by, e.g. "API errors".'),
  title: text(200, "Give the incident a title").describe("The incident title it prefills."),
  body: text(MESSAGE_MAX).optional().describe("The first message it prefills (markdown)."),
  kind: z
    .enum(["incident", "maintenance"], { error: "Use incident or maintenance" })
    .optional()
    .describe("incident (default) or maintenance."),
  impact: incidentImpact.optional().describe("The impact it prefills (default minor)."),
  components: z.record(z.string(), componentStatus).optional().describe("Component id → the status it prefills."),
  component_ids: z
    .array(z.string())
    .optional()
    .describe("Components it marks; each gets major_outage unless `components` says otherwise."),
};
export const templateCreateBody = z.object({ template: z.object(templateFields) });
export type TemplateCreateBody = z.output<typeof templateCreateBody>;
export const templateUpdateBody = z.object({ template: z.object(templateFields).partial() });
export type TemplateUpdateBody = z.output<typeof templateUpdateBody>;

export const templateOut = z.strictObject({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  body: z.string(),
  kind: z.enum(["incident", "maintenance"]),
  impact: z.string(),
  components: z.record(z.string(), z.string()),
  component_ids: z.array(z.string()),
  created_at: iso,
  updated_at: iso,
});

/** Statuspage's postmortem draft: PUT incidents/{id}/postmortem. */
export const postmortemBody = z.object({
  postmortem: z.object({
    body_draft: text(100_000, "Write the postmortem").describe("The postmortem (markdown); private until published."),
  }),
});
export type PostmortemBody = z.output<typeof postmortemBody>;

/** All data as one document (lib/data-transfer.ts); import it with `npm run data:import`. */
export const dataExportOut = z.strictObject({
  format: z.literal("outpost-export"),
  version: z.literal(1),
  exported_at: iso,
  schema: z.number().int().describe("How many schema migrations the exporting instance had applied."),
  tables: z
    .record(z.string(), z.array(z.record(z.string(), z.unknown())))
    .describe("Every table's rows, as stored, without secrets."),
  omitted: z
    .array(z.string())
    .describe(
      "What this export leaves out because it is a secret (TOTP keys, webhook signing keys, chat webhook URLs); `npm run data:export` on the server keeps them.",
    ),
});
