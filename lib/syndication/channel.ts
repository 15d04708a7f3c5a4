// What every channel implements, and how a failed attempt is described to the sender.
import type { ComponentChangeRow, DeliveryRow } from "@/db/queries/deliveries";
import type { SubscriberRow } from "@/db/queries/subscribers";
import type { SnapIncident, SnapUpdate } from "../snapshot-types";
import type { ComponentSource } from "../statuspage";
import type { Locale } from "../i18n/locales";

/** What every attempt carries, whatever it announces. */
export type JobContext = {
  delivery: DeliveryRow;
  subscriber: SubscriberRow | null;
  page: {
    id: string;
    name: string;
    url: string;
    indicator: string;
    description: string;
    /** The locale served without a prefix (mail links to a subscriber's locale are made with it). */
    defaultLocale?: Locale;
  };
  /** The page's components (webhook bodies carry full component objects). */
  components: ReadonlyMap<string, ComponentSource>;
};

/** Everything an attempt at an incident update needs, loaded by the sender. */
export type Job = JobContext & {
  incident: SnapIncident;
  update: SnapUpdate;
  /** The incident's link carrying the delivery marker, e.g. https://status.example/incidents/abc?d=xyz */
  url: string;
  /** The short marker of this delivery found in the post's link: "d=<delivery id>". */
  marker: string;
  /** The previous post of the same incident on this channel: the reply goes under it. */
  parent: { remoteId: string; ref: Record<string, string> | null } | null;
};

/** A component's status changed outside an incident (Statuspage's component_update). */
export type ComponentJob = JobContext & { change: ComponentChangeRow; component: ComponentSource };

export type Sent = { remoteId: string; remoteUrl?: string | null; ref?: Record<string, string> | null };

export type Channel = {
  name: string;
  send(job: Job): Promise<Sent>;
  /** Only channels that announce component changes (webhooks) have this. */
  sendComponentUpdate?(job: ComponentJob): Promise<Sent>;
  /**
   * Looks for a post of this delivery made by an earlier attempt whose outcome is unknown.
   * null: certainly not posted.
   */
  find?(job: Job): Promise<Sent | null>;
  /** A resend cannot produce a second copy (a caller-chosen key, or a receiver-side id). */
  idempotent?: boolean;
};

/** A failed attempt. `maybeSent`: the request may have reached the other side. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly opts: { retryAfterMs?: number; permanent?: boolean; maybeSent?: boolean; status?: number } = {},
  ) {
    super(message);
  }
}

/** Seconds (Retry-After) or an HTTP date, or an epoch-seconds reset (x-rate-limit-reset), as ms from now. */
export function retryAfterMs(headers: { get(name: string): string | null }, now = Date.now()): number | undefined {
  const ra = headers.get("retry-after");
  if (ra) {
    if (/^\d+$/.test(ra.trim())) return Number(ra) * 1000;
    const at = Date.parse(ra);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get("x-rate-limit-reset") ?? headers.get("ratelimit-reset");
  if (reset && /^\d+$/.test(reset.trim())) {
    const n = Number(reset);
    // Epoch seconds (X, Mastodon's date aside) or seconds from now (IETF RateLimit).
    return n > 1e9 ? Math.max(0, n * 1000 - now) : n * 1000;
  }
  return undefined;
}

/** Maps an HTTP failure to a SendError: 4xx (but 408/425/429) is permanent, 5xx and 429 retry. */
export function httpError(
  what: string,
  status: number,
  headers: { get(name: string): string | null },
  detail = "",
): SendError {
  const retryable = status >= 500 || status === 408 || status === 425 || status === 429;
  const message = `${what} answered ${status}${detail ? `: ${detail.slice(0, 300)}` : ""}`;
  return new SendError(message, { status, permanent: !retryable, retryAfterMs: retryAfterMs(headers) });
}

/** A transport error (timeout, reset): the request may or may not have arrived. */
export function transportError(what: string, err: unknown): SendError {
  const cause =
    err instanceof Error
      ? err.cause instanceof Error
        ? `${err.message} (${err.cause.message})`
        : err.message
      : String(err);
  return new SendError(`${what}: ${cause}`, { maybeSent: true });
}

export const REQUEST_TIMEOUT_MS = 15_000;
