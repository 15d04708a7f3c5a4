// What a probe agent and the server say to each other, as zod schemas both sides validate with.
// The agent (this folder) never imports the database or React; the server's admin API routes
// (lib/api/probe.ts) take their bodies from here, so the two cannot drift apart.
//
//   GET  /api/v2/summary.json                              → the page id (public, once)
//   GET  /api/v1/pages/{page_id}/probe/assignments          → what to check (every poll_seconds)
//   POST /api/v1/pages/{page_id}/probe/results              → up to MAX_BATCH results, oldest first
//
// Both calls carry `Authorization: Bearer <probe token>` and the agent's name, version and clock
// in headers. Results are idempotent by (agent, boot, seq): seq grows by one per result within a
// boot (the agent's buffer on disk keeps both across restarts), the server remembers the highest
// seq it accepted per boot and skips anything at or below it, so a batch sent twice counts once.
import { z } from "zod";

/** At most this many results per POST (under the admin API's body limit). */
export const MAX_BATCH = 500;

export const AGENT_NAME_HEADER = "x-outpost-agent";
export const AGENT_VERSION_HEADER = "x-outpost-agent-version";
/** The agent's clock (ISO 8601) when it sent the request: the server works out the skew. */
export const AGENT_TIME_HEADER = "x-outpost-agent-time";

/** An agent's name: what staff pick in a monitor's locations and what `--name` says. */
export const agentName = z
  .string()
  .trim()
  .min(1, "Name the location, e.g. eu-west")
  .max(40, "At most 40 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "Lower-case letters, digits and hyphens, e.g. eu-west")
  .refine((n) => n !== "local", "“local” is the server's own location");

const iso = z.iso.datetime({ offset: true });

/** One monitor to check, with its settings as the kind's schema stores them. */
export const assignment = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(200),
  kind: z.string().min(1).max(40),
  settings: z.record(z.string(), z.unknown()),
  interval_seconds: z.number().int().min(1).max(86_400),
  timeout_ms: z.number().int().min(100).max(120_000),
  /** The server's target policy for this monitor (its own setting plus the monitor's internal flag). */
  allow_private: z.boolean(),
  allow_metadata: z.boolean(),
});
export type Assignment = z.infer<typeof assignment>;

export const assignmentsResponse = z.object({
  agent: z.object({ id: z.string(), name: z.string(), label: z.string() }),
  server_time: iso,
  /** How often to fetch assignments again; also how the server tells a live agent from a silent one. */
  poll_seconds: z.number().int().min(1).max(3600),
  monitors: z.array(assignment),
});
export type AssignmentsResponse = z.infer<typeof assignmentsResponse>;

export const result = z.object({
  seq: z.number().int().min(1),
  monitor_id: z.string().min(1).max(100),
  /** When the check started, by the agent's clock (the server corrects it by the measured skew). */
  at: iso,
  ok: z.boolean(),
  degraded: z.boolean().optional(),
  latency_ms: z.number().int().min(0).max(600_000).nullable(),
  error: z.string().max(500).nullable(),
});
export type Result = z.infer<typeof result>;

export const resultsBody = z.object({
  agent: z.object({
    /** A random id made when the agent's buffer was created; a new one restarts the sequence. */
    boot: z.string().min(8).max(64),
    version: z.string().min(1).max(40),
  }),
  results: z
    .array(result)
    .max(MAX_BATCH, `At most ${MAX_BATCH} results per batch`)
    .refine((rs) => rs.every((r, i) => i === 0 || r.seq > rs[i - 1]!.seq), "Results go oldest first, seq rising"),
});
export type ResultsBody = z.infer<typeof resultsBody>;

export const resultsResponse = z.object({
  accepted: z.number().int(),
  /** Already accepted earlier (a batch sent again after a lost answer). */
  duplicates: z.number().int(),
  /** For monitors no longer assigned to this agent (or deleted): dropped. */
  ignored: z.number().int(),
  /** The highest seq of this boot the server holds: everything up to it may leave the buffer. */
  acked_seq: z.number().int(),
  server_time: iso,
  poll_seconds: z.number().int(),
});
export type ResultsResponse = z.infer<typeof resultsResponse>;
