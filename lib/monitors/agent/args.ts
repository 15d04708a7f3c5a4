// The probe agent's command line: flags first, then OUTPOST_PROBE_* variables from the environment
// it is handed (the agent is its own program, so it reads its own environment, not lib/config.ts).
// A bad value is one line that names the flag; the token is never part of it.
import path from "node:path";
import { z } from "zod";
import { agentName } from "./protocol";

export type AgentOptions = {
  /** The server's public URL, without a trailing slash. */
  server: string;
  token: string;
  name: string;
  dataDir: string;
  bufferMax: number;
  concurrency: number;
};

export const DEFAULT_BUFFER_MAX = 100_000;
export const DEFAULT_CONCURRENCY = 32;

export const USAGE = `Usage: npm run probe -- --server URL --token TOKEN --name NAME [--data-dir DIR] [--buffer-max N] [--concurrency N]
  --server URL       the Outpost server's public URL            (or OUTPOST_PROBE_SERVER)
  --token TOKEN      a probe token made for this location        (or OUTPOST_PROBE_TOKEN)
  --name NAME        the location's name, e.g. eu-west           (or OUTPOST_PROBE_NAME)
  --data-dir DIR     where results wait to be sent               (or OUTPOST_PROBE_DATA_DIR; ./probe-data/NAME)
  --buffer-max N     results kept while the server is away       (or OUTPOST_PROBE_BUFFER_MAX; ${DEFAULT_BUFFER_MAX})
  --concurrency N    checks running at once                      (or OUTPOST_PROBE_CONCURRENCY; ${DEFAULT_CONCURRENCY})`;

const FLAGS = {
  "--server": "server",
  "--token": "token",
  "--name": "name",
  "--data-dir": "dataDir",
  "--buffer-max": "bufferMax",
  "--concurrency": "concurrency",
} as const;
type Key = (typeof FLAGS)[keyof typeof FLAGS];

const ENV: Record<Key, string> = {
  server: "OUTPOST_PROBE_SERVER",
  token: "OUTPOST_PROBE_TOKEN",
  name: "OUTPOST_PROBE_NAME",
  dataDir: "OUTPOST_PROBE_DATA_DIR",
  bufferMax: "OUTPOST_PROBE_BUFFER_MAX",
  concurrency: "OUTPOST_PROBE_CONCURRENCY",
};

const FLAG_OF = Object.fromEntries(Object.entries(FLAGS).map(([flag, key]) => [key, flag])) as Record<Key, string>;

const count = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Enter the ${what} as a number` })
    .int(`The ${what} is a whole number`)
    .min(min, `The ${what} is at least ${min}`)
    .max(max, `The ${what} is at most ${max.toLocaleString("en")}`);

const schema = z.object({
  server: z
    .string({ error: "Give the server's URL" })
    .trim()
    .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), "Use the server's http:// or https:// URL")
    .transform((u) => u.replace(/\/+$/, "")),
  token: z.string({ error: "Give the probe token" }).trim().min(1, "Give the probe token"),
  name: agentName,
  dataDir: z.string().trim().min(1, "Give a folder").optional(),
  bufferMax: count("buffer size", 100, 10_000_000).default(DEFAULT_BUFFER_MAX),
  concurrency: count("concurrency", 1, 1024).default(DEFAULT_CONCURRENCY),
});

export type Parsed = { ok: true; options: AgentOptions } | { ok: false; error: string } | { ok: "help" };

/** Reads the flags (`--flag value` or `--flag=value`) and falls back to the environment for each. */
export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Parsed {
  const given: Partial<Record<Key, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") continue;
    if (arg === "--help" || arg === "-h") return { ok: "help" };
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const key = (FLAGS as Record<string, Key | undefined>)[flag];
    // Only a flag's own name is echoed: a stray value could be the token.
    if (!key)
      return {
        ok: false,
        error: flag.startsWith("-")
          ? `unknown flag ${flag.slice(0, 40)} (see --help)`
          : "unexpected value (see --help)",
      };
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) return { ok: false, error: `${flag} needs a value` };
    given[key] = value;
  }
  const input: Partial<Record<Key, string>> = {};
  for (const key of Object.keys(ENV) as Key[]) {
    const value = given[key] ?? env[ENV[key]];
    if (value !== undefined && value !== "") input[key] = value;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path[0] as Key;
    const missing = input[key] === undefined;
    if (missing) return { ok: false, error: `${FLAG_OF[key]} (or ${ENV[key]}) is required` };
    return { ok: false, error: `${FLAG_OF[key]}: ${issue.message}` };
  }
  const o = parsed.data;
  return {
    ok: true,
    options: {
      server: o.server,
      token: o.token,
      name: o.name,
      dataDir: path.resolve(o.dataDir ?? path.join("probe-data", o.name)),
      bufferMax: o.bufferMax,
      concurrency: o.concurrency,
    },
  };
}
