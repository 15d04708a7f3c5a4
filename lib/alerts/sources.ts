// Staff verbs on alert sources and their rules (editors and admins, as for monitors): each write
// is one transaction with its audit row. A source's secret ingest token is made here and can be
// replaced (the old address stops at once); the PagerDuty signing secret is never shown back.
import crypto from "node:crypto";
import { z } from "zod";
import { inTransaction, type Db } from "@/db/client";
import {
  deleteRuleRow,
  deleteSourceRow,
  findSourceByName,
  getRule,
  getSource,
  insertRule,
  insertSource,
  listRules,
  listSources,
  updateRuleRow,
  updateSourceRow,
  type AlertRuleRow,
  type AlertSourceRow,
} from "@/db/queries/alerts";
import { getComponent } from "@/db/queries/components";
import { getTemplate } from "@/db/queries/templates";
import { recordAudit, type Actor } from "../audit";
import { COMPONENT_STATUSES } from "../constants";
import { AppError } from "../errors";
import { newId } from "../ids";
import { parse } from "../validation";
import { remapUnmapped } from "./ingest";
import { formatMatchers, MatcherError, parseMatchers } from "./matchers";
import { ALERT_KINDS } from "./registry";

const nameField = z
  .string({ error: "Give the source a name, e.g. Production Alertmanager" })
  .trim()
  .min(1, "Give the source a name, e.g. Production Alertmanager")
  .max(80, "At most 80 characters");
const optionalId = z
  .string()
  .trim()
  .max(64)
  .transform((v) => v || null)
  .nullable();
const outageStatus = z.enum(
  COMPONENT_STATUSES.filter((s) => s !== "operational" && s !== "under_maintenance") as [string, ...string[]],
  {
    error: "Choose degraded performance, partial outage or major outage",
  },
);

const sourceFields = {
  name: nameField,
  kind: z.enum(ALERT_KINDS, { error: `Choose one of: ${ALERT_KINDS.join(", ")}` }),
  /** Empty string or null removes it; undefined (on an update) keeps it. */
  signingSecret: z
    .string()
    .trim()
    .max(200, "At most 200 characters")
    .transform((v) => v || null)
    .nullable(),
  defaultComponentId: optionalId,
  defaultStatus: outageStatus.nullable().or(z.literal("").transform(() => null)),
  autoPublish: z.boolean(),
  templateId: optionalId,
  paused: z.boolean(),
};

export const alertSourceInput = z.object({
  ...sourceFields,
  signingSecret: sourceFields.signingSecret.default(null),
  defaultComponentId: sourceFields.defaultComponentId.default(null),
  defaultStatus: sourceFields.defaultStatus.default(null),
  autoPublish: sourceFields.autoPublish.default(false),
  templateId: sourceFields.templateId.default(null),
  paused: sourceFields.paused.default(false),
});
export const alertSourcePatch = z.object(sourceFields).partial();
export type AlertSourceInput = z.input<typeof alertSourceInput>;
export type AlertSourcePatch = z.input<typeof alertSourcePatch>;

const matchersField = z
  .string()
  .max(1000, "At most 1,000 characters")
  .transform((text, ctx) => {
    try {
      return formatMatchers(parseMatchers(text));
    } catch (err) {
      ctx.addIssue({ code: "custom", message: err instanceof MatcherError ? err.message : "Unreadable matchers" });
      return z.NEVER;
    }
  });

const ruleFields = {
  matchers: matchersField,
  componentId: z.string({ error: "Choose a component" }).trim().min(1, "Choose a component").max(64),
  status: outageStatus,
  setsStatus: z.boolean(),
  forSeconds: z.coerce
    .number({ error: "A whole number of seconds" })
    .int("A whole number of seconds")
    .min(0, "0 or more")
    .max(3600, "At most 3,600 seconds (an hour)"),
  position: z.coerce.number().int().min(0).max(10_000),
};
export const alertRuleInput = z.object({
  ...ruleFields,
  matchers: ruleFields.matchers.default(""),
  setsStatus: ruleFields.setsStatus.default(false),
  forSeconds: ruleFields.forSeconds.default(0),
  position: ruleFields.position.optional(),
});
export const alertRulePatch = z.object(ruleFields).partial();
export type AlertRuleInput = z.input<typeof alertRuleInput>;
export type AlertRulePatch = z.input<typeof alertRulePatch>;

function newIngestToken(): string {
  return crypto.randomBytes(24).toString("base64url");
}

export function mustSource(db: Db, id: string): AlertSourceRow {
  const source = getSource(db, id);
  if (!source) throw new AppError("not_found", `No alert source has the id ${id}`);
  return source;
}

function mustRule(db: Db, sourceId: string, id: string): AlertRuleRow {
  const rule = getRule(db, id);
  if (!rule || rule.sourceId !== sourceId) throw new AppError("not_found", `This source has no rule with the id ${id}`);
  return rule;
}

function mustComponentField(db: Db, id: string | null | undefined, field: string): void {
  if (id && !getComponent(db, id))
    throw new AppError("validation", "No such component", { [field]: ["no such component"] });
}

/** What the audit log and the API show of a source: the token and the signing secret never appear. */
export function publicSource(s: AlertSourceRow) {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    signed: s.signingSecret !== null,
    defaultComponentId: s.defaultComponentId,
    defaultStatus: s.defaultStatus,
    autoPublish: s.autoPublish,
    templateId: s.templateId,
    paused: s.paused,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    lastDeliveryAt: s.lastDeliveryAt,
  };
}

function checkSource(
  db: Db,
  input: {
    kind?: string;
    defaultComponentId?: string | null;
    defaultStatus?: string | null;
    templateId?: string | null;
  },
  merged: { kind: AlertSourceRow["kind"]; defaultComponentId: string | null; defaultStatus: string | null },
): void {
  mustComponentField(db, input.defaultComponentId, "defaultComponentId");
  if (input.templateId && !getTemplate(db, input.templateId))
    throw new AppError("validation", "No such template", { templateId: ["no such template"] });
  if ((merged.defaultComponentId === null) !== (merged.defaultStatus === null))
    throw new AppError("validation", "A default needs both a component and a status (or neither)", {
      [merged.defaultComponentId === null ? "defaultComponentId" : "defaultStatus"]: ["needed with the other default"],
    });
}

export function createAlertSource(db: Db, actor: Actor, raw: AlertSourceInput, now = Date.now()): AlertSourceRow {
  const input = parse(alertSourceInput, raw);
  return inTransaction(db, () => {
    if (findSourceByName(db, input.name))
      throw new AppError("conflict", `An alert source is already named ${input.name}`, { name: ["already taken"] });
    checkSource(db, input, input);
    const row = insertSource(db, {
      id: newId(),
      ...input,
      defaultStatus: input.defaultStatus as AlertSourceRow["defaultStatus"],
      token: newIngestToken(),
      createdAt: now,
      updatedAt: now,
    });
    recordAudit(
      db,
      actor,
      "alert_source.create",
      { type: "alert_source", id: row.id },
      undefined,
      publicSource(row),
      now,
    );
    return row;
  });
}

export function updateAlertSource(
  db: Db,
  actor: Actor,
  id: string,
  raw: AlertSourcePatch,
  now = Date.now(),
): AlertSourceRow {
  const input = parse(alertSourcePatch, raw);
  return inTransaction(db, () => {
    const before = mustSource(db, id);
    if (input.name && input.name !== before.name && findSourceByName(db, input.name))
      throw new AppError("conflict", `An alert source is already named ${input.name}`, { name: ["already taken"] });
    const merged = { ...before, ...input } as AlertSourceRow;
    checkSource(db, input, merged);
    const row = updateSourceRow(db, id, {
      ...input,
      defaultStatus: input.defaultStatus as AlertSourceRow["defaultStatus"],
      updatedAt: now,
    });
    recordAudit(
      db,
      actor,
      "alert_source.update",
      { type: "alert_source", id },
      publicSource(before),
      publicSource(row),
      now,
    );
    // A new default can map alerts that were waiting for staff.
    if (row.defaultComponentId && !before.defaultComponentId) remapUnmapped(db, row, now);
    return row;
  });
}

/** A new ingest address; the old one answers 404 from now on. */
export function rotateAlertSourceToken(db: Db, actor: Actor, id: string, now = Date.now()): AlertSourceRow {
  return inTransaction(db, () => {
    mustSource(db, id);
    const row = updateSourceRow(db, id, { token: newIngestToken(), updatedAt: now });
    recordAudit(db, actor, "alert_source.rotate_token", { type: "alert_source", id }, undefined, undefined, now);
    return row;
  });
}

export function deleteAlertSource(db: Db, actor: Actor, id: string, now = Date.now()): void {
  inTransaction(db, () => {
    const before = mustSource(db, id);
    deleteSourceRow(db, id);
    recordAudit(db, actor, "alert_source.delete", { type: "alert_source", id }, publicSource(before), undefined, now);
  });
}

export function allAlertSources(db: Db): AlertSourceRow[] {
  return listSources(db);
}

export function createAlertRule(
  db: Db,
  actor: Actor,
  sourceId: string,
  raw: AlertRuleInput,
  now = Date.now(),
): AlertRuleRow {
  const input = parse(alertRuleInput, raw);
  return inTransaction(db, () => {
    const source = mustSource(db, sourceId);
    mustComponentField(db, input.componentId, "componentId");
    const rules = listRules(db, sourceId);
    const position = input.position ?? (rules.length ? rules[rules.length - 1]!.position + 1 : 0);
    const row = insertRule(db, {
      id: newId(),
      sourceId,
      ...input,
      status: input.status as AlertRuleRow["status"],
      position,
      createdAt: now,
    });
    recordAudit(db, actor, "alert_rule.create", { type: "alert_rule", id: row.id }, undefined, row, now);
    // Alerts waiting for staff that this rule now maps are mapped at once.
    remapUnmapped(db, source, now);
    return row;
  });
}

export function updateAlertRule(
  db: Db,
  actor: Actor,
  sourceId: string,
  id: string,
  raw: AlertRulePatch,
  now = Date.now(),
): AlertRuleRow {
  const input = parse(alertRulePatch, raw);
  return inTransaction(db, () => {
    const source = mustSource(db, sourceId);
    const before = mustRule(db, sourceId, id);
    mustComponentField(db, input.componentId, "componentId");
    const row = updateRuleRow(db, id, { ...input, status: input.status as AlertRuleRow["status"] | undefined });
    recordAudit(db, actor, "alert_rule.update", { type: "alert_rule", id }, before, row, now);
    remapUnmapped(db, source, now);
    return row;
  });
}

/**
 * Swaps a rule with its neighbour in the order rules are tried (the first match wins), and numbers
 * the source's rules 0, 1, 2… again. At either end it changes nothing. Alerts already firing keep
 * the rule they matched until they fire anew.
 */
export function moveAlertRule(
  db: Db,
  actor: Actor,
  sourceId: string,
  id: string,
  direction: "up" | "down",
  now = Date.now(),
): void {
  inTransaction(db, () => {
    mustRule(db, sourceId, id);
    const rules = listRules(db, sourceId);
    const i = rules.findIndex((r) => r.id === id);
    const j = direction === "up" ? i - 1 : i + 1;
    const [moved] = rules.splice(i, 1);
    if (!moved || j < 0 || j > rules.length) return;
    rules.splice(j, 0, moved);
    rules.forEach((r, position) => {
      if (r.position !== position) updateRuleRow(db, r.id, { position });
    });
    recordAudit(db, actor, "alert_rule.move", { type: "alert_rule", id }, { position: i }, { position: j }, now);
  });
}

export function deleteAlertRule(db: Db, actor: Actor, sourceId: string, id: string, now = Date.now()): void {
  inTransaction(db, () => {
    const before = mustRule(db, sourceId, id);
    deleteRuleRow(db, id);
    recordAudit(db, actor, "alert_rule.delete", { type: "alert_rule", id }, before, undefined, now);
  });
}

export function sourceRules(db: Db, sourceId: string): AlertRuleRow[] {
  return listRules(db, sourceId);
}
