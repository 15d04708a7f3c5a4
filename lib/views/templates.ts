// The templates page's read model: each template with its form's starting values.
import { getDb, type Db } from "@/db/client";
import { listTemplates } from "@/db/queries/templates";
import { pickerSections, templateDefaults } from "./incident-editor";

export function templatesView(db: Db = getDb()) {
  return {
    sections: pickerSections(db),
    templates: listTemplates(db).map((t) => ({
      ...t,
      defaults: {
        ...templateDefaults(db, t),
        templateName: t.name,
        kind: t.kind,
        impact: t.impact === "maintenance" ? "none" : t.impact,
      },
    })),
  };
}
