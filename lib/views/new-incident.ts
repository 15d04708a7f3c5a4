// The read model of the two forms that publish something new: "Report a problem" (optionally
// started from a template) and "Schedule maintenance".
import { getDb, type Db } from "@/db/client";
import { getTemplate, listTemplates } from "@/db/queries/templates";
import type { IncidentKind } from "../constants";
import { pageZone, pickerSections, previewContext, templateDefaults } from "./incident-editor";

export function newIncidentView(kind: IncidentKind, templateId: string | undefined, db: Db = getDb()) {
  const template = templateId !== undefined ? getTemplate(db, templateId) : undefined;
  const { timeZone, cadence } = pageZone(db);
  return {
    // Only incident templates are offered as starting points; maintenance starts from a link.
    templates: kind === "incident" ? listTemplates(db).filter((t) => t.kind === "incident") : [],
    template,
    timeZone,
    cadence,
    sections: pickerSections(db),
    defaults:
      template && (kind === "incident" || template.kind === "maintenance") ? templateDefaults(db, template) : {},
    preview: previewContext(db),
  };
}
