// The monitors page's read model: every monitor, the components they watch, and where monitors
// and the published status disagree.
import { getDb, type Db } from "@/db/client";
import { listComponents } from "@/db/queries/components";
import { listComponentStates, listMonitors } from "@/db/queries/monitors";
import { getPage } from "@/db/queries/page";
import { listLocations } from "@/db/queries/probes";
import { locationVerdict } from "../monitors/locations";

export function monitorsView(db: Db = getDb(), now = Date.now()) {
  const components = listComponents(db, getPage(db)?.id ?? "");
  const monitors = listMonitors(db);
  const located = new Set(listLocations(db).map((l) => l.monitorId));
  return {
    /** For monitors checked from several places: "Down from eu-west; up from local, us-east", when split. */
    placeNotes: new Map(monitors.filter((m) => located.has(m.id)).map((m) => [m.id, locationVerdict(db, m, now).note])),
    components,
    componentNames: new Map(components.map((c) => [c.id, c.name])),
    monitors,
    disagreements: listComponentStates(db).filter((s) => s.disagreement),
  };
}
