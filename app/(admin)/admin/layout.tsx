import type { ReactNode } from "react";
import { AdminMenu, AdminNav } from "@/components/admin/AdminNav";
import { SignOutButton } from "@/components/admin/SignOutButton";
import { StaffRich } from "@/components/admin/StaffRich";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { staffShellView } from "@/lib/views/staff-shell";

export const dynamic = "force-dynamic";

// The staff shell. Each page still calls requireStaff itself with its own role and path:
// a layout does not re-run on client navigation, so it cannot be the only gate.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff("editor");
  const { pageName } = staffShellView();
  // Beside the page name from 640 px; at the foot of the phone menu below that.
  const account = (
    <div className="flex min-w-0 items-center justify-between gap-3">
      <p className="min-w-0 text-sm sm:text-right">
        <span className="block truncate font-medium" data-testid="staff-email">
          {staff.label}
        </span>
        <span className="block text-xs text-gray-600 capitalize dark:text-gray-400">{staff.role}</span>
      </p>
      <SignOutButton />
    </div>
  );
  return (
    <div className="min-h-screen">
      <a
        href="#admin-main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2 focus:text-gray-900"
      >
        {staffT("staff.nav.skip")}
      </a>
      <header className="relative border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-2 sm:py-3">
          <p className="min-w-0">
            <a href="/admin" className="block truncate text-lg font-bold tracking-tight hover:underline">
              {pageName}
            </a>
            <span className="block text-xs text-gray-600 dark:text-gray-400">
              <StaffRich
                id="staff.nav.staffArea"
                tags={{
                  public: (text) => (
                    <a href="/" className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
                      {text}
                    </a>
                  ),
                }}
              />
            </span>
          </p>
          <div className="hidden min-w-0 sm:block">{account}</div>
          <AdminMenu role={staff.role} account={account} />
        </div>
        <AdminNav role={staff.role} />
      </header>
      <main id="admin-main" className="mx-auto max-w-5xl px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
