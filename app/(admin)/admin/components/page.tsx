import type { Metadata } from "next";
import { ComponentItem } from "@/components/admin/ComponentItem";
import { NewComponentForm, NewGroupForm } from "@/components/admin/ComponentForms";
import { GroupItem } from "@/components/admin/GroupItem";
import { SortableList, type SortEntry } from "@/components/admin/SortableList";
import type { AdminComponent, Option } from "@/components/admin/component-options";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { componentsView } from "@/lib/views/components";
import type { ComponentRow } from "@/lib/views/rows";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.components.metaTitle") };

const LIST = "divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800";
const MEMBERS = "divide-y divide-gray-200 dark:divide-gray-800";

function pick(c: ComponentRow): AdminComponent {
  const { id, name, description, groupId, slug, status, showcase, onlyShowIfDegraded, startDate } = c;
  return { id, name, description, groupId, slug, status, showcase, onlyShowIfDegraded, startDate };
}

function componentEntry(c: ComponentRow, groups: Option[], first: boolean, last: boolean): SortEntry {
  return {
    key: `component:${c.id}`,
    kind: "component",
    id: c.id,
    name: c.name,
    label: c.name,
    attrs: { "data-component-id": c.id },
    node: <ComponentItem component={pick(c)} groups={groups} first={first} last={last} />,
  };
}

export default async function ComponentsPage() {
  await requireStaff("editor");
  const { components, groups, top } = componentsView();
  const options = groups.map((g) => ({ value: g.id, label: g.name }));
  const entries = top.map((item, i): SortEntry => {
    const [first, last] = [i === 0, i === top.length - 1];
    if ("component" in item) return componentEntry(item.component, options, first, last);
    const members = components.filter((c) => c.groupId === item.key);
    const { id, name, description } = item.group;
    return {
      key: `group:${id}`,
      kind: "group",
      id,
      name: staffT("staff.components.groupNamed", { name }),
      label: staffT("staff.components.groupLabel", { name }),
      attrs: { "data-group-id": id },
      node: (
        <GroupItem group={{ id, name, description }} count={members.length} first={first} last={last}>
          <SortableList
            as="ul"
            label={staffT("staff.components.membersOf", { name })}
            className={MEMBERS}
            entries={members.map((c, j) => componentEntry(c, options, j === 0, j === members.length - 1))}
          />
        </GroupItem>
      ),
    };
  });
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{staffT("staff.components.heading")}</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.components.intro")}</p>
      </div>
      {top.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.components.none")}</p>
      ) : (
        <SortableList label={staffT("staff.components.order")} className={LIST} entries={entries} />
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <NewComponentForm groups={options} />
        <NewGroupForm />
      </div>
    </section>
  );
}
