// The sender: delivers the outbox. One process at a time holds a lease row and sends; the others
// wait. Per target (a network or a subscriber) deliveries go out one at a time in update order
// (component changes, webhooks only, in their own lane and order), so threads stay in order and
// one slow or dead target never holds up another. Failures back off
// exponentially with jitter (or as the network's Retry-After / x-rate-limit-reset says), a
// circuit breaker pauses a target that keeps failing, and after MAX attempts a delivery is failed
// with its last error. An attempt whose outcome is unknown (the process died mid-send, or the
// connection broke after the request left) is checked before any resend: see decideUncertain.
import { pageLocales } from "../i18n/locales";
import os from "node:os";
import { inTransaction, type Db } from "@/db/client";
import { listComponents } from "@/db/queries/components";
import { readDataVersion } from "@/db/queries/version";
import {
  acquireLease,
  claimDelivery,
  getComponentChange,
  listHeads,
  patchDelivery,
  previousInThread,
  recoverAbandoned,
  releaseLease,
  type DeliveryRow,
} from "@/db/queries/deliveries";
import { getIncident } from "@/db/queries/incidents";
import { getPage } from "@/db/queries/page";
import { getSubscriber } from "@/db/queries/subscribers";
import { newId } from "../ids";
import { buildSnapshot, hydrateIncident } from "../snapshot";
import type { Snapshot } from "../snapshot-types";
import { SendError, type Channel, type ComponentJob, type Job, type JobContext, type Sent } from "./channel";
import { NETWORKS } from "./networks";

export const LEASE_NAME = "outbox-sender";
const NETWORK_SET = new Set<string>(NETWORKS);

export type SenderOptions = {
  db: Db;
  publicUrl: string;
  /** Channel by delivery channel name (x, mastodon, bluesky, email, webhook, slack, discord, teams). */
  channels: Partial<Record<string, Channel>>;
  holder?: string;
  leaseMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Consecutive failures that open a target's breaker, and how long it stays open. */
  breakerThreshold?: number;
  breakerOpenMs?: number;
  /** Subscriber attempts (email, webhooks, chat) running at once; the networks have their own lane. */
  concurrency?: number;
  random?: () => number;
  log?: (line: string) => void;
  /**
   * The public snapshot (lib/snapshot.ts: currentSnapshot in the server), so a post says what
   * every public view says. Left out: a snapshot of `db` built here.
   */
  snapshot?: () => Snapshot;
};

/** Exponential backoff with jitter (half fixed, half random); a Retry-After from the network wins when longer. */
export function backoffDelay(
  attempt: number,
  o: { baseDelayMs: number; maxDelayMs: number; retryAfterMs?: number; random: () => number },
): number {
  const exp = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exp / 2 + (o.random() * exp) / 2;
  return Math.max(jittered, o.retryAfterMs ?? 0);
}

type Breaker = { failures: number; openUntil: number };

/** One attempt, ready to go: its send and, where the channel can look, its look-up of an earlier post. */
type Prepared = { send(): Promise<Sent>; find?(): Promise<Sent | null> };

export class Sender {
  readonly holder: string;
  private readonly o: Required<Omit<SenderOptions, "holder" | "snapshot">> & Pick<SenderOptions, "snapshot">;
  private own: Snapshot | undefined;
  /** delivery id -> its attempt, and the targets those belong to. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly busyTargets = new Set<string>();
  private readonly breakers = new Map<string, Breaker>();
  private hasLease = false;

  constructor(opts: SenderOptions) {
    this.holder = opts.holder ?? `${os.hostname()}:${process.pid}:${newId(6)}`;
    this.o = {
      leaseMs: 30_000,
      maxAttempts: 8,
      baseDelayMs: 5_000,
      maxDelayMs: 15 * 60_000,
      breakerThreshold: 5,
      breakerOpenMs: 60_000,
      concurrency: 8,
      random: Math.random,
      log: (line) => console.error(line),
      ...opts,
    };
  }

  /** Attempts now running (tests wait for them). */
  idle(): Promise<unknown> {
    return Promise.all([...this.inFlight.values()]);
  }

  /**
   * One round: keeps the lease, then starts the due deliveries of targets that are free. Returns
   * without waiting for the attempts it started (idle() does).
   */
  tick(now = Date.now()): number {
    const db = this.o.db;
    this.hasLease = acquireLease(db, LEASE_NAME, this.holder, now, this.o.leaseMs);
    if (!this.hasLease) return 0;
    // Only the lease holder sends, so a "sending" row that is not ours was left by a sender that is gone.
    recoverAbandoned(db, [...this.inFlight.keys()], now);
    let started = 0;
    let subscriberAttempts = [...this.busyTargets].filter((t) => !NETWORK_SET.has(t)).length;
    for (const d of listHeads(db, 200, now)) {
      if (d.subscriberId && subscriberAttempts >= this.o.concurrency) break;
      if (this.busyTargets.has(d.target) || d.nextAttemptAt > now) continue;
      const breaker = this.breakers.get(d.target) ?? this.breakers.get(d.channel);
      if (breaker && breaker.openUntil > now) continue;
      const claimed = claimDelivery(db, d.id, now);
      if (!claimed) continue;
      this.busyTargets.add(d.target);
      if (d.subscriberId) subscriberAttempts++;
      const attempt = this.attempt(claimed, now).finally(() => {
        this.inFlight.delete(d.id);
        this.busyTargets.delete(d.target);
      });
      this.inFlight.set(d.id, attempt);
      started++;
    }
    return started;
  }

  /** Gives the lease up (on shutdown), so another process may take over at once. */
  stop(): void {
    if (this.hasLease) releaseLease(this.o.db, LEASE_NAME, this.holder);
    this.hasLease = false;
  }

  private async attempt(d: DeliveryRow, now: number): Promise<void> {
    const channel = this.o.channels[d.channel];
    if (!channel) return this.finish(d, { state: "failed", lastError: `${d.channel} is not configured` }, now);
    let prepared: Prepared | string;
    try {
      prepared = this.prepare(channel, d);
    } catch (err) {
      return this.retryLater(d, new SendError(`could not prepare the message: ${(err as Error).message}`), now);
    }
    if (typeof prepared === "string") return this.finish(d, { state: "failed", lastError: prepared }, now);
    try {
      if (d.uncertain) {
        const decided = await this.decideUncertain(channel, prepared);
        if (decided === "unknown") {
          return this.finish(
            d,
            {
              state: "unknown",
              lastError:
                "An earlier attempt may have been posted and this network cannot be searched: check the account, then settle.",
            },
            now,
          );
        }
        if (decided) return this.succeed(d, decided, now);
      }
      const sent = await prepared.send();
      this.succeed(d, sent, now);
    } catch (err) {
      const e =
        err instanceof SendError ? err : new SendError((err as Error)?.message ?? String(err), { maybeSent: true });
      this.retryLater(d, e, now);
    }
  }

  /** The attempt for what this delivery announces, or why it cannot be sent at all. */
  private prepare(channel: Channel, d: DeliveryRow): Prepared | string {
    if (d.componentChangeId) {
      const send = channel.sendComponentUpdate;
      if (!send) return `${d.channel} does not announce component changes`;
      const job = this.loadComponentJob(d, d.componentChangeId);
      return job ? { send: () => send.call(channel, job) } : "the subscriber or component no longer exists";
    }
    const job = this.loadJob(d);
    if (!job) return "the subscriber or update no longer exists";
    const find = channel.find;
    return { send: () => channel.send(job), find: find && (() => find.call(channel, job)) };
  }

  /**
   * Before resending an attempt that may have gone through: a channel that can look (a marker
   * in its recent posts) looks; one whose resend cannot duplicate just sends; otherwise the
   * delivery becomes "unknown" for staff to settle rather than risk a second post.
   */
  private async decideUncertain(channel: Channel, prepared: Prepared): Promise<Sent | null | "unknown"> {
    if (prepared.find) return prepared.find();
    if (channel.idempotent) return null;
    return "unknown";
  }

  /** The subscriber and the page as they stand now; null when the subscriber is gone. */
  private loadContext(d: DeliveryRow): JobContext | null {
    const db = this.o.db;
    const subscriber = d.subscriberId ? (getSubscriber(db, d.subscriberId) ?? null) : null;
    if (d.subscriberId && !subscriber) return null;
    const page = getPage(db);
    const components = listComponents(db, page?.id ?? "");
    const { status } = this.snapshot();
    return {
      delivery: d,
      subscriber,
      page: {
        id: page?.id ?? "",
        name: page?.name ?? "Status",
        url: this.o.publicUrl,
        indicator: status.indicator,
        description: status.description,
        defaultLocale: pageLocales(page).defaultLocale,
      },
      components: new Map(components.map((c) => [c.id, c])),
    };
  }

  private loadJob(d: DeliveryRow): Job | null {
    const db = this.o.db;
    const context = this.loadContext(d);
    if (!context || !d.incidentId) return null;
    const row = getIncident(db, d.incidentId);
    if (!row) return null;
    const incident = hydrateIncident(db, row, this.o.publicUrl);
    const update = incident.updates.find((u) => u.id === d.updateId);
    if (!update) return null;
    const prev = previousInThread(db, d);
    return {
      ...context,
      incident,
      update,
      url: `${incident.url}?d=${d.id}`,
      marker: `d=${d.id}`,
      parent: prev?.remoteId ? { remoteId: prev.remoteId, ref: prev.remoteRef ?? null } : null,
    };
  }

  private loadComponentJob(d: DeliveryRow, changeId: string): ComponentJob | null {
    const change = getComponentChange(this.o.db, changeId);
    const context = this.loadContext(d);
    const component = change && context?.components.get(change.componentId);
    if (!change || !context || !component) return null;
    return { ...context, change, component };
  }

  /**
   * A snapshot at least as new as the database: the delivery was written in its update's
   * transaction, so a post never describes a state older than the update it announces.
   */
  private snapshot(): Snapshot {
    const version = readDataVersion(this.o.db);
    const given = this.o.snapshot?.();
    if (given && given.version >= version) return given;
    if (!this.own || this.own.version < version) this.own = buildSnapshot(this.o.db, { publicUrl: this.o.publicUrl });
    return this.own;
  }

  private succeed(d: DeliveryRow, sent: Sent, now: number) {
    this.breakers.delete(d.target);
    this.finish(
      d,
      {
        state: "sent",
        remoteId: sent.remoteId,
        remoteUrl: sent.remoteUrl ?? null,
        remoteRef: sent.ref ?? null,
        sentAt: now,
        lastError: null,
        uncertain: false,
      },
      now,
    );
  }

  private retryLater(d: DeliveryRow, e: SendError, now: number) {
    const b = this.breakers.get(d.target) ?? { failures: 0, openUntil: 0 };
    b.failures++;
    if (b.failures >= this.o.breakerThreshold) b.openUntil = now + this.o.breakerOpenMs;
    // A rate limit speaks for the whole account, not one delivery.
    if (e.opts.retryAfterMs !== undefined) b.openUntil = Math.max(b.openUntil, now + e.opts.retryAfterMs);
    this.breakers.set(d.target, b);
    const uncertain = d.uncertain || !!e.opts.maybeSent;
    if (e.opts.permanent || d.attempts >= this.o.maxAttempts) {
      const state =
        uncertain && !this.o.channels[d.channel]?.find && !this.o.channels[d.channel]?.idempotent
          ? "unknown"
          : "failed";
      return this.finish(d, { state, lastError: e.message, uncertain }, now);
    }
    const delay = backoffDelay(d.attempts, { ...this.o, retryAfterMs: e.opts.retryAfterMs });
    this.finish(d, { state: "pending", lastError: e.message, uncertain, nextAttemptAt: now + Math.round(delay) }, now);
  }

  private finish(d: DeliveryRow, patch: Partial<DeliveryRow>, now: number) {
    try {
      inTransaction(this.o.db, () =>
        patchDelivery(this.o.db, d.id, { ...patch, attemptStartedAt: null, updatedAt: now }),
      );
    } catch (err) {
      // The row stays "sending": the next sender treats it as uncertain and checks before resending.
      this.o.log(`outpost: could not record delivery ${d.id}: ${(err as Error).message}`);
    }
    if (patch.state === "failed" || patch.state === "unknown")
      this.o.log(`outpost: delivery ${d.id} (${d.channel}) ${patch.state}: ${patch.lastError}`);
  }
}
