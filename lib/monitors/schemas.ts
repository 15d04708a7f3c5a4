// What staff may configure, checked at every boundary (forms, admin API) with messages that say
// what to fix; each kind's settings schema lives in its descriptor (./kinds). Whether a target's
// address may be reached is decided at connect time (see ../net/targets); on save, targetWarning
// says what the checks will meet.
import dns from "node:dns/promises";
import net from "node:net";
import { z } from "zod";
import { MIN_INTERVAL_SECONDS } from "../constants";
import { addressProblem, classifyAddress, type TargetPolicy } from "../net/targets";
import { kindOf, MONITOR_KINDS, type MonitorKind, type MonitorSettings } from "./registry";

/** The bounds every boundary states and enforces (forms, admin API and its OpenAPI document). */
export const MONITOR_LIMITS = {
  nameLength: 100,
  intervalSeconds: { min: MIN_INTERVAL_SECONDS, max: 86_400 },
  timeoutMs: { min: 100, max: 60_000 },
  latencyThresholdMs: { min: 1, max: 60_000 },
  threshold: { min: 1, max: 20 },
  locations: 20,
} as const;
const L = MONITOR_LIMITS;

const common = {
  componentId: z.string({ error: "Choose a component" }).min(1, "Choose a component"),
  name: z
    .string({ error: "Give the monitor a name" })
    .trim()
    .min(1, "Give the monitor a name")
    .max(L.nameLength, `At most ${L.nameLength} characters`),
  intervalSeconds: z.coerce
    .number({ error: "Enter the interval in seconds" })
    .int("Whole seconds")
    .min(L.intervalSeconds.min, `Checks run at most every ${L.intervalSeconds.min} seconds`)
    .max(L.intervalSeconds.max, "At most once a day")
    .default(60),
  timeoutMs: z.coerce
    .number({ error: "Enter the timeout in milliseconds" })
    .int()
    .min(L.timeoutMs.min, `At least ${L.timeoutMs.min} ms`)
    .max(L.timeoutMs.max, "At most 60 seconds")
    .default(10_000),
  latencyThresholdMs: z.coerce
    .number({ error: "Enter milliseconds" })
    .int()
    .min(L.latencyThresholdMs.min, `At least ${L.latencyThresholdMs.min} ms`)
    .max(L.latencyThresholdMs.max, "At most 60 seconds")
    .nullable()
    .default(null),
  failThreshold: z.coerce
    .number({ error: "Enter a count" })
    .int()
    .min(L.threshold.min, `At least ${L.threshold.min}`)
    .max(L.threshold.max, `At most ${L.threshold.max}`)
    .default(2),
  recoverThreshold: z.coerce
    .number({ error: "Enter a count" })
    .int()
    .min(L.threshold.min, `At least ${L.threshold.min}`)
    .max(L.threshold.max, `At most ${L.threshold.max}`)
    .default(2),
  paused: z.boolean().default(false),
  autoPublish: z.boolean().default(false),
  /** May reach loopback/private addresses even when OUTPOST_ALLOW_PRIVATE_TARGETS is off (admins only). */
  internalTarget: z.boolean().default(false),
  /** Where it is checked from: "local" (the server) and probe agents' names. */
  locations: z
    .array(z.string().trim().min(1, "Name a location"))
    .min(1, "Check it from at least one location")
    .max(L.locations, `At most ${L.locations} locations`)
    .default(["local"]),
  /** Locations that must report down for it to be down; null: a majority. */
  quorum: z.coerce
    .number({ error: "Enter a count" })
    .int("A whole number")
    .min(1, "At least 1")
    .max(L.locations, `At most ${L.locations}`)
    .nullable()
    .default(null),
};

export const monitorInput = z
  .object({
    ...common,
    kind: z.enum(MONITOR_KINDS, { error: `Use one of: ${MONITOR_KINDS.join(", ")}` }),
    settings: z.unknown(),
  })
  .superRefine((m, ctx) => {
    if (m.timeoutMs > m.intervalSeconds * 1000)
      ctx.addIssue({
        code: "custom",
        path: ["timeoutMs"],
        message: "The timeout must not be longer than the interval",
      });
  });
export type MonitorInput = z.input<typeof monitorInput>;

export const monitorPatch = z.object({
  componentId: common.componentId.optional(),
  name: common.name.optional(),
  intervalSeconds: common.intervalSeconds.unwrap().optional(),
  timeoutMs: common.timeoutMs.unwrap().optional(),
  latencyThresholdMs: common.latencyThresholdMs.unwrap().optional(),
  failThreshold: common.failThreshold.unwrap().optional(),
  recoverThreshold: common.recoverThreshold.unwrap().optional(),
  paused: z.boolean().optional(),
  autoPublish: z.boolean().optional(),
  internalTarget: z.boolean().optional(),
  settings: z.unknown().optional(),
  locations: common.locations.unwrap().optional(),
  quorum: common.quorum.unwrap().optional(),
});
export type MonitorPatch = z.input<typeof monitorPatch>;

export { isPrivateAddress } from "../net/targets";

/**
 * A note for staff on save: the target resolves to an address its checks will refuse under this
 * policy, or to a private one they may reach. Checks judge the address again at every connect.
 */
export async function targetWarning(
  kind: MonitorKind,
  settings: MonitorSettings,
  policy: TargetPolicy,
): Promise<string | null> {
  const host = kindOf(kind).host(settings);
  if (!host) return null;
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await dns.lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return `${host} does not resolve from this server right now; checks will fail until it does.`;
  }
  for (const address of addresses) {
    const why = addressProblem(address, policy);
    if (why)
      return `${host} resolves to ${address}, ${why}: checks will refuse it${classifyAddress(address) === "private" ? " unless an admin marks this monitor as an internal target" : ""}.`;
  }
  const inside = addresses.find((a) => classifyAddress(a) !== "public");
  return inside
    ? `${host} resolves to ${inside}, a loopback or private address: make sure that is the service you mean to watch.`
    : null;
}
