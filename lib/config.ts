// The only reader of process.env. Parsed once with zod, then frozen.
import path from "node:path";
import { z } from "zod";

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

const envSchema = z.object({
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce.number({ error: "must be a port number" }).int().min(0).max(65535, "must be at most 65535").default(3000),
  DATABASE_PATH: z.string().min(1).default("./data/outpost.db"),
  PUBLIC_URL: z.url({ error: "must be an absolute http(s) URL" }).optional(),
  OUTPOST_PAGE_NAME: z.string().trim().min(1).max(100).default("Outpost Demo"),
  OUTPOST_TIME_ZONE: z
    .string()
    .default("Etc/UTC")
    .refine(isValidTimeZone, { message: "must be an IANA time zone such as Europe/Berlin" }),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  OUTPOST_DEMO: flag("1"),
});

export type Config = Readonly<{
  host: string;
  port: number;
  databasePath: string;
  publicUrl: string;
  pageName: string;
  timeZone: string;
  authSecret: string | undefined;
  demo: boolean;
}>;

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings count as unset, as they do in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? "environment");
    const got = cleaned[name] === undefined ? "" : ` (got "${cleaned[name]}")`;
    throw new ConfigError(`${name} ${issue.message}${got}`);
  }
  const e = result.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  if (!/^https?:\/\//.test(publicUrl)) throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL (got "${publicUrl}")`);
  return Object.freeze({
    host: e.HOST,
    port: e.PORT,
    databasePath: path.resolve(e.DATABASE_PATH),
    publicUrl,
    pageName: e.OUTPOST_PAGE_NAME,
    timeZone: e.OUTPOST_TIME_ZONE,
    authSecret: e.AUTH_SECRET,
    demo: e.OUTPOST_DEMO,
  });
}

let cached: Config | undefined;

export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
