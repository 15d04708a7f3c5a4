import type { Metadata } from "next";
import { AddSubscriberForm, NetworkSwitch, RemoveSubscriber } from "@/components/admin/SubscriberForms";
import { requireStaff } from "@/lib/auth/session";
import { mailConfigured } from "@/lib/mail";
import { SOCIAL_NETWORKS } from "@/lib/syndication/networks";
import { channelsView } from "@/lib/views/channels";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Channels · Outpost" };

const time = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;

export default async function ChannelsPage() {
  await requireStaff("admin");
  const { configured, switches, chats, components, problems, counts } = channelsView();
  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-xl font-semibold">Channels</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          Where updates posted with “notify” go. Waiting: {counts.pending ?? 0} · failed: {counts.failed ?? 0} · unknown
          outcome: {counts.unknown ?? 0}.
        </p>
      </div>
      <div>
        <h2 className="mb-2 font-semibold">Social networks</h2>
        <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
          {SOCIAL_NETWORKS.map(({ name: n, label, required }) => {
            const isConfigured = configured.has(n);
            const enabled = isConfigured && switches.get(n) !== false;
            return (
              <li key={n} className="flex flex-wrap items-center justify-between gap-3 p-3">
                <div>
                  <p className="font-medium">
                    {label}: {enabled ? "on" : "off"}
                  </p>
                  <p className="text-xs text-gray-600 dark:text-gray-400">
                    {isConfigured
                      ? enabled
                        ? "Posting every notified update."
                        : "Switched off here."
                      : `Off: set ${required.join(", ")} to turn it on.`}
                  </p>
                </div>
                {isConfigured ? <NetworkSwitch name={n} label={label} enabled={enabled} /> : null}
              </li>
            );
          })}
          <li className="p-3">
            <p className="font-medium">Email: {mailConfigured() ? "on" : "off"}</p>
            <p className="text-xs text-gray-600 dark:text-gray-400">
              {mailConfigured()
                ? "Subscribers confirm by email from the public page."
                : "Off: set SMTP_URL to offer email subscriptions."}
            </p>
          </li>
        </ul>
      </div>
      <div className="space-y-3">
        <h2 className="font-semibold">Chat channels</h2>
        {chats.length === 0 ? (
          <p className="text-sm text-gray-600 dark:text-gray-400">None yet.</p>
        ) : (
          <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
            {chats.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                <p className="break-all text-sm">
                  <span className="mr-2 rounded bg-gray-100 px-1.5 py-0.5 text-xs uppercase dark:bg-gray-800">
                    {c.kind}
                  </span>
                  {c.label || new URL(c.address).host}
                </p>
                <RemoveSubscriber id={c.id} label={`${c.kind} ${c.label || c.id}`} />
              </li>
            ))}
          </ul>
        )}
        <AddSubscriberForm variant="chat" components={components} />
      </div>
      <div>
        <h2 className="mb-2 font-semibold">Recent failures</h2>
        {problems.length === 0 ? (
          <p className="text-sm text-gray-600 dark:text-gray-400">None.</p>
        ) : (
          <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 text-sm dark:divide-gray-800 dark:border-gray-800">
            {problems.map((p) => (
              <li key={p.id} className="p-3">
                <a className="font-medium text-blue-700 underline dark:text-blue-300" href={p.href}>
                  {p.subject}
                </a>{" "}
                · {p.channel} · {p.state} · {time(p.updatedAt)}
                <span className="block text-xs text-gray-700 dark:text-gray-300">{p.lastError}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
