// The components page's read model: groups and ungrouped components in the public page's order.
import { getDb, type Db } from "@/db/client";
import type { ComponentRow, GroupRow } from "@/db/queries/components";
import { pageComponents, pageGroups } from "../components";

export type TopItem = { key: string; position: number } & ({ group: GroupRow } | { component: ComponentRow });

export function componentsView(db: Db = getDb()) {
  const components = pageComponents(db);
  const groups = pageGroups(db).map(({ group }) => group);
  // The public page's order: groups and ungrouped components share one sequence (as lib/snapshot.ts lays it out).
  const top: TopItem[] = [
    ...groups.map((group) => ({ key: group.id, position: group.position, group })),
    ...components.filter((c) => !c.groupId).map((c) => ({ key: c.id, position: c.position, component: c })),
  ].sort((a, b) => a.position - b.position);
  return { components, groups, top };
}
