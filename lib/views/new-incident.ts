// The read model of the two forms that publish something new: "Report a problem" (optionally
// started from a template) and "Schedule maintenance".
import { getDb, type Db } from "@/db/client";
import { getTemplate, listTemplates } from "@/db/queries/templates";
import type { IncidentKind } from "../constants";
import { cardPreview, pageZone, pickerSections, previewContext, templateDefaults } from "./incident-editor";

export function newIncidentView(kind: IncidentKind, templateId: string | undefined, db: Db = getDb()) {
  const template = templateId !== undefined ? getTemplate(db, templateId) : undefined;
  const { timeZone, cadence, now } = pageZone(db);
  const sections = pickerSections(db);
  // Only incident templates are offered as starting points; maintenance starts from a link.
  const templates = kind === "incident" ? listTemplates(db).filter((t) => t.kind === "incident") : [];
  return {
    templates,
    /** Each template as the form's values, so a tap fills the form without a round trip. */
    starters: templates.map((t) => ({ id: t.id, name: t.name, values: templateDefaults(db, t) })),
    template,
    timeZone,
    cadence,
    now,
    sections,
    card: cardPreview(db, kind, null, sections),
    defaults:
      template && (kind === "incident" || template.kind === "maintenance") ? templateDefaults(db, template) : {},
    preview: previewContext(db),
  };
}
