// The incident editor's read model, and the helpers the other incident pages share: plain data
// shaped for the forms.
import { getDb, type Db } from "@/db/client";
import { getIncident, type IncidentRow } from "@/db/queries/incidents";
import { getPage } from "@/db/queries/page";
import { listTemplates, type TemplateRow } from "@/db/queries/templates";
import { listUsers } from "@/db/queries/users";
import { componentSections } from "../components";
import { config } from "../config";
import { networkPreview } from "../syndication/networks";
import { enabledNetworks } from "../syndication/outbox";
import { COMPONENT_STATUS_LABELS, UPDATE_STATUS_LABELS, type IncidentKind } from "../constants";
import { pageLocales, type Locale } from "../i18n/locales";
import { staffT } from "../i18n/staff";
import { resolveMessage, type PreviewBase, type PreviewIncident } from "../incident-preview";
import { hydrateIncident } from "../snapshot";
import { templateComponents } from "../templates";
import { formatDateTime, toLocalDateTime } from "../time";

export function pickerSections(db: Db) {
  return componentSections(db).map((s) => ({
    name: s.name,
    components: s.components.map((c) => ({ id: c.id, slug: c.slug, name: c.name, status: c.status })),
  }));
}

/** The public card's preview: every component as it is now, the incident as published, the page's language. */
export function cardPreview(
  db: Db,
  kind: IncidentKind,
  incident: IncidentRow | null,
  sections: ReturnType<typeof pickerSections>,
): { base: PreviewBase; locale: Locale } {
  const page = getPage(db);
  let published: PreviewIncident | null = null;
  if (incident) {
    const h = hydrateIncident(db, incident, "");
    published = {
      ...pick(h, ["id", "kind", "name", "status", "impact", "scheduledFor", "scheduledUntil", "nextUpdateAt"]),
      componentIds: h.componentIds,
      updates: h.updates.map((u) => pick(u, ["id", "seq", "status", "bodyHtml", "displayAt", "editedAt"])),
    };
  }
  return {
    base: {
      kind,
      incident: published,
      components: sections.flatMap((s) => s.components),
      cadenceMinutes: incident?.updateCadenceMinutes ?? page?.updateCadenceMinutes ?? 30,
    },
    locale: pageLocales(page).defaultLocale,
  };
}

function pick<T, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;
}

/** A template as the form's field values (its components as `components.<id>`). */
export function templateDefaults(db: Db, t: TemplateRow): Record<string, string> {
  const values: Record<string, string> = { name: t.title, body: t.body };
  if (t.kind === "incident") values.impact = t.impact;
  for (const [id, status] of Object.entries(templateComponents(db, t))) values[`components.${id}`] = status;
  return values;
}

/** The page's zone and default cadence, and the time of this request (overdue is judged by it). */
export function pageZone(db: Db): { timeZone: string; cadence: number; now: number } {
  const page = getPage(db);
  return { timeZone: page?.timeZone ?? "Etc/UTC", cadence: page?.updateCadenceMinutes ?? 30, now: Date.now() };
}

/** The Details form's starting values. */
export function detailDefaults(i: IncidentRow, timeZone: string): Record<string, string> {
  const values: Record<string, string> = {
    name: i.name,
    impact: i.impact,
    updateCadenceMinutes: i.updateCadenceMinutes ? String(i.updateCadenceMinutes) : "",
  };
  if (i.scheduledFor) values.scheduledFor = toLocalDateTime(i.scheduledFor, timeZone);
  if (i.scheduledUntil) values.scheduledUntil = toLocalDateTime(i.scheduledUntil, timeZone);
  return values;
}

/** Published updates, newest first, with times in the page's zone and who posted each. */
export function timelineOf(db: Db, incident: IncidentRow, timeZone: string) {
  const hydrated = hydrateIncident(db, incident, "");
  const people = new Map(listUsers(db).map((u) => [u.id, u.name || u.email]));
  return hydrated.updates.map((u) => ({
    id: u.id,
    status: UPDATE_STATUS_LABELS[u.status],
    body: u.body,
    bodyHtml: u.bodyHtml,
    at: formatDateTime(u.displayAt, timeZone),
    edited: u.editedAt ? formatDateTime(u.editedAt, timeZone) : null,
    by: u.createdBy ? (people.get(u.createdBy) ?? null) : null,
    affected: u.affected?.length
      ? u.affected
          .map((a) => `${a.name}: ${COMPONENT_STATUS_LABELS[a.oldStatus]} → ${COMPONENT_STATUS_LABELS[a.newStatus]}`)
          .join(" · ")
      : null,
  }));
}

/** What the post previews need: the incident's link (a same-length stand-in before it exists) and the networks that post. */
export function previewContext(db: Db, incident?: { id: string; name: string }) {
  return {
    incidentUrl: `${config().publicUrl}/incidents/${incident?.id ?? "xxxxxxxxxxxx"}`,
    incidentName: incident?.name ?? "",
    networks: enabledNetworks(db).map(networkPreview),
  };
}

/** Everything the editor of one incident shows, or null when there is no such incident. */
export function incidentEditorView(id: string, db: Db = getDb()) {
  const incident = getIncident(db, id);
  if (!incident) return null;
  const { timeZone, cadence, now } = pageZone(db);
  const sections = pickerSections(db);
  const incidentTemplates = listTemplates(db).filter((t) => t.kind === "incident");
  return {
    incident,
    timeZone,
    cadence,
    now,
    sections,
    card: cardPreview(db, incident.kind, incident, sections),
    /** One-click Resolve's message: a "resolved" template's, else a plain sentence. */
    resolveText: resolveMessage(incidentTemplates, staffT("staff.incidents.resolveDefault")),
    preview: previewContext(db, incident),
    timeline: timelineOf(db, incident, timeZone),
    defaults: detailDefaults(incident, timeZone),
  };
}
