import type { Metadata } from "next";
import { ComponentItem } from "@/components/admin/ComponentItem";
import { NewComponentForm, NewGroupForm } from "@/components/admin/ComponentForms";
import { GroupItem } from "@/components/admin/GroupItem";
import type { AdminComponent, Option } from "@/components/admin/component-options";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { componentsView } from "@/lib/views/components";
import type { ComponentRow } from "@/lib/views/rows";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.components.metaTitle") };

const LIST = "divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800";

function pick(c: ComponentRow): AdminComponent {
  const { id, name, description, groupId, slug, status, showcase, onlyShowIfDegraded, startDate } = c;
  return { id, name, description, groupId, slug, status, showcase, onlyShowIfDegraded, startDate };
}

function Rows({ components, groups }: { components: ComponentRow[]; groups: Option[] }) {
  return components.map((c, i) => (
    <ComponentItem key={c.id} component={pick(c)} groups={groups} first={i === 0} last={i === components.length - 1} />
  ));
}

export default async function ComponentsPage() {
  await requireStaff("editor");
  const { components, groups, top } = componentsView();
  const options = groups.map((g) => ({ value: g.id, label: g.name }));
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{staffT("staff.components.heading")}</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.components.intro")}</p>
      </div>
      {top.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.components.none")}</p>
      ) : (
        <ol aria-label={staffT("staff.components.order")} className={LIST}>
          {top.map((item, i) => {
            const edge = { first: i === 0, last: i === top.length - 1 };
            if ("component" in item)
              return <ComponentItem key={item.key} component={pick(item.component)} groups={options} {...edge} />;
            const members = components.filter((c) => c.groupId === item.key);
            return (
              <GroupItem
                key={item.key}
                group={{ id: item.group.id, name: item.group.name, description: item.group.description }}
                count={members.length}
                {...edge}
              >
                <Rows components={members} groups={options} />
              </GroupItem>
            );
          })}
        </ol>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <NewComponentForm groups={options} />
        <NewGroupForm />
      </div>
    </section>
  );
}
