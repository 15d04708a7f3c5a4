import type { Metadata } from "next";
import { AddSubscriberForm, RemoveSubscriber } from "@/components/admin/SubscriberForms";
import { requireStaff } from "@/lib/auth/session";
import { SUBSCRIBERS_PAGE_SIZE as PAGE_SIZE, subscribersView } from "@/lib/views/subscribers";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Subscribers · Outpost" };

const when = (t: number | null) => (t ? `${new Date(t).toISOString().slice(0, 10)}` : "not yet");

export default async function SubscribersPage() {
  await requireStaff("admin");
  const { components, componentNames: names, subscribers, total } = subscribersView();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Subscribers</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          People and systems notified of every update posted with “notify”: email (double opt-in from the public page),
          webhooks and chat channels.
          {total > PAGE_SIZE ? ` Showing the first ${PAGE_SIZE} of ${total}.` : ` ${total} in all.`}
        </p>
      </div>
      {subscribers.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">No subscribers yet.</p>
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
                    confirmed {when(s.confirmedAt)} ·{" "}
                    {s.componentIds.length
                      ? `only ${s.componentIds.map((id) => names.get(id) ?? id).join(", ")}`
                      : "all components"}
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
