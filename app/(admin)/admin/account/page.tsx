import type { Metadata } from "next";
import { PasswordForm, ProfileForm, SignOutEverywhereForm } from "@/components/auth/AccountForms";
import { TwoFactorSection } from "@/components/auth/TwoFactorForms";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { qrSvg, totpUri } from "@/lib/auth/totp";
import { accountView } from "@/lib/views/account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.account.metaTitle") };

export default async function AccountPage() {
  const { user } = await requireStaff("editor");
  const pending =
    !user.totpEnabledAt && user.totpSecret
      ? { secret: user.totpSecret, qr: await qrSvg(totpUri(user.totpSecret, user.email)) }
      : null;
  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-xl font-semibold">{staffT("staff.account.heading")}</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          {user.email} · {user.role}
        </p>
      </div>
      <ProfileForm name={user.name} />
      {user.passwordHash && <PasswordForm />}
      <TwoFactorSection
        enabled={user.totpEnabledAt !== null}
        pending={pending}
        recoveryLeft={accountView(user.id).recoveryLeft}
      />
      <SignOutEverywhereForm />
    </section>
  );
}
