import { describe, expect, it } from "vitest";
import { ensurePage } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import type { Actor } from "../audit";
import { createComponent } from "../components";
import { monitorFromForm, valuesFromMonitor } from "./form";
import { createMonitor } from "./monitors";

const ed: Actor = { type: "user", id: "u", label: "ed@example.com", role: "editor" };

describe("the staff form", () => {
  it("turns flat strings into a monitor and back", () => {
    const db = testDatabase();
    ensurePage(db, { name: "Test", timeZone: "Etc/UTC" });
    const c = createComponent(db, ed, { name: "API" });
    const input = monitorFromForm({
      componentId: c.id,
      name: "API health",
      kind: "http",
      "settings.url": "https://api.example.com/health",
      "settings.method": "HEAD",
      "settings.statusMin": "200",
      "settings.statusMax": "",
      "settings.keyword": "",
      "settings.headers": "Authorization: Bearer x\nX-Probe: outpost",
      intervalSeconds: "30",
      timeoutMs: "",
      latencyThresholdMs: "",
      autoPublish: "on",
    });
    const m = createMonitor(db, ed, input);
    expect(m).toMatchObject({ intervalSeconds: 30, timeoutMs: 10_000, latencyThresholdMs: null, autoPublish: true });
    expect(m.settings).toEqual({
      method: "HEAD",
      url: "https://api.example.com/health",
      headers: { Authorization: "Bearer x", "X-Probe": "outpost" },
      statusMin: 200,
      statusMax: 299,
      keyword: null,
      followRedirects: false,
    });
    const values = valuesFromMonitor(m);
    expect(values).toMatchObject({
      "settings.headers": "Authorization: Bearer x\nX-Probe: outpost",
      "settings.followRedirects": "",
      intervalSeconds: "30",
      autoPublish: "on",
    });
    expect(createMonitor(db, ed, monitorFromForm(values)).settings).toEqual(m.settings);
  });

  it("reads DNS expected records from a comma list", () => {
    const input = monitorFromForm({
      kind: "dns",
      "settings.name": "example.com",
      "settings.expected": "192.0.2.1, 192.0.2.2",
      "settings.server": "",
    });
    expect(input.settings).toEqual({ name: "example.com", expected: ["192.0.2.1", "192.0.2.2"], server: null });
  });

  it("reads the ticked places and the quorum only when the form showed them, and writes them back", () => {
    const base = { componentId: "c", name: "API", kind: "http", "settings.url": "https://api.example.com/" };
    expect(monitorFromForm(base)).not.toHaveProperty("locations");
    const placed = monitorFromForm({
      ...base,
      locationsShown: "1",
      "location.local": "on",
      "location.eu-west": "on",
      "location.us-east": "",
      quorum: "2",
    });
    expect(placed).toMatchObject({ locations: ["local", "eu-west"], quorum: "2" });
    expect(monitorFromForm({ ...base, locationsShown: "1", quorum: "" })).toMatchObject({
      locations: [],
      quorum: null,
    });
    const values = valuesFromMonitor(
      {
        componentId: "c",
        name: "API",
        kind: "http",
        settings: { url: "https://api.example.com/" },
        intervalSeconds: 60,
        timeoutMs: 10_000,
        latencyThresholdMs: null,
        failThreshold: 2,
        recoverThreshold: 2,
        autoPublish: false,
        internalTarget: false,
        quorum: 2,
      },
      ["local", "eu-west"],
    );
    expect(values).toMatchObject({ "location.local": "on", "location.eu-west": "on", quorum: "2" });
  });
});
