import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { settingsFromForm, valuesFromMonitor } from "./form";
import { kindForms, MONITOR_KIND_LIST, MONITOR_KINDS } from "./registry";

describe("monitor kind registry", () => {
  it("lists each kind once, and keeps every kind stored rows may carry", () => {
    expect(MONITOR_KINDS).toEqual(expect.arrayContaining(["http", "tcp", "dns", "tls", "heartbeat", "upstream"]));
    expect(new Set(MONITOR_KINDS).size).toBe(MONITOR_KINDS.length);
  });

  it("gives every form field a settings key its schema knows", () => {
    for (const k of MONITOR_KIND_LIST) {
      const shape = (k.settings as unknown as z.ZodObject).shape;
      for (const f of k.fields) expect(Object.keys(shape), `${k.id}.${f.key}`).toContain(f.key);
    }
  });

  it("reads back from the form what the form was given, for every kind", () => {
    for (const k of MONITOR_KIND_LIST) {
      expect(Object.keys(k.example as object), `${k.id}'s example fills every field`).toEqual(
        expect.arrayContaining(k.fields.map((f) => f.key)),
      );
      const stored = k.settings.parse(k.example);
      const values = valuesFromMonitor({
        componentId: "c",
        name: "m",
        kind: k.id,
        settings: stored,
        intervalSeconds: 60,
        timeoutMs: 1000,
        latencyThresholdMs: null,
        failThreshold: 2,
        recoverThreshold: 2,
        autoPublish: false,
        internalTarget: false,
      });
      // A browser leaves unticked boxes out of the form.
      const submitted = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ""));
      expect(k.settings.parse(settingsFromForm(k.id, submitted)), k.id).toEqual(stored);
    }
  });

  it("hands the browser plain data only", () => {
    expect(JSON.parse(JSON.stringify(kindForms()))).toEqual(kindForms());
  });
});
