import { describe, expect, it } from "vitest";
import { adminNav, type NavEntry } from "./admin-nav";

const shape = (entries: NavEntry[]) =>
  entries.map((e) => (e.kind === "link" ? e.label : `${e.label}: ${e.items.map((i) => i.label).join(", ")}`));

describe("the staff menu", () => {
  it("groups the fifteen pages for an admin: the Dashboard and four groups", () => {
    expect(shape(adminNav("admin", "/admin"))).toEqual([
      "Dashboard",
      "Incidents: Incidents, Maintenance, Templates",
      "Components & monitors: Components, Monitors, Probe agents, Alert sources",
      "Subscribers & channels: Subscribers, Channels",
      "Settings: Settings, People, API tokens, Audit log, Account",
    ]);
  });

  it("shows an editor no admin page; a group left with one page is that page's link", () => {
    expect(shape(adminNav("editor", "/admin"))).toEqual([
      "Dashboard",
      "Incidents: Incidents, Maintenance, Templates",
      "Components & monitors: Components, Monitors, Probe agents, Alert sources",
      "Account",
    ]);
  });

  it("marks the current page and its group, deeper pages included, and nothing else", () => {
    const nav = adminNav("admin", "/admin/incidents/abc123");
    const current = nav.flatMap((e) =>
      e.kind === "link"
        ? e.current
          ? [e.label]
          : []
        : [...(e.current ? [`group ${e.label}`] : []), ...e.items.filter((i) => i.current).map((i) => i.label)],
    );
    expect(current).toEqual(["group Incidents", "Incidents"]);
    // The Dashboard is current only at /admin itself; a look-alike prefix is not a match.
    expect(
      adminNav("admin", "/admin")
        .filter((e) => e.current)
        .map((e) => e.label),
    ).toEqual(["Dashboard"]);
    expect(adminNav("admin", "/admin/incidentsx").some((e) => e.current)).toBe(false);
    expect(adminNav("editor", "/admin/account").find((e) => e.label === "Account")?.current).toBe(true);
  });
});
