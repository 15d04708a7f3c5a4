import type { Metadata } from "next";
import { AddSubscriberForm, RemoveSubscriber } from "@/components/admin/SubscriberForms";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { SUBSCRIBERS_PAGE_SIZE as PAGE_SIZE, subscribersView } from "@/lib/views/subscribers";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.subscribers.metaTitle") };

const when = (t: number | null) =>
  t ? `${new Date(t).toISOString().slice(0, 10)}` : staffT("staff.subscribers.notYet");

export default async function SubscribersPage() {
  await requireStaff("admin");
  const { components, componentNames: names, subscribers, total } = subscribersView();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{staffT("staff.subscribers.heading")}</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          {staffT("staff.subscribers.intro")}{" "}
          {total > PAGE_SIZE
            ? staffT("staff.subscribers.showing", { shown: String(PAGE_SIZE), total: String(total) })
            : staffT("staff.subscribers.inAll", { total: String(total) })}
        </p>
      </div>
      {subscribers.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.subscribers.none")}</p>
      ) : (
        <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
          {subscribers.map((s) => {
            const label = `${s.kind} ${s.label || s.address}`;
            return (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 p-3" aria-label={label}>
                <div className="min-w-0">
                  <p className="break-all font-medium">
                    <span className="mr-2 rounded bg-gray-100 px-1.5 py-0.5 text-xs uppercase dark:bg-gray-800">
                      {s.kind}
                    </span>
                    {s.label ? `${s.label} · ` : ""}
                    {s.address}
                  </p>
                  <p className="text-xs text-gray-600 dark:text-gray-400">
                    {staffT("staff.subscribers.confirmed", { date: when(s.confirmedAt) })} ·{" "}
                    {s.componentIds.length
                      ? staffT("staff.subscribers.only", {
                          components: s.componentIds.map((id) => names.get(id) ?? id).join(", "),
                        })
                      : staffT("staff.subscribers.all")}
                  </p>
                </div>
                <RemoveSubscriber id={s.id} label={label} />
              </li>
            );
          })}
        </ul>
      )}
      <AddSubscriberForm variant="webhook" components={components} />
    </section>
  );
}
