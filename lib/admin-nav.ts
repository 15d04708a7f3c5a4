// The staff area's menu: the Dashboard and four groups, filtered by role, with the current page
// (and its group) marked. Pure data, so the desktop row and the phone menu show the same thing.
import type { Role } from "@/lib/constants";
import { staffT, type StaffKey } from "@/lib/i18n/staff";

type Item = { href: string; key: StaffKey; role: Role };
type Group = { id: string; key: StaffKey; items: Item[] };

const DASHBOARD: Item = { href: "/admin", key: "staff.nav.dashboard", role: "editor" };

export const ADMIN_NAV_GROUPS: readonly Group[] = [
  {
    id: "incidents",
    key: "staff.nav.groupIncidents",
    items: [
      { href: "/admin/incidents", key: "staff.nav.incidents", role: "editor" },
      { href: "/admin/maintenance", key: "staff.nav.maintenance", role: "editor" },
      { href: "/admin/templates", key: "staff.nav.templates", role: "editor" },
    ],
  },
  {
    id: "components",
    key: "staff.nav.groupComponents",
    items: [
      { href: "/admin/components", key: "staff.nav.components", role: "editor" },
      { href: "/admin/monitors", key: "staff.nav.monitors", role: "editor" },
      { href: "/admin/probe-agents", key: "staff.nav.probeAgents", role: "editor" },
      { href: "/admin/alert-sources", key: "staff.nav.alertSources", role: "editor" },
    ],
  },
  {
    id: "reach",
    key: "staff.nav.groupReach",
    items: [
      { href: "/admin/subscribers", key: "staff.nav.subscribers", role: "admin" },
      { href: "/admin/channels", key: "staff.nav.channels", role: "admin" },
    ],
  },
  {
    id: "settings",
    key: "staff.nav.groupSettings",
    items: [
      { href: "/admin/settings", key: "staff.nav.settings", role: "admin" },
      { href: "/admin/people", key: "staff.nav.people", role: "admin" },
      { href: "/admin/tokens", key: "staff.nav.tokens", role: "admin" },
      { href: "/admin/audit", key: "staff.nav.audit", role: "admin" },
      { href: "/admin/account", key: "staff.nav.account", role: "editor" },
    ],
  },
];

export type NavLink = { kind: "link"; href: string; label: string; current: boolean };
export type NavGroup = { kind: "group"; id: string; label: string; current: boolean; items: NavLink[] };
export type NavEntry = NavLink | NavGroup;

export function isCurrentPath(pathname: string, href: string): boolean {
  return href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);
}

const link = (item: Item, pathname: string): NavLink => ({
  kind: "link",
  href: item.href,
  label: staffT(item.key),
  current: isCurrentPath(pathname, item.href),
});

/**
 * What `role` sees at `pathname`: the Dashboard, then each group with the items the role may open.
 * A group left with one item is that item's plain link (an editor's Settings is just Account); a
 * group left with none is not shown.
 */
export function adminNav(role: Role, pathname: string): NavEntry[] {
  const entries: NavEntry[] = [link(DASHBOARD, pathname)];
  for (const group of ADMIN_NAV_GROUPS) {
    const items = group.items.filter((i) => i.role === "editor" || role === "admin").map((i) => link(i, pathname));
    const [only] = items;
    if (only && items.length === 1) entries.push(only);
    else if (items.length > 1)
      entries.push({
        kind: "group",
        id: group.id,
        label: staffT(group.key),
        current: items.some((i) => i.current),
        items,
      });
  }
  return entries;
}
