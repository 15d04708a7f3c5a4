// Incident templates over the admin API (Outpost's own resource, in Statuspage's style).
import { getTemplate, listTemplates as allTemplates, type TemplateRow } from "@/db/queries/templates";
import type { ComponentStatus } from "../constants";
import { AppError } from "../errors";
import { createTemplate, deleteTemplate, updateTemplate, type TemplateInput } from "../templates";
import { pathParam, type ApiContext, type FieldNames } from "./route";
import type { TemplateCreateBody, TemplateUpdateBody } from "./schemas";
import { isoTime } from "../time";

export const TEMPLATE_FIELDS: FieldNames = { wrapper: "template" };

function templateJson(t: TemplateRow) {
  return {
    id: t.id,
    name: t.name,
    title: t.title,
    body: t.body,
    kind: t.kind,
    impact: t.impact,
    components: t.components,
    component_ids: Object.keys(t.components),
    created_at: isoTime(t.createdAt),
    updated_at: isoTime(t.updatedAt),
  };
}

type Fields = Partial<TemplateCreateBody["template"]>;

/** component_ids without a status mean "major_outage", as Statuspage's templates mark them. */
function componentsOf(f: Fields, before?: TemplateRow): Record<string, ComponentStatus> | undefined {
  if (!f.components && !f.component_ids) return before?.components;
  const listed = Object.fromEntries((f.component_ids ?? []).map((id) => [id, "major_outage" as ComponentStatus]));
  return { ...listed, ...(f.components ?? {}) };
}

function mustTemplate(ctx: ApiContext<unknown, unknown>): TemplateRow {
  const id = pathParam(ctx, "template_id");
  const t = getTemplate(ctx.db, id);
  if (!t) throw new AppError("not_found", `No template has the id ${id.slice(0, 100)}`);
  return t;
}

export function listTemplates(ctx: ApiContext) {
  return allTemplates(ctx.db).map(templateJson);
}

export function showTemplate(ctx: ApiContext) {
  return templateJson(mustTemplate(ctx));
}

export function postTemplate(ctx: ApiContext<TemplateCreateBody>) {
  const f = ctx.body.template;
  const input: TemplateInput = {
    name: f.name,
    title: f.title,
    body: f.body,
    kind: f.kind,
    impact: f.impact,
    components: componentsOf(f),
  };
  return templateJson(createTemplate(ctx.db, ctx.actor, input, ctx.now));
}

export function patchTemplate(ctx: ApiContext<TemplateUpdateBody>) {
  const before = mustTemplate(ctx);
  const f = ctx.body.template;
  const input: TemplateInput = {
    name: f.name ?? before.name,
    title: f.title ?? before.title,
    body: f.body ?? before.body,
    kind: f.kind ?? before.kind,
    impact: f.impact ?? before.impact,
    components: componentsOf(f, before),
  };
  return templateJson(updateTemplate(ctx.db, ctx.actor, before.id, input, ctx.now));
}

export function removeTemplate(ctx: ApiContext) {
  const before = mustTemplate(ctx);
  deleteTemplate(ctx.db, ctx.actor, before.id, ctx.now);
  return templateJson(before);
}
