// Moving over from Statuspage in minutes: its public v2 JSON (fetched from the page's URL, or
// saved copies) becomes Outpost's components, groups, incidents with every update, and
// maintenances, keeping Statuspage's ids (same style) so old links can be mapped. Closed
// incidents also paint the components' history, so the uptime bars show them.
import { z } from "zod";
import { inTransaction, type Db } from "@/db/client";
import { insertComponent, insertGroup, overwritePeriod } from "@/db/queries/components";
import {
  insertIncident,
  insertUpdate,
  insertUpdateComponents,
  linkComponents,
  nextUpdateSeq,
} from "@/db/queries/incidents";
import { getPage } from "@/db/queries/page";
import { recordAudit, type Actor } from "./audit";
import {
  COMPONENT_STATUSES,
  IMPACTS,
  INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
  type ComponentStatus,
} from "./constants";
import { AppError } from "./errors";
import { slugify } from "./ids";
import { worstStatus } from "./status";
import { parse } from "./validation";

const time = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), "not a time")
  .transform((s) => Date.parse(s));
const status = z.enum(COMPONENT_STATUSES);
const component = z.object({
  id: z.string().min(1).max(40),
  name: z.string().min(1).max(100),
  description: z.string().max(1000).nullish(),
  status: status.catch("operational"),
  position: z.number().int().catch(0),
  group_id: z.string().nullish(),
  group: z.boolean().catch(false),
  showcase: z.boolean().catch(true),
  only_show_if_degraded: z.boolean().catch(false),
  start_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullish()
    .catch(null),
  created_at: time,
});
const update = z.object({
  id: z.string().min(1).max(40),
  status: z.enum([...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES]),
  body: z.string().max(20_000).catch(""),
  created_at: time,
  display_at: time.nullish(),
  affected_components: z
    .array(z.object({ code: z.string(), name: z.string(), old_status: status, new_status: status }))
    .nullish()
    .catch(null),
});
const incident = z.object({
  id: z.string().min(1).max(40),
  name: z.string().min(1).max(200),
  status: z.enum([...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES]),
  impact: z.enum(IMPACTS).catch("none"),
  created_at: time,
  started_at: time.nullish(),
  monitoring_at: time.nullish(),
  resolved_at: time.nullish(),
  scheduled_for: time.nullish(),
  scheduled_until: time.nullish(),
  postmortem_body: z.string().nullish(),
  incident_updates: z.array(update).catch([]),
  components: z.array(z.object({ id: z.string() })).catch([]),
});

/** Any of Statuspage's v2 documents; summary.json alone is enough for a first import. */
export const statuspageDocuments = z.object({
  components: z.array(component).max(5_000).default([]),
  incidents: z.array(incident).max(10_000).default([]),
  scheduled_maintenances: z.array(incident).max(10_000).default([]),
});
export type StatuspageDocuments = z.input<typeof statuspageDocuments>;

/** Merges several saved documents (summary.json, components.json, incidents.json, ...) into one. */
export function mergeDocuments(docs: Record<string, unknown>[]): StatuspageDocuments {
  const byId = <T extends { id: string }>(lists: unknown[]): T[] => [
    ...new Map(
      lists
        .flat()
        .filter((x): x is T => !!x && typeof (x as T).id === "string")
        .map((x) => [x.id, x]),
    ).values(),
  ];
  return {
    components: byId(docs.map((d) => d.components ?? [])),
    incidents: byId(docs.map((d) => d.incidents ?? [])),
    scheduled_maintenances: byId(docs.map((d) => d.scheduled_maintenances ?? [])),
  } as StatuspageDocuments;
}

export type ImportResult = {
  groups: number;
  components: number;
  incidents: number;
  maintenances: number;
  updates: number;
};

export function importStatuspage(db: Db, actor: Actor, raw: StatuspageDocuments, now = Date.now()): ImportResult {
  const docs = parse(statuspageDocuments, raw);
  return inTransaction(db, () => {
    const page = getPage(db);
    if (!page) throw new AppError("unavailable", "The page is not set up yet");
    if (
      db.$client
        .prepare("SELECT (SELECT count(*) FROM components) + (SELECT count(*) FROM incidents)")
        .pluck()
        .get() !== 0
    ) {
      throw new AppError(
        "conflict",
        "Import into an empty page (no components or incidents); start one with OUTPOST_DEMO=0",
      );
    }
    const groups = docs.components.filter((c) => c.group);
    for (const g of groups)
      insertGroup(db, {
        id: g.id,
        pageId: page.id,
        name: g.name,
        description: g.description ?? null,
        position: g.position,
        createdAt: g.created_at,
        updatedAt: now,
      });
    const groupIds = new Set(groups.map((g) => g.id));
    const slugs = new Set<string>();
    const leaves = docs.components.filter((c) => !c.group);
    for (const c of leaves) {
      let slug = slugify(c.name) || c.id;
      for (let n = 2; slugs.has(slug); n++) slug = `${slugify(c.name)}-${n}`;
      slugs.add(slug);
      insertComponent(db, {
        id: c.id,
        pageId: page.id,
        groupId: c.group_id && groupIds.has(c.group_id) ? c.group_id : null,
        slug,
        name: c.name,
        description: c.description ?? null,
        position: c.position,
        status: c.status,
        showcase: c.showcase,
        onlyShowIfDegraded: c.only_show_if_degraded,
        startDate: c.start_date ?? null,
        createdAt: c.created_at,
        updatedAt: now,
      });
    }
    const known = new Set(leaves.map((c) => c.id));
    const all = [
      ...docs.incidents.map((i) => ({ ...i, kind: "incident" as const })),
      ...docs.scheduled_maintenances.map((i) => ({ ...i, kind: "maintenance" as const })),
    ];
    for (const i of all) {
      if (i.kind === "maintenance" && (!i.scheduled_for || !i.scheduled_until))
        throw new AppError("validation", `Maintenance ${i.id} has no window`);
      insertIncident(db, {
        id: i.id,
        pageId: page.id,
        kind: i.kind,
        name: i.name,
        status: i.status,
        impact: i.kind === "maintenance" ? "maintenance" : i.impact === "maintenance" ? "none" : i.impact,
        createdAt: i.created_at,
        updatedAt: now,
        startedAt: i.scheduled_for ?? i.started_at ?? i.created_at,
        monitoringAt: i.monitoring_at ?? null,
        resolvedAt: i.resolved_at ?? null,
        scheduledFor: i.scheduled_for ?? null,
        scheduledUntil: i.scheduled_until ?? null,
        postmortemBody: i.postmortem_body ?? null,
        postmortemPublishedAt: i.postmortem_body ? (i.resolved_at ?? i.created_at) : null,
      });
      linkComponents(
        db,
        i.id,
        i.components.map((c) => c.id).filter((id) => known.has(id)),
      );
    }
    // Updates take their strict order from their times, across all incidents.
    const updates = all
      .flatMap((i) => i.incident_updates.map((u) => ({ ...u, incidentId: i.id })))
      .sort((a, b) => a.created_at - b.created_at);
    for (const u of updates) {
      insertUpdate(db, {
        id: u.id,
        seq: nextUpdateSeq(db),
        incidentId: u.incidentId,
        status: u.status,
        body: u.body,
        createdAt: u.created_at,
        updatedAt: u.created_at,
        displayAt: u.display_at ?? u.created_at,
        deliverNotifications: false,
      });
      const affected = (u.affected_components ?? []).filter((a) => known.has(a.code));
      insertUpdateComponents(
        db,
        affected.map((a) => ({
          updateId: u.id,
          componentId: a.code,
          componentName: a.name,
          oldStatus: a.old_status,
          newStatus: a.new_status,
        })),
      );
    }
    // Closed incidents paint each affected component's history with the worst status it reached.
    for (const i of all.filter((x) => x.kind === "incident" && x.resolved_at)) {
      const worst = new Map<string, ComponentStatus[]>();
      for (const u of i.incident_updates)
        for (const a of u.affected_components ?? [])
          if (known.has(a.code)) worst.set(a.code, [...(worst.get(a.code) ?? []), a.new_status]);
      for (const [componentId, statuses] of worst) {
        const s = worstStatus(statuses);
        const from = i.started_at ?? i.created_at;
        if (s !== "operational" && i.resolved_at! > from) overwritePeriod(db, componentId, s, from, i.resolved_at!);
      }
    }
    const result = {
      groups: groups.length,
      components: leaves.length,
      incidents: docs.incidents.length,
      maintenances: docs.scheduled_maintenances.length,
      updates: updates.length,
    };
    recordAudit(db, actor, "page.import_statuspage", { type: "page", id: page.id }, undefined, result, now);
    return result;
  });
}

/** Fetches a Statuspage page's public documents (e.g. https://status.example.com). */
export async function fetchStatuspage(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<StatuspageDocuments> {
  const base = baseUrl.replace(/\/+$/, "");
  const docs: Record<string, unknown>[] = [];
  for (const doc of ["summary.json", "components.json", "incidents.json", "scheduled-maintenances.json"]) {
    const res = await fetchImpl(`${base}/api/v2/${doc}`, {
      signal: AbortSignal.timeout(15_000),
      headers: { accept: "application/json" },
    });
    if (!res.ok) throw new AppError("unavailable", `${base}/api/v2/${doc} answered ${res.status}`);
    docs.push((await res.json()) as Record<string, unknown>);
  }
  return mergeDocuments(docs);
}
