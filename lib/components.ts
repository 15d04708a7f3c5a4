// Components and component groups: the verbs staff and API tokens use. Each write is one
// transaction with its audit row; a status change also records the component's history and
// tells webhook subscribers (component_update).
import { z } from "zod";
import { browserProbeUrlProblem } from "./probe-url";
import { inTransaction, type Db } from "@/db/client";
import {
  deleteComponentRow,
  deleteGroupRow,
  findComponentBySlug,
  foldLatestStatus,
  getComponent,
  getGroup,
  insertComponent,
  insertGroup,
  listComponents,
  listGroups,
  updateComponentRow,
  updateGroupRow,
  writeComponentStatus,
  type ComponentRow,
  type GroupRow,
} from "@/db/queries/components";
import { getPage, type PageRow } from "@/db/queries/page";
import { recordAudit, type Actor } from "./audit";
import { COMPONENT_STATUS_LABELS, COMPONENT_STATUSES, type ComponentStatus } from "./constants";
import { AppError } from "./errors";
import { newId, slugify } from "./ids";
import { pageLayout } from "./page-layout";
import { enqueueComponentChange } from "./syndication/outbox";
import { parse } from "./validation";

const name = z.string({ error: "Give it a name" }).trim().min(1, "Give it a name").max(100, "At most 100 characters");
const description = z.string().trim().max(1000, "At most 1,000 characters").nullable();

const componentFields = z.object({
  name,
  description: description.optional(),
  status: z.enum(COMPONENT_STATUSES, { error: `Use one of: ${COMPONENT_STATUSES.join(", ")}` }).optional(),
  groupId: z.string().min(1).nullable().optional(),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lower-case letters, digits and single hyphens")
    .max(60)
    .optional(),
  showcase: z.boolean().optional(),
  onlyShowIfDegraded: z.boolean().optional(),
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31")
    .nullable()
    .optional(),
  /** Fetched from visitors' browsers ("is it just me?"): an endpoint of the service that allows CORS or an image. */
  browserProbeUrl: z
    .string()
    .trim()
    .max(500, "At most 500 characters")
    .superRefine((u, ctx) => {
      const problem = u === "" ? null : browserProbeUrlProblem(u);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .nullable()
    .optional()
    .transform((u) => (u === "" ? null : u)),
});
export type ComponentInput = z.input<typeof componentFields>;
export type ComponentPatch = Partial<ComponentInput>;

const groupFields = z.object({
  name,
  description: description.optional(),
  componentIds: z.array(z.string().min(1)).optional(),
});
export type GroupInput = z.input<typeof groupFields>;

function thePage(db: Db): PageRow {
  const page = getPage(db);
  if (!page) throw new AppError("unavailable", "The page is not set up yet");
  return page;
}

function mustComponent(db: Db, id: string): ComponentRow {
  const c = getComponent(db, id);
  if (!c) throw new AppError("not_found", `No component has the id ${id}`);
  return c;
}

function mustGroup(db: Db, id: string, field = "groupId"): GroupRow {
  const g = getGroup(db, id);
  if (!g)
    throw new AppError(field === "id" ? "not_found" : "validation", `No component group has the id ${id}`, {
      [field]: ["unknown group"],
    });
  return g;
}

/**
 * A status change outside an incident (an incident update records its own changes and notifies
 * with the update): the component's history, and the outbox rows of webhook subscribers'
 * component_update. Inside the caller's transaction.
 */
function changeStatus(db: Db, id: string, status: ComponentStatus, now: number): void {
  const oldStatus = writeComponentStatus(db, id, status, now);
  enqueueComponentChange(db, { componentId: id, oldStatus, newStatus: status }, now);
}

/** The page's components, each container in order. */
export function pageComponents(db: Db): ComponentRow[] {
  return listComponents(db, thePage(db).id);
}

/** The page's groups with their members' ids, in order. */
export function pageGroups(db: Db): { group: GroupRow; componentIds: string[] }[] {
  const page = thePage(db);
  const components = listComponents(db, page.id);
  return listGroups(db, page.id).map((group) => ({
    group,
    componentIds: components.filter((c) => c.groupId === group.id).map((c) => c.id),
  }));
}

/** Groups with their components, then ungrouped components: the order of the public page, for forms. */
export function componentSections(db: Db): { name: string | null; components: ComponentRow[] }[] {
  const page = thePage(db);
  return pageLayout(listGroups(db, page.id), listComponents(db, page.id)).map((item) =>
    item.kind === "group"
      ? { name: item.group.name, components: item.components }
      : { name: null, components: [item.component] },
  );
}

export function groupWithMembers(db: Db, id: string): { group: GroupRow; componentIds: string[] } {
  const group = mustGroup(db, id, "id");
  return {
    group,
    componentIds: listComponents(db, group.pageId)
      .filter((c) => c.groupId === id)
      .map((c) => c.id),
  };
}

/** A component by id or slug, as public URLs and the API accept either. */
export function findComponent(db: Db, idOrSlug: string): ComponentRow {
  const found = getComponent(db, idOrSlug) ?? findComponentBySlug(db, thePage(db).id, idOrSlug);
  if (found) return found;
  // Groups share the component list (as on Statuspage), so say where a group is managed.
  if (getGroup(db, idOrSlug))
    throw new AppError("not_found", `${idOrSlug} is a component group: use component-groups/${idOrSlug}`);
  throw new AppError("not_found", `No component has the id or slug ${idOrSlug}`);
}

function uniqueSlug(db: Db, pageId: string, wanted: string, selfId?: string): string {
  let slug = wanted;
  for (let n = 2; ; n++) {
    const other = findComponentBySlug(db, pageId, slug);
    if (!other || other.id === selfId) return slug;
    slug = `${wanted.slice(0, 56)}-${n}`;
  }
}

/** Top-level items (groups and ungrouped components) share one order; a group orders its own. */
function nextPosition(db: Db, pageId: string, groupId: string | null): number {
  const inContainer = listComponents(db, pageId)
    .filter((c) => c.groupId === groupId)
    .map((c) => c.position);
  const groups = groupId === null ? listGroups(db, pageId).map((g) => g.position) : [];
  return Math.max(-1, ...inContainer, ...groups) + 1;
}

export function createComponent(db: Db, actor: Actor, raw: ComponentInput, now = Date.now()): ComponentRow {
  const input = parse(componentFields, raw);
  return inTransaction(db, () => {
    const page = thePage(db);
    const groupId = input.groupId ? mustGroup(db, input.groupId).id : null;
    if (input.slug && findComponentBySlug(db, page.id, input.slug)) {
      throw new AppError("conflict", `Another component uses the slug ${input.slug}`, { slug: ["is taken"] });
    }
    const row = insertComponent(db, {
      id: newId(),
      pageId: page.id,
      groupId,
      slug: input.slug ?? uniqueSlug(db, page.id, slugify(input.name)),
      name: input.name,
      description: input.description ?? null,
      position: nextPosition(db, page.id, groupId),
      status: input.status ?? "operational",
      showcase: input.showcase ?? true,
      onlyShowIfDegraded: input.onlyShowIfDegraded ?? false,
      startDate: input.startDate ?? null,
      browserProbeUrl: input.browserProbeUrl ?? null,
      createdAt: now,
      updatedAt: now,
    });
    recordAudit(db, actor, "component.create", { type: "component", id: row.id }, undefined, row, now);
    return row;
  });
}

export function updateComponent(db: Db, actor: Actor, id: string, raw: ComponentPatch, now = Date.now()): ComponentRow {
  const input = parse(componentFields.partial(), raw);
  return inTransaction(db, () => {
    const before = mustComponent(db, id);
    if (input.status && input.status !== before.status) changeStatus(db, id, input.status, now);
    const patch: Partial<ComponentRow> = { updatedAt: now };
    if (input.name !== undefined) patch.name = input.name;
    if (input.description !== undefined) patch.description = input.description;
    if (input.showcase !== undefined) patch.showcase = input.showcase;
    if (input.onlyShowIfDegraded !== undefined) patch.onlyShowIfDegraded = input.onlyShowIfDegraded;
    if (input.startDate !== undefined) patch.startDate = input.startDate;
    if (input.browserProbeUrl !== undefined) patch.browserProbeUrl = input.browserProbeUrl;
    if (input.slug !== undefined && input.slug !== before.slug) {
      if (findComponentBySlug(db, before.pageId, input.slug))
        throw new AppError("conflict", `Another component uses the slug ${input.slug}`, { slug: ["is taken"] });
      patch.slug = input.slug;
    }
    if (input.groupId !== undefined && input.groupId !== before.groupId) {
      patch.groupId = input.groupId ? mustGroup(db, input.groupId).id : null;
      patch.position = nextPosition(db, before.pageId, patch.groupId);
    }
    const after = updateComponentRow(db, id, patch);
    recordAudit(
      db,
      actor,
      input.status && input.status !== before.status ? "component.status" : "component.update",
      { type: "component", id },
      before,
      after,
      now,
    );
    return after;
  });
}

const statusInput = z.object({
  id: z.string(),
  status: z.enum(COMPONENT_STATUSES, { error: `Use one of: ${COMPONENT_STATUSES.join(", ")}` }),
});

/**
 * Sets one component's status: staff by hand, or a monitor acting as the system (monitorActor in
 * lib/audit.ts). Recorded in the component's history and, like every write, in the audit log;
 * webhook subscribers get a component_update. An unchanged status is recorded as
 * "component.update", as an edit that changes nothing is, and notifies nobody.
 */
export function setComponentStatus(
  db: Db,
  actor: Actor,
  raw: { id: string; status: ComponentStatus },
  now = Date.now(),
): ComponentRow {
  const input = parse(statusInput, raw);
  return inTransaction(db, () => {
    const before = mustComponent(db, input.id);
    const changed = input.status !== before.status;
    if (changed) changeStatus(db, input.id, input.status, now);
    const after = updateComponentRow(db, input.id, { updatedAt: now });
    recordAudit(
      db,
      actor,
      changed ? "component.status" : "component.update",
      { type: "component", id: input.id },
      before,
      after,
      now,
    );
    return after;
  });
}

/** Within this long of a status change, its undo also takes the change out of the uptime history. */
export const UNDO_FOLD_MS = 60_000;

const undoInput = z.object({
  id: z.string(),
  from: z.enum(COMPONENT_STATUSES, { error: `Use one of: ${COMPONENT_STATUSES.join(", ")}` }),
  to: z.enum(COMPONENT_STATUSES, { error: `Use one of: ${COMPONENT_STATUSES.join(", ")}` }),
});

/**
 * Takes back a status change (`from` → now, back `to` the status before it) as a second change,
 * audited on its own as "component.status.undo" (found under "component.status" too). Refused
 * when the status moved on since (a monitor, an incident or another person changed it): an undo
 * never overwrites someone else's change. Within UNDO_FOLD_MS of the change, the short period is
 * also folded out of the component's history, so a mis-tap leaves no mark on the uptime bars;
 * webhook subscribers hear of the change back as they heard of the change.
 */
export function undoComponentStatus(
  db: Db,
  actor: Actor,
  raw: { id: string; from: ComponentStatus; to: ComponentStatus },
  now = Date.now(),
): ComponentRow {
  const input = parse(undoInput, raw);
  return inTransaction(db, () => {
    const before = mustComponent(db, input.id);
    if (before.status !== input.from || input.from === input.to) {
      throw new AppError(
        "conflict",
        `${before.name} is ${COMPONENT_STATUS_LABELS[before.status].toLowerCase()} now: it changed since, so nothing was undone`,
      );
    }
    if (foldLatestStatus(db, input.id, input.from, input.to, now - UNDO_FOLD_MS, now)) {
      enqueueComponentChange(db, { componentId: input.id, oldStatus: input.from, newStatus: input.to }, now);
    } else changeStatus(db, input.id, input.to, now);
    const after = updateComponentRow(db, input.id, { updatedAt: now });
    recordAudit(db, actor, "component.status.undo", { type: "component", id: input.id }, before, after, now);
    return after;
  });
}

export function deleteComponent(db: Db, actor: Actor, id: string, now = Date.now()): ComponentRow {
  return inTransaction(db, () => {
    const before = mustComponent(db, id);
    deleteComponentRow(db, id);
    recordAudit(db, actor, "component.delete", { type: "component", id }, before, null, now);
    return before;
  });
}

function assignComponents(db: Db, pageId: string, groupId: string, ids: string[], now: number) {
  for (const cid of ids) {
    const c = getComponent(db, cid);
    if (!c) throw new AppError("validation", `No component has the id ${cid}`, { componentIds: ["unknown component"] });
    if (c.groupId !== groupId)
      updateComponentRow(db, cid, { groupId, position: nextPosition(db, pageId, groupId), updatedAt: now });
  }
}

export function createGroup(db: Db, actor: Actor, raw: GroupInput, now = Date.now()): GroupRow {
  const input = parse(groupFields, raw);
  return inTransaction(db, () => {
    const page = thePage(db);
    const row = insertGroup(db, {
      id: newId(),
      pageId: page.id,
      name: input.name,
      description: input.description ?? null,
      position: nextPosition(db, page.id, null),
      createdAt: now,
      updatedAt: now,
    });
    assignComponents(db, page.id, row.id, input.componentIds ?? [], now);
    recordAudit(
      db,
      actor,
      "group.create",
      { type: "group", id: row.id },
      undefined,
      { ...row, componentIds: input.componentIds ?? [] },
      now,
    );
    return row;
  });
}

/** With componentIds, the group holds exactly those afterwards (others become ungrouped). */
export function updateGroup(db: Db, actor: Actor, id: string, raw: Partial<GroupInput>, now = Date.now()): GroupRow {
  const input = parse(groupFields.partial(), raw);
  return inTransaction(db, () => {
    const before = mustGroup(db, id, "id");
    const members = () =>
      listComponents(db, before.pageId)
        .filter((c) => c.groupId === id)
        .map((c) => c.id);
    const beforeMembers = members();
    if (input.componentIds) {
      for (const cid of beforeMembers) {
        if (!input.componentIds.includes(cid))
          updateComponentRow(db, cid, {
            groupId: null,
            position: nextPosition(db, before.pageId, null),
            updatedAt: now,
          });
      }
      assignComponents(db, before.pageId, id, input.componentIds, now);
    }
    const patch: Partial<GroupRow> = { updatedAt: now };
    if (input.name !== undefined) patch.name = input.name;
    if (input.description !== undefined) patch.description = input.description;
    const after = updateGroupRow(db, id, patch);
    recordAudit(
      db,
      actor,
      "group.update",
      { type: "group", id },
      { ...before, componentIds: beforeMembers },
      { ...after, componentIds: members() },
      now,
    );
    return after;
  });
}

/** Deleting a group keeps its components: they move to the top level, so no history is lost. */
export function deleteGroup(db: Db, actor: Actor, id: string, now = Date.now()): GroupRow {
  return inTransaction(db, () => {
    const before = mustGroup(db, id, "id");
    for (const c of listComponents(db, before.pageId).filter((c) => c.groupId === id)) {
      updateComponentRow(db, c.id, { groupId: null, position: nextPosition(db, before.pageId, null), updatedAt: now });
    }
    deleteGroupRow(db, id);
    recordAudit(db, actor, "group.delete", { type: "group", id }, before, null, now);
    return before;
  });
}

type Item = { kind: "group" | "component"; id: string; position: number };

/** An item's key in a container's order, as the staff page sends it: "component:ID" or "group:ID". */
export const itemKey = (item: { kind: "group" | "component"; id: string }) => `${item.kind}:${item.id}`;

/** The items of the target's container (the top level, or its group), in order (a group first on a tie, as on the page). */
function containerItems(db: Db, pageId: string, target: { kind: "group" | "component"; id: string }): Item[] {
  const container = target.kind === "group" ? null : mustComponent(db, target.id).groupId;
  if (target.kind === "group") mustGroup(db, target.id, "id");
  return [
    ...(container === null
      ? listGroups(db, pageId).map((g) => ({ kind: "group" as const, id: g.id, position: g.position }))
      : []),
    ...listComponents(db, pageId)
      .filter((c) => c.groupId === container)
      .map((c) => ({ kind: "component" as const, id: c.id, position: c.position })),
  ].sort((a, b) => a.position - b.position);
}

/** Moves the target to index `to` of its container and renumbers it; audited as "<kind>.move". */
function moveTo(
  db: Db,
  actor: Actor,
  items: Item[],
  target: { kind: "group" | "component"; id: string },
  to: number,
  now: number,
): void {
  const i = items.findIndex((it) => it.kind === target.kind && it.id === target.id);
  const j = Math.min(Math.max(0, to), items.length - 1);
  if (i < 0 || i === j) return;
  const [moved] = items.splice(i, 1);
  items.splice(j, 0, moved!);
  items.forEach((it, position) => {
    if (it.kind === "group") updateGroupRow(db, it.id, { position, updatedAt: now });
    else updateComponentRow(db, it.id, { position, updatedAt: now });
  });
  recordAudit(
    db,
    actor,
    `${target.kind}.move`,
    { type: target.kind, id: target.id },
    { position: i },
    { position: j },
    now,
  );
}

/** Swaps an item with its neighbour in the same container (the top level, or its group). */
export function moveItem(
  db: Db,
  actor: Actor,
  target: { kind: "group" | "component"; id: string; direction: "up" | "down" },
  now = Date.now(),
): void {
  inTransaction(db, () => {
    const items = containerItems(db, thePage(db).id, target);
    const i = items.findIndex((it) => it.kind === target.kind && it.id === target.id);
    const j = target.direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= items.length) return;
    moveTo(db, actor, items, target, j, now);
  });
}

const placeInput = z.object({
  kind: z.enum(["group", "component"]),
  id: z.string().min(1),
  index: z.number().int().min(0),
  /** The container's order (itemKey) as the person saw it: refused when it has changed since. */
  seen: z.array(z.string()).max(10_000).optional(),
});

/**
 * Puts a group or component at `index` of its container (dragged there, or moved with the
 * keyboard). With `seen`, refused when the container's order changed meanwhile, so a drop never
 * lands somewhere the person did not see.
 */
export function placeItem(db: Db, actor: Actor, raw: z.input<typeof placeInput>, now = Date.now()): void {
  const target = parse(placeInput, raw);
  inTransaction(db, () => {
    const items = containerItems(db, thePage(db).id, target);
    if (target.seen && target.seen.join(" ") !== items.map(itemKey).join(" ")) {
      throw new AppError(
        "conflict",
        "The order changed meanwhile (someone else moved something): reload and try again",
      );
    }
    moveTo(db, actor, items, target, target.index, now);
  });
}
