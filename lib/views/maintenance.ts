// The maintenance page's read model: live and upcoming windows and the recurring schedules.
import { getDb, type Db } from "@/db/client";
import { listByStatus } from "@/db/queries/incidents";
import { listRecurrences } from "@/db/queries/recurrences";
import { pageZone, pickerSections } from "./incident-editor";

export function maintenanceView(db: Db = getDb()) {
  const { timeZone, now } = pageZone(db);
  const sections = pickerSections(db);
  return {
    timeZone,
    now,
    live: listByStatus(db, "maintenance", ["in_progress", "verifying", "scheduled"]).sort(
      (a, b) => (a.scheduledFor ?? 0) - (b.scheduledFor ?? 0),
    ),
    sections,
    componentNames: new Map(sections.flatMap((s) => s.components).map((c) => [c.id, c.name])),
    recurrences: listRecurrences(db),
  };
}
