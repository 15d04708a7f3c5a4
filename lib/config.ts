// The only reader of process.env. Parsed once with zod, then frozen.
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { hostProblem, type TargetPolicy } from "./net/targets";
import { SOCIAL_NETWORKS, type SocialNetworks } from "./syndication/networks";
import { firstIssue } from "./validation";
import { parseReplicaUrl, type ReplicaOptions, type ReplicationSettings } from "./replication";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./i18n/locales";

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const flag = (fallback: "0" | "1") =>
  z
    .enum(["0", "1", "true", "false"], { error: "must be 0 or 1" })
    .default(fallback)
    .transform((v) => v === "1" || v === "true");

type NetworkEnv = { [N in SocialNetworks as N["name"]]: N["env"] }[SocialNetworks["name"]];
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

function networkEnv(): UnionToIntersection<NetworkEnv> {
  return Object.assign({}, ...SOCIAL_NETWORKS.map((n) => n.env));
}

export const envSchema = z.object({
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int()
    .min(0)
    .max(65535, "must be at most 65535")
    .default(3000),
  DATABASE_PATH: z.string().min(1).default("./data/outpost.db"),
  PUBLIC_URL: z.url({ error: "must be an absolute http(s) URL" }).optional(),
  OUTPOST_PAGE_NAME: z.string().trim().min(1).max(100).default("Outpost Demo"),
  OUTPOST_TIME_ZONE: z
    .string()
    .default("Etc/UTC")
    .refine(isValidTimeZone, { message: "must be an IANA time zone such as Europe/Berlin" }),
  OUTPOST_DEFAULT_LOCALE: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(", ")}` }).default(DEFAULT_LOCALE),
  OUTPOST_LOCALES: z
    .string()
    .default(DEFAULT_LOCALE)
    .transform((v) => [
      ...new Set(
        v
          .split(",")
          .map((l) => l.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.enum(LOCALES, { error: `list codes from ${LOCALES.join(", ")}` })).min(1)),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  OUTPOST_DEMO: flag("1"),
  OUTPOST_ADMIN_EMAIL: z.email({ error: "must be an email address" }).optional(),
  OUTPOST_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").max(200).optional(),
  OUTPOST_API_TOKEN: z.string().min(20, "must be at least 20 characters").optional(),
  TRUST_PROXY: flag("0"),
  OIDC_ISSUER: z.url({ error: "must be the issuer's absolute URL" }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().trim().min(1).max(40).default("single sign-on"),
  SMTP_URL: z
    .string()
    .refine(
      (u) => /^smtps?:\/\//.test(u) && URL.canParse(u),
      "must look like smtp://user:password@host:587 or smtps://host:465",
    )
    .optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).optional(),
  BACKUP_DIR: z.string().min(1).optional(),
  MIRROR_DIR: z.string().min(1).optional(),
  // Written into nginx's configuration: nothing nginx would read as a variable or a quote's end.
  EDGE_DIR: z
    .string()
    .min(1)
    .regex(/^[^$"\\\r\n]+$/, { error: 'must be a folder path without $, ", \\ or line breaks' })
    .optional(),
  MIRROR_PUBLIC_URL: z.url({ error: "must be an absolute http(s) URL" }).optional(),
  MIRROR_S3_ENDPOINT: z.url({ error: "must be the S3 endpoint's absolute URL" }).optional(),
  MIRROR_S3_BUCKET: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      "must be a bucket name (3-63 lower-case letters, digits, dots, hyphens)",
    )
    .optional(),
  MIRROR_S3_REGION: z.string().trim().min(1).default("us-east-1"),
  MIRROR_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  MIRROR_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  LITESTREAM_REPLICA_URL: z.string().trim().min(1).optional(),
  LITESTREAM_SYNC_INTERVAL: z
    .string()
    .trim()
    .regex(/^\d+(ms|s|m)$/, "must be a duration such as 1s, 500ms or 1m")
    .default("1s"),
  LITESTREAM_S3_ENDPOINT: z.url({ error: "must be the S3 endpoint's absolute URL" }).optional(),
  LITESTREAM_S3_REGION: z.string().trim().min(1).default("us-east-1"),
  LITESTREAM_S3_FORCE_PATH_STYLE: z.enum(["0", "1", "true", "false"], { error: "must be 0 or 1" }).optional(),
  LITESTREAM_SFTP_KEY_PATH: z.string().min(1).optional(),
  LITESTREAM_BIN: z.string().min(1).optional(),
  LITESTREAM_LAG_ALERT_SECONDS: z.coerce
    .number({ error: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(5, "must be at least 5")
    .max(86_400, "must be at most 86400")
    .default(60),
  OUTPOST_MONITORS: flag("1"),
  OUTPOST_CHECK_RETENTION_DAYS: z.coerce
    .number({ error: "must be a number of days" })
    .int("must be a whole number of days")
    .min(1, "must be at least 1")
    .max(365, "must be at most 365")
    .default(14),
  OUTPOST_PROBE_POLL_SECONDS: z.coerce
    .number({ error: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(1, "must be at least 1")
    .max(600, "must be at most 600")
    .default(30),
  OUTPOST_LOCATION_LABEL: z.string().trim().min(1).max(60, "must be at most 60 characters").optional(),
  OUTPOST_ALERT_WEBHOOK_URL: z
    .string()
    .refine((u) => /^https?:\/\//.test(u) && URL.canParse(u), "must be an absolute http(s) URL")
    .optional(),
  OUTPOST_ALERT_WEBHOOK_FORMAT: z
    .enum(["slack", "discord", "teams", "json"], { error: "must be one of slack, discord, teams, json" })
    .default("json"),
  OUTPOST_ALLOW_PRIVATE_TARGETS: flag("0"),
  OUTPOST_ALLOW_METADATA_TARGETS: flag("0"),
  // Each social network's variables, from its descriptor (lib/syndication/networks.ts).
  ...networkEnv(),
  OUTPOST_WORKERS: z.coerce
    .number({ error: "must be a number of worker processes" })
    .int("must be a whole number of worker processes")
    .min(0, "must be 0 (one process serves everything) or more")
    .max(64, "must be at most 64")
    .default(os.availableParallelism()),
  // Set by the cluster primary for the processes it starts; never by hand.
  OUTPOST_PROCESS_ROLE: z
    .enum(["writer", "worker"], { error: "is set by Outpost for its own processes; unset it" })
    .optional(),
  OUTPOST_WRITER_SOCKET: z.string().min(1).optional(),
});

export type Config = Readonly<{
  host: string;
  port: number;
  databasePath: string;
  publicUrl: string;
  pageName: string;
  timeZone: string;
  /** A new page's default locale and offered locales (the default always among them). */
  locales: { defaultLocale: Locale; locales: Locale[] };
  authSecret: string | undefined;
  demo: boolean;
  admin: { email?: string; password?: string };
  apiToken: string | undefined;
  trustProxy: boolean;
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | null;
  mail: { url: string; from: string } | null;
  /** Versioned, verified backups; default: `backups` beside the database. */
  backupDir: string;
  /** The hot public files for a web server in front (server/edge-export.ts); null: not exported. */
  edgeDir: string | null;
  mirror: {
    dir: string | null;
    publicUrl: string | null;
    s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | null;
  };
  monitors: {
    enabled: boolean;
    retentionDays: number;
    /** How often probe agents fetch their assignments; three polls missed and an agent is silent. */
    probePollSeconds: number;
    /** Where the server itself checks from, as visitors read it (OUTPOST_LOCATION_LABEL); null: "our server". */
    locationLabel: string | null;
    alertWebhook: { url: string; format: "slack" | "discord" | "teams" | "json" } | null;
  };
  /** Continuous replication with Litestream (LITESTREAM_REPLICA_URL); null: off. */
  replication: ReplicationSettings | null;
  /** The replica's store options (endpoint, key path), also for `npm run standby -- --from URL`. */
  replicaOptions: ReplicaOptions;
  syncInterval: string;
  /** LITESTREAM_BIN: a litestream binary instead of the npm package's. */
  litestreamBin: string | null;
  /** Webhooks, chat webhooks, the mirror bucket and every monitor may reach loopback/private addresses. */
  allowPrivateTargets: boolean;
  /** …and link-local / cloud metadata addresses too (169.254.0.0/16, fd00:ec2::254): opted into by name only. */
  allowMetadataTargets: boolean;
  /** Public worker processes beside the one writer (0: one process serves everything). */
  workers: number;
  /** Which process this is: the one started by hand (primary, or the only process), or a child of the primary. */
  role: "main" | "writer" | "worker";
  /** The writer's unix socket, where workers pass what they do not answer themselves. */
  writerSocket: string | null;
}> &
  NetworkSettings;

/** Each social network's settings by its name; null while it is off. */
type NetworkSettings = Readonly<{ [N in SocialNetworks as N["name"]]: ReturnType<N["settings"]> | null }>;

export class ConfigError extends Error {}

/** All of a group's variables, or none of them (the channel is then off). */
function allOrNone<K extends string>(e: Record<string, unknown>, keys: readonly K[], what: string): boolean {
  const missing = keys.filter((k) => !e[k]);
  if (missing.length === keys.length) return false;
  if (missing.length)
    throw new ConfigError(
      `${missing[0]} must be set too when ${keys.find((k) => !missing.includes(k))} is set (${what} needs all of ${keys.join(", ")})`,
    );
  return true;
}

function networkSettings(e: z.output<typeof envSchema>): NetworkSettings {
  const entries = SOCIAL_NETWORKS.map((n) => [
    n.name,
    allOrNone(e, n.required, `posting to ${n.label}`) ? n.settings(e as never) : null,
  ]);
  return Object.fromEntries(entries) as NetworkSettings;
}

function oidcOf(e: z.output<typeof envSchema>): Config["oidc"] {
  const parts = {
    OIDC_ISSUER: e.OIDC_ISSUER,
    OIDC_CLIENT_ID: e.OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET: e.OIDC_CLIENT_SECRET,
  };
  const missing = Object.entries(parts)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length === 3) return null;
  if (missing.length)
    throw new ConfigError(
      `${missing[0]} must be set too when ${Object.keys(parts).find((k) => !missing.includes(k))} is set (OpenID Connect sign-in needs all three)`,
    );
  return {
    issuer: e.OIDC_ISSUER!.replace(/\/+$/, ""),
    clientId: e.OIDC_CLIENT_ID!,
    clientSecret: e.OIDC_CLIENT_SECRET!,
    name: e.OIDC_NAME,
  };
}

function replicaOptionsOf(e: z.output<typeof envSchema>): ReplicaOptions {
  const pathStyle = e.LITESTREAM_S3_FORCE_PATH_STYLE;
  return {
    s3Endpoint: e.LITESTREAM_S3_ENDPOINT,
    s3Region: e.LITESTREAM_S3_REGION,
    s3ForcePathStyle: pathStyle === undefined ? undefined : pathStyle === "1" || pathStyle === "true",
    sftpKeyPath: e.LITESTREAM_SFTP_KEY_PATH ? path.resolve(e.LITESTREAM_SFTP_KEY_PATH) : undefined,
  };
}

function replicationOf(e: z.output<typeof envSchema>): Config["replication"] {
  if (!e.LITESTREAM_REPLICA_URL) return null;
  try {
    const replica = parseReplicaUrl(e.LITESTREAM_REPLICA_URL, replicaOptionsOf(e));
    return { replica, syncInterval: e.LITESTREAM_SYNC_INTERVAL, lagAlertSeconds: e.LITESTREAM_LAG_ALERT_SECONDS };
  } catch (err) {
    throw new ConfigError(`LITESTREAM_REPLICA_URL ${(err as Error).message} (got "${e.LITESTREAM_REPLICA_URL}")`);
  }
}

function s3Of(e: z.output<typeof envSchema>): Config["mirror"]["s3"] {
  const parts = {
    MIRROR_S3_ENDPOINT: e.MIRROR_S3_ENDPOINT,
    MIRROR_S3_BUCKET: e.MIRROR_S3_BUCKET,
    MIRROR_S3_ACCESS_KEY_ID: e.MIRROR_S3_ACCESS_KEY_ID,
    MIRROR_S3_SECRET_ACCESS_KEY: e.MIRROR_S3_SECRET_ACCESS_KEY,
  };
  const missing = Object.entries(parts)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length === 4) return null;
  if (missing.length)
    throw new ConfigError(
      `${missing[0]} must be set too when ${Object.keys(parts).find((k) => !missing.includes(k))} is set (the S3 mirror needs endpoint, bucket and both keys)`,
    );
  if (!/^https?:\/\//.test(e.MIRROR_S3_ENDPOINT!))
    throw new ConfigError(`MIRROR_S3_ENDPOINT must be an absolute http(s) URL (got "${e.MIRROR_S3_ENDPOINT}")`);
  // A literal here; a name is checked on the address it resolves to, at each connect.
  if (
    hostProblem(new URL(e.MIRROR_S3_ENDPOINT!).hostname, {
      allowPrivate: e.OUTPOST_ALLOW_PRIVATE_TARGETS,
      allowMetadata: e.OUTPOST_ALLOW_METADATA_TARGETS,
    })
  ) {
    const which = e.OUTPOST_ALLOW_PRIVATE_TARGETS ? "OUTPOST_ALLOW_METADATA_TARGETS" : "OUTPOST_ALLOW_PRIVATE_TARGETS";
    throw new ConfigError(
      `MIRROR_S3_ENDPOINT points at a loopback, private or metadata address; set ${which}=1 to allow it (got "${e.MIRROR_S3_ENDPOINT}")`,
    );
  }
  return {
    endpoint: e.MIRROR_S3_ENDPOINT!.replace(/\/+$/, ""),
    bucket: e.MIRROR_S3_BUCKET!,
    region: e.MIRROR_S3_REGION,
    accessKeyId: e.MIRROR_S3_ACCESS_KEY_ID!,
    secretAccessKey: e.MIRROR_S3_SECRET_ACCESS_KEY!,
  };
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings count as unset, as they do in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = firstIssue(result.error);
    const name = String(issue.path[0] ?? "environment");
    const got = cleaned[name] === undefined ? "" : ` (got "${cleaned[name]}")`;
    throw new ConfigError(`${name} ${issue.message}${got}`);
  }
  const e = result.data;
  if (e.OUTPOST_ADMIN_PASSWORD && !e.OUTPOST_ADMIN_EMAIL)
    throw new ConfigError("OUTPOST_ADMIN_EMAIL must be set too when OUTPOST_ADMIN_PASSWORD is set");
  if (e.OUTPOST_PROCESS_ROLE && !e.OUTPOST_WRITER_SOCKET)
    throw new ConfigError("OUTPOST_WRITER_SOCKET must be set too when OUTPOST_PROCESS_ROLE is set");
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  if (!/^https?:\/\//.test(publicUrl))
    throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL (got "${publicUrl}")`);
  const oidc = oidcOf(e);
  const s3 = s3Of(e);
  const networks = networkSettings(e);
  const replication = replicationOf(e);
  return Object.freeze({
    host: e.HOST,
    port: e.PORT,
    databasePath: path.resolve(e.DATABASE_PATH),
    publicUrl,
    pageName: e.OUTPOST_PAGE_NAME,
    timeZone: e.OUTPOST_TIME_ZONE,
    locales: {
      defaultLocale: e.OUTPOST_DEFAULT_LOCALE,
      locales: e.OUTPOST_LOCALES.includes(e.OUTPOST_DEFAULT_LOCALE)
        ? e.OUTPOST_LOCALES
        : [e.OUTPOST_DEFAULT_LOCALE, ...e.OUTPOST_LOCALES],
    },
    authSecret: e.AUTH_SECRET,
    demo: e.OUTPOST_DEMO,
    admin: { email: e.OUTPOST_ADMIN_EMAIL?.toLowerCase(), password: e.OUTPOST_ADMIN_PASSWORD },
    apiToken: e.OUTPOST_API_TOKEN,
    trustProxy: e.TRUST_PROXY,
    oidc,
    backupDir: path.resolve(e.BACKUP_DIR ?? path.join(path.dirname(path.resolve(e.DATABASE_PATH)), "backups")),
    edgeDir: e.EDGE_DIR ? path.resolve(e.EDGE_DIR) : null,
    mirror: {
      dir: e.MIRROR_DIR ? path.resolve(e.MIRROR_DIR) : null,
      publicUrl: e.MIRROR_PUBLIC_URL ? e.MIRROR_PUBLIC_URL.replace(/\/+$/, "") : null,
      s3,
    },
    replication,
    replicaOptions: replicaOptionsOf(e),
    syncInterval: e.LITESTREAM_SYNC_INTERVAL,
    litestreamBin: e.LITESTREAM_BIN ? path.resolve(e.LITESTREAM_BIN) : null,
    allowPrivateTargets: e.OUTPOST_ALLOW_PRIVATE_TARGETS,
    allowMetadataTargets: e.OUTPOST_ALLOW_METADATA_TARGETS,
    monitors: {
      enabled: e.OUTPOST_MONITORS,
      retentionDays: e.OUTPOST_CHECK_RETENTION_DAYS,
      probePollSeconds: e.OUTPOST_PROBE_POLL_SECONDS,
      locationLabel: e.OUTPOST_LOCATION_LABEL ?? null,
      alertWebhook: e.OUTPOST_ALERT_WEBHOOK_URL
        ? { url: e.OUTPOST_ALERT_WEBHOOK_URL, format: e.OUTPOST_ALERT_WEBHOOK_FORMAT }
        : null,
    },
    mail: e.SMTP_URL
      ? { url: e.SMTP_URL, from: e.MAIL_FROM ?? `Outpost <outpost@${new URL(publicUrl).hostname}>` }
      : null,
    ...networks,
    workers: e.OUTPOST_WORKERS,
    role: e.OUTPOST_PROCESS_ROLE ?? "main",
    writerSocket: e.OUTPOST_PROCESS_ROLE ? e.OUTPOST_WRITER_SOCKET! : null,
  });
}

let cached: Config | undefined;

/** What Outpost's own outgoing connections may reach, before any per-monitor flag. */
export function targetPolicy(c: Config = config()): TargetPolicy {
  return { allowPrivate: c.allowPrivateTargets, allowMetadata: c.allowMetadataTargets };
}

export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
