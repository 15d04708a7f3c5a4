"use client";
// The staff area's navigation. The current page is marked with aria-current, not colour alone.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Role } from "@/lib/constants";

type Item = { href: string; label: string; role: Role };

export const ADMIN_NAV: readonly Item[] = [
  { href: "/admin", label: "Dashboard", role: "editor" },
  { href: "/admin/incidents", label: "Incidents", role: "editor" },
  { href: "/admin/maintenance", label: "Maintenance", role: "editor" },
  { href: "/admin/templates", label: "Templates", role: "editor" },
  { href: "/admin/components", label: "Components", role: "editor" },
  { href: "/admin/monitors", label: "Monitors", role: "editor" },
  { href: "/admin/subscribers", label: "Subscribers", role: "admin" },
  { href: "/admin/channels", label: "Channels", role: "admin" },
  { href: "/admin/settings", label: "Settings", role: "admin" },
  { href: "/admin/people", label: "People", role: "admin" },
  { href: "/admin/tokens", label: "API tokens", role: "admin" },
  { href: "/admin/audit", label: "Audit log", role: "admin" },
  { href: "/admin/account", label: "Account", role: "editor" },
];

function isCurrent(pathname: string, href: string): boolean {
  return href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);
}

export function AdminNav({ role }: { role: Role }) {
  const pathname = usePathname() ?? "";
  const items = ADMIN_NAV.filter((i) => i.role === "editor" || role === "admin");
  return (
    <nav aria-label="Staff area" className="border-b border-gray-200 dark:border-gray-800">
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
