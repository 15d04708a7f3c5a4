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
});
