// Components and component groups over the admin API. Components answer to their id or slug;
// the component list carries the groups too (group: true), as Statuspage's does.
import {
  createComponent,
  createGroup,
  deleteComponent,
  deleteGroup,
  findComponent,
  groupWithMembers,
  pageComponents,
  pageGroups,
  updateComponent,
  updateGroup,
  type ComponentPatch,
} from "../components";
import { pageLayout } from "../page-layout";
import { worstStatus } from "../status";
import { componentJson, groupJson, groupV1Json } from "../statuspage";
import { pathParam, type ApiContext, type FieldNames } from "./route";
import type { ComponentCreateBody, ComponentUpdateBody, GroupCreateBody, GroupUpdateBody } from "./schemas";

export const COMPONENT_FIELDS: FieldNames = {
  wrapper: "component",
  rename: { browserProbeUrl: "outpost_browser_probe_url" },
};
export const GROUP_FIELDS: FieldNames = { wrapper: "component_group", rename: { componentIds: "components" } };

function componentInput(f: ComponentUpdateBody["component"]): ComponentPatch {
  return {
    name: f.name,
    description: f.description,
    status: f.status,
    groupId: f.group_id,
    showcase: f.showcase,
    onlyShowIfDegraded: f.only_show_if_degraded,
    startDate: f.start_date,
    browserProbeUrl: f.outpost_browser_probe_url,
  };
}

/** Page order: top-level items by position, each group followed by its children (as components.json). */
export function listComponents(ctx: ApiContext) {
  const layout = pageLayout(
    pageGroups(ctx.db).map(({ group }) => group),
    pageComponents(ctx.db),
  );
  return layout.flatMap((item) => {
    if (item.kind === "component") return [componentJson(item.component)];
    const children = item.components;
    return [
      groupJson({ ...item.group, status: worstStatus(children.map((c) => c.status)), components: children }),
      ...children.map(componentJson),
    ];
  });
}

export function showComponent(ctx: ApiContext) {
  return componentJson(findComponent(ctx.db, pathParam(ctx, "component_id")));
}

export function postComponent(ctx: ApiContext<ComponentCreateBody>) {
  return componentJson(
    createComponent(
      ctx.db,
      ctx.actor,
      { ...componentInput(ctx.body.component), name: ctx.body.component.name },
      ctx.now,
    ),
  );
}

export function patchComponent(ctx: ApiContext<ComponentUpdateBody>) {
  const { id } = findComponent(ctx.db, pathParam(ctx, "component_id"));
  return componentJson(updateComponent(ctx.db, ctx.actor, id, componentInput(ctx.body.component), ctx.now));
}

export function removeComponent(ctx: ApiContext) {
  deleteComponent(ctx.db, ctx.actor, findComponent(ctx.db, pathParam(ctx, "component_id")).id, ctx.now);
}

export function listGroups(ctx: ApiContext) {
  return pageGroups(ctx.db).map(({ group, componentIds }) => groupV1Json(group, componentIds));
}

const groupView = (ctx: ApiContext<unknown, unknown>, id: string) => {
  const { group, componentIds } = groupWithMembers(ctx.db, id);
  return groupV1Json(group, componentIds);
};

export function showGroup(ctx: ApiContext) {
  return groupView(ctx, pathParam(ctx, "group_id"));
}

export function postGroup(ctx: ApiContext<GroupCreateBody>) {
  const f = ctx.body.component_group;
  const row = createGroup(
    ctx.db,
    ctx.actor,
    { name: f.name, description: f.description, componentIds: f.components },
    ctx.now,
  );
  return groupView(ctx, row.id);
}

export function patchGroup(ctx: ApiContext<GroupUpdateBody>) {
  const f = ctx.body.component_group;
  const row = updateGroup(
    ctx.db,
    ctx.actor,
    pathParam(ctx, "group_id"),
    { name: f.name, description: f.description, componentIds: f.components },
    ctx.now,
  );
  return groupView(ctx, row.id);
}

/** Answers with the group as it was; its components stay, moved to the top level. */
export function removeGroup(ctx: ApiContext) {
  const shown = groupView(ctx, pathParam(ctx, "group_id"));
  deleteGroup(ctx.db, ctx.actor, shown.id, ctx.now);
  return shown;
}
