// The settings page's read model: the form's values, or null before the page exists.
import { getDb, type Db } from "@/db/client";
import { getPage } from "@/db/queries/page";
import { pageSettings } from "../settings";

export function settingsView(db: Db = getDb()) {
  const page = getPage(db);
  return page ? pageSettings(page) : null;
}
