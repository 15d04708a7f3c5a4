// The monitors page's read model: every monitor, the components they watch, and where monitors
// and the published status disagree.
import { getDb, type Db } from "@/db/client";
import { listComponents } from "@/db/queries/components";
import { listComponentStates, listMonitors } from "@/db/queries/monitors";
import { getPage } from "@/db/queries/page";

export function monitorsView(db: Db = getDb()) {
  const components = listComponents(db, getPage(db)?.id ?? "");
  return {
    components,
    componentNames: new Map(components.map((c) => [c.id, c.name])),
    monitors: listMonitors(db),
    disagreements: listComponentStates(db).filter((s) => s.disagreement),
  };
}
