"use client";
// The staff area's navigation: the Dashboard and four groups (lib/admin-nav.ts). From 640 px one
// row, each group a disclosure (<details>) opening a small menu; on phones one "Menu" disclosure
// opens the whole grouped list. Both work without JavaScript; with it, Escape or a click elsewhere
// closes an open menu, one group opens at a time, and following a link closes it. The current
// page carries aria-current="page" and its group aria-current="true", not colour alone.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode, type SyntheticEvent } from "react";
import { adminNav, type NavEntry, type NavLink } from "@/lib/admin-nav";
import type { Role } from "@/lib/constants";
import { staffT } from "@/lib/i18n/staff";

const FOCUS = "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600";
const CURRENT =
  "bg-blue-50 text-blue-800 underline decoration-2 underline-offset-4 dark:bg-blue-950 dark:text-blue-200";
const IDLE = "text-gray-700 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800";
const SUMMARY = "cursor-pointer list-none [&::-webkit-details-marker]:hidden";

/** Closes the open menus under `ref` on Escape (focus back on its label), a click elsewhere, a followed link. */
function useMenus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const pathname = usePathname();
  useEffect(() => {
    ref.current?.querySelectorAll("details[open]").forEach((d) => ((d as HTMLDetailsElement).open = false));
  }, [pathname]);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const open = () => [...root.querySelectorAll<HTMLDetailsElement>("details[open]")];
    const onClick = (event: MouseEvent) => {
      const target = event.target as Element;
      for (const d of open()) if (!d.contains(target) || target.closest?.("a")) d.open = false;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      const active = document.activeElement;
      for (const d of open().reverse()) {
        const hadFocus = d.contains(active);
        d.open = false;
        if (hadFocus) d.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("click", onClick);
      document.removeEventListener("keydown", onKey);
    };
  }, []);
  return ref;
}

/** One group open at a time in the row. */
function closeOthers(event: SyntheticEvent<HTMLDetailsElement>) {
  const d = event.currentTarget;
  if (!d.open) return;
  d.parentElement
    ?.closest("ul")
    ?.querySelectorAll("details[open]")
    .forEach((other) => other !== d && ((other as HTMLDetailsElement).open = false));
}

function Caret() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className="h-4 w-4 transition-transform group-open/n:rotate-180">
      <path d="M5 7.5l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

function RowLink({ item }: { item: NavLink }) {
  return (
    <Link
      href={item.href}
      aria-current={item.current ? "page" : undefined}
      className={`block rounded-md px-2.5 py-1.5 text-sm font-medium ${FOCUS} ${item.current ? CURRENT : IDLE}`}
    >
      {item.label}
    </Link>
  );
}

function MenuLink({ item }: { item: NavLink }) {
  return (
    <Link
      href={item.href}
      aria-current={item.current ? "page" : undefined}
      className={`flex min-h-11 items-center rounded-md px-3 text-sm ${FOCUS} ${
        item.current
          ? `font-semibold ${CURRENT}`
          : "text-gray-800 hover:bg-gray-100 dark:text-gray-200 dark:hover:bg-gray-800"
      }`}
    >
      {item.label}
    </Link>
  );
}

/** The row (640 px and wider). */
export function AdminNav({ role }: { role: Role }) {
  const entries = adminNav(role, usePathname() ?? "");
  const ref = useMenus<HTMLElement>();
  return (
    <nav
      ref={ref}
      aria-label={staffT("staff.nav.label")}
      className="hidden border-t border-gray-200 sm:block dark:border-gray-800"
    >
      <ul className="mx-auto flex max-w-5xl flex-wrap items-center gap-1 px-4 py-1.5">
        {entries.map((entry) => (
          <li key={entry.kind === "link" ? entry.href : entry.id} className="relative">
            {entry.kind === "link" ? (
              <RowLink item={entry} />
            ) : (
              <details className="group/n" data-nav-group={entry.id} onToggle={closeOthers}>
                <summary
                  aria-current={entry.current ? "true" : undefined}
                  className={`${SUMMARY} flex items-center gap-1 rounded-md py-1.5 pl-2.5 pr-1.5 text-sm font-medium ${FOCUS} ${
                    entry.current ? CURRENT : IDLE
                  }`}
                >
                  {entry.label}
                  <Caret />
                </summary>
                <ul className="absolute left-0 top-full z-20 mt-1 min-w-52 space-y-0.5 rounded-md border border-gray-200 bg-white p-1 shadow-lg dark:border-gray-700 dark:bg-gray-900">
                  {entry.items.map((item) => (
                    <li key={item.href}>
                      <MenuLink item={item} />
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function PhoneEntry({ entry }: { entry: NavEntry }) {
  if (entry.kind === "link") return <MenuLink item={entry} />;
  const id = `nav-group-${entry.id}`;
  return (
    <>
      <p
        id={id}
        aria-current={entry.current ? "true" : undefined}
        className={`px-3 pb-1 text-xs font-semibold uppercase tracking-wide ${
          entry.current
            ? "text-blue-800 underline underline-offset-4 dark:text-blue-200"
            : "text-gray-600 dark:text-gray-400"
        }`}
      >
        {entry.label}
      </p>
      <ul aria-labelledby={id}>
        {entry.items.map((item) => (
          <li key={item.href}>
            <MenuLink item={item} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** Phones (under 640 px): one "Menu" button opening the grouped list, and the account at its foot. */
export function AdminMenu({ role, account }: { role: Role; account: ReactNode }) {
  const [dashboard, ...rest] = adminNav(role, usePathname() ?? "");
  const ref = useMenus<HTMLElement>();
  return (
    <nav ref={ref} aria-label={staffT("staff.nav.label")} className="sm:hidden">
      <details className="group/n" data-nav-menu="">
        <summary
          className={`${SUMMARY} flex min-h-11 items-center gap-2 rounded-md border border-gray-300 bg-white px-3 text-sm font-medium text-gray-900 hover:bg-gray-100 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-800 ${FOCUS}`}
        >
          <svg viewBox="0 0 20 20" aria-hidden="true" className="h-4 w-4">
            <path d="M3 5.5h14M3 10h14M3 14.5h14" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
          {staffT("staff.nav.menu")}
        </summary>
        <div className="absolute inset-x-0 top-full z-30 max-h-[calc(100dvh-4rem)] overflow-y-auto border-b border-gray-200 bg-white px-3 pb-4 pt-2 shadow-lg dark:border-gray-800 dark:bg-gray-900">
          <MenuLink item={dashboard as NavLink} />
          <ul className="mt-2 grid grid-cols-2 gap-x-2 gap-y-3">
            {rest.map((entry) => (
              <li key={entry.kind === "link" ? entry.href : entry.id}>
                <PhoneEntry entry={entry} />
              </li>
            ))}
          </ul>
          <div className="mt-3 border-t border-gray-200 px-3 pt-3 dark:border-gray-800">{account}</div>
        </div>
      </details>
    </nav>
  );
}
