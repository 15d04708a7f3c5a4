import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { ensurePage } from "@/db/seed";
import { listAudit } from "@/db/queries/audit";
import { getComponent, listComponents } from "@/db/queries/components";
import type { Actor } from "./audit";
import {
  createComponent,
  createGroup,
  deleteComponent,
  deleteGroup,
  moveItem,
  updateComponent,
  updateGroup,
} from "./components";
import { buildSnapshot } from "./snapshot";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const editor: Actor = { type: "user", id: "u1", label: "ed@example.com", role: "editor" };

function page() {
  const db = testDatabase();
  ensurePage(db, { name: "Test", timeZone: "Etc/UTC" });
  return db;
}

const order = (db: ReturnType<typeof page>) =>
  buildSnapshot(db, { publicUrl: "http://x", now: NOW }).layout.map((i) =>
    i.kind === "group" ? `[${i.group.name}: ${i.group.components.map((c) => c.name).join(", ")}]` : i.component.name,
  );

describe("component verbs", () => {
  it("creates components with unique slugs, in order, and audits each", () => {
    const db = page();
    const a = createComponent(db, editor, { name: "Public API" }, NOW);
    const b = createComponent(db, editor, { name: "Public API!" }, NOW);
    expect([a.slug, b.slug]).toEqual(["public-api", "public-api-2"]);
    expect(order(db)).toEqual(["Public API", "Public API!"]);
    expect(listAudit(db, { action: "component.create" })).toHaveLength(2);
  });

  it("records a status change in the component's history and the audit log", () => {
    const db = page();
    const c = createComponent(db, editor, { name: "API" }, NOW);
    updateComponent(db, editor, c.id, { status: "major_outage" }, NOW + 60_000);
    const snap = buildSnapshot(db, { publicUrl: "http://x", now: NOW + 120_000 });
    expect(snap.status.indicator).toBe("critical");
    expect(listAudit(db, { action: "component.status" })[0]).toMatchObject({
      before: { status: "operational" },
      after: { status: "major_outage" },
    });
  });

  it("rejects bad input with field messages and writes nothing", () => {
    const db = page();
    expect(() => createComponent(db, editor, { name: "" })).toThrow(/Give it a name/);
    expect(() => createComponent(db, editor, { name: "x", status: "down" as never })).toThrow(/Use one of/);
    expect(() => createComponent(db, editor, { name: "x", groupId: "nope" })).toThrow(/No component group/);
    expect(listComponents(db, buildSnapshot(db, { publicUrl: "http://x" }).page.id)).toHaveLength(0);
    expect(listAudit(db)).toHaveLength(0);
  });

  it("groups, reorders and ungroups; deleting a group keeps its components", () => {
    const db = page();
    const web = createComponent(db, editor, { name: "Web" }, NOW);
    const api = createComponent(db, editor, { name: "API" }, NOW);
    const g = createGroup(db, editor, { name: "Core", componentIds: [web.id, api.id] }, NOW);
    const cdn = createComponent(db, editor, { name: "CDN" }, NOW);
    expect(order(db)).toEqual(["[Core: Web, API]", "CDN"]);
    moveItem(db, editor, { kind: "component", id: api.id, direction: "up" }, NOW);
    moveItem(db, editor, { kind: "component", id: cdn.id, direction: "up" }, NOW);
    expect(order(db)).toEqual(["CDN", "[Core: API, Web]"]);
    updateGroup(db, editor, g.id, { componentIds: [api.id] }, NOW);
    expect(order(db)).toEqual(["CDN", "[Core: API]", "Web"]);
    deleteGroup(db, editor, g.id, NOW);
    expect(order(db)).toEqual(["CDN", "Web", "API"]);
    expect(getComponent(db, api.id)?.groupId).toBeNull();
  });

  it("keeps an https browser-probe URL, clears it with null or an empty string, and refuses other schemes and CSP-breaking text", () => {
    const db = page();
    const c = createComponent(db, editor, { name: "API", browserProbeUrl: "https://api.example.com/health" }, NOW);
    expect(getComponent(db, c.id)!.browserProbeUrl).toBe("https://api.example.com/health");
    for (const bad of [
      "javascript:alert(1)",
      "ftp://example.com/",
      "not a url",
      `https://x.test/${"a".repeat(600)}`,
      "https://probe.example;sandbox;x/",
      "http://10.0.0.1:8080/ping",
    ]) {
      expect(() => updateComponent(db, editor, c.id, { browserProbeUrl: bad })).toThrow(/URL|500/);
    }
    expect(updateComponent(db, editor, c.id, { browserProbeUrl: "" }).browserProbeUrl).toBeNull();
    expect(updateComponent(db, editor, c.id, { browserProbeUrl: "http://127.0.0.1:8080/ping" }).browserProbeUrl).toBe(
      "http://127.0.0.1:8080/ping",
    );
    expect(updateComponent(db, editor, c.id, { browserProbeUrl: null }).browserProbeUrl).toBeNull();
  });

  it("deletes a component", () => {
    const db = page();
    const c = createComponent(db, editor, { name: "Old" }, NOW);
    deleteComponent(db, editor, c.id, NOW);
    expect(getComponent(db, c.id)).toBeUndefined();
    expect(() => deleteComponent(db, editor, c.id)).toThrow(/No component/);
  });
});
