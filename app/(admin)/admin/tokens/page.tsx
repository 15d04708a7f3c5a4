import type { Metadata } from "next";
import { StaffRich } from "@/components/admin/StaffRich";
import { NewTokenForm, TokenRow } from "@/components/auth/TokenForms";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { tokensView } from "@/lib/views/tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.tokens.metaTitle") };

export default async function TokensPage() {
  await requireStaff("admin");
  const tokens = tokensView();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{staffT("staff.tokens.heading")}</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          <StaffRich
            id="staff.tokens.intro"
            values={{
              path: <code>{"/api/v1/pages/…"}</code>,
              oauth: <code>{"Authorization: OAuth <token>"}</code>,
              bearer: <code>{"Bearer <token>"}</code>,
            }}
            tags={{
              link: (text) => (
                <a className="underline" href="/api/v1/openapi.json">
                  {text}
                </a>
              ),
            }}
          />
        </p>
      </div>
      {tokens.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.tokens.none")}</p>
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
