import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { ensurePage } from "@/db/seed";
import { getTemplate } from "@/db/queries/templates";
import type { Actor } from "./audit";
import { createComponent, deleteComponent } from "./components";
import { createTemplate, deleteTemplate, templateComponents, updateTemplate } from "./templates";

const ed: Actor = { type: "user", id: "u", label: "ed@example.com", role: "editor" };

describe("templates", () => {
  it("save title, message, impact and component statuses; drop components deleted since", () => {
    const db = testDatabase();
    ensurePage(db, { name: "Test", timeZone: "Etc/UTC" });
    const api = createComponent(db, ed, { name: "API" });
    const web = createComponent(db, ed, { name: "Web" });
    const t = createTemplate(db, ed, {
      name: "API errors",
      title: "Elevated API errors",
      body: "We are investigating.",
      impact: "major",
      components: { [api.id]: "partial_outage", [web.id]: "degraded_performance" },
    });
    deleteComponent(db, ed, web.id);
    expect(templateComponents(db, getTemplate(db, t.id)!)).toEqual({ [api.id]: "partial_outage" });
    updateTemplate(db, ed, t.id, { name: "API errors", title: "API errors", impact: "minor" });
    expect(getTemplate(db, t.id)).toMatchObject({ title: "API errors", body: "", impact: "minor", components: {} });
    deleteTemplate(db, ed, t.id);
    expect(getTemplate(db, t.id)).toBeUndefined();
  });

  it("refuse an empty title or an unknown component", () => {
    const db = testDatabase();
    ensurePage(db, { name: "Test", timeZone: "Etc/UTC" });
    expect(() => createTemplate(db, ed, { name: "x", title: "" })).toThrow(/Give the incident a title/);
    expect(() => createTemplate(db, ed, { name: "x", title: "y", components: { nope: "major_outage" } })).toThrow(
      /Unknown component/,
    );
  });
});
