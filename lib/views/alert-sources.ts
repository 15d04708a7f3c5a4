// The alert source pages' read models: the list, and one source's page with what its forms offer
// (kinds, components, incident templates). "Map…" and "Edit" are links (?map=<alert>, ?rule=<rule>), so
// they work without JavaScript: the page resolves them here to the alert or rule the form starts from.
import { getDb, type Db } from "@/db/client";
import { listComponents } from "@/db/queries/components";
import { getPage } from "@/db/queries/page";
import { listTemplates } from "@/db/queries/templates";
import { ALERT_KIND_LIST } from "../alerts/registry";
import { alertSourceDetail, alertSourcesView } from "../alerts/view";
import { config } from "../config";
import { staffT } from "../i18n/staff";

function formOptions(db: Db) {
  return {
    kinds: ALERT_KIND_LIST.map((k) => ({ id: k.id, label: k.label })),
    components: listComponents(db, getPage(db)?.id ?? "").map((c) => ({ id: c.id, name: c.name })),
    templates: listTemplates(db)
      .filter((t) => t.kind === "incident")
      .map((t) => ({ id: t.id, name: t.name })),
  };
}
export type AlertFormOptions = ReturnType<typeof formOptions>;

/** `now` is when the page was read, for its "3 min ago" labels. */
export function alertSourcesPageView(db: Db = getDb(), now = Date.now()) {
  return { sources: alertSourcesView(db), ...formOptions(db), now };
}

export function alertSourcePageView(
  id: string,
  open: { map?: string; rule?: string } = {},
  db: Db = getDb(),
  publicUrl = config().publicUrl,
  now = Date.now(),
) {
  const detail = alertSourceDetail(db, id, publicUrl);
  if (!detail) return null;
  return {
    ...detail,
    ...formOptions(db),
    now,
    /** Firing alerts a rule (or the default) mapped; the unmapped ones are listed on their own. */
    firing: detail.alerts.filter((a) => a.state === "firing" && a.componentId !== null),
    /** The unmapped alert "Map…" was followed for (gone once a rule maps it). */
    mapping: (open.map && detail.unmapped.find((a) => a.id === open.map)) || null,
    /** The rule "Edit" was followed for. */
    editing: (open.rule && detail.rules.find((r) => r.id === open.rule)) || null,
  };
}
export type AlertSourcePageView = NonNullable<ReturnType<typeof alertSourcePageView>>;

/** "just now", "3 min ago", "5 h ago", "4 days ago": how long ago, rounded down. */
export function agoText(at: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return staffT("staff.alerts.justNow");
  if (minutes < 60) return staffT("staff.alerts.minutesAgo", { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return staffT("staff.alerts.hoursAgo", { count: hours });
  return staffT("staff.alerts.daysAgo", { count: Math.floor(hours / 24) });
}
