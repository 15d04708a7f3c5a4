import { describe, expect, it } from "vitest";
import { changedFields } from "./audit";

describe("changedFields", () => {
  it("lists only what changed, ignoring updatedAt", () => {
    expect(
      changedFields(
        { name: "API", status: "operational", updatedAt: 1 },
        { name: "API", status: "major_outage", updatedAt: 2 },
      ),
    ).toEqual([{ field: "status", before: "operational", after: "major_outage" }]);
  });
  it("shows every field of a creation or a deletion against a dash", () => {
    expect(changedFields(null, { name: "New" })).toEqual([{ field: "name", before: "—", after: "New" }]);
    expect(changedFields({ name: "Old" }, null)).toEqual([{ field: "name", before: "Old", after: "—" }]);
  });
  it("reads timestamps as UTC times and leaves out fields empty on both sides", () => {
    expect(changedFields(null, { createdAt: Date.parse("2026-11-24T12:00:00Z"), revokedAt: null })).toEqual([
      { field: "createdAt", before: "—", after: "2026-11-24 12:00:00 UTC" },
    ]);
  });
  it("compares nested values by content and shortens long text", () => {
    expect(changedFields({ links: [{ a: 1 }] }, { links: [{ a: 1 }] })).toEqual([]);
    const long = "x".repeat(200);
    expect(changedFields({ md: "" }, { md: long })[0]?.after).toHaveLength(118);
  });
});
