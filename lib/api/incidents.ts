// Incidents and maintenances over the admin API: Statuspage's request fields in, v1 incident
// objects out. The rules live in lib/incidents.ts; this file only translates.
import type { IncidentRow } from "@/db/queries/incidents";
import { pageComponents } from "../components";
import {
  ACTIVE_MAINTENANCE_STATUSES,
  MAINTENANCE_STATUSES,
  UNRESOLVED_INCIDENT_STATUSES,
  type IncidentKind,
} from "../constants";
import { AppError } from "../errors";
import {
  createIncident,
  deleteIncident,
  findIncidents,
  incidentById,
  updateIncident,
  type IncidentEdit,
} from "../incidents";
import { hydrateIncident, hydrateIncidents } from "../snapshot";
import { incidentV1Json } from "../statuspage";
import { dayStart } from "../time";
import { pathParam, type ApiContext, type FieldNames } from "./route";
import type {
  IncidentCreateBody,
  IncidentUpdateBody,
  IncidentUpdateEditBody,
  ListQuery,
  PostmortemBody,
} from "./schemas";
import { correctUpdate } from "../incident-updates";
import { publishPostmortem, savePostmortem } from "../postmortem";

export const INCIDENT_FIELDS: FieldNames = {
  wrapper: "incident",
  rename: { impact: "impact_override", startedAt: "backfill_date" },
};

const lookupOf = (ctx: ApiContext<unknown, unknown>) => ({
  componentsById: new Map(pageComponents(ctx.db).map((c) => [c.id, c])),
});

function views(ctx: ApiContext<unknown, unknown>, rows: IncidentRow[]) {
  const lookup = lookupOf(ctx);
  return hydrateIncidents(ctx.db, rows, ctx.publicUrl).map((i) => incidentV1Json(lookup, i));
}
const view = (ctx: ApiContext<unknown, unknown>, row: IncidentRow) =>
  incidentV1Json(lookupOf(ctx), hydrateIncident(ctx.db, row, ctx.publicUrl));

const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : undefined);

/** The fields create and edit share, renamed for the verbs; null means "not given". */
function commonFields(f: IncidentUpdateBody["incident"]): IncidentEdit {
  return {
    name: f.name,
    body: f.body ?? undefined,
    components: f.components ?? undefined,
    componentIds: f.component_ids ?? undefined,
    deliverNotifications: f.deliver_notifications,
    scheduledFor: time(f.scheduled_for),
    scheduledUntil: time(f.scheduled_until),
  };
}

/** A day is its first instant in the page's time zone; a time is taken as it is. */
function backfillStart(date: string | undefined, timeZone: string, now: number): number {
  if (!date) return now;
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? dayStart(date, timeZone) : Date.parse(date);
}

export function postIncident(ctx: ApiContext<IncidentCreateBody>) {
  const f = ctx.body.incident;
  const maintenance = f.scheduled_for != null;
  if (f.backfilled && f.components && Object.keys(f.components).length) {
    // Statuspage's rule too: a record of the past must not change today's component statuses.
    throw new AppError("validation", "A backfilled incident cannot set component statuses", {
      components: ["not allowed on a backfilled incident; use component_ids"],
    });
  }
  const row = createIncident(
    ctx.db,
    ctx.actor,
    {
      ...commonFields(f),
      name: f.name,
      body: f.body ?? "",
      components: f.components ?? {},
      componentIds: f.component_ids ?? [],
      kind: maintenance ? "maintenance" : "incident",
      status: f.status ?? (maintenance ? "scheduled" : f.backfilled ? "resolved" : "investigating"),
      impact: maintenance ? undefined : (f.impact_override ?? undefined),
      startedAt: f.backfilled ? backfillStart(f.backfill_date, ctx.page.timeZone, ctx.now) : undefined,
      autoStart: f.scheduled_auto_in_progress ?? true,
      autoComplete: f.scheduled_auto_completed ?? true,
      remindPriorMinutes: maintenance && f.scheduled_remind_prior ? 60 : undefined,
    },
    ctx.now,
  );
  return view(ctx, row);
}

/** PATCH and PUT alike (as on Statuspage). See updateIncident for when an update is posted. */
export function patchIncident(ctx: ApiContext<IncidentUpdateBody>) {
  const f = ctx.body.incident;
  const before = incidentById(ctx.db, pathParam(ctx, "incident_id"));
  // A maintenance's impact is always "maintenance"; tools that send impact_override on every call still work.
  const impact = before.kind === "maintenance" ? undefined : (f.impact_override ?? undefined);
  const row = updateIncident(ctx.db, ctx.actor, before.id, { ...commonFields(f), status: f.status, impact }, ctx.now);
  return view(ctx, row);
}

export const INCIDENT_UPDATE_FIELDS: FieldNames = { wrapper: "incident_update" };

/** Corrects a published update (PATCH and PUT alike); answers with the update in the v2 shape. */
export function patchIncidentUpdate(ctx: ApiContext<IncidentUpdateEditBody>) {
  const f = ctx.body.incident_update;
  const row = correctUpdate(
    ctx.db,
    ctx.actor,
    { id: pathParam(ctx, "incident_update_id"), incidentId: pathParam(ctx, "incident_id") },
    {
      body: f.body,
      displayAt: time(f.display_at),
      deliverNotifications: f.deliver_notifications,
      customTweet: f.custom_tweet,
    },
    ctx.now,
  );
  const shown = view(ctx, incidentById(ctx.db, row.incidentId)).incident_updates.find((u) => u.id === row.id);
  if (!shown) throw new Error(`Update ${row.id} is missing from its incident`);
  return shown;
}

export function showIncident(ctx: ApiContext) {
  return view(ctx, incidentById(ctx.db, pathParam(ctx, "incident_id")));
}

export function removeIncident(ctx: ApiContext) {
  const shown = view(ctx, incidentById(ctx.db, pathParam(ctx, "incident_id")));
  deleteIncident(ctx.db, ctx.actor, shown.id, ctx.now);
  return shown;
}

export type ListKind = {
  kind?: IncidentKind;
  statuses?: readonly IncidentRow["status"][];
  order: "newest" | "soonest" | "latest_window";
};

/** A list handler: one page of a filtered list, Statuspage's paging. */
export function listIncidents(filter: ListKind) {
  return (ctx: ApiContext<undefined, ListQuery>) => {
    const limit = ctx.query.limit ?? ctx.query.per_page ?? 100;
    return views(
      ctx,
      findIncidents(ctx.db, { ...filter, q: ctx.query.q || undefined, limit, offset: (ctx.query.page - 1) * limit }),
    );
  };
}

export const ALL_INCIDENTS: ListKind = { order: "newest" };
export const UNRESOLVED: ListKind = { kind: "incident", statuses: UNRESOLVED_INCIDENT_STATUSES, order: "newest" };
export const UPCOMING: ListKind = { kind: "maintenance", statuses: ["scheduled"], order: "soonest" };
export const SCHEDULED: ListKind = { kind: "maintenance", statuses: MAINTENANCE_STATUSES, order: "latest_window" };
export const ACTIVE: ListKind = { kind: "maintenance", statuses: ACTIVE_MAINTENANCE_STATUSES, order: "soonest" };

export const POSTMORTEM_FIELDS: FieldNames = {
  wrapper: "postmortem",
  rename: { body: "body_draft", postmortemBody: "body_draft" },
};

/** Saves the postmortem draft (or, once published, the published text). */
export function putPostmortem(ctx: ApiContext<PostmortemBody>) {
  return view(
    ctx,
    savePostmortem(ctx.db, ctx.actor, pathParam(ctx, "incident_id"), ctx.body.postmortem.body_draft, ctx.now),
  );
}

/** Publishes the draft: status postmortem, with an update saying so. */
export function publishIncidentPostmortem(ctx: ApiContext) {
  return view(ctx, publishPostmortem(ctx.db, ctx.actor, pathParam(ctx, "incident_id"), ctx.now));
}
