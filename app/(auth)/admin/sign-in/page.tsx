import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/SignInForm";
import { StaffRich } from "@/components/admin/StaffRich";
import { config } from "@/lib/config";
import { currentStaff, pendingSsoAccount } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.signIn.metaTitle") };

/** Only paths inside the staff area: an open redirect would turn sign-in into a phishing tool. */
function safeCallback(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && /^\/admin(\/|$|\?)/.test(value) && !value.startsWith("/admin/sign-in") ? value : "/admin";
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await currentStaff()) redirect(callbackUrl);
  const oidc = config().oidc;
  const error = typeof params.error === "string" ? params.error : undefined;
  const pending = oidc ? await pendingSsoAccount() : null;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-12">
      <h1 className="text-2xl font-semibold tracking-tight">{staffT("staff.signIn.heading")}</h1>
      <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
        <StaffRich
          id="staff.signIn.intro"
          values={{
            link: (
              <a className="underline" href="/">
                /
              </a>
            ),
          }}
        />
      </p>
      <SignInForm callbackUrl={callbackUrl} ssoName={oidc?.name} initialError={error} pending={pending ?? undefined} />
    </main>
  );
}
