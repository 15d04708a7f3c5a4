import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { seedDemo } from "@/db/seed";
import {
  badgeEndpointJson,
  badgeSvg,
  cleanLabel,
  groupKeys,
  LABEL_MAX,
  parseBadgePath,
  parseStyle,
  resolveBadge,
  snapGroups,
  uptimeBadge,
  uptimeColor,
} from "./badges";
import { must, setComponentStatus } from "./testing";
import { translator } from "./i18n/messages";
import { buildSnapshot } from "./snapshot";
import { uptimeBetween, uptimePercent } from "./uptime";

const NOW = Date.parse("2026-11-24T12:00:00Z");

function snapshot() {
  const db = testDatabase();
  seedDemo(db, { name: "Demo", timeZone: "Etc/UTC", now: NOW });
  return { db, s: buildSnapshot(db, { publicUrl: "http://status.test", now: NOW }) };
}

describe("badge paths", () => {
  it("reads the overall, component and uptime badges, and nothing else", () => {
    expect(parseBadgePath("/badge.svg")).toEqual({ kind: "overall", format: "svg" });
    expect(parseBadgePath("/badge.json")).toEqual({ kind: "overall", format: "json" });
    expect(parseBadgePath("/badge/api.json")).toEqual({ kind: "component", component: "api", format: "json" });
    expect(parseBadgePath("/badge/api/uptime-7d.svg")).toEqual({
      kind: "uptime",
      component: "api",
      window: "7d",
      format: "svg",
    });
    expect(parseBadgePath("/badge/api/uptime-30d.json")).toEqual({
      kind: "uptime",
      component: "api",
      window: "30d",
      format: "json",
    });
    expect(parseBadgePath("/badge/api/uptime-1y.svg")).toBe("unknown");
    expect(parseBadgePath("/badge/../../etc.svg")).toBe("unknown");
    expect(parseBadgePath("/badges")).toBeNull();
  });
});

describe("badges", () => {
  it("say the overall status and each component's, by id or slug; unknown ones are grey", () => {
    const { s } = snapshot();
    expect(resolveBadge(s, { kind: "overall", format: "svg" }).badge).toEqual({
      label: "status",
      message: "partially degraded service",
      color: "a16207",
    });
    const c = must(s.components[0], "a component");
    const bySlug = resolveBadge(s, { kind: "component", component: c.slug, format: "svg" });
    expect(bySlug).toEqual(resolveBadge(s, { kind: "component", component: c.id, format: "svg" }));
    expect(bySlug.found).toBe(true);
    expect(bySlug.badge.label).toBe(c.name);
    const unknown = resolveBadge(s, { kind: "component", component: "no-such-thing", format: "svg" });
    expect(unknown).toEqual({ badge: { label: "status", message: "unknown", color: "4b5563" }, found: false });
    expect(badgeSvg(unknown.badge, "flat")).toContain('aria-label="status: unknown"');
  });

  it("speak a locale's words when asked (SVG under a prefix), keeping the colours", () => {
    const { s } = snapshot();
    const de = translator("de");
    expect(resolveBadge(s, { kind: "overall", format: "svg" }, de).badge).toEqual({
      label: "Status",
      message: de.t("status.degraded"),
      color: "a16207",
    });
    const c = must(s.components[0], "a component");
    expect(resolveBadge(s, { kind: "component", component: c.slug, format: "svg" }, de).badge.message).toBe(
      de.t(`component.${c.status}`),
    );
    const ja = resolveBadge(s, { kind: "uptime", component: c.slug, window: "30d", format: "svg" }, translator("ja"));
    expect(ja.badge.label).toBe("稼働率 30日");
    expect(ja.badge.message).toMatch(/^\d+(\.\d+)?%$|^データなし$/u);
  });

  it("follow a component's status", () => {
    const { db, s } = snapshot();
    const c = s.components.find((x) => x.status === "operational")!;
    setComponentStatus(db, c.id, "major_outage", NOW);
    const after = buildSnapshot(db, { publicUrl: "http://status.test", now: NOW + 1 });
    expect(resolveBadge(after, { kind: "component", component: c.slug, format: "json" }).badge).toMatchObject({
      message: "major outage",
      color: "b91c1c",
    });
  });

  it("render as SVG in every style, the label escaped", () => {
    for (const style of ["flat", "flat-square", "for-the-badge"] as const) {
      const svg = badgeSvg({ label: '<script>"x"</script>', message: "ok", color: "brightgreen" }, style);
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).not.toContain("<script>");
    }
    expect(parseStyle("plastic")).toBe("flat");
    expect(parseStyle("flat-square")).toBe("flat-square");
  });

  it("take a caller's label only when printable and short", () => {
    expect(cleanLabel(null, "status")).toBe("status");
    expect(cleanLabel("  \u0000  ", "status")).toBe("status");
    expect(cleanLabel("my   api\n", "status")).toBe("my api");
    expect(cleanLabel("x".repeat(200), "status")).toHaveLength(LABEL_MAX);
  });

  it("give the shields.io endpoint schema and nothing more", () => {
    const json = badgeEndpointJson({ label: "status", message: "operational", color: "brightgreen" });
    expect(Object.keys(json).sort()).toEqual(["cacheSeconds", "color", "label", "message", "schemaVersion"]);
    expect(json.schemaVersion).toBe(1);
    expect(json.cacheSeconds).toBeGreaterThanOrEqual(300);
  });

  it("say a group's status, the worst of its components', by id or name slug", () => {
    const { db, s } = snapshot();
    const group = must(
      snapGroups(s).find((g) => g.components.length > 1),
      "a group with two components",
    );
    const [first, second] = group.components;
    const slug = must(groupKeys(group)[0], "the group's name slug");
    expect(slug).not.toBe(group.id);
    setComponentStatus(db, must(first, "a component").id, "partial_outage", NOW);
    setComponentStatus(db, must(second, "a second component").id, "major_outage", NOW);
    const after = buildSnapshot(db, { publicUrl: "http://status.test", now: NOW + 1 });
    for (const key of [group.id, slug]) {
      const { badge, found } = resolveBadge(after, { kind: "component", component: key, format: "json" });
      expect(found, key).toBe(true);
      expect(badge).toEqual({ label: group.name, message: "major outage", color: "b91c1c" });
    }
  });

  it("pool a group's uptime over its components' days", () => {
    const { s } = snapshot();
    const group = must(
      snapGroups(s).find((g) => g.components.some((c) => c.name === "Database cluster")),
      "the database's group",
    );
    const pooled = uptimePercent(group.components.flatMap((c) => c.uptimeDays.slice(-90)));
    expect(pooled).not.toBeNull();
    const badge = resolveBadge(s, { kind: "uptime", component: group.id, window: "90d", format: "json" });
    expect(badge).toEqual({
      badge: { label: "uptime 90d", message: `${pooled}%`, color: uptimeColor(pooled) },
      found: true,
    });
    // Every component was up over the last day, so the group's mean is 100.
    expect(resolveBadge(s, { kind: "uptime", component: group.id, window: "24h", format: "svg" }).badge.message).toBe(
      "100%",
    );
  });

  it("show uptime over 24 hours and 7, 30 or 90 days", () => {
    const { s } = snapshot();
    const dbc = s.components.find((c) => c.name === "Database cluster")!;
    // The demo's database outage was 83 days ago: only the 90-day window sees it.
    expect(uptimeBadge(dbc, "30d").message).toBe("100%");
    expect(uptimeBadge(dbc, "90d").message).toMatch(/^99\.\d+%$/);
    expect(uptimeBadge(dbc, "24h").message).toBe("100%");
    expect(uptimeColor(null)).toBe("4b5563");
    expect(uptimeColor(99.95)).toBe("047857");
    expect(uptimeColor(90)).toBe("b91c1c");
  });
});

describe("uptimeBetween", () => {
  it("weighs a partial outage at 30% and ignores time outside the window", () => {
    const h = 3_600_000;
    const periods = [
      { status: "operational" as const, startedAt: 0, endedAt: 10 * h },
      { status: "partial_outage" as const, startedAt: 10 * h, endedAt: 20 * h },
      { status: "major_outage" as const, startedAt: 20 * h, endedAt: null },
    ];
    expect(uptimeBetween(periods, 0, 10 * h)).toBe(100);
    expect(uptimeBetween(periods, 10 * h, 20 * h)).toBe(70);
    expect(uptimeBetween(periods, 20 * h, 30 * h)).toBe(0);
    expect(uptimeBetween(periods, 0, 20 * h)).toBe(85);
    expect(uptimeBetween([], 0, h)).toBeNull();
  });
});
