// Monitors over the admin API, in the same style as components: a `monitor` wrapper, snake_case
// fields (settings too), problem+json on bad input. The heartbeat URL is in the answer.
import { z } from "zod";
import type { MonitorRow } from "@/db/queries/monitors";
import { findComponent } from "../components";
import { MIN_INTERVAL_SECONDS, MONITOR_HEALTHS } from "../constants";
import { MONITOR_KIND_LIST, MONITOR_KINDS } from "../monitors/registry";
import {
  allMonitors,
  createMonitor,
  deleteMonitor,
  locationNames,
  monitorById,
  updateMonitor,
} from "../monitors/monitors";
import type { Db } from "@/db/client";
import { targetPolicy } from "../config";
import { monitorPolicy } from "../monitors/scheduler";
import { MONITOR_LIMITS, targetWarning } from "../monitors/schemas";
import { pathParam, type ApiContext, type FieldNames } from "./route";
import { formBoolean, formInteger, text } from "./schemas";
import { isoTime } from "../time";

export const MONITOR_FIELDS: FieldNames = { wrapper: "monitor" };

const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const rekey = (o: unknown, f: (k: string) => string) =>
  o && typeof o === "object" && !Array.isArray(o)
    ? Object.fromEntries(Object.entries(o).map(([k, v]) => [f(k), v]))
    : o;

// The limits the monitor verbs enforce, stated for the OpenAPI document.
const L = MONITOR_LIMITS;
const threshold = z
  .number()
  .int()
  .min(L.threshold.min, `At least ${L.threshold.min}`)
  .max(L.threshold.max, `At most ${L.threshold.max}`);

const monitorFields = {
  component_id: z.string().describe("The component it watches (id or slug)."),
  name: text(L.nameLength, "Give the monitor a name"),
  kind: z.enum(MONITOR_KINDS).describe(`${MONITOR_KINDS.slice(0, -1).join(", ")} or ${MONITOR_KINDS.at(-1)}.`),
  settings: z
    .record(z.string(), z.unknown())
    .describe(`Per kind. ${MONITOR_KIND_LIST.map((k) => `${k.id}: ${k.apiSettings}.`).join(" ")}`),
  interval_seconds: formInteger(
    z
      .number()
      .int("Whole seconds")
      .min(L.intervalSeconds.min, `Checks run at most every ${L.intervalSeconds.min} seconds`)
      .max(L.intervalSeconds.max, "At most once a day"),
  )
    .optional()
    .describe(`Seconds between checks, at least ${MIN_INTERVAL_SECONDS} (default 60).`),
  timeout_ms: formInteger(
    z.number().int().min(L.timeoutMs.min, `At least ${L.timeoutMs.min} ms`).max(L.timeoutMs.max, "At most 60 seconds"),
  )
    .optional()
    .describe("Hard limit per check (default 10000)."),
  latency_threshold_ms: formInteger(
    z
      .number()
      .int()
      .min(L.latencyThresholdMs.min, `At least ${L.latencyThresholdMs.min} ms`)
      .max(L.latencyThresholdMs.max, "At most 60 seconds"),
  )
    .nullable()
    .optional()
    .describe("Slower successful checks count as slow: degraded after fail_threshold of them."),
  fail_threshold: formInteger(threshold).optional().describe("Consecutive failures before down (default 2)."),
  recover_threshold: formInteger(threshold).optional().describe("Consecutive successes before up again (default 2)."),
  paused: formBoolean().optional(),
  auto_publish: formBoolean()
    .optional()
    .describe("Publish the draft incident at once when this monitor takes its component down."),
  internal_target: formBoolean()
    .optional()
    .describe(
      "Admins only: checks may reach loopback and private addresses even when OUTPOST_ALLOW_PRIVATE_TARGETS is off (never cloud metadata addresses). Editors get 403.",
    ),
  locations: z
    .array(z.string().max(40))
    .min(1)
    .max(L.locations)
    .optional()
    .describe('Where it is checked from: "local" (this server) and probe agents\' names (default ["local"]).'),
  quorum: formInteger(z.number().int().min(1).max(L.locations))
    .nullable()
    .optional()
    .describe(
      "With several locations: how many must report down for the monitor to be down (default null: a majority). Fewer is regional: staff see it, the component's status does not change.",
    ),
};
export const monitorCreateBody = z.object({ monitor: z.object(monitorFields) });
export const monitorUpdateBody = z.object({ monitor: z.object(monitorFields).omit({ kind: true }).partial() });
type CreateBody = z.output<typeof monitorCreateBody>;
type UpdateBody = z.output<typeof monitorUpdateBody>;

export const monitorOut = z.strictObject({
  id: z.string(),
  component_id: z.string(),
  name: z.string(),
  kind: z.enum(MONITOR_KINDS),
  settings: z.record(z.string(), z.unknown()),
  interval_seconds: z.number(),
  timeout_ms: z.number(),
  latency_threshold_ms: z.number().nullable(),
  fail_threshold: z.number(),
  recover_threshold: z.number(),
  paused: z.boolean(),
  auto_publish: z.boolean(),
  internal_target: z.boolean(),
  heartbeat_url: z
    .string()
    .nullable()
    .describe("Heartbeat monitors: the secret URL the watched job calls (GET or POST)."),
  locations: z.array(z.string()),
  quorum: z.number().nullable(),
  health: z.enum(MONITOR_HEALTHS),
  last_checked_at: z.string().nullable(),
  last_latency_ms: z.number().nullable(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  warning: z
    .string()
    .nullable()
    .optional()
    .describe(
      "On create and update: the target resolves to an address its checks will refuse (or may reach only as an internal target).",
    ),
});

export function monitorJson(db: Db, m: MonitorRow, publicUrl: string) {
  return {
    id: m.id,
    component_id: m.componentId,
    name: m.name,
    kind: m.kind,
    settings: rekey(m.settings, snake) as Record<string, unknown>,
    interval_seconds: m.intervalSeconds,
    timeout_ms: m.timeoutMs,
    latency_threshold_ms: m.latencyThresholdMs,
    fail_threshold: m.failThreshold,
    recover_threshold: m.recoverThreshold,
    paused: m.paused,
    auto_publish: m.autoPublish,
    internal_target: m.internalTarget,
    heartbeat_url: m.heartbeatToken ? `${publicUrl}/api/heartbeat/${m.heartbeatToken}` : null,
    locations: locationNames(db, m),
    quorum: m.quorum,
    health: m.health,
    last_checked_at: isoTime(m.lastCheckedAt),
    last_latency_ms: m.lastLatencyMs,
    last_error: m.lastError,
    created_at: isoTime(m.createdAt)!,
    updated_at: isoTime(m.updatedAt)!,
  };
}

function input(ctx: ApiContext, f: UpdateBody["monitor"]) {
  return {
    componentId: f.component_id === undefined ? undefined : findComponent(ctx.db, f.component_id).id,
    name: f.name,
    settings: f.settings === undefined ? undefined : rekey(f.settings, camel),
    intervalSeconds: f.interval_seconds,
    timeoutMs: f.timeout_ms,
    latencyThresholdMs: f.latency_threshold_ms,
    failThreshold: f.fail_threshold,
    recoverThreshold: f.recover_threshold,
    paused: f.paused,
    autoPublish: f.auto_publish,
    internalTarget: f.internal_target,
    locations: f.locations,
    quorum: f.quorum,
  };
}

export function listMonitors(ctx: ApiContext) {
  return allMonitors(ctx.db).map((m) => monitorJson(ctx.db, m, ctx.publicUrl));
}

export function showMonitor(ctx: ApiContext) {
  return monitorJson(ctx.db, monitorById(ctx.db, pathParam(ctx, "monitor_id")), ctx.publicUrl);
}

export async function postMonitor(ctx: ApiContext<CreateBody>) {
  const f = ctx.body.monitor;
  const defined = Object.fromEntries(Object.entries(input(ctx, f)).filter(([, v]) => v !== undefined));
  const row = createMonitor(
    ctx.db,
    ctx.actor,
    {
      ...defined,
      componentId: findComponent(ctx.db, f.component_id).id,
      name: f.name,
      kind: f.kind,
      settings: rekey(f.settings, camel),
    },
    ctx.now,
  );
  return {
    ...monitorJson(ctx.db, row, ctx.publicUrl),
    warning: await targetWarning(row.kind, row.settings, monitorPolicy(targetPolicy(), row)),
  };
}

export async function patchMonitor(ctx: ApiContext<UpdateBody>) {
  const row = updateMonitor(
    ctx.db,
    ctx.actor,
    monitorById(ctx.db, pathParam(ctx, "monitor_id")).id,
    input(ctx, ctx.body.monitor),
    ctx.now,
  );
  return {
    ...monitorJson(ctx.db, row, ctx.publicUrl),
    warning: await targetWarning(row.kind, row.settings, monitorPolicy(targetPolicy(), row)),
  };
}

export function removeMonitor(ctx: ApiContext) {
  return monitorJson(ctx.db, deleteMonitor(ctx.db, ctx.actor, pathParam(ctx, "monitor_id"), ctx.now), ctx.publicUrl);
}
