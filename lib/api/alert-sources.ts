// Alert sources over the admin API, in the same style as monitors: an `alert_source` or
// `alert_rule` wrapper, snake_case fields, problem+json on bad input. Reading needs a read token,
// but the ingest URL (its token lets anyone deliver alerts) is shown to write and admin tokens
// only; the signing secret is never shown, only whether one is set.
import { z } from "zod";
import { getComponent, findComponentBySlug } from "@/db/queries/components";
import { countFiringBySource, type AlertSourceRow } from "@/db/queries/alerts";
import { ALERT_KINDS } from "../alerts/registry";
import {
  createAlertRule,
  createAlertSource,
  deleteAlertRule,
  deleteAlertSource,
  mustSource,
  rotateAlertSourceToken,
  updateAlertRule,
  updateAlertSource,
} from "../alerts/sources";
import {
  alertSourcesView,
  sourceAlertsView,
  sourceDeliveriesView,
  sourceRulesView,
  sourceWithUrl,
  unmappedAlertsView,
  type AlertDeliveryView,
  type AlertRuleView,
  type AlertSourceSummary,
  type AlertView,
} from "../alerts/view";
import { COMPONENT_STATUSES } from "../constants";
import { AppError } from "../errors";
import { isoTime } from "../time";
import { scopeAllows } from "../tokens";
import { pathParam, type ApiContext, type FieldNames } from "./route";
import { formBoolean, formInteger, text } from "./schemas";

export const SOURCE_FIELDS: FieldNames = { wrapper: "alert_source" };
export const RULE_FIELDS: FieldNames = { wrapper: "alert_rule" };

const iso = z.string().describe("ISO 8601 time");
const OUTAGES = COMPONENT_STATUSES.filter((s) => s !== "operational" && s !== "under_maintenance");
const outage = z.enum(OUTAGES as [string, ...string[]], { error: `Use one of: ${OUTAGES.join(", ")}` });
const componentRef = z.string().trim().max(64);

// ---- request bodies

const sourceFields = {
  name: text(80, "Give the source a name, e.g. Production Alertmanager"),
  kind: z
    .enum(ALERT_KINDS, { error: `Use one of: ${ALERT_KINDS.join(", ")}` })
    .describe(`What sends the alerts: ${ALERT_KINDS.join(", ")}.`),
  signing_secret: text(200)
    .nullable()
    .optional()
    .describe(
      'A secret every delivery must then prove: for PagerDuty, the webhook subscription\'s signing secret (X-PagerDuty-Signature); for the other kinds, a secret the tool sends as "Authorization: Bearer <secret>" or as the Basic authentication password. Never shown back; null or "" removes it.',
    ),
  default_component_id: componentRef
    .nullable()
    .optional()
    .describe(
      "Where alerts that match no rule go (id or slug); null keeps them unmapped for staff. Needs default_status.",
    ),
  default_status: outage
    .nullable()
    .optional()
    .describe("The status the default stands for; needs default_component_id."),
  auto_publish: formBoolean()
    .optional()
    .describe("Publish the draft incident once an alert is confirmed (firing for its rule's time), from template_id."),
  template_id: z.string().trim().max(64).nullable().optional().describe("The incident template auto-publish uses."),
  paused: formBoolean().optional().describe("A paused source records deliveries and changes nothing."),
};
export const sourceCreateBody = z.object({ alert_source: z.object(sourceFields) });
export const sourceUpdateBody = z.object({ alert_source: z.object(sourceFields).partial() });
type SourceCreateBody = z.output<typeof sourceCreateBody>;
type SourceUpdateBody = z.output<typeof sourceUpdateBody>;

const ruleFields = {
  matchers: z
    .string()
    .max(1000, "At most 1,000 characters")
    .optional()
    .describe(
      'Alertmanager-style matchers, comma-separated: service="payments", severity=~"crit.*" (=, !=, =~, !~). Empty matches every alert.',
    ),
  component_id: componentRef
    .min(1, "Choose a component")
    .describe("The component a matching alert concerns (id or slug)."),
  status: outage.describe("The status a matching alert stands for."),
  sets_status: formBoolean()
    .optional()
    .describe(
      "Trusted: a confirmed alert sets the component's status, and its resolution restores it (default false: a draft only).",
    ),
  for_seconds: formInteger(z.number().int("Whole seconds").min(0, "0 or more").max(3600, "At most 3,600 seconds"))
    .optional()
    .describe("Anti-flap: how long an alert must keep firing before it counts (default 0)."),
  position: formInteger(z.number().int().min(0).max(10_000))
    .optional()
    .describe("Rules are tried in position order, the first match wins (default: after the last)."),
};
export const ruleCreateBody = z.object({ alert_rule: z.object(ruleFields) });
export const ruleUpdateBody = z.object({ alert_rule: z.object(ruleFields).partial() });
type RuleCreateBody = z.output<typeof ruleCreateBody>;
type RuleUpdateBody = z.output<typeof ruleUpdateBody>;

// ---- responses

export const alertSourceOut = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ALERT_KINDS),
  kind_label: z.string(),
  signed: z.boolean().describe("Whether a secret is set (the secret itself is never shown)."),
  default_component_id: z.string().nullable(),
  default_status: z.string().nullable(),
  auto_publish: z.boolean(),
  template_id: z.string().nullable(),
  paused: z.boolean(),
  firing_alerts: z.number().int(),
  unmapped_alerts: z.number().int().describe("Firing alerts no rule maps, waiting for staff."),
  created_at: iso,
  updated_at: iso,
  last_delivery_at: iso.nullable(),
  ingest_url: z
    .string()
    .optional()
    .describe("The secret address the tool posts to. Only write and admin tokens see it."),
});

export const alertRuleOut = z.strictObject({
  id: z.string(),
  source_id: z.string(),
  position: z.number().int(),
  matchers: z.string(),
  component_id: z.string(),
  component_name: z.string().nullable(),
  status: z.string(),
  sets_status: z.boolean(),
  for_seconds: z.number().int(),
  created_at: iso,
});

export const alertOut = z.strictObject({
  id: z.string(),
  source_id: z.string(),
  fingerprint: z.string().describe("The source's own identity for the alert."),
  state: z.enum(["firing", "resolved"]),
  summary: z.string(),
  url: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  started_at: iso.nullable(),
  at: iso.describe("The source's time of the state held."),
  rule_id: z.string().nullable(),
  component_id: z.string().nullable().describe("Null: no rule mapped it."),
  component_name: z.string().nullable(),
  status: z.string().nullable(),
  sets_status: z.boolean(),
  for_seconds: z.number().int(),
  firing_since: iso.nullable(),
  confirmed_at: iso.nullable(),
  muted: z.boolean().describe("Fired during a maintenance of its component: recorded, changes nothing."),
  draft_id: z.string().nullable(),
  received_at: iso,
  updated_at: iso,
  last_seen_at: iso,
  repeats: z.number().int().describe("Deliveries that repeated what was already held."),
});

export const unmappedAlertOut = z.strictObject({
  ...alertOut.shape,
  source_name: z.string(),
  suggested_matchers: z.string().describe("A rule to start from: the alert's most telling labels."),
});

export const deliveryOut = z.strictObject({
  id: z.number().int(),
  received_at: iso,
  http_status: z.number().int().describe("What Outpost answered: 202, or 400 / 401 when refused."),
  alert_count: z.number().int(),
  effects: z.array(
    z.strictObject({
      fingerprint: z.string(),
      summary: z.string(),
      state: z.enum(["firing", "resolved"]),
      rule: z.string().nullable(),
      effect: z.string(),
    }),
  ),
  error: z.string().nullable(),
});

// ---- serializers

type Counts = { firing: number; unmapped: number };

function sourceJson(ctx: ApiContext, s: AlertSourceSummary & Counts & { ingestUrl?: string }) {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    kind_label: s.kindLabel,
    signed: s.signed,
    default_component_id: s.defaultComponentId,
    default_status: s.defaultStatus,
    auto_publish: s.autoPublish,
    template_id: s.templateId,
    paused: s.paused,
    firing_alerts: s.firing,
    unmapped_alerts: s.unmapped,
    created_at: isoTime(s.createdAt),
    updated_at: isoTime(s.updatedAt),
    last_delivery_at: isoTime(s.lastDeliveryAt),
    // Whoever holds the URL can deliver alerts, which an editor may do but a reader may not.
    ...(s.ingestUrl !== undefined && scopeAllows(ctx.scope, "write") ? { ingest_url: s.ingestUrl } : {}),
  };
}

/** One source as stored now (or as it was, for a delete), with its counts and its ingest URL. */
function oneSource(ctx: ApiContext, row: AlertSourceRow) {
  const counts = countFiringBySource(ctx.db).get(row.id) ?? { firing: 0, unmapped: 0 };
  return sourceJson(ctx, { ...sourceWithUrl(row, ctx.publicUrl), ...counts });
}

function ruleJson(r: AlertRuleView) {
  return {
    id: r.id,
    source_id: r.sourceId,
    position: r.position,
    matchers: r.matchers,
    component_id: r.componentId,
    component_name: r.componentName,
    status: r.status,
    sets_status: r.setsStatus,
    for_seconds: r.forSeconds,
    created_at: isoTime(r.createdAt),
  };
}

function alertJson(a: AlertView) {
  return {
    id: a.id,
    source_id: a.sourceId,
    fingerprint: a.fingerprint,
    state: a.state,
    summary: a.summary,
    url: a.url,
    labels: a.labels,
    started_at: isoTime(a.startedAt),
    at: isoTime(a.at),
    rule_id: a.ruleId,
    component_id: a.componentId,
    component_name: a.componentName,
    status: a.status,
    sets_status: a.setsStatus,
    for_seconds: a.forSeconds,
    firing_since: isoTime(a.firingSince),
    confirmed_at: isoTime(a.confirmedAt),
    muted: a.muted,
    draft_id: a.draftId,
    received_at: isoTime(a.receivedAt),
    updated_at: isoTime(a.updatedAt),
    last_seen_at: isoTime(a.lastSeenAt),
    repeats: a.repeats,
  };
}

function deliveryJson(d: AlertDeliveryView) {
  return {
    id: d.id,
    received_at: isoTime(d.receivedAt),
    http_status: d.httpStatus,
    alert_count: d.alertCount,
    effects: d.effects,
    error: d.error,
  };
}

// ---- input

/** A component given by id or slug, as its id; an unknown one is left for the verb to refuse beside its field. */
function componentId(ctx: ApiContext, ref: string | null | undefined): string | null | undefined {
  if (!ref) return ref;
  return (getComponent(ctx.db, ref) ?? findComponentBySlug(ctx.db, ctx.page.id, ref))?.id ?? ref;
}

function sourceInput(ctx: ApiContext, f: SourceUpdateBody["alert_source"]) {
  const input = {
    name: f.name,
    kind: f.kind,
    signingSecret: f.signing_secret,
    defaultComponentId: componentId(ctx, f.default_component_id),
    defaultStatus: f.default_status,
    autoPublish: f.auto_publish,
    templateId: f.template_id,
    paused: f.paused,
  };
  // Left out means "keep" on an update and "the default" on a create; the verbs read undefined so.
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

function ruleInput(ctx: ApiContext, f: RuleUpdateBody["alert_rule"]) {
  const input = {
    matchers: f.matchers,
    componentId: componentId(ctx, f.component_id) ?? undefined,
    status: f.status,
    setsStatus: f.sets_status,
    forSeconds: f.for_seconds,
    position: f.position,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

const sourceId = (ctx: ApiContext) => pathParam(ctx, "alert_source_id");
/** The source the path names (404 when there is none), for the routes below it. */
const pathSource = (ctx: ApiContext) => mustSource(ctx.db, sourceId(ctx));

// ---- handlers: sources

export function listSources(ctx: ApiContext) {
  return alertSourcesView(ctx.db).map((s) => sourceJson(ctx, s));
}

export function showSource(ctx: ApiContext) {
  return oneSource(ctx, pathSource(ctx));
}

export function postSource(ctx: ApiContext<SourceCreateBody>) {
  const f = ctx.body.alert_source;
  const row = createAlertSource(ctx.db, ctx.actor, { ...sourceInput(ctx, f), name: f.name, kind: f.kind }, ctx.now);
  return oneSource(ctx, row);
}

export function patchSource(ctx: ApiContext<SourceUpdateBody>) {
  const row = updateAlertSource(ctx.db, ctx.actor, sourceId(ctx), sourceInput(ctx, ctx.body.alert_source), ctx.now);
  return oneSource(ctx, row);
}

export function removeSource(ctx: ApiContext) {
  const before = oneSource(ctx, pathSource(ctx));
  deleteAlertSource(ctx.db, ctx.actor, before.id, ctx.now);
  return before;
}

export function rotateToken(ctx: ApiContext) {
  return oneSource(ctx, rotateAlertSourceToken(ctx.db, ctx.actor, sourceId(ctx), ctx.now));
}

// ---- handlers: rules, alerts, deliveries

export function listSourceRules(ctx: ApiContext) {
  return sourceRulesView(ctx.db, pathSource(ctx).id).map(ruleJson);
}

/** A rule as staff see it (with its component's name). */
function oneRule(ctx: ApiContext, id: string) {
  const rule = sourceRulesView(ctx.db, pathSource(ctx).id).find((r) => r.id === id);
  if (!rule) throw new AppError("not_found", `This source has no rule with the id ${id}`);
  return ruleJson(rule);
}

export function postRule(ctx: ApiContext<RuleCreateBody>) {
  const f = ctx.body.alert_rule;
  const row = createAlertRule(
    ctx.db,
    ctx.actor,
    sourceId(ctx),
    { ...ruleInput(ctx, f), componentId: componentId(ctx, f.component_id)!, status: f.status },
    ctx.now,
  );
  return oneRule(ctx, row.id);
}

export function patchRule(ctx: ApiContext<RuleUpdateBody>) {
  const row = updateAlertRule(
    ctx.db,
    ctx.actor,
    sourceId(ctx),
    pathParam(ctx, "rule_id"),
    ruleInput(ctx, ctx.body.alert_rule),
    ctx.now,
  );
  return oneRule(ctx, row.id);
}

export function removeRule(ctx: ApiContext) {
  const before = oneRule(ctx, pathParam(ctx, "rule_id"));
  deleteAlertRule(ctx.db, ctx.actor, sourceId(ctx), before.id, ctx.now);
  return before;
}

export function listSourceAlerts(ctx: ApiContext) {
  return sourceAlertsView(ctx.db, pathSource(ctx).id).map(alertJson);
}

export function listSourceDeliveries(ctx: ApiContext) {
  return sourceDeliveriesView(ctx.db, pathSource(ctx).id).map(deliveryJson);
}

export function listUnmapped(ctx: ApiContext) {
  return unmappedAlertsView(ctx.db).map((a) => ({
    ...alertJson(a),
    source_name: a.sourceName,
    suggested_matchers: a.suggestedMatchers,
  }));
}
