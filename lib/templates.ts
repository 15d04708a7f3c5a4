// Incident templates: the first word in seconds. A template prefills title, message, impact and
// component statuses; staff still read it before publishing.
import { z } from "zod";
import { inTransaction, type Db } from "@/db/client";
import { getComponent } from "@/db/queries/components";
import {
  deleteTemplateRow,
  getTemplate,
  insertTemplate,
  updateTemplateRow,
  type TemplateRow,
} from "@/db/queries/templates";
import { recordAudit, type Actor } from "./audit";
import { COMPONENT_STATUSES, IMPACTS, INCIDENT_KINDS } from "./constants";
import { AppError } from "./errors";
import { newId } from "./ids";
import { parse } from "./validation";

const templateInput = z.object({
  kind: z.enum(INCIDENT_KINDS).default("incident"),
  name: z.string().trim().min(1, "Name the template").max(100, "At most 100 characters"),
  title: z.string().trim().min(1, "Give the incident a title").max(200, "At most 200 characters"),
  body: z.string().trim().max(20_000, "At most 20,000 characters").default(""),
  impact: z.enum(IMPACTS).default("minor"),
  components: z.record(z.string().min(1), z.enum(COMPONENT_STATUSES)).default({}),
});
export type TemplateInput = z.input<typeof templateInput>;

function checkComponents(db: Db, components: Record<string, unknown>) {
  for (const id of Object.keys(components)) {
    if (!getComponent(db, id))
      throw new AppError("validation", `Unknown component ${id}`, { components: ["unknown component"] });
  }
}

export function createTemplate(db: Db, actor: Actor, raw: TemplateInput, now = Date.now()): TemplateRow {
  const input = parse(templateInput, raw);
  return inTransaction(db, () => {
    checkComponents(db, input.components);
    const row = insertTemplate(db, { id: newId(), ...input, createdAt: now, updatedAt: now });
    recordAudit(db, actor, "template.create", { type: "template", id: row.id }, undefined, row, now);
    return row;
  });
}

export function updateTemplate(db: Db, actor: Actor, id: string, raw: TemplateInput, now = Date.now()): TemplateRow {
  const input = parse(templateInput, raw);
  return inTransaction(db, () => {
    const before = getTemplate(db, id);
    if (!before) throw new AppError("not_found", "No such template");
    checkComponents(db, input.components);
    const after = updateTemplateRow(db, id, { ...input, updatedAt: now });
    recordAudit(db, actor, "template.update", { type: "template", id }, before, after, now);
    return after;
  });
}

export function deleteTemplate(db: Db, actor: Actor, id: string, now = Date.now()): void {
  inTransaction(db, () => {
    const before = getTemplate(db, id);
    if (!before) throw new AppError("not_found", "No such template");
    deleteTemplateRow(db, id);
    recordAudit(db, actor, "template.delete", { type: "template", id }, before, null, now);
  });
}

/** Components a template names that no longer exist are dropped when it prefills a form. */
export function templateComponents(db: Db, t: TemplateRow): TemplateRow["components"] {
  return Object.fromEntries(Object.entries(t.components).filter(([id]) => getComponent(db, id)));
}
