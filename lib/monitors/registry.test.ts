import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { settingsFromForm, valuesFromMonitor } from "./form";
import { kindForms, MONITOR_KIND_LIST, MONITOR_KINDS, type MonitorKind } from "./registry";

const SAMPLES: Record<MonitorKind, Record<string, unknown>> = {
  http: { url: "https://api.example.com/health", method: "HEAD", headers: { "x-a": "1" }, statusMin: 200, statusMax: 204, keyword: "ok", followRedirects: false },
  tcp: { host: "db.example.com", port: 5432 },
  dns: { name: "example.com", recordType: "MX", expected: ["mx1.example.com", "mx2.example.com"], server: "192.0.2.53:53" },
  tls: { host: "example.com", port: 8443, warnDays: 7, allowUntrusted: true },
  heartbeat: { periodSeconds: 3600, graceSeconds: 0 },
  upstream: { url: "https://status.provider.com", component: "API" },
};

describe("monitor kind registry", () => {
  it("lists each kind once, in the order staff see them (the database column's values)", () => {
    expect(MONITOR_KINDS).toEqual(["http", "tcp", "dns", "tls", "heartbeat", "upstream"]);
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
      const stored = k.settings.parse(SAMPLES[k.id]);
      const values = valuesFromMonitor({ componentId: "c", name: "m", kind: k.id, settings: stored, intervalSeconds: 60, timeoutMs: 1000, latencyThresholdMs: null, failThreshold: 2, recoverThreshold: 2, autoPublish: false, internalTarget: false });
      // A browser leaves unticked boxes out of the form.
      const submitted = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ""));
      expect(k.settings.parse(settingsFromForm(k.id, submitted)), k.id).toEqual(stored);
    }
  });

  it("hands the browser plain data only", () => {
    expect(JSON.parse(JSON.stringify(kindForms()))).toEqual(kindForms());
  });
});
