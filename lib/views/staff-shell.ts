// What the staff area's frame shows around every page.
import { getDb, type Db } from "@/db/client";
import { getPage } from "@/db/queries/page";

export function staffShellView(db: Db = getDb()) {
  return { pageName: getPage(db)?.name ?? "Outpost" };
}
