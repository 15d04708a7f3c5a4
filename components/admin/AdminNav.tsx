"use client";
// The staff area's navigation. The current page is marked with aria-current, not colour alone.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Role } from "@/lib/constants";
import { staffT } from "@/lib/i18n/staff";

type Item = { href: string; label: string; role: Role };

export const ADMIN_NAV: readonly Item[] = [
  { href: "/admin", label: staffT("staff.nav.dashboard"), role: "editor" },
  { href: "/admin/incidents", label: staffT("staff.nav.incidents"), role: "editor" },
  { href: "/admin/maintenance", label: staffT("staff.nav.maintenance"), role: "editor" },
  { href: "/admin/templates", label: staffT("staff.nav.templates"), role: "editor" },
  { href: "/admin/components", label: staffT("staff.nav.components"), role: "editor" },
  { href: "/admin/monitors", label: staffT("staff.nav.monitors"), role: "editor" },
  { href: "/admin/subscribers", label: staffT("staff.nav.subscribers"), role: "admin" },
  { href: "/admin/channels", label: staffT("staff.nav.channels"), role: "admin" },
  { href: "/admin/settings", label: staffT("staff.nav.settings"), role: "admin" },
  { href: "/admin/people", label: staffT("staff.nav.people"), role: "admin" },
  { href: "/admin/tokens", label: staffT("staff.nav.tokens"), role: "admin" },
  { href: "/admin/audit", label: staffT("staff.nav.audit"), role: "admin" },
  { href: "/admin/account", label: staffT("staff.nav.account"), role: "editor" },
];

function isCurrent(pathname: string, href: string): boolean {
  return href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);
}

export function AdminNav({ role }: { role: Role }) {
  const pathname = usePathname() ?? "";
  const items = ADMIN_NAV.filter((i) => i.role === "editor" || role === "admin");
  return (
    <nav aria-label={staffT("staff.nav.label")} className="border-b border-gray-200 dark:border-gray-800">
      <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-1 gap-y-1 px-2 py-1.5 sm:px-4">
        {items.map((item) => {
          const current = isCurrent(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-2.5 py-1.5 text-sm font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 ${
                  current
                    ? "bg-blue-50 text-blue-800 underline decoration-2 underline-offset-4 dark:bg-blue-950 dark:text-blue-200"
                    : "text-gray-700 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
