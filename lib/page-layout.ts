// The order of the public page, used by the snapshot, the admin API's component list and the
// staff forms: top-level groups and ungrouped components by position (a group first when two
// share a position), each group with its members in their own order.

type Positioned = { id: string; position: number };

export type LayoutEntry<G, C> = { kind: "group"; group: G; components: C[] } | { kind: "component"; component: C };

/** `components` in their order within a container (as the database lists them). */
export function pageLayout<G extends Positioned, C extends Positioned & { groupId: string | null }>(
  groups: readonly G[],
  components: readonly C[],
): LayoutEntry<G, C>[] {
  const entries: LayoutEntry<G, C>[] = groups.map((group) => ({
    kind: "group",
    group,
    components: components.filter((c) => c.groupId === group.id),
  }));
  for (const component of components) if (!component.groupId) entries.push({ kind: "component", component });
  // A stable sort: groups were listed first, so they stay first on equal positions.
  return entries.sort(
    (a, b) =>
      (a.kind === "group" ? a.group : a.component).position - (b.kind === "group" ? b.group : b.component).position,
  );
}
