import type { Metadata } from "next";
import { NewTokenForm, TokenRow } from "@/components/auth/TokenForms";
import { requireStaff } from "@/lib/auth/session";
import { tokensView } from "@/lib/views/tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens · Outpost" };

export default async function TokensPage() {
  await requireStaff("admin");
  const tokens = tokensView();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">API tokens</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          For scripts and alerting tools using the Statuspage-compatible API at <code>/api/v1/pages/…</code>: send{" "}
          <code>Authorization: OAuth &lt;token&gt;</code> or <code>Bearer &lt;token&gt;</code>. Each token has a scope:
          read, write (an editor&apos;s rights) or admin (also API tokens and the data export); a route that needs more
          answers 403.{" "}
          <a className="underline" href="/api/v1/openapi.json">
            OpenAPI description
          </a>
        </p>
      </div>
      {tokens.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">No tokens yet.</p>
      ) : (
        <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
          {tokens.map((t) => (
            <TokenRow key={t.id} token={t} />
          ))}
        </ul>
      )}
      <NewTokenForm />
    </section>
  );
}
