import { describe, expect, it } from "vitest";
import { draftFromValues, previewCard, resolveMessage, type PreviewBase } from "./incident-preview";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const MIN = 60_000;
const components = [
  { id: "api", slug: "api", name: "API", status: "partial_outage" as const },
  { id: "web", slug: "web", name: "Website", status: "operational" as const },
  { id: "db", slug: "db", name: "Database", status: "degraded_performance" as const },
];
const open: PreviewBase = {
  kind: "incident",
  cadenceMinutes: 30,
  components,
  incident: {
    id: "inc1",
    kind: "incident",
    name: "Checkout errors",
    status: "identified",
    impact: "major",
    scheduledFor: null,
    scheduledUntil: null,
    nextUpdateAt: NOW - MIN,
    componentIds: ["api", "db"],
    updates: [
      {
        id: "u2",
        seq: 7,
        status: "identified",
        bodyHtml: "<p>Found it.</p>",
        displayAt: NOW - 9 * MIN,
        editedAt: null,
      },
      {
        id: "u1",
        seq: 3,
        status: "investigating",
        bodyHtml: "<p>Looking.</p>",
        displayAt: NOW - 20 * MIN,
        editedAt: null,
      },
    ],
  },
};

describe("the public card's preview", () => {
  it("puts the draft on top, rendered as the page renders it, and renews the promise", () => {
    const { incident, components: shown } = previewCard(
      open,
      { status: "monitoring", body: "A fix is **out**.", components: {} },
      NOW,
    );
    expect(incident).toMatchObject({ id: "inc1", name: "Checkout errors", status: "monitoring", impact: "major" });
    expect(incident.updates.map((u) => u.seq)).toEqual([8, 7, 3]);
    expect(incident.updates[0]).toMatchObject({ status: "monitoring", displayAt: NOW });
    expect(incident.updates[0]?.bodyHtml).toContain("<strong>out</strong>");
    expect(incident.nextUpdateAt).toBe(NOW + 30 * MIN);
    expect(shown.map((c) => [c.id, c.status])).toEqual([
      ["api", "partial_outage"],
      ["db", "degraded_performance"],
    ]);
  });

  it("with nothing typed or chosen, shows the card as it is now", () => {
    const { incident } = previewCard(open, { status: "identified", body: "  ", components: {} }, NOW);
    expect(incident.updates.map((u) => u.seq)).toEqual([7, 3]);
    expect(incident.nextUpdateAt).toBe(NOW - MIN);
    // A status change alone is an update.
    expect(previewCard(open, { status: "monitoring", body: "", components: {} }, NOW).incident.updates).toHaveLength(3);
  });

  it("shows chosen component statuses, and a newly named component joins the card", () => {
    const { components: shown } = previewCard(
      open,
      { status: "identified", body: "Web too.", components: { web: "major_outage", api: "degraded_performance" } },
      NOW,
    );
    expect(shown.map((c) => [c.id, c.status])).toEqual([
      ["api", "degraded_performance"],
      ["web", "major_outage"],
      ["db", "degraded_performance"],
    ]);
  });

  it("resolving with restore sets the incident's components back to operational and drops the promise", () => {
    const { incident, components: shown } = previewCard(
      open,
      { status: "resolved", body: "Fixed.", components: {}, restoreComponents: true },
      NOW,
    );
    expect(incident.nextUpdateAt).toBeNull();
    expect(shown.every((c) => c.status === "operational")).toBe(true);
    // Without restore, or when not closing, they stay as they are.
    const kept = previewCard(open, { status: "monitoring", body: "x", components: {}, restoreComponents: true }, NOW);
    expect(kept.components.map((c) => c.status)).toEqual(["partial_outage", "degraded_performance"]);
  });

  it("a new incident takes its title, and its impact from the components unless chosen", () => {
    const base: PreviewBase = { kind: "incident", cadenceMinutes: 15, components, incident: null };
    const draft = {
      name: "API down",
      status: "investigating" as const,
      body: "Looking.",
      components: { api: "major_outage" as const },
    };
    const derived = previewCard(base, draft, NOW);
    expect(derived.incident).toMatchObject({ name: "API down", impact: "critical", nextUpdateAt: NOW + 15 * MIN });
    expect(derived.incident.updates).toHaveLength(1);
    expect(derived.components).toEqual([{ ...components[0], status: "major_outage" }]);
    expect(previewCard(base, { ...draft, impact: "minor" }, NOW).incident.impact).toBe("minor");
  });

  it("a new maintenance names its components without changing them and promises nothing", () => {
    const base: PreviewBase = { kind: "maintenance", cadenceMinutes: 30, components, incident: null };
    const { incident, components: shown } = previewCard(
      base,
      { name: "Upgrade", status: "scheduled", body: "", components: { web: "under_maintenance" } },
      NOW,
    );
    expect(incident).toMatchObject({ impact: "maintenance", nextUpdateAt: null });
    expect(shown).toEqual([components[1]]);
  });
});

describe("a form's fields as a draft", () => {
  it("reads the update form: chosen statuses only, restore ticked", () => {
    expect(
      draftFromValues(
        {
          status: "resolved",
          body: "Fixed.",
          "components.api": "",
          "components.web": "operational",
          restoreComponents: "on",
        },
        "identified",
      ),
    ).toEqual({
      name: "",
      status: "resolved",
      impact: "",
      body: "Fixed.",
      components: { web: "operational" },
      restoreComponents: true,
    });
  });

  it("reads the checklist as the server does: only ticked components count", () => {
    const values = {
      name: " API down ",
      componentList: "checklist",
      "affected.api": "on",
      "components.api": "major_outage",
      "components.web": "partial_outage",
      impact: "bogus",
    };
    expect(draftFromValues(values, "investigating")).toMatchObject({
      name: "API down",
      status: "investigating",
      impact: "",
      components: { api: "major_outage" },
    });
  });
});

describe("the message one-click Resolve starts from", () => {
  const fallback = "Resolved; all is well.";
  it("is the body of a template named resolved, else the default sentence", () => {
    expect(resolveMessage([], fallback)).toBe(fallback);
    expect(resolveMessage([{ name: "Database slow", body: "Slow pages." }], fallback)).toBe(fallback);
    expect(
      resolveMessage(
        [
          { name: "Database slow", body: "Slow pages." },
          { name: "Resolved", body: "  All fixed; sorry for the trouble.  " },
        ],
        fallback,
      ),
    ).toBe("All fixed; sorry for the trouble.");
    expect(resolveMessage([{ name: "Resolve: generic", body: "Done." }], fallback)).toBe("Done.");
    // "Unresolved" is not the closing template, and an empty body is no message.
    expect(resolveMessage([{ name: "Unresolved mystery", body: "Hm." }], fallback)).toBe(fallback);
    expect(resolveMessage([{ name: "Resolved", body: " " }], fallback)).toBe(fallback);
  });
});
