// The read model of the staff's "I am affected" report table: the last hour per component.
import { getDb, type Db } from "@/db/client";
import { staffReportSeries } from "../affected";
import { pageComponents } from "../components";

export function affectedReportsView(db: Db = getDb()) {
  return { series: staffReportSeries(db), names: new Map(pageComponents(db).map((c) => [c.id, c.name])) };
}
