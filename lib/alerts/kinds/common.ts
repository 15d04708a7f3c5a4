// Parts every alert kind shares: the bounds on one delivery, reading times in the shapes sources
// send them, checking links, clamping text, and a stable fingerprint for alerts that carry none.
import { createHash } from "node:crypto";
import { z } from "zod";
import { AlertPayloadError } from "../kind";

/** One delivery carries at most this many alerts; a bigger one is refused, not cut short. */
export const MAX_ALERTS = 1000;
/** Labels kept per alert: rules match on a handful, and each one is stored with the alert. */
export const MAX_LABELS = 64;
/** Label names and values are clamped to this many characters. */
export const MAX_LABEL_LENGTH = 200;
export const MAX_SUMMARY_LENGTH = 300;
const MAX_URL_LENGTH = 2000;

/** Parses `value` or throws an AlertPayloadError naming where the body went wrong (the ingest shows it). */
export function read<S extends z.ZodType>(schema: S, value: unknown, where = ""): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AlertPayloadError(describeIssues(result.error, where));
}

function describeIssues(error: z.ZodError, where: string): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = [where, ...issue.path.map(String)].filter(Boolean).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - shown.length;
  return shown.join("; ") + (more > 0 ? ` (and ${more} more)` : "");
}

/** Reads each alert of a list, refusing an oversized delivery before reading any of it. */
export function readEach<S extends z.ZodType>(schema: S, list: unknown[], where = "alerts"): z.output<S>[] {
  if (list.length > MAX_ALERTS) {
    throw new AlertPayloadError(`too many alerts: ${list.length} in one delivery, at most ${MAX_ALERTS}`);
  }
  return list.map((item, i) => read(schema, item, `${where}.${i}`));
}

export const alertList = z.array(z.unknown(), { error: "alerts must be a list" });

/** A JSON object, said plainly when the body is something else (a list, a string, null). */
export const jsonObject = <Shape extends z.ZodRawShape>(shape: Shape, what = "a JSON object") =>
  z.looseObject(shape, { error: (issue) => (issue.code === "invalid_type" ? `Expected ${what}` : undefined) });

// An offset is required: a time without one means a different instant on every server.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO 8601 time with an offset, as ms since the epoch. */
export const isoTime = z
  .string({ error: "Expected an ISO 8601 time" })
  .trim()
  .refine(
    (s) => ISO_TIME.test(s) && Number.isFinite(Date.parse(s)),
    "Expected an ISO 8601 time such as 2024-05-01T12:00:00Z",
  )
  .transform((s) => Date.parse(s));

/**
 * A time sent as a number since the epoch, in whichever unit the source used: Opsgenie sends
 * updatedAt in nanoseconds in some payloads and milliseconds in others, and a script may send seconds.
 */
export function epochToMs(n: number): number {
  if (n > 1e15) return Math.floor(n / 1e6);
  if (n > 1e12) return Math.floor(n);
  return Math.floor(n * 1000);
}

export const epochTime = z
  .number({ error: "Expected a time as a number since the epoch" })
  .positive("Expected a time after 1970")
  .transform(epochToMs);

/** Either an ISO 8601 time or a number since the epoch. */
export const anyTime = z.union([isoTime, epochTime], { error: "Expected an ISO 8601 time or ms since the epoch" });

/** Go's zero time ("0001-01-01T00:00:00Z", Alertmanager's "not ended") and anything before 1970 mean "not set". */
export const setTime = (ms: number | undefined): number | null => (ms !== undefined && ms > 0 ? ms : null);

/** The link if it is an http or https URL of sensible length, else null (a bad link never loses an alert). */
export function httpUrl(u: unknown): string | null {
  if (typeof u !== "string") return null;
  const s = u.trim();
  if (!s || s.length > MAX_URL_LENGTH || !URL.canParse(s)) return null;
  return /^https?:$/.test(new URL(s).protocol) ? s : null;
}

/** The first candidate that is a usable link (sources send "" for links they do not have). */
export const firstHttpUrl = (...candidates: unknown[]): string | null => {
  for (const c of candidates) {
    const url = httpUrl(c);
    if (url) return url;
  }
  return null;
};

/** Cuts `s` to `max` characters, ending with an ellipsis, without splitting a surrogate pair. */
export function clampText(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return s.slice(0, end) + "…";
}

/**
 * The first candidate with any text, on one line and at most 300 characters: summaries land in
 * lists and drafts, where a multi-line annotation would break the layout.
 */
export function summaryOf(...candidates: unknown[]): string | null {
  for (const c of candidates) {
    if (typeof c !== "string") continue;
    const line = c.replace(/\s+/g, " ").trim();
    if (line) return clampText(line, MAX_SUMMARY_LENGTH);
  }
  return null;
}

/** Label values as sources send them; numbers and booleans are written as strings, nulls dropped. */
export const labelValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]), {
  error: "Expected an object of names and values",
});

/**
 * Labels as rules see them: string values, names and values clamped, empty values and names
 * dropped, at most 64 kept in the order given (so a kind lists its most useful labels first).
 */
export function cleanLabels(entries: Iterable<[string, unknown]>): Record<string, string> {
  // A Map, so names such as "constructor" or "__proto__" are labels like any other.
  const out = new Map<string, string>();
  for (const [rawName, rawValue] of entries) {
    if (out.size >= MAX_LABELS) break;
    if (rawValue === null || rawValue === undefined || typeof rawValue === "object") continue;
    const name = clampText(rawName.trim(), MAX_LABEL_LENGTH);
    const value = clampText(String(rawValue), MAX_LABEL_LENGTH);
    if (name && value !== "" && !out.has(name)) out.set(name, value);
  }
  return Object.fromEntries(out);
}

/** An alert's state as Alertmanager, Grafana and Outpost's own format spell it. */
export const alertState = z.enum(["firing", "resolved"], { error: 'Expected "firing" or "resolved"' });

/** A source's own alert identity, bounded so it fits wherever it is stored. */
export const fingerprint = z
  .string({ error: "Expected a string" })
  .trim()
  .min(1, "Must not be empty")
  .max(MAX_LABEL_LENGTH, `At most ${MAX_LABEL_LENGTH} characters`);

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const keys = Object.keys(value).sort();
    const body = keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${body.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * A fingerprint for an alert its source does not identify: the same labels give the same hash in
 * every delivery, so the resolved alert finds the firing one.
 */
export const stableHash = (value: unknown): string => createHash("sha256").update(canonicalJson(value)).digest("hex");
