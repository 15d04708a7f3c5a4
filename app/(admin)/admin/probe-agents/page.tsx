import type { Metadata } from "next";
import { AgentPlaceForm, NewAgentForm, RemoveAgentButton } from "@/components/admin/ProbeAgentForms";
import { requireStaff } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { staffT } from "@/lib/i18n/staff";
import { probeAgentsView, type AgentState } from "@/lib/views/probe-agents";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.agents.metaTitle") };

const time = (t: number) => `${new Date(t).toISOString().slice(0, 19).replace("T", " ")} UTC`;

const LOOK: Record<AgentState, string> = {
  waiting: "bg-gray-100 text-gray-800 dark:bg-gray-800 dark:text-gray-200",
  reporting: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  silent: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
};

export default async function ProbeAgentsPage() {
  const staff = await requireStaff("editor", "/admin/probe-agents");
  const admin = staff.role === "admin";
  const agents = probeAgentsView();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{staffT("staff.agents.heading")}</h1>
        <p className="max-w-prose text-sm text-gray-600 dark:text-gray-400">{staffT("staff.agents.intro")}</p>
      </div>
      {agents.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.agents.none")}</p>
      ) : (
        <ul
          aria-label={staffT("staff.agents.caption")}
          className="divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800"
        >
          {agents.map((a) => (
            <li key={a.id} className="space-y-3 p-4" aria-label={a.name} data-agent={a.name}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <p className="font-medium">
                    {a.name} <span className="font-normal text-gray-600 dark:text-gray-400">· {a.label}</span>{" "}
                    <span className={`ml-1 inline-block rounded px-2 py-0.5 text-xs font-medium ${LOOK[a.state]}`}>
                      {a.state === "silent" && a.silentSince
                        ? staffT("staff.agents.silentSince", { time: time(a.silentSince) })
                        : staffT(`staff.agents.${a.state}`)}
                    </span>
                  </p>
                  <p className="text-xs text-gray-600 dark:text-gray-400">
                    {staffT("staff.agents.lastContact", {
                      time: a.lastSeenAt ? time(a.lastSeenAt) : staffT("staff.agents.never"),
                    })}
                    {a.version ? ` · ${staffT("staff.agents.version", { version: a.version })}` : ""}
                    {a.clockSkewMs !== null ? ` · ${staffT("staff.agents.skew", { ms: String(a.clockSkewMs) })}` : ""}
                    {` · ${staffT("staff.agents.monitors", { count: a.monitors })}`}
                  </p>
                </div>
                {admin ? <RemoveAgentButton id={a.id} name={a.name} /> : null}
              </div>
              {admin ? <AgentPlaceForm id={a.id} name={a.name} label={a.label} /> : null}
            </li>
          ))}
        </ul>
      )}
      {admin ? <NewAgentForm serverUrl={config().publicUrl} /> : null}
    </section>
  );
}
