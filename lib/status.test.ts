import { describe, expect, it } from "vitest";
import { componentRollup, overallStatus, worstStatus } from "./status";
import type { ComponentStatus } from "./constants";

const op = "operational" as const;
const times = (s: ComponentStatus, n: number) => Array<ComponentStatus>(n).fill(s);

describe("componentRollup", () => {
  it("all operational is none", () => {
    expect(componentRollup(times(op, 5))).toEqual({ indicator: "none", description: "All Systems Operational" });
  });
  it("no components at all is none", () => {
    expect(componentRollup([]).indicator).toBe("none");
  });
  it("major outage on half the leaves is critical", () => {
    expect(componentRollup(["major_outage", "major_outage", op, op])).toEqual({
      indicator: "critical",
      description: "Major Service Outage",
    });
  });
  it("major outage on fewer than half is major", () => {
    expect(componentRollup(["major_outage", op, op])).toEqual({
      indicator: "major",
      description: "Partial System Outage",
    });
  });
  it("two partial outages is major", () => {
    expect(componentRollup(["partial_outage", "partial_outage", op]).indicator).toBe("major");
  });
  it("one partial outage is a minor service outage", () => {
    expect(componentRollup(["partial_outage", "degraded_performance", op])).toEqual({
      indicator: "minor",
      description: "Minor Service Outage",
    });
  });
  it("worst degraded is partially degraded service", () => {
    expect(componentRollup(["degraded_performance", "under_maintenance", op])).toEqual({
      indicator: "minor",
      description: "Partially Degraded Service",
    });
  });
  it("maintenance only", () => {
    expect(componentRollup(["under_maintenance", op])).toEqual({
      indicator: "maintenance",
      description: "Service Under Maintenance",
    });
  });
  it("a single component in major outage is critical", () => {
    expect(componentRollup(["major_outage"]).indicator).toBe("critical");
  });
});

describe("overallStatus with the incident floor", () => {
  it("an open incident with impact none still raises a green page to minor", () => {
    expect(overallStatus(times(op, 3), ["none"])).toEqual({ indicator: "minor", description: "Minor Service Outage" });
  });
  it("raises to the incident impact", () => {
    expect(overallStatus(["degraded_performance", op], ["critical"])).toEqual({
      indicator: "critical",
      description: "Major Service Outage",
    });
    expect(overallStatus(times(op, 2), ["major", "minor"])).toEqual({
      indicator: "major",
      description: "Partial System Outage",
    });
  });
  it("never lowers what the components say", () => {
    expect(overallStatus(["major_outage", op, op], ["minor"])).toEqual({
      indicator: "major",
      description: "Partial System Outage",
    });
  });
  it("keeps the component description when the floor does not raise it", () => {
    expect(overallStatus(["degraded_performance", op], ["minor"]).description).toBe("Partially Degraded Service");
  });
  it("maintenance counts below minor", () => {
    expect(overallStatus(["under_maintenance"], ["minor"]).indicator).toBe("minor");
  });
});

describe("worstStatus", () => {
  it("orders maintenance below degraded", () => {
    expect(worstStatus(["under_maintenance", "degraded_performance"])).toBe("degraded_performance");
    expect(worstStatus(["under_maintenance", op])).toBe("under_maintenance");
    expect(worstStatus([])).toBe(op);
  });
});
