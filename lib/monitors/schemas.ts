// What staff may configure, checked at every boundary (forms, admin API) with messages that say
// what to fix. Whether a target's address may be reached is decided at connect time (see
// ../net/targets); on save, targetWarning says what the checks will meet.
import dns from "node:dns/promises";
import net from "node:net";
import { z } from "zod";
import { addressProblem, classifyAddress, type TargetPolicy } from "../net/targets";
import { DNS_RECORD_TYPES, HTTP_METHODS, MIN_INTERVAL_SECONDS, MONITOR_KINDS, type MonitorKind, type MonitorSettings } from "./kinds";

const hostname = z
  .string({ error: "Enter a host name or address" })
  .trim()
  .min(1, "Enter a host name or address")
  .max(253, "At most 253 characters")
  .refine((h) => net.isIP(h) !== 0 || /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9-_]{0,61}[a-z0-9])?)(\.[a-z0-9_](?:[a-z0-9-_]{0,61}[a-z0-9])?)*\.?$/i.test(h), "Enter a host name such as api.example.com or an IP address");

const port = z.coerce
  .number({ error: "Enter a port number" })
  .int("A port is a whole number")
  .min(1, "A port is between 1 and 65535")
  .max(65535, "A port is between 1 and 65535");

const httpUrl = (what: string) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(2000, "At most 2,000 characters")
    .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), "Use an http:// or https:// URL");

const statusCode = z.coerce.number({ error: "Enter a status code" }).int("A whole number").min(100, "Status codes run from 100 to 599").max(599, "Status codes run from 100 to 599");

const httpSettings = z
  .object({
    method: z.enum(HTTP_METHODS, { error: `Use one of: ${HTTP_METHODS.join(", ")}` }).default("GET"),
    url: httpUrl("URL to check"),
    headers: z
      .record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "Header names are letters, digits and hyphens"), z.string().max(2000).refine((v) => !/[\r\n]/.test(v), "A header value is one line"))
      .default({}),
    statusMin: statusCode.default(200),
    statusMax: statusCode.default(299),
    keyword: z.string().trim().max(200, "At most 200 characters").nullable().default(null).transform((k) => k || null),
    followRedirects: z.boolean().default(true),
  })
  .refine((s) => s.statusMax >= s.statusMin, { message: "The highest accepted status must not be below the lowest", path: ["statusMax"] });

const tcpSettings = z.object({ host: hostname, port });

const dnsSettings = z.object({
  name: hostname,
  recordType: z.enum(DNS_RECORD_TYPES, { error: `Use one of: ${DNS_RECORD_TYPES.join(", ")}` }).default("A"),
  expected: z.array(z.string().trim().min(1).max(500)).max(20, "At most 20 expected records").default([]),
  server: z
    .string()
    .trim()
    .refine((s) => {
      const m = /^(.+?)(?::(\d+))?$/.exec(s.replace(/^\[(.*)\]/, "$1"));
      return !!m && net.isIP(m[1]) !== 0 && (!m[2] || (Number(m[2]) >= 1 && Number(m[2]) <= 65535));
    }, "Give the resolver as an IP address, optionally with :port")
    .nullable()
    .default(null),
});

const tlsSettings = z.object({
  host: hostname,
  port: port.default(443),
  warnDays: z.coerce.number({ error: "Enter a number of days" }).int("Whole days").min(1, "At least 1 day").max(365, "At most 365 days").default(14),
  allowUntrusted: z.boolean().default(false),
});

const heartbeatSettings = z.object({
  periodSeconds: z.coerce.number({ error: "Enter seconds" }).int("Whole seconds").min(MIN_INTERVAL_SECONDS, `At least ${MIN_INTERVAL_SECONDS} seconds`).max(31 * 86_400, "At most 31 days"),
  graceSeconds: z.coerce.number({ error: "Enter seconds" }).int("Whole seconds").min(0, "Not negative").max(86_400, "At most a day").default(60),
});

const upstreamSettings = z.object({
  url: httpUrl("status page URL"),
  component: z.string({ error: "Name the upstream component (its id or name)" }).trim().min(1, "Name the upstream component (its id or name)").max(200),
});

export const SETTINGS_SCHEMAS: Record<MonitorKind, z.ZodType<MonitorSettings>> = {
  http: httpSettings,
  tcp: tcpSettings,
  dns: dnsSettings,
  tls: tlsSettings,
  heartbeat: heartbeatSettings,
  upstream: upstreamSettings,
} as never;

const common = {
  componentId: z.string({ error: "Choose a component" }).min(1, "Choose a component"),
  name: z.string({ error: "Give the monitor a name" }).trim().min(1, "Give the monitor a name").max(100, "At most 100 characters"),
  intervalSeconds: z.coerce
    .number({ error: "Enter the interval in seconds" })
    .int("Whole seconds")
    .min(MIN_INTERVAL_SECONDS, `Checks run at most every ${MIN_INTERVAL_SECONDS} seconds`)
    .max(86_400, "At most once a day")
    .default(60),
  timeoutMs: z.coerce.number({ error: "Enter the timeout in milliseconds" }).int().min(100, "At least 100 ms").max(60_000, "At most 60 seconds").default(10_000),
  latencyThresholdMs: z.coerce.number({ error: "Enter milliseconds" }).int().min(1, "At least 1 ms").max(60_000, "At most 60 seconds").nullable().default(null),
  failThreshold: z.coerce.number({ error: "Enter a count" }).int().min(1, "At least 1").max(20, "At most 20").default(2),
  recoverThreshold: z.coerce.number({ error: "Enter a count" }).int().min(1, "At least 1").max(20, "At most 20").default(2),
  paused: z.boolean().default(false),
  autoPublish: z.boolean().default(false),
  /** May reach loopback/private addresses even when OUTPOST_ALLOW_PRIVATE_TARGETS is off (admins only). */
  internalTarget: z.boolean().default(false),
};

export const monitorInput = z
  .object({ ...common, kind: z.enum(MONITOR_KINDS, { error: `Use one of: ${MONITOR_KINDS.join(", ")}` }), settings: z.unknown() })
  .superRefine((m, ctx) => {
    if (m.timeoutMs > m.intervalSeconds * 1000) ctx.addIssue({ code: "custom", path: ["timeoutMs"], message: "The timeout must not be longer than the interval" });
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
});
export type MonitorPatch = z.input<typeof monitorPatch>;

/** The host a monitor connects to, for the target warning. */
export function targetHost(kind: MonitorKind, settings: MonitorSettings): string | null {
  const s = settings as Record<string, unknown>;
  if (kind === "http" || kind === "upstream") return new URL(String(s.url)).hostname.replace(/^\[(.*)\]$/, "$1");
  if (kind === "tcp" || kind === "tls") return String(s.host);
  if (kind === "dns") return String(s.name);
  return null;
}

export { isPrivateAddress } from "../net/targets";

/**
 * A note for staff on save: the target resolves to an address its checks will refuse under this
 * policy, or to a private one they may reach. Checks judge the address again at every connect.
 */
export async function targetWarning(kind: MonitorKind, settings: MonitorSettings, policy: TargetPolicy): Promise<string | null> {
  const host = targetHost(kind, settings);
  if (!host) return null;
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await dns.lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return `${host} does not resolve from this server right now; checks will fail until it does.`;
  }
  for (const address of addresses) {
    const why = addressProblem(address, policy);
    if (why) return `${host} resolves to ${address}, ${why}: checks will refuse it${classifyAddress(address) === "private" ? " unless an admin marks this monitor as an internal target" : ""}.`;
  }
  const inside = addresses.find((a) => classifyAddress(a) !== "public");
  return inside ? `${host} resolves to ${inside}, a loopback or private address: make sure that is the service you mean to watch.` : null;
}
