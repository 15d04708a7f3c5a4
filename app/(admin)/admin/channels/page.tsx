import type { Metadata } from "next";
import { AddSubscriberForm, NetworkSwitch, RemoveSubscriber } from "@/components/admin/SubscriberForms";
import { deliveryState } from "@/components/admin/delivery-state";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { mailConfigured } from "@/lib/mail";
import { SOCIAL_NETWORKS } from "@/lib/syndication/networks";
import { channelsView } from "@/lib/views/channels";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.channels.metaTitle") };

const time = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;

export default async function ChannelsPage() {
  await requireStaff("admin");
  const { configured, switches, chats, components, problems, counts } = channelsView();
  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-xl font-semibold">{staffT("staff.channels.heading")}</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          {staffT("staff.channels.intro", {
            pending: String(counts.pending ?? 0),
            failed: String(counts.failed ?? 0),
            unknown: String(counts.unknown ?? 0),
          })}
        </p>
      </div>
      <div>
        <h2 className="mb-2 font-semibold">{staffT("staff.channels.social")}</h2>
        <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
          {SOCIAL_NETWORKS.map(({ name: n, label, required }) => {
            const isConfigured = configured.has(n);
            const enabled = isConfigured && switches.get(n) !== false;
            return (
              <li key={n} className="flex flex-wrap items-center justify-between gap-3 p-3">
                <div>
                  <p className="font-medium">
                    {enabled
                      ? staffT("staff.channels.networkOn", { name: label })
                      : staffT("staff.channels.networkOff", { name: label })}
                  </p>
                  <p className="text-xs text-gray-600 dark:text-gray-400">
                    {isConfigured
                      ? enabled
                        ? staffT("staff.channels.posting")
                        : staffT("staff.channels.switchedOff")
                      : staffT("staff.channels.notConfigured", { settings: required.join(", ") })}
                  </p>
                </div>
                {isConfigured ? <NetworkSwitch name={n} label={label} enabled={enabled} /> : null}
              </li>
            );
          })}
          <li className="p-3">
            <p className="font-medium">
              {mailConfigured() ? staffT("staff.channels.emailOn") : staffT("staff.channels.emailOff")}
            </p>
            <p className="text-xs text-gray-600 dark:text-gray-400">
              {mailConfigured()
                ? staffT("staff.channels.emailConfigured")
                : staffT("staff.channels.emailNotConfigured")}
            </p>
          </li>
        </ul>
      </div>
      <div className="space-y-3">
        <h2 className="font-semibold">{staffT("staff.channels.chats")}</h2>
        {chats.length === 0 ? (
          <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.channels.noChats")}</p>
        ) : (
          <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
            {chats.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                <p className="break-all text-sm">
                  <span className="mr-2 rounded bg-gray-100 px-1.5 py-0.5 text-xs uppercase dark:bg-gray-800">
                    {c.kind}
                  </span>
                  {c.label || new URL(c.address).host}
                  {c.confirmationSentAt !== null ? (
                    <span className="ml-2 text-xs text-gray-600 dark:text-gray-400">
                      {c.confirmedAt === null
                        ? staffT("staff.channels.unconfirmed")
                        : staffT("staff.channels.fromVisitor")}
                    </span>
                  ) : null}
                </p>
                <RemoveSubscriber id={c.id} label={`${c.kind} ${c.label || c.id}`} />
              </li>
            ))}
          </ul>
        )}
        <AddSubscriberForm variant="chat" components={components} />
      </div>
      <div>
        <h2 className="mb-2 font-semibold">{staffT("staff.channels.failures")}</h2>
        {problems.length === 0 ? (
          <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.channels.noFailures")}</p>
        ) : (
          <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 text-sm dark:divide-gray-800 dark:border-gray-800">
            {problems.map((p) => (
              <li key={p.id} className="p-3">
                <a className="font-medium text-blue-700 underline dark:text-blue-300" href={p.href}>
                  {p.subject}
                </a>{" "}
                · {p.channel} · {deliveryState(p.state)} · {time(p.updatedAt)}
                <span className="block text-xs text-gray-700 dark:text-gray-300">{p.lastError}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
